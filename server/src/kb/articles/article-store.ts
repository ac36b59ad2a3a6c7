// SQL for articles, versions and the workflow log (thin adapter over Kysely).
import type { Kysely, Transaction } from 'kysely';
import type { ArticleContent, WorkflowEvent } from '../../contracts/kb.ts';
import type { Database } from '../../db/schema.ts';
import type { ArticleKind } from '../search/types.ts';
import '../store/tables.ts';
import type { ArticleStatus } from '../workflow/article-workflow.ts';
import type { ArticleRow } from './article-view.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewArticle {
  id: string;
  kind: ArticleKind;
  ownerUnitId: string;
  reviewUnitId: string | null;
  public: boolean;
  publishAt: Date | null;
  content: ArticleContent;
  authorId: string | null;
  note: string | null;
  now: Date;
}

export async function insertArticle(db: Db, a: NewArticle): Promise<void> {
  await db
    .insertInto('kb_article')
    .values({
      id: a.id,
      kind: a.kind,
      status: 'draft',
      owner_unit_id: a.ownerUnitId,
      review_unit_id: a.reviewUnitId,
      public: a.public,
      publish_at: a.publishAt,
      version: 1,
      published_version: null,
      published_at: null,
      content: JSON.stringify(a.content),
      created_by: a.authorId,
      created_at: a.now,
      updated_at: a.now,
    })
    .execute();
  await insertVersion(db, a.id, 1, a.content, a.authorId, a.note, a.now);
}

export async function insertVersion(
  db: Db,
  articleId: string,
  version: number,
  content: ArticleContent,
  authorId: string | null,
  note: string | null,
  now: Date,
): Promise<void> {
  await db
    .insertInto('kb_article_version')
    .values({
      article_id: articleId,
      version,
      content: JSON.stringify(content),
      author_id: authorId,
      note,
      created_at: now,
    })
    .execute();
}

export async function findArticle(db: Db, id: string, forUpdate = false): Promise<ArticleRow | undefined> {
  let q = db.selectFrom('kb_article').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findVersion(db: Db, id: string, version: number) {
  return db
    .selectFrom('kb_article_version')
    .selectAll()
    .where('article_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function listVersions(db: Db, id: string) {
  return db
    .selectFrom('kb_article_version')
    .selectAll()
    .where('article_id', '=', id)
    .orderBy('version')
    .execute();
}

export async function appendEvent(
  db: Db,
  e: {
    articleId: string;
    action: string;
    from: ArticleStatus;
    to: ArticleStatus;
    actorId: string | null;
    comment: string | null;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('kb_workflow_event')
    .values({
      article_id: e.articleId,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      actor_id: e.actorId,
      comment: e.comment,
      at: e.at,
    })
    .execute();
}

export async function listEvents(db: Db, id: string): Promise<WorkflowEvent[]> {
  const rows = await db
    .selectFrom('kb_workflow_event')
    .selectAll()
    .where('article_id', '=', id)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    action: r.action,
    from: r.from_status,
    to: r.to_status,
    comment: r.comment,
  }));
}
