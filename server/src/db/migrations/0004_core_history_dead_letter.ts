// Queue events the history writer could not apply although the database answered (a poison event: it
// breaks a constraint, or the projection throws). They are set aside here, acknowledged, and the
// writer goes on, instead of retrying one event forever while every later call goes unrecorded.
// Replayed with replayDeadLetters() (server/src/history/dead-letters.ts) once the cause is fixed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE history_dead_letter (
    stream_id text PRIMARY KEY,
    event jsonb NOT NULL,
    error text NOT NULL,
    attempts integer NOT NULL,
    dead_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE history_dead_letter`.execute(db);
}
