// The history writer: consumes the queue event stream with a consumer group and applies each event
// exactly once (apply-event.ts), acknowledging only after the transaction committed.
// On start it first takes over entries left pending by a crashed consumer (XAUTOCLAIM) and re-reads its
// own pending entries; those already applied are skipped by the stream-id guard.
// An event that keeps failing while the database answers (a poison event) is set aside in
// history_dead_letter after DEAD_LETTER_AFTER_ATTEMPTS tries, so it cannot hold up every later call.
import type { Acd, AcdEvent } from '@hotline/queue';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { applyEvent } from './apply-event.ts';
import { DEAD_LETTER_AFTER_ATTEMPTS, databaseAnswers, setAside } from './dead-letters.ts';

export interface HistoryWriterOptions {
  acd: Acd;
  redis: Redis;
  db: Kysely<Database>;
  group?: string;
  consumer: string;
  /** Pending entries idle this long are taken over from other (dead) consumers. */
  claimIdleMs?: number;
  blockMs?: number;
  onError(e: unknown): void;
  /** Called after each applied batch (tests, metrics). */
  onBatch?(applied: number, skipped: number): void;
  /** Failures of one event, with the database answering, before it is set aside (default 5). */
  deadLetterAfter?: number;
  /** Called when an event is set aside as a dead letter (logs, metrics). */
  onDeadLetter?(e: AcdEvent, err: unknown): void;
}

export interface HistoryWriter {
  stop(): Promise<void>;
}

export function startHistoryWriter(o: HistoryWriterOptions): HistoryWriter {
  const group = o.group ?? 'history';
  let running = true;

  /** Failures per stream id while the database answered (in memory: a restart counts afresh). */
  const failures = new Map<string, number>();
  const maxAttempts = o.deadLetterAfter ?? DEAD_LETTER_AFTER_ATTEMPTS;

  async function handle(events: AcdEvent[]): Promise<void> {
    let applied = 0;
    const done: string[] = [];
    const ack = () => (done.length ? o.acd.ackEvents(group, done) : Promise.resolve(0));
    for (const e of events) {
      try {
        if (await applyEvent(o.db, e)) applied++;
        failures.delete(e.id);
        done.push(e.id);
      } catch (err) {
        // an outage: retry later, count nothing against the event
        if (!(await databaseAnswers(o.db))) {
          await ack().catch(() => undefined);
          throw err;
        }
        const attempts = (failures.get(e.id) ?? 0) + 1;
        failures.set(e.id, attempts);
        if (attempts < maxAttempts) {
          await ack();
          throw err;
        }
        // a poison event: set it aside and go on with the calls after it
        await setAside(o.db, e, err, attempts);
        failures.delete(e.id);
        done.push(e.id);
        o.onDeadLetter?.(e, err);
      }
    }
    await ack();
    o.onBatch?.(applied, events.length - applied);
  }

  async function claimFromDeadConsumers(): Promise<void> {
    // Make sure the group exists (creates it from the start of the stream on first use).
    await o.acd.readEvents({ group, consumer: o.consumer, count: 1, cursor: '0' });
    let cursor = '0-0';
    do {
      const res = (await o.redis.xautoclaim(
        o.acd.eventsKey,
        group,
        o.consumer,
        o.claimIdleMs ?? 30_000,
        cursor,
        'COUNT',
        500,
        'JUSTID',
      )) as [string, string[], ...unknown[]];
      cursor = res[0];
    } while (cursor !== '0-0' && running);
  }

  const loop = (async () => {
    let recovered = false;
    while (running) {
      try {
        if (!recovered) {
          await claimFromDeadConsumers();
          for (;;) {
            const pending = await o.acd.readEvents({ group, consumer: o.consumer, count: 200, cursor: '0' });
            if (pending.length === 0) break;
            await handle(pending);
          }
          recovered = true;
        }
        const events = await o.acd.readEvents({
          group,
          consumer: o.consumer,
          count: 200,
          blockMs: o.blockMs ?? 1000,
        });
        if (events.length) await handle(events);
      } catch (e) {
        if (!running) break;
        o.onError(e);
        recovered = false; // re-read pending after a failure: nothing unacknowledged is lost
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}
