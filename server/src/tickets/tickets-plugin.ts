// The tickets feature: wires the domain to the database, the SLA table, BullMQ and the realtime
// module, and registers the routes. ONE line in features.ts.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createWorkingCalendar } from '../calendar/index.ts';
import { indexCategories, SEED_CATEGORIES } from './domain/categories.ts';
import { adminRoutes } from './http/admin-routes.ts';
import { attachmentRoutes } from './http/attachment-routes.ts';
import { queryRoutes } from './http/query-routes.ts';
import { ticketRoutes } from './http/ticket-routes.ts';
import { TicketQueues } from './jobs/ticket-queues.ts';
import { startTicketWorkers, type TicketWorkers } from './jobs/ticket-workers.ts';
import { startRealtimeBridge } from './realtime-bridge.ts';
import { ticketSla } from './sla-adapter.ts';
import { TicketStore } from './store/ticket-store.ts';
import type { TicketDeps } from './ticket-deps.ts';
import { tokenizeChinese } from './tokenizer.ts';

const HOUR = 3_600_000;
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export async function ticketsPlugin(app: FastifyInstance): Promise<void> {
  const c = app.config;
  const queues = new TicketQueues({
    redisUrl: c.redisUrl,
    prefix: `${c.redisPrefix}bull`,
    webhookAttempts: c.ticketWebhookAttempts,
    webhookBackoffMs: c.ticketWebhookBackoffMs,
  });
  const deps: TicketDeps = {
    store: new TicketStore(app.db),
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
  };
  const channel = `${c.redisPrefix}tickets:notify`;
  const allowedHosts = list(c.ticketWebhookAllowedHosts);
  let workers: TicketWorkers | undefined;
  if (c.ticketWorkers)
    workers = startTicketWorkers(
      queues,
      deps,
      { db: app.db, publisher: app.redis, channel, webhooksEnabled: Boolean(c.ticketWebhookSecret) },
      { masterSecret: c.ticketWebhookSecret ?? '', allowedHosts, timeoutMs: c.ticketWebhookTimeoutMs },
      {
        concurrency: c.ticketWorkerConcurrency,
        lockDurationMs: c.ticketJobLockMs,
        stalledIntervalMs: c.ticketJobLockMs,
      },
      (err) => app.log.error({ err }, 'ticket job worker'),
    );
  const sub = await startRealtimeBridge(app, channel);
  app.addHook('onClose', async () => {
    await workers?.close();
    await queues.close();
    sub?.disconnect();
  });

  await app.register(ticketRoutes(deps));
  await app.register(queryRoutes(deps));
  await app.register(
    attachmentRoutes(deps, {
      dir: c.ticketAttachmentDir,
      maxBytes: c.ticketAttachmentMaxBytes,
      types: list(c.ticketAttachmentTypes),
    }),
  );
  await app.register(adminRoutes(deps, queues, { masterSecret: c.ticketWebhookSecret, allowedHosts }));
}
