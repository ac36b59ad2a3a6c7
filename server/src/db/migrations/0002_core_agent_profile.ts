// Agent profile used when an agent signs in to the call distributor: skills (language/topic levels) and queues.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE app_user ADD COLUMN agent_skills jsonb NOT NULL DEFAULT '{}'::jsonb`.execute(db);
  await sql`ALTER TABLE app_user ADD COLUMN agent_queues text[] NOT NULL DEFAULT '{}'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE app_user DROP COLUMN agent_queues`.execute(db);
  await sql`ALTER TABLE app_user DROP COLUMN agent_skills`.execute(db);
}
