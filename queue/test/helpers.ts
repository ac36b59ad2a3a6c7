// Test helpers: a real Redis connection (REDIS_URL via the config module), a random key prefix per
// test, a controllable clock and cleanup of every key the test created.

import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { AcdConfigInput } from '../src/config.ts';
import { readEnv } from '../src/config.ts';
import { type Acd, createAcd } from '../src/index.ts';

export const REDIS_URL = readEnv().redisUrl;

export interface TestClock {
  now: number;
  (): number;
  advance(ms: number): number;
}

export function testClock(start = 1_764_000_000_000): TestClock {
  const fn = (() => fn.now) as TestClock;
  fn.now = start;
  fn.advance = (ms) => {
    fn.now += ms;
    return fn.now;
  };
  return fn;
}

export function randomPrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

export interface Harness {
  redis: Redis;
  acd: Acd;
  clock: TestClock;
  prefix: string;
  close(): Promise<void>;
}

export async function harness(config: AcdConfigInput = {}, clock: TestClock = testClock()): Promise<Harness> {
  const redis = new Redis(REDIS_URL, { lazyConnect: false });
  const prefix = randomPrefix();
  const acd = createAcd({ redis, prefix, config, clock });
  return {
    redis,
    acd,
    clock,
    prefix,
    async close() {
      await acd.close();
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  };
}
