// Matching benchmark: 1,000 agents and 10,000 waiting calls on the local Redis.
//  baseline       — raw EVALSHA of a trivial Lua script (`return 1`), same client, same concurrency,
//                   run in slices alternating with the matching slices (same machine load).
//  agentReady     — each op is one matching step: a ready agent is matched against the 10,000
//                   waiting calls (heads of all routing groups) and the best call is reserved. 1 RTT.
//  callArrival    — open loop at 500 calls/s with 1,000 agents and a 10,000-call backlog nobody
//                   can take: latency from enqueue to offer (script reply, and call.offered seen by a
//                   consumer-group reader on the event stream). Agents answer and hang up after 1 s.
//                   The same open loop of trivial EVALSHA gives this machine's latency floor.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { readEnv } from '../src/config.ts';
import { type Acd, createAcd, LANGUAGES } from '../src/index.ts';
import { closedLoop, sleep, summary } from './_stats.ts';

const AGENTS = 1000;
const WAITING = 10_000;
const CONCURRENCY = 32;
const ROUNDS = 5;
const BASELINE_SLICE = 10_000;
const RATE = 500;
const ARRIVAL_SECONDS = 8;

const url = readEnv().redisUrl;
const redis = new Redis(url);
const prefixes: string[] = [];

function skillsFor(i: number): Record<string, number> {
  const s: Record<string, number> = { [LANGUAGES.mandarin]: 1 + (i % 5) };
  if (i % 4 === 0) s[LANGUAGES.sichuanese] = 1 + (i % 3);
  if (i % 10 === 0) s[LANGUAGES.khams] = 2 + (i % 3);
  if (i % 7 === 0) s['topic:enterprise'] = 2;
  return s;
}

function callSkills(i: number): string[] {
  if (i % 10 === 0) return [LANGUAGES.khams];
  if (i % 5 === 0) return [LANGUAGES.sichuanese];
  if (i % 13 === 0) return [LANGUAGES.mandarin, 'topic:enterprise'];
  return [LANGUAGES.mandarin];
}

function newAcd(config = {}): Acd {
  const prefix = `bench${randomBytes(4).toString('hex')}`;
  prefixes.push(prefix);
  return createAcd({ redis, prefix, config: { wrapUpSec: 0, ...config } });
}

async function parallel(n: number, fn: (i: number) => Promise<unknown>) {
  await closedLoop(n, 64, fn);
}

/** Redis main-thread CPU seconds so far: CPU per op is comparable even when the machine is busy. */
async function redisCpu(): Promise<number> {
  const info = await redis.info('cpu');
  const field = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? Number.NaN);
  return field('used_cpu_user_main_thread') + field('used_cpu_sys_main_thread');
}

let trivialSha = '';
async function trivialSlice(ops: number) {
  trivialSha ||= (await redis.script('LOAD', 'return 1')) as string;
  return closedLoop(ops, CONCURRENCY, () => redis.evalsha(trivialSha, 0));
}

/** Open loop at RATE/s of trivial EVALSHA: the latency floor of this machine at that rate. */
async function trivialOpenLoop(total: number) {
  trivialSha ||= (await redis.script('LOAD', 'return 1')) as string;
  const lat: number[] = [];
  const inflight: Promise<unknown>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; ) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE));
    for (; i < due; i++) {
      const s = performance.now();
      inflight.push(redis.evalsha(trivialSha, 0).then(() => lat.push(performance.now() - s)));
    }
    await sleep(1);
  }
  await Promise.all(inflight);
  return summary(lat);
}

async function agentReady() {
  const acd = newAcd();
  await parallel(AGENTS, (i) => acd.agentLogin(`a${i}`, { name: `a${i}`, skills: skillsFor(i) }));
  const priorities = ['normal', 'normal', 'normal', 'elderly', 'urgent'] as const;
  await parallel(WAITING, (i) =>
    acd.enqueueCall({
      callId: `w${i}`,
      queue: i % 3 ? '12345' : 'enterprise',
      priority: priorities[i % 5],
      skills: callSkills(i),
      callerNumber: `138${i}`,
    }),
  );
  const lat: number[] = [];
  const baseLat: number[] = [];
  let ms = 0;
  let baseMs = 0;
  let offers = 0;
  let cpu = 0;
  let baseCpu = 0;
  await trivialSlice(2000); // warm-up
  // baseline and matching alternate in slices so both see the same machine load
  for (let round = 0; round < ROUNDS; round++) {
    const c0 = await redisCpu();
    const b = await trivialSlice(BASELINE_SLICE);
    const c1 = await redisCpu();
    baseMs += b.ms;
    baseLat.push(...b.lat);
    const r = await closedLoop(AGENTS, CONCURRENCY, async (i) => {
      const res = await acd.setReady(`a${i}`);
      offers += res.offers.length;
    });
    baseCpu += c1 - c0;
    cpu += (await redisCpu()) - c1;
    ms += r.ms;
    lat.push(...r.lat);
    // reset (not timed): the offered calls go back to the head of their queues
    await parallel(AGENTS, (i) => acd.agentLogout(`a${i}`));
    await parallel(AGENTS, (i) => acd.agentLogin(`a${i}`, { name: `a${i}`, skills: skillsFor(i) }));
  }
  const waiting =
    (await acd.queueSnapshot('12345')).waiting + (await acd.queueSnapshot('enterprise')).waiting;
  const baseline = {
    ops: baseLat.length,
    evalshaTrivialOpsPerSec: Math.round(baseLat.length / (baseMs / 1000)),
    redisCpuUsPerOp: Math.round((baseCpu * 1e6) / baseLat.length),
    ...summary(baseLat),
  };
  const matching = {
    ops: lat.length,
    offers,
    opsPerSec: Math.round(lat.length / (ms / 1000)),
    redisCpuUsPerOp: Math.round((cpu * 1e6) / lat.length),
    waitingAfter: waiting,
    ...summary(lat),
  };
  return { baseline, matching };
}

