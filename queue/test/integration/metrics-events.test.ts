// A scripted day on a controlled clock: the metric values are known by hand, the live counters give
// them, the event stream recomputation gives the same; consumer groups deliver every event once.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { recomputeFromEvents } from '../../src/metrics/recompute.ts';
import { counterRules } from '../../src/metrics/rules.ts';
import { type Harness, harness, testClock } from '../helpers.ts';

let h: Harness;
const start = Date.UTC(2026, 10, 28, 9, 0, 0); // bucket-aligned
beforeEach(async () => {
  h = await harness({ wrapUpSec: 20, bucketMinutes: 15 }, testClock(start));
});
afterEach(async () => {
  await h.close();
});

describe('metrics', () => {
  test('service level, answer rate, abandons (short separate), ASA, AHT, occupancy', async () => {
    const { acd, clock } = h;
    await acd.agentLogin('a1', { name: 'a1', skills: {} });
    // c1 answered after 10 s (within SL), talk 100 s, hold 20 s, wrap 20 s
    await acd.enqueueCall({ callId: 'c1', queue: 'q', callerNumber: '1' });
    clock.advance(8000);
    await acd.setReady('a1'); // idle 0 s → offered at once
    clock.advance(2000);
    await acd.answer('c1', 'a1');
    // c2 and c3 arrive while a1 talks; c2 hangs up after 3 s (short), c3 after 40 s
    await acd.enqueueCall({ callId: 'c2', queue: 'q', callerNumber: '2' });
    await acd.enqueueCall({ callId: 'c3', queue: 'q', callerNumber: '3' });
    clock.advance(3000);
    await acd.abandon('c2');
    clock.advance(37_000);
    await acd.abandon('c3');
    // c4 arrives, c5 arrives and asks for a callback
    await acd.enqueueCall({ callId: 'c4', queue: 'q', callerNumber: '4', priority: 'elderly' });
    await acd.enqueueCall({ callId: 'c5', queue: 'q', callerNumber: '5' });
    await acd.requestCallback('c5', '13900000005');
    clock.advance(40_000);
    await acd.hold('c1');
    clock.advance(20_000);
    await acd.resume('c1');
    clock.advance(20_000); // talk 3 + 37 + 40 + 20 = 100 s, hold 20 s
    await acd.endCall('c1');
    clock.advance(20_000);
    const t = await acd.tick(); // wrap-up ends → ready → offered c4 (waited 100 s)
    expect(t.offers[0]?.callId).toBe('c4');
    await acd.answer('c4', 'a1');
    clock.advance(60_000);
    await acd.endCall('c4');
    clock.advance(5000);
    await acd.setReady('a1'); // wrap 5 s, then the callback task c5
    await acd.answer('c5', 'a1');
    clock.advance(30_000);
    await acd.endCall('c5');
    clock.advance(20_000);
    await acd.tick();

    const m = await acd.metrics.interval('q', start);
    expect(m.counters).toMatchObject({
      entered: 5,
      callbacks: 1,
      answered: 2,
      answeredInSL: 1,
      abandoned: 2,
      shortAbandoned: 1,
    });
    expect(m.metrics.offered).toBe(4);
    expect(m.metrics.serviceLevel).toBeCloseTo(1 / 4);
    expect(m.metrics.answerRate).toBeCloseTo(2 / 4);
    expect(m.metrics.abandonRate).toBeCloseTo(1 / 3);
    expect(m.metrics.shortAbandonRate).toBeCloseTo(1 / 4);
    expect(m.metrics.asaSec).toBeCloseTo((10 + 100) / 2);
    // AHT over handled calls c1, c4, c5: (100+20+20) + (60+5) + (30+20) = 255 s / 3
    expect(m.metrics.ahtSec).toBeCloseTo(255 / 3);
    expect(m.metrics.callbacks).toBe(1);
    expect(m.counters.callbacksHandled).toBe(1);

    const day = await acd.metrics.rolling24h('q', clock.now);
    expect(day.counters).toEqual(m.counters);

    const occ = await acd.metrics.agentTime(start, start + 3_600_000);
    // on-call 120 + 60 + 30, wrap 20 + 5 + 20, reserved 2 (c1 rang 2 s), ready 0 (offers were instant)
    expect(occ.time['on-call']).toBe(210_000);
    expect(occ.time['wrap-up']).toBe(45_000);
    expect(occ.time.reserved).toBe(2000);
    expect(occ.occupancy).toBeCloseTo(255 / 257);

    const live = await acd.metrics.live('q', clock.now);
    expect(live).toMatchObject({ waiting: 0, longestWaitMs: 0 });
    expect(live.agentsByState.ready).toBe(1);

    // identical from the event stream
    const events = await acd.readEventRange();
    const re = recomputeFromEvents(events, counterRules(acd.config), 15 * 60_000);
    expect(re.queues.get(start)?.get('q')).toEqual(m.counters);
    expect(re.agents.get(start)).toEqual(occ.time);
  });

  test('longest wait and agents by state are live', async () => {
    const { acd, clock } = h;
    await acd.enqueueCall({ callId: 'c1', queue: 'q', callerNumber: '1' });
    clock.advance(12_000);
    await acd.enqueueCall({ callId: 'c2', queue: 'q', callerNumber: '2', priority: 'urgent' });
    await acd.agentLogin('a1', { name: 'a1', skills: {} });
    await acd.agentLogin('a2', { name: 'a2', skills: {} });
    await acd.setNotReady('a2', 'training');
    clock.advance(3000);
    const live = await acd.metrics.live('q');
    expect(live).toMatchObject({ waiting: 2, longestWaitMs: 15_000 });
    expect(live.agentsByState['not-ready']).toBe(2);
    const snap = await acd.queueSnapshot('q');
    expect(snap.calls.map((c) => c.callId)).toEqual(['c2', 'c1']);
    expect(snap.longestWaitMs).toBe(15_000);
  });
});

describe('event stream consumers', () => {
  test('consumer groups share the stream, deliver each event once, redeliver unacknowledged', async () => {
    const { acd } = h;
    await acd.agentLogin('a1', { name: 'a1', skills: {} });
    for (let i = 0; i < 5; i++) await acd.enqueueCall({ callId: `c${i}`, queue: 'q', callerNumber: '1' });
    const all = await acd.readEventRange();
    expect(all.map((e) => e.type)).toEqual(['agent.state', ...Array(5).fill('call.enqueued')]);
    const x = await acd.readEvents({ group: 'history', consumer: 'x', count: 4 });
    const y = await acd.readEvents({ group: 'history', consumer: 'y', count: 4 });
    expect([...x, ...y].map((e) => e.id)).toEqual(all.map((e) => e.id));
    await acd.ackEvents(
      'history',
      x.map((e) => e.id),
    );
    // y crashed before acking: its entries are still pending for y
    const pending = await acd.readEvents({ group: 'history', consumer: 'y', cursor: '0' });
    expect(pending.map((e) => e.id)).toEqual(y.map((e) => e.id));
    // another group sees everything again; blocking read returns empty when nothing is new
    expect(await acd.readEvents({ group: 'server', consumer: 's', count: 100 })).toHaveLength(6);
    expect(await acd.readEvents({ group: 'server', consumer: 's', blockMs: 20 })).toEqual([]);
    const enq = all[1]!;
    expect(enq).toMatchObject({
      type: 'call.enqueued',
      callId: 'c0',
      queue: 'q',
      priority: 'normal',
      position: 1,
    });
    expect(typeof enq.ts).toBe('number');
  });
});
