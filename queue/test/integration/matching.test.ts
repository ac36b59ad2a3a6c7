// Matching rules on real Redis: longest idle, skill levels, priority/aging, offer expiry, misses,
// wrap-up timer, callbacks, requeue.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LANGUAGES } from '../../src/index.ts';
import { type Harness, harness } from '../helpers.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness({ wrapUpSec: 20, offerTimeoutSec: 10, maxMissedOffers: 2, idleTieMs: 500 });
});
afterEach(async () => {
  await h.close();
});

const mand = { [LANGUAGES.mandarin]: 3 };

async function readyAgent(id: string, skills: Record<string, number> = mand, advance = 1000) {
  await h.acd.agentLogin(id, { name: id, skills });
  await h.acd.setReady(id);
  h.clock.advance(advance);
}

describe('call arrives', () => {
  test('goes to the longest-idle ready agent with the skills', async () => {
    await readyAgent('a1', { [LANGUAGES.sichuanese]: 5 });
    await readyAgent('a2');
    await readyAgent('a3');
    const r = await h.acd.enqueueCall({
      callId: 'c1',
      queue: 'q',
      callerNumber: '1',
      skills: [LANGUAGES.mandarin],
    });
    expect(r.offer?.agentId).toBe('a2');
    expect(r.position).toBe(0);
    expect((await h.acd.getAgent('a2'))?.state).toBe('reserved');
    const events = await h.acd.readEventRange();
    const offered = events.find((e) => e.type === 'call.offered');
    expect(offered).toMatchObject({
      callId: 'c1',
      agentId: 'a2',
      queue: 'q',
      callerNumber: '1',
      priority: 'normal',
    });
    expect(offered && 'expiresAt' in offered && offered.expiresAt).toBe(h.clock.now + 10_000);
  });

  test('higher skill level wins among agents idle about as long', async () => {
    await readyAgent('low', { [LANGUAGES.khams]: 1 }, 100);
    await readyAgent('high', { [LANGUAGES.khams]: 4 }, 600);
    await readyAgent('later', { [LANGUAGES.khams]: 9 }, 100); // idle 700 ms less than "low": not tied
    const r = await h.acd.enqueueCall({
      callId: 'c1',
      queue: 'q',
      callerNumber: '1',
      skills: [LANGUAGES.khams],
    });
    expect(r.offer?.agentId).toBe('high');
  });

  test('waits with position and estimated wait when nobody can take it; queues restrict agents', async () => {
    await h.acd.agentLogin('a1', { name: 'a1', skills: mand, queues: ['other'] });
    await h.acd.setReady('a1');
    const r1 = await h.acd.enqueueCall({ callId: 'c1', queue: 'q', callerNumber: '1' });
    const r2 = await h.acd.enqueueCall({ callId: 'c2', queue: 'q', callerNumber: '2' });
    expect(r1.offer).toBeNull();
    expect([r1.position, r2.position]).toEqual([1, 2]);
    expect(r2.estimatedWaitSec).toBe(360); // 2 × 180 s ÷ 1 staffed agent
    expect(await h.acd.position('c2')).toEqual({ callId: 'c2', position: 2, estimatedWaitSec: 360 });
    const snap = await h.acd.queueSnapshot('q');
    expect(snap.calls.map((c) => c.callId)).toEqual(['c1', 'c2']);
  });
});

