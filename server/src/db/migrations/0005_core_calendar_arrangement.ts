// Official holiday arrangements (放假调休安排) an administrator imported, one row per year. They
// replace the built-in chinese-days data for that year (which ends with 2026) in every deadline.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE calendar_arrangement (
    year integer PRIMARY KEY CHECK (year BETWEEN 2004 AND 2045),
    days jsonb NOT NULL,
    source text NOT NULL,
    imported_by text NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE calendar_arrangement`.execute(db);
}
