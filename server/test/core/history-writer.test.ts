// The history writer on real Redis + PGlite/PostgreSQL: every queue event is applied exactly once,
// across a stop/restart, with entries left pending by a crashed consumer and with entries that were
// applied but never acknowledged.
import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../src/history/apply-event.ts';
import { startHistoryWriter } from '../../src/history/history-writer.ts';
import { DB_TARGETS } from '../support/db.ts';
import { until, useHistoryRig } from '../support/history-rig.ts';

describe.each(DB_TARGETS)('history writer on $name', (target) => {
  const rig = useHistoryRig(target, 'hist');
  const errors: unknown[] = [];

  const db = () => rig.tdb.db.kysely;
  const processed = async () =>
    Number(
      (
        await db()
          .selectFrom('history_processed')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const streamLength = () => rig.redis.xlen(rig.acd.eventsKey);

  it('applies every event once across restarts, crashed consumers and lost acks', async () => {
    const { redis, acd } = rig;
    await acd.agentLogin('a1', { name: '卓玛', skills: {} });
    await acd.setReady('a1');
    await acd.enqueueCall({ callId: 'h1', queue: '12345', callerNumber: '13800000001' });
    await acd.answer('h1', 'a1');
    await acd.endCall('h1', 'caller');

    const w1 = startHistoryWriter({
      acd,
      redis,
      db: db(),
      consumer: 'w1',
      blockMs: 200,
      onError: (e) => errors.push(e),
    });
    await until(async () => (await processed()) === (await streamLength()));
    await w1.stop();

    // While no writer runs: more calls, one abandoned.
    await acd.enqueueCall({ callId: 'h2', queue: '12345', callerNumber: '13800000002' });
    await acd.answer('h2', 'a1');
    await acd.endCall('h2', 'agent');
    await acd.setNotReady('a1', 'break');
    await acd.enqueueCall({ callId: 'h3', queue: '12345', callerNumber: '13800000003' });
    await acd.abandon('h3');

    // A consumer "w-dead" took 4 entries and crashed: it applied the first 2 but never acknowledged any.
    const taken = (await redis.xreadgroup(
      'GROUP',
      'history',
      'w-dead',
      'COUNT',
      4,
      'STREAMS',
      acd.eventsKey,
      '>',
    )) as [string, [string, string[]][]][];
    const takenIds = taken[0]![1].map(([id]) => id);
    expect(takenIds).toHaveLength(4);
    const pendingEvents = await acd.readEvents({ group: 'history', consumer: 'w-dead', cursor: '0' });
    for (const e of pendingEvents.slice(0, 2)) expect(await applyEvent(db(), e)).toBe(true);

    const batches: [number, number][] = [];
    const w2 = startHistoryWriter({
      acd,
      redis,
      db: db(),
      consumer: 'w2',
      claimIdleMs: 0,
      blockMs: 200,
      onError: (e) => errors.push(e),
      onBatch: (a, s) => batches.push([a, s]),
    });
    await until(async () => (await processed()) === (await streamLength()));
    await w2.stop();

    expect(errors).toEqual([]);
    const skipped = batches.reduce((n, [, s]) => n + s, 0);
    expect(skipped).toBe(2); // exactly the two applied-but-unacknowledged entries
    const pending = (await redis.xpending(acd.eventsKey, 'history')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);

    const calls = await db().selectFrom('call_record').selectAll().orderBy('call_id').execute();
    expect(calls.map((c) => [c.call_id, c.outcome, c.agent_id])).toEqual([
      ['h1', 'completed', 'a1'],
      ['h2', 'completed', 'a1'],
      ['h3', 'abandoned', null],
    ]);
    expect(calls[0]!.caller_number).toBe('13800000001');
    expect(calls[0]!.ended_by).toBe('caller');
    const offers = await db().selectFrom('call_offer').selectAll().execute();
    expect(offers.map((o) => o.outcome).sort()).toEqual(['answered', 'answered']);

    // Agent state intervals: consecutive, only the last one open.
    const intervals = await db()
      .selectFrom('agent_state_interval')
      .selectAll()
      .orderBy('started_at')
      .orderBy('stream_id')
      .execute();
    expect(intervals.filter((i) => i.ended_at === null)).toHaveLength(1);
    expect(intervals.at(-1)!.state).toBe('not-ready');
    expect(intervals.at(-1)!.reason).toBe('break');
    const events = await acd.readEventRange();
    expect(intervals).toHaveLength(events.filter((e) => e.type === 'agent.state').length);

    // Re-applying the whole stream changes nothing.
    for (const e of events) expect(await applyEvent(db(), e)).toBe(false);
    expect(await processed()).toBe(events.length);
  });
});