describe('agent becomes ready', () => {
  test('gets the best call it can take: priority first, then longest waiting', async () => {
    await h.acd.enqueueCall({ callId: 'n1', queue: 'q', callerNumber: '1' });
    h.clock.advance(30_000);
    await h.acd.enqueueCall({ callId: 'k1', queue: 'q', callerNumber: '2', skills: [LANGUAGES.khams] });
    await h.acd.enqueueCall({ callId: 'e1', queue: 'q', callerNumber: '3', priority: 'elderly' });
    await h.acd.enqueueCall({ callId: 'u1', queue: 'q', callerNumber: '4', priority: 'urgent' });
    await h.acd.agentLogin('a1', { name: 'a1', skills: mand });
    const r = await h.acd.setReady('a1');
    expect(r.offers.map((o) => o.callId)).toEqual(['u1']);
    expect(r.value.state).toBe('reserved');
    await h.acd.answer('u1', 'a1');
    await h.acd.endCall('u1');
    const next = await h.acd.setReady('a1'); // leave wrap-up early
    expect(next.offers[0]?.callId).toBe('e1'); // elderly boost 120 s beats 30 s of waiting
    const snap = await h.acd.queueSnapshot('q');
    expect(snap.calls.map((c) => c.callId)).toEqual(['n1', 'k1']); // k1 needs Khams, a1 lacks it
  });

  test('a normal call that waited long enough beats a fresh urgent call (aging)', async () => {
    await h.acd.enqueueCall({ callId: 'old', queue: 'q', callerNumber: '1' });
    h.clock.advance(601_000);
    await h.acd.enqueueCall({ callId: 'new', queue: 'q', callerNumber: '2', priority: 'urgent' });
    await h.acd.agentLogin('a1', { name: 'a1', skills: {} });
    expect((await h.acd.setReady('a1')).offers[0]?.callId).toBe('old');
  });
});

describe('offers', () => {
  test('expiry returns the call to the head, counts a miss; N misses → not-ready "missed-offers"', async () => {
    await h.acd.enqueueCall({ callId: 'c0', queue: 'q', callerNumber: '0' });
    h.clock.advance(1);
    await h.acd.agentLogin('a1', { name: 'a1', skills: {}, offerTimeoutMs: 5000 });
    await h.acd.setReady('a1'); // offered c0
    await h.acd.enqueueCall({ callId: 'c1', queue: 'q', callerNumber: '1', priority: 'urgent' });
    h.clock.advance(5000);
    const t = await h.acd.tick();
    expect(t.expiredOffers).toBe(1);
    // a1 is ready again (missed 1) and is offered the best call: urgent c1
    expect(t.offers.map((o) => [o.callId, o.agentId])).toEqual([['c1', 'a1']]);
    expect((await h.acd.queueSnapshot('q')).calls[0]?.callId).toBe('c0');
    h.clock.advance(5000);
    await h.acd.tick();
    const a = await h.acd.getAgent('a1');
    expect(a).toMatchObject({ state: 'not-ready', reason: 'missed-offers', missed: 2 });
    const snap = await h.acd.queueSnapshot('q');
    expect(snap.calls.map((c) => c.callId)).toEqual(['c1', 'c0']); // c1 returned to the very head
    const expired = (await h.acd.readEventRange()).filter((e) => e.type === 'call.offer-expired');
    expect(expired).toHaveLength(2);
  });

  test('reject, caller hang-up and answer each resolve the reservation exactly once', async () => {
    await readyAgent('a1');
    await readyAgent('a2');
    await h.acd.enqueueCall({ callId: 'c1', queue: 'q', callerNumber: '1' });
    const rej = await h.acd.reject('c1', 'a1');
    expect(rej.offers.map((o) => o.agentId)).toEqual(['a2']);
    await expect(h.acd.reject('c1', 'a1')).rejects.toMatchObject({ code: 'OFFER_MISMATCH' });
    await expect(h.acd.answer('c1', 'a1')).rejects.toMatchObject({ code: 'OFFER_MISMATCH' });
    const ab = await h.acd.abandon('c1'); // hang-up while a2 rings
    expect(ab.value).toMatchObject({ state: 'abandoned' });
    expect((await h.acd.getAgent('a2'))?.state).toBe('ready');
    await expect(h.acd.answer('c1', 'a2')).rejects.toMatchObject({ code: 'ILLEGAL_CALL_TRANSITION' });
    h.clock.advance(60_000);
    expect((await h.acd.tick()).expiredOffers).toBe(0); // the old offer is gone from the sweeper
  });

  test('answer is idempotent for the same agent', async () => {
    await readyAgent('a1');
    await h.acd.enqueueCall({ callId: 'c1', queue: 'q', callerNumber: '1' });
    const first = await h.acd.answer('c1', 'a1');
    const again = await h.acd.answer('c1', 'a1');
    expect(again).toEqual(first);
    const answered = (await h.acd.readEventRange()).filter((e) => e.type === 'call.answered');
    expect(answered).toHaveLength(1);
  });
});

