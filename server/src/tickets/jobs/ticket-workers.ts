// The BullMQ workers of the tickets feature. Any number of processes may run them; delayed and
// stalled jobs live in Redis, so a restarted worker carries on where a crashed one stopped.
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { NotifyEffect, TimerData } from '../domain/effects.ts';
import type { TicketDeps } from '../ticket-deps.ts';
import { deliverNotification, type NotifyDeps } from './deliver-notification.ts';
import { runTimer } from './run-timer.ts';
import { sendWebhook, type WebhookSettings } from './send-webhook.ts';
import { QUEUE_NAMES, type TicketQueues, type WebhookJob } from './ticket-queues.ts';

export interface WorkerSettings {
  concurrency: number;
  /** Lock of a running job; a crashed worker's job is taken over after this. */
  lockDurationMs: number;
  stalledIntervalMs: number;
}

export interface TicketWorkers {
  workers: Worker[];
  close(force?: boolean): Promise<void>;
}

export function startTicketWorkers(
  queues: TicketQueues,
  deps: TicketDeps,
  notify: Omit<NotifyDeps, 'queues' | 'store'>,
  webhook: WebhookSettings,
  settings: WorkerSettings,
  onError: (err: Error) => void = () => undefined,
): TicketWorkers {
  const base = {
    connection: queues.connection,
    prefix: queues.settings.prefix,
    lockDuration: settings.lockDurationMs,
    stalledInterval: settings.stalledIntervalMs,
  };
  const dispatch = new Worker<NotifyEffect>(
    QUEUE_NAMES.dispatch,
    (job) => deliverNotification({ ...notify, queues, store: deps.store }, job.data),
    { ...base, concurrency: settings.concurrency },
  );
  const hooks = new Worker<WebhookJob>(QUEUE_NAMES.webhook, (job) => sendWebhook(webhook, job.data), {
    ...base,
    concurrency: settings.concurrency,
  });
  hooks.on('failed', (job: Job<WebhookJob> | undefined, err: Error) => {
    if (!job) return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (final)
      void queues.deadLetter
        .add(
          'webhook',
          { ...job.data, error: err.message, attempts: job.attemptsMade, failedAt: new Date().toISOString() },
          { jobId: `dl.${job.id}` },
        )
        .catch(() => undefined);
  });
  const timer = new Worker<TimerData>(QUEUE_NAMES.timer, (job) => runTimer(deps, job.data), {
    ...base,
    concurrency: settings.concurrency,
  });
  const workers = [dispatch, hooks, timer];
  for (const w of workers) w.on('error', onError);
  return {
    workers,
    close: async (force = false) => {
      await Promise.all(workers.map((w) => w.close(force)));
    },
  };
}
