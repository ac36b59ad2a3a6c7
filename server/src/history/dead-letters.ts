// The history writer's dead letters (migration 0004): set an event aside after repeated failures
// while the database is healthy, list them, and replay them once the cause is fixed.
import type { AcdEvent } from '@hotline/queue';
import { type Kysely, sql } from 'kysely';
import { fromJson } from '../db/json-column.ts';
import type { Database } from '../db/schema.ts';
import { messageOf } from '../errors.ts';
import { applyEvent } from './apply-event.ts';

/** Failures of one event, with the database answering, before it is set aside. */
export const DEAD_LETTER_AFTER_ATTEMPTS = 5;

/** Does the database answer at all? A failure while it does not is an outage, not a poison event. */
export async function databaseAnswers(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export async function setAside(
  db: Kysely<Database>,
  e: AcdEvent,
  err: unknown,
  attempts: number,
): Promise<void> {
  await db
    .insertInto('history_dead_letter')
    .values({
      stream_id: e.id,
      event: JSON.stringify(e),
      error: messageOf(err),
      attempts,
    })
    .onConflict((oc) => oc.column('stream_id').doNothing())
    .execute();
}

export async function countDeadLetters(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('history_dead_letter')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Re-applies every dead letter in stream order; those that now apply are removed. */
export async function replayDeadLetters(
  db: Kysely<Database>,
): Promise<{ replayed: number; stillFailing: { streamId: string; error: string }[] }> {
  const rows = await db.selectFrom('history_dead_letter').selectAll().orderBy('dead_at').execute();
  const order = (id: string) => id.split('-').map(Number) as [number, number];
  rows.sort((a, b) => {
    const [x, y] = [order(a.stream_id), order(b.stream_id)];
    return x[0] - y[0] || x[1] - y[1];
  });
  let replayed = 0;
  const stillFailing: { streamId: string; error: string }[] = [];
  for (const r of rows) {
    const event = fromJson<AcdEvent>(r.event);
    try {
      await applyEvent(db, event);
      await db.deleteFrom('history_dead_letter').where('stream_id', '=', r.stream_id).execute();
      replayed++;
    } catch (err) {
      stillFailing.push({ streamId: r.stream_id, error: messageOf(err) });
    }
  }
  return { replayed, stillFailing };
}
