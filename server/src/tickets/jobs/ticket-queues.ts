// The BullMQ queues of the tickets feature and the EffectSink that turns domain effects into jobs.
// Job ids are the effects' deterministic ids: scheduling the same effect twice adds one job.
import { type JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Effect, NotifyEffect, TimerData } from '../domain/effects.ts';
import type { EffectSink } from '../ticket-deps.ts';

export const QUEUE_NAMES = {
  dispatch: 'tickets-dispatch',
  webhook: 'tickets-webhook',
  timer: 'tickets-timer',
  deadLetter: 'tickets-dead-letter',
} as const;

export interface QueueSettings {
  redisUrl: string;
  /** BullMQ key prefix (per deployment; tests use a random one). */
  prefix: string;
  webhookAttempts: number;
  webhookBackoffMs: number;
}

/** Completed jobs are kept a week so a re-delivered effect with the same id is recognised. */
const KEEP: JobsOptions = { removeOnComplete: { age: 7 * 24 * 3600 }, removeOnFail: { age: 30 * 24 * 3600 } };

export interface WebhookJob extends NotifyEffect {
  url: string;
}

export class TicketQueues implements EffectSink {
  readonly connection: Redis;
  readonly dispatch: Queue<NotifyEffect>;
  readonly webhook: Queue<WebhookJob>;
  readonly timer: Queue<TimerData>;
  readonly deadLetter: Queue<Record<string, unknown>>;

  constructor(readonly settings: QueueSettings) {
    this.connection = new Redis(settings.redisUrl, {
      maxRetriesPerRequest: null,
      connectionName: 'tickets-queues',
    });
    const opts = { connection: this.connection, prefix: settings.prefix };
    this.dispatch = new Queue(QUEUE_NAMES.dispatch, opts);
    this.webhook = new Queue(QUEUE_NAMES.webhook, opts);
    this.timer = new Queue(QUEUE_NAMES.timer, opts);
    this.deadLetter = new Queue(QUEUE_NAMES.deadLetter, opts);
  }

  async schedule(effects: readonly Effect[]): Promise<void> {
    const now = Date.now();
    const notes = effects.filter((e) => e.kind === 'notify');
    const timers = effects.filter((e) => e.kind === 'timer');
    if (notes.length)
      await this.dispatch.addBulk(
        notes.map((n) => ({
          name: n.reason,
          data: n,
          opts: { ...KEEP, jobId: n.id, attempts: 5, backoff: { type: 'exponential', delay: 500 } },
        })),
      );
    if (timers.length)
      await this.timer.addBulk(
        timers.map((t) => ({
          name: t.data.type,
          data: t.data,
          opts: {
            ...KEEP,
            jobId: t.id,
            delay: Math.max(0, Date.parse(t.runAt) - now),
            attempts: 5,
            backoff: { type: 'exponential', delay: 1000 },
          },
        })),
      );
  }

  /** Where connection errors go (without a listener, BullMQ and ioredis print each one). */
  onError(handler: (err: Error) => void): void {
    this.connection.on('error', handler);
    for (const q of [this.dispatch, this.webhook, this.timer, this.deadLetter]) q.on('error', handler);
  }

  async enqueueWebhook(n: NotifyEffect, url: string): Promise<void> {
    await this.webhook.add(
      'webhook',
      { ...n, url },
      {
        ...KEEP,
        jobId: `wh.${n.id}`,
        attempts: this.settings.webhookAttempts,
        backoff: { type: 'exponential', delay: this.settings.webhookBackoffMs },
      },
    );
  }

  async close(): Promise<void> {
    await Promise.all([
      this.dispatch.close(),
      this.webhook.close(),
      this.timer.close(),
      this.deadLetter.close(),
    ]);
    this.connection.disconnect();
  }
}
