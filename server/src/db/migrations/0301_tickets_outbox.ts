// The tickets' outbox: the jobs a ticket change calls for (dispatch notifications, SLA timers,
// auto-close), written in the SAME transaction as the change. The relay (tickets/relay-effects.ts)
// hands them to BullMQ and deletes them; if Redis is down or the process dies in between, nothing is
// lost and the change is not reported as failed. Effect ids are deterministic, so a job handed over
// twice is added once.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE ticket_outbox (
      effect_id text PRIMARY KEY,
      ticket_id text NOT NULL,
      effect jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    )`.execute(db);
  await sql`CREATE INDEX ticket_outbox_created ON ticket_outbox (created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE ticket_outbox`.execute(db);
}
