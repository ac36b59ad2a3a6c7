// Use cases of 纠错: an agent reports an error in an article; it goes to the owner unit with a
// deadline in working days; the unit answers (fixed / rejected); overdue ones are listed for the authority.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { SessionUser } from '../../auth/session-store.ts';
import type { WorkingCalendar } from '../../calendar/index.ts';
import type { Correction } from '../../contracts/kb.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { seesAllUnits } from '../articles/article-access.ts';
import type { KbCorrectionTable } from '../store/tables.ts';
import { correctionDueAt, isOverdue } from '../workflow/correction-deadline.ts';

type Row = Selectable<KbCorrectionTable> & { article_title: string };

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toCorrection(r: Row, now: number): Correction {
  return {
    id: r.id,
    articleId: r.article_id,
    articleTitle: r.article_title,
    ownerUnitId: r.owner_unit_id,
    reporterId: r.reporter_id,
    text: r.text,
    status: r.status,
    reply: r.reply,
    createdAt: iso(r.created_at)!,
    dueAt: iso(r.due_at)!,
    resolvedAt: iso(r.resolved_at),
    overdue: isOverdue(
      {
        status: r.status,
        dueAt: new Date(r.due_at).getTime(),
        resolvedAt: r.resolved_at ? new Date(r.resolved_at).getTime() : null,
      },
      now,
    ),
  };
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('kb_correction as c')
    .innerJoin('kb_article as a', 'a.id', 'c.article_id')
    .selectAll('c')
    .select(({ ref }) => [ref('a.content').$castTo<{ title: string }>().as('content_json')]);
}

async function one(db: Kysely<Database>, id: string, now: number): Promise<Correction> {
  const r = await baseQuery(db).where('c.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('KB_CORRECTION_NOT_FOUND');
  return toCorrection({ ...r, article_title: r.content_json.title }, now);
}

export async function reportCorrection(
  db: Kysely<Database>,
  cal: Pick<WorkingCalendar, 'addWorkingDays'>,
  input: {
    articleId: string;
    user: SessionUser;
    text: string;
    ticketId?: string | undefined;
    days: number;
    now: Date;
  },
): Promise<Correction> {
  const article = await db
    .selectFrom('kb_article')
    .select(['id', 'owner_unit_id'])
    .where('id', '=', input.articleId)
    .executeTakeFirst();
  if (!article) throw new AppError('KB_ARTICLE_NOT_FOUND');
  const id = randomUUID();
  await db
    .insertInto('kb_correction')
    .values({
      id,
      article_id: article.id,
      owner_unit_id: article.owner_unit_id,
      reporter_id: input.user.id,
      ticket_id: input.ticketId ?? null,
      text: input.text.trim(),
      status: 'open',
      reply: null,
      created_at: input.now,
      due_at: correctionDueAt(cal, input.now.getTime(), input.days),
      resolved_at: null,
    })
    .execute();
  return one(db, id, input.now.getTime());
}

export async function resolveCorrection(
  db: Kysely<Database>,
  input: { id: string; user: SessionUser; outcome: 'fixed' | 'rejected'; reply: string; now: Date },
): Promise<Correction> {
  const row = await db.selectFrom('kb_correction').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw new AppError('KB_CORRECTION_NOT_FOUND');
  if (!input.user.roles.includes('kb_editor') && row.owner_unit_id !== input.user.orgUnitId)
    throw new AppError('KB_NOT_ALLOWED');
  const res = await db
    .updateTable('kb_correction')
    .set({ status: input.outcome, reply: input.reply.trim(), resolved_at: input.now })
    .where('id', '=', input.id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  if (!res) throw new AppError('KB_CORRECTION_CLOSED');
  return one(db, input.id, input.now.getTime());
}

export async function listCorrections(
  db: Kysely<Database>,
  input: { user: SessionUser; status?: string | undefined; overdue?: boolean | undefined; now: Date },
): Promise<Correction[]> {
  let q = baseQuery(db).orderBy('c.due_at').limit(500);
  if (!seesAllUnits(input.user)) q = q.where('c.owner_unit_id', '=', input.user.orgUnitId);
  if (input.status) q = q.where('c.status', '=', input.status as 'open');
  const rows = await q.execute();
  const out = rows.map((r) =>
    toCorrection({ ...r, article_title: r.content_json.title }, input.now.getTime()),
  );
  return input.overdue === undefined ? out : out.filter((c) => c.overdue === input.overdue);
}