async function callArrival() {
  const acd = newAcd();
  const reader = newReader(acd);
  await parallel(AGENTS, async (i) => {
    await acd.agentLogin(`a${i}`, { name: `a${i}`, skills: { [LANGUAGES.mandarin]: 1 + (i % 5) } });
    await acd.setReady(`a${i}`);
  });
  // the backlog: 10,000 waiting calls that need a skill level nobody has
  await parallel(WAITING, (i) =>
    acd.enqueueCall({
      callId: `w${i}`,
      queue: '12345',
      skills: { [LANGUAGES.khams]: 10 },
      callerNumber: `138${i}`,
    }),
  );
  await reader.start();
  const total = RATE * ARRIVAL_SECONDS;
  const replyLat: number[] = [];
  const sentAt = new Map<string, number>();
  let offered = 0;
  const inflight: Promise<unknown>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; ) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE));
    for (; i < due; i++) {
      const callId = `c${i}`;
      const s = performance.now();
      sentAt.set(callId, s);
      inflight.push(
        acd
          .enqueueCall({ callId, queue: '12345', skills: [LANGUAGES.mandarin], callerNumber: `139${i}` })
          .then(async (r) => {
            replyLat.push(performance.now() - s);
            if (!r.offer) return;
            offered++;
            const agentId = r.offer.agentId;
            await acd.answer(callId, agentId);
            await sleep(1000);
            await acd.endCall(callId);
          }),
      );
    }
    await sleep(1);
  }
  await Promise.all(inflight);
  const eventLat = await reader.stop(sentAt);
  return {
    ratePerSec: RATE,
    calls: total,
    offeredImmediately: offered,
    achievedRatePerSec: Math.round(total / ((performance.now() - t0 - 1000) / 1000)),
    enqueueToOfferReply: summary(replyLat),
    enqueueToOfferEvent: summary(eventLat),
  };
}

/** Consumer-group reader on a dedicated connection noting when each call.offered arrives. */
function newReader(acd: Acd) {
  const seen = new Map<string, number>();
  let running = false;
  let loop: Promise<void> = Promise.resolve();
  return {
    async start() {
      await acd.readEvents({ group: 'bench', consumer: 'r', startId: '$', count: 1 });
      running = true;
      loop = (async () => {
        while (running) {
          const evs = await acd.readEvents({ group: 'bench', consumer: 'r', count: 500, blockMs: 100 });
          const now = performance.now();
          for (const e of evs) if (e.type === 'call.offered' && !seen.has(e.callId)) seen.set(e.callId, now);
          if (evs.length)
            await acd.ackEvents(
              'bench',
              evs.map((e) => e.id),
            );
        }
      })();
    },
    async stop(sentAt: Map<string, number>) {
      await sleep(300);
      running = false;
      await loop;
      await acd.close();
      const lat: number[] = [];
      for (const [id, t] of seen) {
        const s = sentAt.get(id);
        if (s !== undefined) lat.push(t - s);
      }
      return lat;
    },
  };
}

async function cleanup() {
  for (const p of prefixes) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${p}:*`, 'COUNT', 5000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  }
}

try {
  const { baseline, matching } = await agentReady();
  const arrival = await callArrival();
  const floor = await trivialOpenLoop(RATE * 4);
  const ratio = Math.round((matching.opsPerSec / baseline.evalshaTrivialOpsPerSec) * 1000) / 1000;
  const out = {
    bench: 'queue-matching',
    agents: AGENTS,
    waitingCalls: WAITING,
    concurrency: CONCURRENCY,
    roundTripsPerMatchingStep: 1,
    baseline,
    matching: { ...matching, ratioToBaseline: ratio },
    callArrival: { ...arrival, trivialEvalshaAtSameRate: floor },
    targets: {
      matchingAtLeast30PctOfEvalsha: ratio >= 0.3,
      p99EnqueueToOfferUnder5ms: arrival.enqueueToOfferReply.p99Ms < 5,
    },
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} finally {
  await cleanup();
  redis.disconnect();
}
