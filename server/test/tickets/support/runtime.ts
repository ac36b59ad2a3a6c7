// A tickets runtime on real Redis (random prefix) and a fresh PGlite, without the HTTP app.
import type { Redis } from 'ioredis';
import type { Config } from '../../../src/config.ts';
import { migrateToLatest } from '../../../src/db/migrate.ts';
import type { Actor } from '../../../src/tickets/domain/events.ts';
import type { TicketWorkers } from '../../../src/tickets/jobs/ticket-workers.ts';
import type { TicketDeps } from '../../../src/tickets/ticket-deps.ts';
import { type TicketRuntime, ticketRuntime } from '../../../src/tickets/ticket-runtime.ts';
import { testConfig } from '../../support/app.ts';
import { openTestDb, type TestDb } from '../../support/db.ts';
import { deleteKeys, testRedis } from '../../support/redis.ts';

export interface RuntimeHarness {
  rt: TicketRuntime;
  config: Config;
  redis: Redis;
  tdb: TestDb;
  workers?: TicketWorkers;
  startWorkers(): TicketWorkers;
  close(): Promise<void>;
}

/** One migrated PGlite per test file (opening one costs seconds on a busy machine). */
export async function openMigratedDb(): Promise<TestDb> {
  const tdb = await openTestDb({ name: 'pglite' });
  await migrateToLatest(tdb.db.kysely as never, tdb.db.schema);
  return tdb;
}

/** A runtime with its own Redis prefix on a shared database (ticket ids are random UUIDs). */
export async function startRuntime(
  tdb: TestDb,
  overrides: Partial<Config> = {},
  deps: Partial<TicketDeps> = {},
): Promise<RuntimeHarness> {
  const config = testConfig({ ticketJobLockMs: 1000, ...overrides });
  const redis = testRedis();
  const rt = ticketRuntime(tdb.db.kysely, config, deps);
  const h: RuntimeHarness = {
    rt,
    config,
    redis,
    tdb,
    startWorkers() {
      h.workers = rt.startWorkers(redis);
      return h.workers;
    },
    async close() {
      await h.workers?.close(true);
      await rt.close();
      await deleteKeys(redis, config.redisPrefix);
      redis.disconnect();
    },
  };
  return h;
}

export const center: Actor = { id: 'center-1', role: 'center', unitId: 'center' };
export const agentActor: Actor = { id: 'agent-1', role: 'agent', unitId: 'center' };
export const staff = (unitId: string): Actor => ({ id: `${unitId}-staff`, role: 'unit_staff', unitId });

export const intake = {
  channel: 'phone',
  requester: { name: '张三', phone: '13800000001', anonymous: false, confidential: false },
  content: '炉城镇停水三天',
  location: { county: '康定市', township: '炉城镇' },
  type: '投诉',
  categoryId: 'public.water',
};

export async function eventually<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
