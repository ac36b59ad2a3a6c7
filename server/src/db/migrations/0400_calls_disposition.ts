// 整理 (wrap-up) disposition of an answered call, one per call: 即办 / 已建工单 / 不予受理 (Art. 11
// reason 1–8) / 转紧急热线 / 骚扰来电. Written by POST /api/calls/:callId/disposition (server/src/calls).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE call_disposition (
    call_id text PRIMARY KEY,
    agent_id text NOT NULL,
    disposition text NOT NULL CHECK (disposition IN
      ('immediate', 'ticket-created', 'not-accepted', 'emergency-transfer', 'nuisance')),
    ticket_no text,
    not_accepted_reason smallint CHECK (not_accepted_reason BETWEEN 1 AND 8),
    emergency_line text,
    kb_article_id text,
    note text NOT NULL DEFAULT '',
    recorded_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX call_disposition_kind ON call_disposition (disposition)`.execute(db);
  // Screen-pop: a caller's previous calls by number.
  await sql`CREATE INDEX call_record_caller ON call_record (caller_number, arrived_at DESC)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX call_record_caller`.execute(db);
  await sql`DROP TABLE call_disposition`.execute(db);
}
