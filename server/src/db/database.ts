// Opens Kysely over PostgreSQL (DATABASE_URL) or the embedded PGlite (PGLITE_DIR, `memory://`).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { KyselyPGlite } from 'kysely-pglite';
import pg from 'pg';
import type { Database } from './schema.ts';

export interface DbOptions {
  databaseUrl?: string | undefined;
  databaseSchema: string;
  pgliteDir: string;
}

export interface Db {
  kysely: Kysely<Database>;
  driver: 'postgres' | 'pglite';
  schema: string;
  close(): Promise<void>;
}

const SAFE_IDENT = /^[a-z_][a-z0-9_]*$/;

export async function openDatabase(opts: DbOptions): Promise<Db> {
  if (!SAFE_IDENT.test(opts.databaseSchema)) throw new Error(`bad schema name ${opts.databaseSchema}`);
  if (opts.databaseUrl) {
    if (opts.databaseSchema !== 'public') {
      // Create the schema with a one-off connection, then point every pool connection at it.
      const c = new pg.Client({ connectionString: opts.databaseUrl });
      await c.connect();
      try {
        await c.query(`CREATE SCHEMA IF NOT EXISTS ${opts.databaseSchema}`);
      } finally {
        await c.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      options: `-c search_path=${opts.databaseSchema}`,
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, driver: 'postgres', schema: opts.databaseSchema, close: () => kysely.destroy() };
  }
  const inMemory = opts.pgliteDir === 'memory://';
  // PGlite creates its own directory but not the parents (./data on a fresh checkout).
  if (!inMemory) mkdirSync(path.dirname(path.resolve(opts.pgliteDir)), { recursive: true });
  const client = inMemory ? new PGlite() : new PGlite(opts.pgliteDir);
  await client.waitReady;
  const kysely = new Kysely<Database>({ dialect: new KyselyPGlite(client).dialect });
  if (opts.databaseSchema !== 'public') {
    await sql.raw(`CREATE SCHEMA IF NOT EXISTS ${opts.databaseSchema}`).execute(kysely);
    await sql.raw(`SET search_path TO ${opts.databaseSchema}`).execute(kysely);
  }
  return {
    kysely,
    driver: 'pglite',
    schema: opts.databaseSchema,
    close: async () => {
      await kysely.destroy();
      if (!client.closed) await client.close();
    },
  };
}

/** Drop a schema this process created (tests only; refuses `public`). */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  if (schema === 'public' || !SAFE_IDENT.test(schema)) throw new Error(`refusing to drop schema ${schema}`);
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}
