// Benchmark: create and dispatch N tickets (default 10,000) through the real use cases, PGlite (or
// DATABASE_URL) and BullMQ on Redis — tickets/s and create → unit-notification latency (p50/p99) —
// beside the same run's bare BullMQ add+process rate (same Redis, same worker concurrency).
// Also: create → notification latency unloaded (one ticket at a time, --unloaded=300 tickets).
// Usage: npm run bench -w server -- tickets   (or: npx tsx server/bench/tickets.ts --n=2000)
// With DATABASE_URL set it runs on PostgreSQL in a throw-away schema.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config.ts';
import { dropSchema, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Actor } from '../src/tickets/domain/events.ts';
import { registerTicket } from '../src/tickets/register-ticket.ts';
import { runCommand } from '../src/tickets/run-command.ts';
import { ticketRuntime } from '../src/tickets/ticket-runtime.ts';

const arg = (name: string, dflt: number) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : dflt;
};
const N = arg('n', 10_000);
const CREATORS = arg('creators', 16);
const TIME_CAP_MS = arg('cap-seconds', 900) * 1000;
const UNLOADED = arg('unloaded', 300);

const prefix = `bench:tickets:${randomBytes(4).toString('hex')}:`;
const config = loadConfig(undefined, {
  redisPrefix: prefix,
  pgliteDir: 'memory://',
  sipSharedSecret: randomBytes(24).toString('hex'),
  logLevel: 'silent',
  databaseSchema: `bench_${randomBytes(4).toString('hex')}`,
});
const concurrency = config.ticketWorkerConcurrency;

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
}

async function deleteKeys(redis: Redis, match: string) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${match}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

/** Baseline: the same number of jobs through one bare BullMQ queue (add, then process, no I/O). */
async function bareBullmq(n: number) {
  const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const q = new Queue('bare', { connection, prefix: `${prefix}bare` });
  let done = 0;
  let resolve!: () => void;
  const finished = new Promise<void>((r) => (resolve = r));
  const t0 = performance.now();
  const w = new Worker(
    'bare',
    async () => {
      if (++done === n) resolve();
    },
    { connection, prefix: `${prefix}bare`, concurrency },
  );
  const batch = 500;
  for (let i = 0; i < n; i += batch)
    await q.addBulk(
      Array.from({ length: Math.min(batch, n - i) }, (_, k) => ({ name: 'x', data: { i: i + k } })),
    );
  const added = performance.now();
  await finished;
  const ms = performance.now() - t0;
  await w.close();
  await q.close();
  connection.disconnect();
  return {
    jobs: n,
    jobsPerSec: Math.round((n / ms) * 1000),
    addMs: Math.round(added - t0),
    totalMs: Math.round(ms),
  };
}

async function ticketsRun(n: number) {
  const db = await openDatabase(config);
  await migrateToLatest(db.kysely as never, db.schema);
  const rt = ticketRuntime(db.kysely, config);
  const redis = new Redis(config.redisUrl);
  const sub = new Redis(config.redisUrl);
  const workers = rt.startWorkers(redis);
  const started = new Map<string, number>();
  let loadedStarted = false;
  const latencies: number[] = [];
  let resolve!: () => void;
  const finished = new Promise<void>((r) => (resolve = r));
  sub.on('message', (_c, m) => {
    const t = started.get(JSON.parse(m).ticketId);
    if (t === undefined) return;
    latencies.push(performance.now() - t);
    if (latencies.length === n + 0 && loadedStarted) resolve();
  });
  await sub.subscribe(rt.channel);
  const agent: Actor = { id: 'bench-agent', role: 'agent' };
  const center: Actor = { id: 'bench-center', role: 'center' };
  const units = Array.from({ length: 30 }, (_, i) => `unit-${i}`);
  const one = async (i: number) => {
    const begin = performance.now();
    const { ticket } = await registerTicket(
      rt.deps,
      {
        channel: 'phone',
        requester: {
          name: '测试',
          phone: `138${String(i).padStart(8, '0')}`,
          anonymous: false,
          confidential: false,
        },
        content: `第${i}号诉求：小区停水，请尽快处理`,
        location: { county: '康定市', township: '炉城镇' },
        type: '投诉',
        categoryId: 'public.water',
      },
      agent,
      { detectDuplicates: false },
    );
    started.set(ticket.id, begin);
    await runCommand(
      rt.deps,
      ticket.id,
      'dispatched',
      { mode: 'single', unitId: units[Math.abs(i) % units.length] },
      center,
    );
  };

  // Unloaded: one ticket at a time, waiting for its notification.
  const unloaded: number[] = [];
  for (let i = 0; i < UNLOADED; i++) {
    const before = latencies.length;
    await one(-1 - i);
    const until = performance.now() + 10_000;
    while (latencies.length === before && performance.now() < until)
      await new Promise((r) => setTimeout(r, 1));
    const l = latencies.pop();
    if (l !== undefined) unloaded.push(l);
  }
  unloaded.sort((a, b) => a - b);

  const t0 = performance.now();
  loadedStarted = true;
  let next = 0;
  let errors = 0;
  const creator = async () => {
    while (next < n && performance.now() - t0 < TIME_CAP_MS) {
      const i = next++;
      try {
        await one(i);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: CREATORS }, creator));
  const created = performance.now();
  await Promise.race([
    finished,
    new Promise((r) => setTimeout(r, Math.max(1000, TIME_CAP_MS - (created - t0)))),
  ]);
  const ms = performance.now() - t0;
  await workers.close();
  await rt.close();
  sub.disconnect();
  await deleteKeys(redis, prefix);
  redis.disconnect();
  await db.close();
  if (config.databaseUrl) await dropSchema(config.databaseUrl, config.databaseSchema);
  latencies.sort((a, b) => a - b);
  return {
    tickets: latencies.length,
    requested: n,
    errors,
    db: db.driver,
    ticketsPerSec: Math.round((latencies.length / ms) * 1000),
    createAndDispatchMs: Math.round(created - t0),
    totalMs: Math.round(ms),
    createToNotifyMs: {
      p50: pct(latencies, 50),
      p99: pct(latencies, 99),
      max: Math.round(latencies.at(-1) ?? Number.NaN),
    },
    unloaded: {
      tickets: unloaded.length,
      createToNotifyMs: { p50: pct(unloaded, 50), p99: pct(unloaded, 99) },
    },
  };
}

const baseline = await bareBullmq(N);
const tickets = await ticketsRun(N);
console.log(
  JSON.stringify(
    {
      bench: 'tickets',
      what: 'create + dispatch tickets (event log + projection + BullMQ dispatch job + in-app notification)',
      creators: CREATORS,
      workerConcurrency: concurrency,
      tickets,
      baseline: { what: 'bare BullMQ add+process, same Redis and concurrency', ...baseline },
      ratio: Math.round((tickets.ticketsPerSec / baseline.jobsPerSec) * 1000) / 1000,
    },
    null,
    2,
  ),
);
process.exit(0);
