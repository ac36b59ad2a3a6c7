// Use case: import a batch of files as articles (drafts, or published directly by an editor), as a
// job whose progress (done / failed / total) the console polls.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../auth/session-store.ts';
import type { ImportJob, ImportRequest } from '../../contracts/kb.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { createArticle } from '../articles/save-article.ts';
import { stepWorkflow } from '../articles/step-workflow.ts';
import { type ParsedItem, parseCsv, parseHtml, parseMarkdown } from './parse-import.ts';

const PROGRESS_EVERY = 20;

export function parseRequest(req: ImportRequest): ParsedItem[] {
  if (req.format === 'csv') return req.files.flatMap((f) => parseCsv(f.name, f.text));
  return req.files.map((f) =>
    req.format === 'html' ? parseHtml(f.name, f.text) : parseMarkdown(f.name, f.text),
  );
}

/** Creates the job row; the returned promise runs the import to the end (the route does not wait). */
export async function startImport(
  db: Kysely<Database>,
  user: SessionUser,
  req: ImportRequest,
  clock: () => Date,
): Promise<{ id: string; done: Promise<void> }> {
  const items = parseRequest(req);
  if (items.every((i) => !i.ok))
    throw new AppError('KB_IMPORT_INVALID', {
      errors: items.slice(0, 50).map((i) => (i.ok ? null : { item: i.source, message: i.message })),
    });
  const id = randomUUID();
  await db
    .insertInto('kb_import_job')
    .values({
      id,
      status: 'running',
      total: items.length,
      done: 0,
      failed: 0,
      errors: '[]',
      article_ids: '[]',
      created_by: user.id,
      created_at: clock(),
      finished_at: null,
    })
    .execute();
  const done = runItems(db, user, id, items, req, clock);
  return { id, done };
}

async function runItems(
  db: Kysely<Database>,
  user: SessionUser,
  jobId: string,
  items: ParsedItem[],
  req: ImportRequest,
  clock: () => Date,
): Promise<void> {
  const errors: Array<{ item: string; message: string }> = [];
  const ids: string[] = [];
  let done = 0;
  const flush = (status: 'running' | 'done' | 'failed') =>
    db
      .updateTable('kb_import_job')
      .set({
        status,
        done,
        failed: errors.length,
        errors: JSON.stringify(errors.slice(0, 500)),
        article_ids: JSON.stringify(ids),
        ...(status !== 'running' ? { finished_at: clock() } : {}),
      })
      .where('id', '=', jobId)
      .execute();
  try {
    for (const parsed of items) {
      if (!parsed.ok) errors.push({ item: parsed.source, message: parsed.message });
      else {
        try {
          const it = parsed.item;
          const articleId = await createArticle(
            db,
            user,
            {
              kind: it.kind ?? req.kind ?? 'guide',
              ...((it.ownerUnitId ?? req.ownerUnitId)
                ? { ownerUnitId: it.ownerUnitId ?? req.ownerUnitId }
                : {}),
              ...(it.public !== undefined ? { public: it.public } : {}),
              content: it.content,
            },
            clock(),
          );
          if (req.publish) {
            const actors = () => [...user.roles];
            await stepWorkflow(db, {
              id: articleId,
              action: 'submit',
              actors,
              actorId: user.id,
              now: clock(),
            });
            await stepWorkflow(db, {
              id: articleId,
              action: 'approve',
              actors,
              actorId: user.id,
              now: clock(),
            });
          }
          ids.push(articleId);
        } catch (e) {
          errors.push({
            item: parsed.item.source,
            message: e instanceof AppError ? e.code : (e as Error).message,
          });
        }
      }
      done++;
      if (done % PROGRESS_EVERY === 0) await flush('running');
    }
    await flush('done');
  } catch (e) {
    errors.push({ item: '*', message: (e as Error).message });
    await flush('failed').catch(() => undefined);
  }
}

export async function getImportJob(db: Kysely<Database>, id: string): Promise<ImportJob> {
  const r = await db.selectFrom('kb_import_job').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('KB_IMPORT_NOT_FOUND');
  return {
    id: r.id,
    status: r.status,
    total: r.total,
    done: r.done,
    failed: r.failed,
    errors: r.errors,
    articleIds: r.article_ids,
  };
}
