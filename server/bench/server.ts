// `npm run bench -w server -- server`: socket.io wallboard fan-out and authenticated HTTP throughput,
// each beside a baseline measured in the same run:
//   1. 1,000 socket.io clients on /wallboard; a metric change in Redis (the queue package enqueues a call:
//      Lua script + event stream) → `wallboard:live` received by every client. Latency = receipt time −
//      the event's timestamp (same machine clock). Baseline: a bare socket.io server that emits to all of
//      its 1,000 clients on a Redis PUBLISH (latency = receipt − publish time).
//   2. autocannon on GET /api/org-units (session cookie → Redis, policy, DB query, response schema)
//      vs a bare fastify route returning a constant JSON.
// Servers run in child processes (this file with --child=app|bare, code in lib/server-children.ts);
// clients and load generators here.
// Bounded: every phase has a fixed size and the whole run a hard timeout. Prints one JSON document.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createAcd } from '@hotline/queue';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { io as connect, type Socket } from 'socket.io-client';
import { latencySummary } from './lib/latency-summary.ts';
import { childApp, childBare, QUEUE, REDIS_URL, type Ready } from './lib/server-children.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 4);
const CLIENT_PROCS = Number(process.env.BENCH_CLIENT_PROCS ?? 2);
const HARD_TIMEOUT_MS = 360_000;

// ---------------------------------------------------------------- parent (clients, load)

function startChild(
  kind: 'app' | 'bare',
  prefix: string,
  databaseUrl = '',
): Promise<{ child: ChildProcess; ready: Ready }> {
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), `--child=${kind}`, prefix, databaseUrl];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      if (line.startsWith('READY ')) resolve({ child, ready: JSON.parse(line.slice(6)) as Ready });
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 5000);
  await new Promise((r) => child.once('exit', r));
  clearTimeout(t);
}

async function openClients(url: string, cookie: string | undefined, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = Array.from({ length: Math.min(100, count - i) }, () =>
      connect(url, {
        transports: ['websocket'],
        reconnection: false,
        ...(cookie ? { extraHeaders: { cookie } } : {}),
      }),
    );
    await Promise.all(
      batch.map(
        (s) =>
          new Promise<void>((resolve, reject) => {
            s.once('connect', () => resolve());
            s.once('connect_error', (e) => reject(e));
          }),
      ),
    );
    sockets.push(...batch);
  }
  return sockets;
}

// A client process: `count` sockets; per round (from the parent over IPC) it records, for each socket,
// the first matching push: app mode = `wallboard:live` caused by an event at/after the round start,
// bare mode = the `m` message of that round. Latency = receipt − event/publish time (same clock).
type ToWorker = { type: 'round'; round: number; t0: number } | { type: 'finish' };
type FromWorker = { type: 'ready' } | { type: 'got'; round: number } | { type: 'samples'; samples: number[] };

async function childClients(mode: 'app' | 'bare', url: string, cookie: string, count: number): Promise<void> {
  const sockets = await openClients(url, cookie || undefined, count);
  const send = (m: FromWorker) => process.send?.(m);
  const samples: number[] = [];
  let round = -1;
  let t0 = Number.POSITIVE_INFINITY;
  let got = 0;
  const hit = (latency: number) => {
    samples.push(latency);
    got++;
    if (got === sockets.length) send({ type: 'got', round });
  };
  for (const s of sockets) {
    let seen = -1;
    if (mode === 'app') {
      s.on('wallboard:live', (l: { queue: string; cause: { eventTs: number } }) => {
        if (l.queue !== QUEUE || l.cause.eventTs < t0 || seen === round) return;
        seen = round;
        hit(Date.now() - l.cause.eventTs);
      });
    } else {
      s.on('m', (m: { round: number; t0: number }) => {
        if (m.round !== round || seen === round) return;
        seen = round;
        hit(Date.now() - m.t0);
      });
    }
  }
  process.on('message', (m: ToWorker) => {
    if (m.type === 'round') {
      round = m.round;
      t0 = m.t0;
      got = 0;
    } else {
      send({ type: 'samples', samples });
      for (const s of sockets) s.close();
      setTimeout(() => process.exit(0), 200);
    }
  });
  send({ type: 'ready' });
}

