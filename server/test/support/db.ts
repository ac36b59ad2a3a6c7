// Databases for tests: always a fresh in-memory PGlite; also real PostgreSQL (a random schema,
// dropped afterwards) when PG_TEST_URL is set. Use with `describe.each(DB_TARGETS)`.
import { randomBytes } from 'node:crypto';
import { type Db, dropSchema, openDatabase } from '../../src/db/database.ts';
import { PG_TEST_URL } from './env.ts';

export interface DbTarget {
  name: 'pglite' | 'postgres';
  url?: string;
}

export const DB_TARGETS: DbTarget[] = [
  { name: 'pglite' },
  ...(PG_TEST_URL ? [{ name: 'postgres' as const, url: PG_TEST_URL }] : []),
];

export interface TestDb {
  db: Db;
  cleanup(): Promise<void>;
}

export async function openTestDb(target: DbTarget): Promise<TestDb> {
  const schema = target.url ? `t_${randomBytes(6).toString('hex')}` : 'public';
  const db = await openDatabase({ databaseUrl: target.url, databaseSchema: schema, pgliteDir: 'memory://' });
  return {
    db,
    cleanup: async () => {
      await db.close();
      if (target.url) await dropSchema(target.url, schema);
    },
  };
}
