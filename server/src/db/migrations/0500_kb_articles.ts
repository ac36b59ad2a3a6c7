// Knowledge base (知识库): articles, versions, workflow log, corrections (纠错), policy
// pre-registrations, synonyms, import jobs, search-index snapshot. Owned by server/src/kb.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE kb_article (
      id text PRIMARY KEY,
      kind text NOT NULL,
      status text NOT NULL,
      owner_unit_id text NOT NULL,
      review_unit_id text,
      public boolean NOT NULL DEFAULT true,
      publish_at timestamptz,
      version integer NOT NULL,
      published_version integer,
      published_at timestamptz,
      content jsonb NOT NULL,
      created_by text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX kb_article_status ON kb_article (status, publish_at)`.execute(db);
  await sql`CREATE INDEX kb_article_updated ON kb_article (updated_at)`.execute(db);
  await sql`
    CREATE TABLE kb_article_version (
      article_id text NOT NULL REFERENCES kb_article (id),
      version integer NOT NULL,
      content jsonb NOT NULL,
      author_id text,
      note text,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (article_id, version)
    )`.execute(db);
  await sql`
    CREATE TABLE kb_workflow_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      article_id text NOT NULL REFERENCES kb_article (id),
      action text NOT NULL,
      from_status text NOT NULL,
      to_status text NOT NULL,
      actor_id text,
      comment text,
      at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX kb_workflow_event_article ON kb_workflow_event (article_id, id)`.execute(db);
  await sql`
    CREATE TABLE kb_correction (
      id text PRIMARY KEY,
      article_id text NOT NULL REFERENCES kb_article (id),
      owner_unit_id text NOT NULL,
      reporter_id text,
      ticket_id text,
      text text NOT NULL,
      status text NOT NULL,
      reply text,
      created_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      resolved_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX kb_correction_open ON kb_correction (status, due_at)`.execute(db);
  await sql`
    CREATE TABLE kb_policy_registration (
      id text PRIMARY KEY,
      title text NOT NULL,
      owner_unit_id text NOT NULL,
      registered_by text,
      registered_at timestamptz NOT NULL,
      release_date date NOT NULL,
      lead_working_days integer NOT NULL,
      timeliness text NOT NULL,
      status text NOT NULL,
      original_article_id text,
      interpretation_article_id text,
      note text
    )`.execute(db);
  await sql`
    CREATE TABLE kb_synonym_group (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      words text[] NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE kb_import_job (
      id text PRIMARY KEY,
      status text NOT NULL,
      total integer NOT NULL,
      done integer NOT NULL DEFAULT 0,
      failed integer NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]',
      article_ids jsonb NOT NULL DEFAULT '[]',
      created_by text,
      created_at timestamptz NOT NULL,
      finished_at timestamptz
    )`.execute(db);
  await sql`
    CREATE TABLE kb_search_snapshot (
      id integer PRIMARY KEY,
      analyzer text NOT NULL,
      taken_at timestamptz NOT NULL,
      data text NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'kb_search_snapshot',
    'kb_import_job',
    'kb_synonym_group',
    'kb_policy_registration',
    'kb_correction',
    'kb_workflow_event',
    'kb_article_version',
    'kb_article',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.raw(t)}`.execute(db);
  }
}