function startClientWorker(
  mode: 'app' | 'bare',
  url: string,
  cookie: string,
  count: number,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child=clients', mode, url, cookie, String(count)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: process.env },
  );
  return new Promise((resolve, reject) => {
    child.once('message', (m: FromWorker) =>
      m.type === 'ready' ? resolve(child) : reject(new Error('bad worker')),
    );
    child.once('exit', (code) => reject(new Error(`client worker exited (${code})`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs ROUNDS rounds of `trigger` against CLIENTS sockets spread over CLIENT_PROCS worker processes. */
async function fanout(
  mode: 'app' | 'bare',
  url: string,
  cookie: string,
  trigger: (round: number) => Promise<void>,
) {
  const per = Math.ceil(CLIENTS / CLIENT_PROCS);
  const workers = await Promise.all(
    Array.from({ length: CLIENT_PROCS }, (_, i) =>
      startClientWorker(mode, url, cookie, Math.min(per, CLIENTS - i * per)),
    ),
  );
  await sleep(1000);
  for (let i = 0; i < ROUNDS; i++) {
    const done = workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          const h = (m: FromWorker) => {
            if (m.type === 'got' && m.round === i) {
              w.off('message', h);
              resolve();
            }
          };
          w.on('message', h);
        }),
    );
    const t0 = Date.now();
    for (const w of workers) w.send({ type: 'round', round: i, t0 } satisfies ToWorker);
    await sleep(5);
    await trigger(i);
    await Promise.race([Promise.all(done), sleep(2000)]);
    await sleep(100);
  }
  const all: number[] = [];
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          w.on('message', (m: FromWorker) => {
            if (m.type === 'samples') {
              all.push(...m.samples);
              resolve();
            }
          });
          w.send({ type: 'finish' } satisfies ToWorker);
        }),
    ),
  );
  for (const w of workers) await stopChild(w);
  return latencySummary(all, ROUNDS * CLIENTS);
}

async function fanoutApp(port: number, cookie: string, prefix: string, redis: Redis) {
  const acd = createAcd({ redis, prefix: `${prefix}acd` });
  await acd.enqueueCall({ callId: 'warm', queue: QUEUE, callerNumber: '13800000000' });
  const r = await fanout('app', `http://127.0.0.1:${port}/wallboard`, cookie, async (i) => {
    await acd.enqueueCall({ callId: `c${i}`, queue: QUEUE, callerNumber: '13800000000' });
  });
  await acd.close();
  return r;
}

async function fanoutBare(port: number, prefix: string, redis: Redis) {
  return fanout('bare', `http://127.0.0.1:${port}`, '', async (i) => {
    await redis.publish(`${prefix}bare`, JSON.stringify({ round: i, t0: Date.now() }));
  });
}

/** One agent on /agent: enqueue → `agent:offer` latency (receipt − event time); the caller then hangs up. */
async function agentOffers(port: number, agent: NonNullable<Ready['agent']>, prefix: string, redis: Redis) {
  const base = `http://127.0.0.1:${port}`;
  const headers = { cookie: agent.cookie, 'x-csrf-token': agent.csrf };
  for (const [path, body] of [
    ['/api/agent/sign-in', undefined],
    ['/api/agent/state', { state: 'ready' }],
  ] as const) {
    const r = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  }
  const [socket] = await openClients(`${base}/agent`, agent.cookie, 1);
  const acd = createAcd({ redis, prefix: `${prefix}acd` });
  const samples: number[] = [];
  for (let i = -1; i < ROUNDS; i++) {
    // Round -1 warms the path up and is not counted.
    const got = new Promise<number>((resolve) =>
      socket!.once('agent:offer', (o: { cause: { eventTs: number } }) =>
        resolve(Date.now() - o.cause.eventTs),
      ),
    );
    await acd.enqueueCall({ callId: `agent-c${i}`, queue: 'agents', callerNumber: '13800000000' });
    const ms = await Promise.race([got, sleep(2000).then(() => -1)]);
    if (ms >= 0 && i >= 0) samples.push(ms);
    await acd.abandon(`agent-c${i}`);
    await sleep(50);
  }
  socket!.close();
  await acd.agentLogout(agent.id);
  await acd.close();
  return latencySummary(samples, ROUNDS);
}

