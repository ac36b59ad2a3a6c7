// Redis connections are killed (CLIENT KILL) again and again while traffic runs: ioredis reconnects
// and resends, the scripts' request ids make a resent command replay its first reply, and no call
// is lost, resolved twice or held by two agents.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Acd, createAcd } from '../../src/index.ts';
import { deleteKeys, REDIS_URL, randomPrefix } from '../helpers.ts';
import { checkInvariants, runTraffic } from '../traffic.ts';

const prefix = randomPrefix();
const clients: Redis[] = [];
const instances: Acd[] = [];
let admin: Redis;

beforeAll(() => {
  admin = new Redis(REDIS_URL);
  for (let i = 0; i < 3; i++) {
    const r = new Redis(REDIS_URL, { connectionName: `${prefix}-i${i}` });
    r.on('error', () => {}); // reconnects are expected here
    clients.push(r);
    instances.push(createAcd({ redis: r, prefix, config: { wrapUpSec: 0.05, sweepIntervalMs: 20 } }));
  }
});
afterAll(async () => {
  for (const a of instances) await a.close();
  await deleteKeys(admin, prefix);
  for (const r of clients) r.disconnect();
  admin.disconnect();
});

async function killOneInstance(round: number): Promise<number> {
  const name = `${prefix}-i${round % 3}`;
  const list = (await admin.client('LIST')) as string;
  let killed = 0;
  for (const line of list.split('\n')) {
    if (!line.includes(` name=${name} `)) continue;
    const id = /(?:^|\s)id=(\d+)/.exec(line)?.[1];
    if (id) killed += Number(await admin.client('KILL', 'ID', id));
  }
  return killed;
}

describe('connection loss mid-traffic', () => {
  test('killed connections lose no call and assign none twice', async () => {
    let round = 0;
    let kills = 0;
    const report = await runTraffic({
      instances,
      agents: 20,
      calls: 200,
      queues: ['12345'],
      spreadMs: 2000,
      seed: 99,
      chaos: async () => {
        if (round++ % 2 === 0) kills += await killOneInstance(round);
      },
    });
    expect(kills).toBeGreaterThan(5);
    expect(report.unexpected).toEqual([]);
    expect(report.resolved).toBe(200);
    const events = await instances[0]!.readEventRange();
    expect(checkInvariants(events, report.callIds)).toEqual([]);
    for (const id of report.callIds) {
      const c = await instances[1]!.getCall(id);
      expect(['ended', 'abandoned']).toContain(c?.state);
    }
    const enq = events.filter((e) => e.type === 'call.enqueued').length;
    expect(enq).toBe(200); // resent enqueues replayed, not duplicated
  }, 150_000);
});
