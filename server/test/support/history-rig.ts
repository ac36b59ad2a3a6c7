// Shared set-up of the history writer tests: a queue (real Redis, own key prefix) and a migrated test
// database per target, torn down after the file; and a poll-until helper.
import { type Acd, createAcd } from '@hotline/queue';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { type DbTarget, openTestDb, type TestDb } from './db.ts';
import { deleteKeys, randomPrefix, testRedis } from './redis.ts';

export async function until(pred: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await pred()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}

export interface HistoryRig {
  redis: Redis;
  acd: Acd;
  tdb: TestDb;
}

/** Call inside a describe: the rig's fields are set in beforeAll and closed in afterAll. */
export function useHistoryRig(target: DbTarget, prefixName: string): HistoryRig {
  const rig = {} as HistoryRig;
  const prefix = randomPrefix(prefixName);
  beforeAll(async () => {
    rig.redis = testRedis();
    rig.acd = createAcd({ redis: rig.redis, prefix, config: { wrapUpSec: 0 } });
    rig.tdb = await openTestDb(target);
    await migrateToLatest(rig.tdb.db.kysely as never, rig.tdb.db.schema);
  });
  afterAll(async () => {
    await rig.acd?.close();
    if (rig.redis) await deleteKeys(rig.redis, prefix);
    rig.redis?.disconnect();
    await rig.tdb?.cleanup();
  });
  return rig;
}
