// The history writer and a poison event (real Redis + PGlite/PostgreSQL): an event that fails while the
// database answers is retried, then set aside in history_dead_letter and acknowledged; the calls after
// it are still recorded; a replay applies set-aside events once they apply, and keeps the others.
import { describe, expect, it } from 'vitest';
import { countDeadLetters, replayDeadLetters } from '../../src/history/dead-letters.ts';
import { startHistoryWriter } from '../../src/history/history-writer.ts';
import { DB_TARGETS } from '../support/db.ts';
import { until, useHistoryRig } from '../support/history-rig.ts';

describe.each(DB_TARGETS)('history writer dead letters on $name', (target) => {
  const rig = useHistoryRig(target, 'hdl');

  it('sets a poison event aside after its tries, records the calls after it, and replays what now applies', async () => {
    const { redis, acd } = rig;
    const db = rig.tdb.db.kysely;
    await acd.enqueueCall({ callId: 'd1', queue: '12345', callerNumber: '13800000011' });
    // a malformed entry (no arrival time, queue or caller number): it can never be recorded
    const poisonId = await redis.xadd(
      acd.eventsKey,
      '*',
      'type',
      'call.enqueued',
      'ts',
      '1',
      'callId',
      'bad-1',
    );
    await acd.enqueueCall({ callId: 'd2', queue: '12345', callerNumber: '13800000012' });
    await acd.abandon('d2');

    const errors: unknown[] = [];
    const dead: string[] = [];
    const w = startHistoryWriter({
      acd,
      redis,
      db,
      consumer: 'w1',
      blockMs: 200,
      deadLetterAfter: 3,
      onError: (e) => errors.push(e),
      onDeadLetter: (e) => dead.push(e.id),
    });
    await until(async () => {
      const r = await db
        .selectFrom('call_record')
        .select('outcome')
        .where('call_id', '=', 'd2')
        .executeTakeFirst();
      return r?.outcome === 'abandoned';
    });
    await w.stop();

    expect(errors).toHaveLength(2); // tries 1 and 2 failed and were retried; try 3 set it aside
    expect(dead).toEqual([poisonId]);
    const letters = await db.selectFrom('history_dead_letter').selectAll().execute();
    expect(letters.map((l) => [l.stream_id, l.attempts])).toEqual([[poisonId, 3]]);
    expect(letters[0]!.error).toBe((errors[0] as Error).message); // what broke, kept for the fix
    expect(letters[0]!.error.length).toBeGreaterThan(0);
    expect((letters[0]!.event as { callId: string }).callId).toBe('bad-1');
    expect(await countDeadLetters(db)).toBe(1);
    const calls = await db
      .selectFrom('call_record')
      .select(['call_id', 'outcome'])
      .orderBy('call_id')
      .execute();
    expect(calls).toEqual([
      { call_id: 'd1', outcome: 'waiting' },
      { call_id: 'd2', outcome: 'abandoned' },
    ]);
    const pending = (await redis.xpending(acd.eventsKey, 'history')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0); // nothing left to block the writer

    // replay: the poison one still fails and stays; an event set aside that applies now is applied
    const [d1Enqueued] = (await acd.readEventRange()).filter(
      (e) => e.type === 'call.enqueued' && e.callId === 'd1',
    );
    await db.deleteFrom('history_processed').where('stream_id', '=', d1Enqueued!.id).execute();
    await db.deleteFrom('call_record').where('call_id', '=', 'd1').execute();
    await db
      .insertInto('history_dead_letter')
      .values({
        stream_id: d1Enqueued!.id,
        event: JSON.stringify(d1Enqueued),
        error: 'db was read-only',
        attempts: 5,
      })
      .execute();
    const r = await replayDeadLetters(db);
    expect(r.replayed).toBe(1);
    expect(r.stillFailing.map((f) => f.streamId)).toEqual([poisonId]);
    expect(
      await db.selectFrom('call_record').select('call_id').where('call_id', '=', 'd1').execute(),
    ).toHaveLength(1);
    expect(await countDeadLetters(db)).toBe(1);
  });
});
