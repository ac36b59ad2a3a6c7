// Use cases of policy pre-registration (Art. 25): register a new policy 3–10 working days before its
// release; on the release day a reminder asks for the original text and the interpretation.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { SessionUser } from '../../auth/session-store.ts';
import type { WorkingCalendar } from '../../calendar/index.ts';
import type { PolicyRegistration } from '../../contracts/kb.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { seesAllUnits } from '../articles/article-access.ts';
import { assertUnitExists } from '../articles/save-article.ts';
import type { KbPolicyRegistrationTable } from '../store/tables.ts';
import { checkLead, chinaDay, reminderState } from '../workflow/policy-registration.ts';

type Row = Selectable<KbPolicyRegistrationTable>;

const day = (d: string | Date): string => (typeof d === 'string' ? d.slice(0, 10) : chinaDay(d.getTime()));

function toRegistration(r: Row, today: string): PolicyRegistration {
  const releaseDate = day(r.release_date as string | Date);
  return {
    id: r.id,
    title: r.title,
    ownerUnitId: r.owner_unit_id,
    registeredAt: new Date(r.registered_at).toISOString(),
    releaseDate,
    leadWorkingDays: r.lead_working_days,
    timeliness: r.timeliness,
    status: r.status,
    originalArticleId: r.original_article_id,
    interpretationArticleId: r.interpretation_article_id,
    reminder: reminderState(
      {
        releaseDate,
        status: r.status,
        hasOriginal: r.original_article_id !== null,
        hasInterpretation: r.interpretation_article_id !== null,
      },
      today,
    ),
    note: r.note,
  };
}

export async function registerPolicy(
  db: Kysely<Database>,
  cal: Pick<WorkingCalendar, 'day'>,
  input: {
    user: SessionUser;
    title: string;
    ownerUnitId?: string | undefined;
    releaseDate: string;
    note?: string | undefined;
    now: Date;
  },
): Promise<PolicyRegistration> {
  const today = chinaDay(input.now.getTime());
  if (input.releaseDate < today) throw new AppError('KB_RELEASE_DATE_PAST');
  const ownerUnitId = input.ownerUnitId ?? input.user.orgUnitId;
  if (!input.user.roles.includes('kb_editor') && ownerUnitId !== input.user.orgUnitId)
    throw new AppError('KB_NOT_ALLOWED');
  await assertUnitExists(db, ownerUnitId);
  const lead = checkLead(cal, input.now.getTime(), input.releaseDate);
  const row = await db
    .insertInto('kb_policy_registration')
    .values({
      id: randomUUID(),
      title: input.title.trim(),
      owner_unit_id: ownerUnitId,
      registered_by: input.user.id,
      registered_at: input.now,
      release_date: input.releaseDate,
      lead_working_days: lead.workingDays,
      timeliness: lead.timeliness,
      status: 'registered',
      original_article_id: null,
      interpretation_article_id: null,
      note: input.note ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRegistration(row, today);
}

/** Links the published original text and/or interpretation; both present → fulfilled. */
export async function linkRegistration(
  db: Kysely<Database>,
  input: {
    id: string;
    user: SessionUser;
    originalArticleId?: string | undefined;
    interpretationArticleId?: string | undefined;
    now: Date;
  },
): Promise<PolicyRegistration> {
  const row = await db
    .selectFrom('kb_policy_registration')
    .selectAll()
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!row) throw new AppError('KB_REGISTRATION_NOT_FOUND');
  if (!input.user.roles.includes('kb_editor') && row.owner_unit_id !== input.user.orgUnitId)
    throw new AppError('KB_NOT_ALLOWED');
  for (const id of [input.originalArticleId, input.interpretationArticleId]) {
    if (!id) continue;
    const a = await db.selectFrom('kb_article').select('id').where('id', '=', id).executeTakeFirst();
    if (!a) throw new AppError('KB_ARTICLE_NOT_FOUND', { id });
  }
  const original = input.originalArticleId ?? row.original_article_id;
  const interpretation = input.interpretationArticleId ?? row.interpretation_article_id;
  const updated = await db
    .updateTable('kb_policy_registration')
    .set({
      original_article_id: original,
      interpretation_article_id: interpretation,
      status: original && interpretation ? 'fulfilled' : row.status,
    })
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRegistration(updated, chinaDay(input.now.getTime()));
}

export async function listRegistrations(
  db: Kysely<Database>,
  input: { user: SessionUser; reminder?: 'due' | undefined; now: Date },
): Promise<PolicyRegistration[]> {
  let q = db.selectFrom('kb_policy_registration').selectAll().orderBy('release_date').limit(500);
  if (!seesAllUnits(input.user)) q = q.where('owner_unit_id', '=', input.user.orgUnitId);
  const today = chinaDay(input.now.getTime());
  const all = (await q.execute()).map((r) => toRegistration(r, today));
  return input.reminder === 'due' ? all.filter((r) => r.reminder !== 'none') : all;
}
