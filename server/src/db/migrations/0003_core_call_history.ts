// Call history written by the history writer from the queue's event stream (exactly once:
// history_processed holds every applied stream id, in the same transaction as the projection).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE history_processed (
      stream_id text PRIMARY KEY,
      processed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE call_record (
      call_id text PRIMARY KEY,
      queue text NOT NULL,
      priority text NOT NULL,
      kind text NOT NULL,
      caller_number text NOT NULL,
      callback_number text,
      arrived_at timestamptz NOT NULL,
      answered_at timestamptz,
      abandoned_at timestamptz,
      ended_at timestamptz,
      agent_id text,
      wait_ms integer,
      talk_ms integer,
      hold_ms integer,
      ended_by text,
      outcome text NOT NULL DEFAULT 'waiting'
    )`.execute(db);
  await sql`CREATE INDEX call_record_arrived ON call_record (arrived_at DESC)`.execute(db);
  await sql`CREATE INDEX call_record_agent ON call_record (agent_id, arrived_at DESC)`.execute(db);
  await sql`
    CREATE TABLE call_offer (
      stream_id text PRIMARY KEY,
      offer_id text NOT NULL,
      call_id text NOT NULL,
      agent_id text NOT NULL,
      offered_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      outcome text,
      closed_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX call_offer_call ON call_offer (call_id, offer_id)`.execute(db);
  await sql`
    CREATE TABLE agent_state_interval (
      stream_id text PRIMARY KEY,
      agent_id text NOT NULL,
      state text NOT NULL,
      reason text NOT NULL DEFAULT '',
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      duration_ms bigint
    )`.execute(db);
  await sql`CREATE INDEX agent_state_interval_open ON agent_state_interval (agent_id, started_at DESC)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE agent_state_interval`.execute(db);
  await sql`DROP TABLE call_offer`.execute(db);
  await sql`DROP TABLE call_record`.execute(db);
  await sql`DROP TABLE history_processed`.execute(db);
}
