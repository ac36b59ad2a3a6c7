// Who the caller is with respect to one article: roles plus 'owner' (member of the owner unit) and
// 'review_unit' (member of the second reviewing unit). Pure.
import type { SessionUser } from '../../auth/session-store.ts';
import type { Actor } from '../workflow/article-workflow.ts';
import type { ArticleRow } from './article-view.ts';

const UNIT_ROLES = new Set(['unit_staff', 'unit_leader', 'county_office', 'kb_editor']);

export function actorsFor(
  user: SessionUser,
  row: Pick<ArticleRow, 'owner_unit_id' | 'review_unit_id'>,
): Actor[] {
  const actors: Actor[] = [...user.roles];
  const unitMember = user.roles.some((r) => UNIT_ROLES.has(r));
  if (unitMember && user.orgUnitId === row.owner_unit_id) actors.push('owner');
  if (unitMember && row.review_unit_id && user.orgUnitId === row.review_unit_id) actors.push('review_unit');
  return actors;
}

/** May see the working copy (drafts, reviews), not only the published version. */
export function seesWorkingCopy(actors: readonly Actor[]): boolean {
  return actors.some(
    (a) => a === 'owner' || a === 'review_unit' || a === 'kb_editor' || a === 'authority' || a === 'admin',
  );
}

/** Sees every unit's articles, corrections and registrations. */
export function seesAllUnits(user: SessionUser): boolean {
  return user.roles.some((r) => r === 'kb_editor' || r === 'authority' || r === 'admin');
}
