// Bad input and illegal state changes: a typed error, nothing changed, the process keeps running.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AcdError, createAcd } from '../../src/index.ts';
import { type Harness, harness } from '../helpers.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

async function snapshotKeys(): Promise<Record<string, string>> {
  // request-id replay records (<prefix>:rid:*) are expected; everything else must be unchanged
  const keys = (await h.redis.keys(`${h.prefix}:*`)).filter((k) => !k.includes(':rid:')).sort();
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = JSON.stringify(await h.redis.dump(k));
  return out;
}

describe('typed errors leave Redis untouched', () => {
  test('unknown ids, illegal transitions, duplicates', async () => {
    await h.acd.agentLogin('a1', { name: 'a1', skills: {} });
    await h.acd.enqueueCall({ callId: 'c1', queue: 'q', callerNumber: '1' });
    const before = await snapshotKeys();
    const cases: [Promise<unknown>, string][] = [
      [h.acd.setReady('nobody'), 'UNKNOWN_AGENT'],
      [h.acd.answer('nocall', 'a1'), 'UNKNOWN_CALL'],
      [h.acd.answer('c1', 'a1'), 'ILLEGAL_CALL_TRANSITION'], // answer without an offer
      [h.acd.endCall('c1'), 'ILLEGAL_CALL_TRANSITION'],
      [h.acd.hold('c1'), 'ILLEGAL_CALL_TRANSITION'],
      [h.acd.requeueToHead('c1'), 'ILLEGAL_CALL_TRANSITION'],
      [h.acd.enqueueCall({ callId: 'c1', queue: 'q', callerNumber: '1' }), 'CALL_EXISTS'],
      [h.acd.agentLogin('a1', { name: 'a1', skills: {} }), 'ALREADY_LOGGED_IN'],
      [h.acd.reject('c1', 'a1'), 'ILLEGAL_CALL_TRANSITION'],
      [h.acd.position('nocall'), 'UNKNOWN_CALL'],
    ];
    for (const [p, code] of cases) await expect(p).rejects.toMatchObject({ name: 'AcdError', code });
    expect(await snapshotKeys()).toEqual(before);
  });

  test('malformed input is INVALID_INPUT with the field named', async () => {
    const bad: [() => Promise<unknown>, string][] = [
      [() => h.acd.enqueueCall({ callId: '', queue: 'q', callerNumber: '1' }), 'callId'],
      [() => h.acd.enqueueCall({ callId: 'x', queue: 'a|b', callerNumber: '1' }), 'queue'],
      [
        () => h.acd.enqueueCall({ callId: 'x', queue: 'q', callerNumber: '1', priority: 'vip' as never }),
        'priority',
      ],
      [() => h.acd.enqueueCall({ callId: 'x', queue: 'q', callerNumber: '1 OR 1=1' }), 'callerNumber'],
      [
        () => h.acd.enqueueCall({ callId: 'x', queue: 'q', callerNumber: '1', skills: { 'lang:x': 99 } }),
        'call.skills.lang:x',
      ],
      [() => h.acd.agentLogin('a 1', { name: 'x', skills: {} }), 'agentId'],
      [() => h.acd.agentLogin('a2', { name: 'x', skills: {}, offerTimeoutMs: 5 }), 'offerTimeoutMs'],
      [() => h.acd.setNotReady('a2', ''), 'reason'],
      [() => h.acd.enqueueCall(null as never), 'callId'],
    ];
    for (const [fn, field] of bad) {
      const e = await fn().then(
        () => null,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(AcdError);
      expect(e).toMatchObject({ code: 'INVALID_INPUT', httpStatus: 400 });
      expect((e as AcdError).details.field).toBe(field);
    }
    expect(await h.redis.keys(`${h.prefix}:*`)).toEqual([]);
  });

  test('invalid configuration fails fast with a readable message', () => {
    expect(() => createAcd({ redis: h.redis, prefix: h.prefix, config: { wrapUpSec: -1 } })).toThrow(
      /wrapUpSec/,
    );
    expect(() => createAcd({ redis: h.redis, prefix: h.prefix, config: { bogus: 1 } as never })).toThrow(
      AcdError,
    );
  });

  test('a dead Redis gives REDIS_UNAVAILABLE, not a crash', async () => {
    const { Redis } = await import('ioredis');
    const dead = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    dead.on('error', () => {});
    const acd = createAcd({ redis: dead, prefix: h.prefix });
    await expect(acd.setReady('a1')).rejects.toMatchObject({ code: 'REDIS_UNAVAILABLE', httpStatus: 503 });
    dead.disconnect();
  });
});