describe('wrap-up, hold, callbacks, requeue', () => {
  test('wrap-up timer ends in ready and the agent gets the next call', async () => {
    await readyAgent('a1');
    await h.acd.enqueueCall({ callId: 'c1', queue: 'q', callerNumber: '1' });
    await h.acd.answer('c1', 'a1');
    h.clock.advance(30_000);
    await h.acd.hold('c1');
    h.clock.advance(5000);
    await h.acd.resume('c1');
    h.clock.advance(10_000);
    const ended = await h.acd.endCall('c1', 'caller');
    expect(ended.value.state).toBe('ended');
    const a = await h.acd.getAgent('a1');
    expect(a).toMatchObject({ state: 'wrap-up', wrapUpEndsAt: h.clock.now + 20_000 });
    await h.acd.enqueueCall({ callId: 'c2', queue: 'q', callerNumber: '2' });
    h.clock.advance(20_000);
    const t = await h.acd.tick();
    expect(t.wrapUpsEnded).toBe(1);
    expect(t.offers[0]).toMatchObject({ callId: 'c2', agentId: 'a1' });
    const ev = (await h.acd.readEventRange()).find((e) => e.type === 'call.ended');
    expect(ev).toMatchObject({ talkMs: 40_000, holdMs: 5000, by: 'caller' });
  });

  test('callback keeps the place and is offered as an outbound task', async () => {
    await h.acd.enqueueCall({ callId: 'c1', queue: 'q', callerNumber: '1' });
    h.clock.advance(1000);
    await h.acd.enqueueCall({ callId: 'c2', queue: 'q', callerNumber: '2' });
    h.clock.advance(1000);
    await h.acd.requestCallback('c1', '13912345678');
    await expect(h.acd.abandon('c1')).rejects.toMatchObject({ code: 'ILLEGAL_CALL_TRANSITION' });
    expect((await h.acd.position('c1')).position).toBe(1);
    await h.acd.agentLogin('a1', { name: 'a1', skills: {} });
    const r = await h.acd.setReady('a1');
    expect(r.offers[0]).toMatchObject({ callId: 'c1', kind: 'callback', callbackNumber: '13912345678' });
  });

  test('requeueToHead: agent vanished mid-call → call first in line, agent not-ready', async () => {
    await readyAgent('a1');
    await h.acd.enqueueCall({ callId: 'c1', queue: 'q', callerNumber: '1' });
    await h.acd.answer('c1', 'a1');
    await h.acd.enqueueCall({ callId: 'c2', queue: 'q', callerNumber: '2', priority: 'urgent' });
    const r = await h.acd.requeueToHead('c1');
    expect(r.value.state).toBe('waiting');
    expect(await h.acd.getAgent('a1')).toMatchObject({ state: 'not-ready', reason: 'connection-lost' });
    expect((await h.acd.queueSnapshot('q')).calls.map((c) => c.callId)).toEqual(['c1', 'c2']);
    await readyAgent('a2');
    expect((await h.acd.getAgent('a2'))?.callId).toBe('c1');
  });

  test('logout while ringing hands the call to the next agent', async () => {
    await readyAgent('a1');
    await readyAgent('a2');
    await h.acd.enqueueCall({ callId: 'c1', queue: 'q', callerNumber: '1' });
    const out = await h.acd.agentLogout('a1');
    expect(out.value.state).toBe('offline');
    expect(out.offers[0]).toMatchObject({ callId: 'c1', agentId: 'a2' });
  });
});
