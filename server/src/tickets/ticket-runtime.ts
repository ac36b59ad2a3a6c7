// Builds the tickets runtime from the server config: use-case deps, BullMQ queues, and (on demand)
// the workers. Used by the fastify plugin, a standalone worker process, tests and the bench.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { createWorkingCalendar } from '../calendar/index.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { indexCategories, SEED_CATEGORIES } from './domain/categories.ts';
import { TicketQueues } from './jobs/ticket-queues.ts';
import { startTicketWorkers, type TicketWorkers } from './jobs/ticket-workers.ts';
import { type EffectRelay, startEffectRelay } from './relay-effects.ts';
import { ticketSla } from './sla-adapter.ts';
import { TicketStore } from './store/ticket-store.ts';
import type { TicketDeps } from './ticket-deps.ts';
import { tokenizeChinese } from './tokenizer.ts';

const HOUR = 3_600_000;
export const csv = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export type TicketConfig = Pick<
  Config,
  | 'redisUrl'
  | 'redisPrefix'
  | 'ticketCallbackWindowHours'
  | 'ticketDuplicateWindowHours'
  | 'ticketDuplicateSimilarity'
  | 'ticketWebhookSecret'
  | 'ticketWebhookAllowedHosts'
  | 'ticketWebhookAttempts'
  | 'ticketWebhookBackoffMs'
  | 'ticketWebhookTimeoutMs'
  | 'ticketWorkerConcurrency'
  | 'ticketJobLockMs'
>;

export interface TicketRuntime {
  deps: TicketDeps;
  queues: TicketQueues;
  /** Redis pub/sub channel of in-app notifications. */
  channel: string;
  startWorkers(publisher: Redis, onError?: (err: Error) => void): TicketWorkers;
  /** The outbox sweep (relay-effects.ts); stopped by close(). */
  startRelay(onError?: (err: unknown) => void): EffectRelay;
  close(): Promise<void>;
}

export function ticketRuntime(
  db: Kysely<Database>,
  c: TicketConfig,
  overrides: Partial<TicketDeps> = {},
): TicketRuntime {
  const queues = new TicketQueues({
    redisUrl: c.redisUrl,
    prefix: `${c.redisPrefix}bull`,
    webhookAttempts: c.ticketWebhookAttempts,
    webhookBackoffMs: c.ticketWebhookBackoffMs,
  });
  const deps: TicketDeps = {
    store: new TicketStore(db),
    sla: ticketSla(createWorkingCalendar()),
    rules: {
      callbackWindowMs: c.ticketCallbackWindowHours * HOUR,
      duplicateWindowMs: c.ticketDuplicateWindowHours * HOUR,
      duplicateSimilarity: c.ticketDuplicateSimilarity,
    },
    categories: indexCategories(SEED_CATEGORIES),
    tokenize: tokenizeChinese,
    effects: queues,
    now: () => new Date(),
    newId: randomUUID,
    ...overrides,
  };
  const channel = `${c.redisPrefix}tickets:notify`;
  let relay: EffectRelay | undefined;
  return {
    deps,
    queues,
    channel,
    startWorkers: (publisher, onError) =>
      startTicketWorkers(
        queues,
        deps,
        { db, publisher, channel, webhooksEnabled: Boolean(c.ticketWebhookSecret) },
        {
          masterSecret: c.ticketWebhookSecret ?? '',
          allowedHosts: csv(c.ticketWebhookAllowedHosts),
          timeoutMs: c.ticketWebhookTimeoutMs,
        },
        {
          concurrency: c.ticketWorkerConcurrency,
          lockDurationMs: c.ticketJobLockMs,
          stalledIntervalMs: c.ticketJobLockMs,
        },
        onError,
      ),
    startRelay(onError) {
      relay ??= startEffectRelay(deps, { onError });
      return relay;
    },
    async close() {
      await relay?.stop();
      await queues.close();
    },
  };
}
