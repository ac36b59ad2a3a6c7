// 50 agents and 500 calls racing through 3 ACD instances on one real Redis: every call is answered
// or abandoned exactly once, no agent ever holds two calls, and the live interval counters equal
// the ones recomputed from the event stream.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Acd, createAcd } from '../../src/index.ts';
import { recomputeFromEvents } from '../../src/metrics/recompute.ts';
import { counterRules } from '../../src/metrics/rules.ts';
import { deleteKeys, REDIS_URL, randomPrefix } from '../helpers.ts';
import { checkInvariants, runTraffic } from '../traffic.ts';

const prefix = randomPrefix();
const clients: Redis[] = [];
const instances: Acd[] = [];
const config = { wrapUpSec: 0.05, sweepIntervalMs: 20, maxMissedOffers: 2, bucketMinutes: 1 };

beforeAll(() => {
  for (let i = 0; i < 3; i++) {
    const r = new Redis(REDIS_URL);
    clients.push(r);
    instances.push(createAcd({ redis: r, prefix, config }));
  }
});
afterAll(async () => {
  for (const a of instances) await a.close();
  await deleteKeys(clients[0]!, prefix);
  for (const r of clients) r.disconnect();
});

describe('50 agents × 500 calls, 3 instances', () => {
  test('every call resolved exactly once; no agent holds two calls; metrics match the stream', async () => {
    const report = await runTraffic({
      instances,
      agents: 50,
      calls: 500,
      queues: ['12345', 'enterprise'],
      spreadMs: 2500,
    });
    expect(report.unexpected).toEqual([]);
    expect(report.resolved).toBe(500);
    const acd = instances[0]!;
    const events = await acd.readEventRange();
    expect(checkInvariants(events, report.callIds)).toEqual([]);
    const answered = events.filter((e) => e.type === 'call.answered' && e.first === 1).length;
    expect(answered).toBeGreaterThan(100); // the rest abandoned (checked above: each exactly once)
    // the run really exercised every path
    const types = new Set(events.map((e) => e.type));
    for (const t of [
      'call.offer-rejected',
      'call.offer-expired',
      'call.abandoned',
      'call.callback-requested',
    ] as const) {
      expect(types).toContain(t);
    }

    // nothing left behind
    expect(await clients[0]!.zcard(`${prefix}:offers`)).toBe(0);
    expect(await clients[0]!.zcard(`${prefix}:q:12345`)).toBe(0);
    const agents = await acd.listAgents();
    expect(agents.filter((a) => a.state === 'reserved' || a.state === 'on-call')).toEqual([]);

    // live counters == recomputed from the stream, bucket by bucket and queue by queue
    const bucketMs = 60_000;
    const re = recomputeFromEvents(events, counterRules(acd.config), bucketMs);
    let compared = 0;
    for (const [b, byQueue] of re.queues) {
      for (const [q, counters] of byQueue) {
        expect(await acd.metrics.counters(q, b, b + bucketMs)).toEqual(counters);
        compared++;
      }
    }
    for (const [b, time] of re.agents)
      expect((await acd.metrics.agentTime(b, b + bucketMs)).time).toEqual(time);
    expect(compared).toBeGreaterThan(0);
  }, 150_000);
});
