// Use cases: create an article (a draft, version 1) and save a new version of a draft.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../auth/session-store.ts';
import type { ArticleContent, CreateArticle, UpdateArticle } from '../../contracts/kb.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { isEditable } from '../workflow/article-workflow.ts';
import { actorsFor } from './article-access.ts';
import { findArticle, insertArticle, insertVersion } from './article-store.ts';
import { type ArticleRow, normalizeCounties } from './article-view.ts';

export async function assertUnitExists(db: Kysely<Database>, unitId: string): Promise<void> {
  const u = await db.selectFrom('org_unit').select('id').where('id', '=', unitId).executeTakeFirst();
  if (!u) throw new AppError('KB_UNKNOWN_UNIT', { unitId });
}

export function normalizeContent(content: ArticleContent): ArticleContent {
  const counties = normalizeCounties(content.counties);
  if (counties.length !== new Set(content.counties).size) throw new AppError('KB_UNKNOWN_COUNTY');
  const tags = [...new Set(content.tags.map((t) => t.trim()).filter(Boolean))];
  return { ...content, title: content.title.trim(), counties, tags };
}

export async function createArticle(
  db: Kysely<Database>,
  user: SessionUser,
  input: CreateArticle,
  now: Date,
): Promise<string> {
  const editor = user.roles.includes('kb_editor');
  const ownerUnitId = input.ownerUnitId ?? user.orgUnitId;
  if (!editor && ownerUnitId !== user.orgUnitId) throw new AppError('KB_NOT_ALLOWED');
  await assertUnitExists(db, ownerUnitId);
  if (input.reviewUnitId) await assertUnitExists(db, input.reviewUnitId);
  const id = randomUUID();
  await db.transaction().execute((trx) =>
    insertArticle(trx, {
      id,
      kind: input.kind,
      ownerUnitId,
      reviewUnitId: input.reviewUnitId ?? null,
      public: input.public ?? true,
      publishAt: input.publishAt ? new Date(input.publishAt) : null,
      content: normalizeContent(input.content),
      authorId: user.id,
      note: '新建',
      now,
    }),
  );
  return id;
}

export async function updateArticle(
  db: Kysely<Database>,
  user: SessionUser,
  id: string,
  input: UpdateArticle,
  now: Date,
): Promise<ArticleRow> {
  if (input.reviewUnitId) await assertUnitExists(db, input.reviewUnitId);
  const content = normalizeContent(input.content);
  return db.transaction().execute(async (trx) => {
    const row = await findArticle(trx, id, true);
    if (!row) throw new AppError('KB_ARTICLE_NOT_FOUND');
    const actors = actorsFor(user, row);
    if (!actors.includes('owner') && !actors.includes('kb_editor')) throw new AppError('KB_NOT_ALLOWED');
    if (!isEditable(row.status)) throw new AppError('KB_NOT_EDITABLE', { status: row.status });
    const version = row.version + 1;
    await insertVersion(trx, id, version, content, user.id, input.note ?? null, now);
    const updated = await trx
      .updateTable('kb_article')
      .set({
        version,
        content: JSON.stringify(content),
        updated_at: now,
        ...(input.reviewUnitId !== undefined ? { review_unit_id: input.reviewUnitId } : {}),
        ...(input.public !== undefined ? { public: input.public } : {}),
        ...(input.publishAt !== undefined
          ? { publish_at: input.publishAt ? new Date(input.publishAt) : null }
          : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return updated;
  });
}
