import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ganziOrgTree } from './ganzi-org.ts';

/** Idempotent: inserts the Ganzi org tree units that are missing (parents first). */
export async function seedOrgTree(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('org_unit')
    .values(ganziOrgTree())
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