async function http(url: string, cookie?: string) {
  const r = await autocannon({
    url,
    connections: 32,
    duration: HTTP_SECONDS,
    ...(cookie ? { headers: { cookie } } : {}),
  });
  return {
    reqPerSec: Math.round(r.requests.average),
    p99LatencyMs: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

async function reachablePostgres(): Promise<string | null> {
  const url =
    process.env.PG_TEST_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await c.connect();
    await c.end();
    return url;
  } catch {
    return null;
  }
}

async function deleteKeys(redis: Redis, prefix: string) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

async function parent() {
  const prefix = `bench:server:${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(REDIS_URL);
  const children: ChildProcess[] = [];
  const hard = setTimeout(() => {
    console.error('bench: hard timeout');
    for (const c of children) c.kill('SIGKILL');
    process.exit(1);
  }, HARD_TIMEOUT_MS);
  try {
    const bare = await startChild('bare', prefix);
    children.push(bare.child);
    const app = await startChild('app', prefix);
    children.push(app.child);
    const cookie = app.ready.cookie!;

    // First (while no calls wait anywhere): the agent channel; the agent signs out afterwards.
    const agentOffer = await agentOffers(app.ready.port, app.ready.agent!, prefix, redis);
    const baselineFanout = await fanoutBare(bare.ready.port, prefix, redis);
    const wallboardFanout = await fanoutApp(app.ready.port, cookie, prefix, redis);
    const baselineHttp = await http(`http://127.0.0.1:${bare.ready.port}/bare`);
    const authRead = await http(`http://127.0.0.1:${app.ready.port}/api/org-units`, cookie);
    const authReadDb = await http(`http://127.0.0.1:${app.ready.port}/api/auth/me`, cookie);
    let authReadPg: Awaited<ReturnType<typeof http>> | null = null;
    const pgUrl = await reachablePostgres();
    if (pgUrl) {
      const pgApp = await startChild('app', `${prefix}pg:`, pgUrl);
      children.push(pgApp.child);
      authReadPg = await http(`http://127.0.0.1:${pgApp.ready.port}/api/auth/me`, pgApp.ready.cookie);
    }

    console.log(
      JSON.stringify(
        {
          bench: 'server',
          machine: { cpus: (await import('node:os')).cpus().length },
          clients: CLIENTS,
          clientProcesses: CLIENT_PROCS,
          rounds: ROUNDS,
          wallboardFanout: {
            what: 'ACD enqueue (Lua + event stream) → server XREAD → wallboard:live to every /wallboard client',
            ...wallboardFanout,
            targetP99Ms: 100,
            targetMet: wallboardFanout.p99Ms < 100,
          },
          baselineBareEmit: {
            what: 'Redis PUBLISH → bare socket.io io.emit to every client',
            ...baselineFanout,
          },
          agentOffer: {
            what: 'ACD enqueue offers the call to the ready agent → agent:offer on /agent (one agent socket)',
            ...agentOffer,
            targetP99Ms: 100,
            targetMet: agentOffer.p99Ms < 100,
          },
          fanoutP99VsBaseline: Math.round((wallboardFanout.p99Ms / baselineFanout.p99Ms) * 100) / 100,
          http: {
            route: 'GET /api/org-units (session in Redis, policy, cached org tree, response schema)',
            ...authRead,
          },
          httpWithDbRead: {
            route: 'GET /api/auth/me (session in Redis, policy, user row from embedded PGlite, CSRF token)',
            ...authReadDb,
          },
          httpWithDbReadPostgres: authReadPg
            ? { route: 'GET /api/auth/me on PostgreSQL 15 (same app, DATABASE_URL)', ...authReadPg }
            : 'skipped: no PostgreSQL reachable (PG_TEST_URL / DATABASE_URL / 127.0.0.1:5432)',
          baselineHttp: { route: 'GET /bare (bare fastify, constant JSON)', ...baselineHttp },
          httpVsBaseline: Math.round((authRead.reqPerSec / baselineHttp.reqPerSec) * 100) / 100,
        },
        null,
        2,
      ),
    );
  } finally {
    clearTimeout(hard);
    for (const c of children) await stopChild(c);
    await deleteKeys(redis, prefix);
    redis.disconnect();
  }
}

const childArg = process.argv.find((a) => a.startsWith('--child='));
if (childArg === '--child=clients') {
  const [mode, url, cookie, count] = process.argv.slice(process.argv.indexOf(childArg) + 1);
  await childClients(mode === 'app' ? 'app' : 'bare', url!, cookie ?? '', Number(count));
} else if (childArg) {
  const prefix = process.argv[process.argv.indexOf(childArg) + 1] ?? 'bench:x:';
  const databaseUrl = process.argv[process.argv.indexOf(childArg) + 2] || undefined;
  const ready = await (childArg === '--child=app' ? childApp(prefix, databaseUrl) : childBare(prefix));
  console.log(`READY ${JSON.stringify(ready)}`);
} else {
  await parent();
  process.exit(0);
}
