// Use case: one workflow step on an article (submit, approve, reject, withdraw, revise …), decided by
// the pure transition table, stored with its log entry in one transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { type Actor, transition, type WorkflowAction } from '../workflow/article-workflow.ts';
import { appendEvent, findArticle } from './article-store.ts';
import type { ArticleRow } from './article-view.ts';

export async function stepWorkflow(
  db: Kysely<Database>,
  input: {
    id: string;
    action: WorkflowAction;
    actors: (row: ArticleRow) => Actor[];
    actorId: string | null;
    comment?: string | undefined;
    now: Date;
  },
): Promise<ArticleRow> {
  return db.transaction().execute(async (trx) => {
    const row = await findArticle(trx, input.id, true);
    if (!row) throw new AppError('KB_ARTICLE_NOT_FOUND');
    const comment = input.comment?.trim() || null;
    const result = transition(row.status, input.action, input.actors(row), {
      needsUnitReview: row.review_unit_id !== null,
      publishLater: row.publish_at !== null && new Date(row.publish_at).getTime() > input.now.getTime(),
      hasComment: comment !== null,
    });
    if (!result.ok) {
      if (result.reason === 'illegal_transition')
        throw new AppError('KB_ILLEGAL_TRANSITION', { status: row.status, action: input.action });
      if (result.reason === 'comment_required') throw new AppError('KB_COMMENT_REQUIRED');
      throw new AppError('KB_NOT_ALLOWED', { action: input.action });
    }
    const to = result.to;
    const updated = await trx
      .updateTable('kb_article')
      .set({
        status: to,
        updated_at: input.now,
        ...(to === 'published' ? { published_version: row.version, published_at: input.now } : {}),
        ...(to === 'withdrawn' || to === 'expired' ? { published_version: null } : {}),
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendEvent(trx, {
      articleId: row.id,
      action: input.action,
      from: row.status,
      to,
      actorId: input.actorId,
      comment,
      at: input.now,
    });
    return updated;
  });
}
