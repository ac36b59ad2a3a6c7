// Tickets (工单): the append-only event log (the truth), the query projection derived from it,
// attachments, in-app notifications and unit webhooks. Owned by server/src/tickets.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE ticket_event (
      ticket_id text NOT NULL,
      seq integer NOT NULL CHECK (seq > 0),
      type text NOT NULL,
      actor_id text NOT NULL,
      actor_role text NOT NULL,
      actor_unit_id text,
      at timestamptz NOT NULL,
      payload jsonb NOT NULL,
      PRIMARY KEY (ticket_id, seq)
    )`.execute(db);
  await sql`CREATE INDEX ticket_event_at ON ticket_event (at)`.execute(db);
  await sql`
    CREATE FUNCTION ticket_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'ticket_event is append-only (% refused)', TG_OP;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER ticket_event_no_change BEFORE UPDATE OR DELETE ON ticket_event
    FOR EACH ROW EXECUTE FUNCTION ticket_event_append_only()`.execute(db);
  await sql`
    CREATE TRIGGER ticket_event_no_truncate BEFORE TRUNCATE ON ticket_event
    FOR EACH STATEMENT EXECUTE FUNCTION ticket_event_append_only()`.execute(db);
  await sql`
    CREATE TABLE ticket (
      id text PRIMARY KEY,
      no bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      version integer NOT NULL,
      phase text NOT NULL,
      type text NOT NULL,
      priority text NOT NULL,
      channel text NOT NULL,
      county text NOT NULL,
      township text,
      category_id text NOT NULL,
      replying_unit_id text,
      unit_ids text[] NOT NULL DEFAULT '{}',
      requester_phone text,
      confidential boolean NOT NULL DEFAULT false,
      content text NOT NULL,
      supervision_level integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      dispatch_due_at timestamptz,
      completion_due_at timestamptz,
      callback_opened_at timestamptz,
      state jsonb NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX ticket_phase ON ticket (phase, created_at DESC)`.execute(db);
  await sql`CREATE INDEX ticket_units ON ticket USING gin (unit_ids)`.execute(db);
  await sql`CREATE INDEX ticket_county ON ticket (county, created_at DESC)`.execute(db);
  await sql`CREATE INDEX ticket_phone ON ticket (requester_phone, created_at DESC)`.execute(db);
  await sql`
    CREATE TABLE ticket_attachment (
      id text PRIMARY KEY,
      ticket_id text,
      name text NOT NULL,
      mime text NOT NULL,
      size integer NOT NULL,
      path text NOT NULL,
      uploaded_by text NOT NULL,
      uploader_unit_id text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE ticket_notification (
      id text PRIMARY KEY,
      unit_id text NOT NULL,
      ticket_id text NOT NULL,
      seq integer NOT NULL,
      kind text NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      UNIQUE (unit_id, ticket_id, seq, kind)
    )`.execute(db);
  await sql`CREATE INDEX ticket_notification_unit ON ticket_notification (unit_id, created_at DESC)`.execute(
    db,
  );
  await sql`
    CREATE TABLE ticket_unit_webhook (
      unit_id text PRIMARY KEY,
      url text NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'ticket_unit_webhook',
    'ticket_notification',
    'ticket_attachment',
    'ticket',
    'ticket_event',
  ])
    await sql.raw(`DROP TABLE ${t}`).execute(db);
  await sql`DROP FUNCTION ticket_event_append_only()`.execute(db);
}
