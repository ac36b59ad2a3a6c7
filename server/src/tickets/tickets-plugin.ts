// The tickets feature: wires the domain to the database, the SLA table, BullMQ and the realtime
// module, and registers the routes. ONE line in features.ts.
import type { FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
import { adminRoutes } from './http/admin-routes.ts';
import { attachmentRoutes } from './http/attachment-routes.ts';
import { queryRoutes } from './http/query-routes.ts';
import { ticketRoutes } from './http/ticket-routes.ts';
import type { TicketWorkers } from './jobs/ticket-workers.ts';
import { startRealtimeBridge } from './realtime-bridge.ts';
import { ticketSla } from './sla-adapter.ts';
import { csv, ticketRuntime } from './ticket-runtime.ts';

export async function ticketsPlugin(app: FastifyInstance): Promise<void> {
  const c = app.config;
  // deadlines on the app's working calendar, so imported holiday arrangements apply at once
  const rt = ticketRuntime(app.db, c, { sla: ticketSla(app.calendar.calendar) });
  let workers: TicketWorkers | undefined;
  if (c.ticketWorkers)
    workers = rt.startWorkers(app.redis, (err) => app.log.error({ err }, 'ticket job worker'));
  rt.queues.onError((err) => app.log.warn({ err }, 'ticket queues: Redis connection'));
  rt.startRelay((err) => app.log.warn({ err }, 'ticket outbox: jobs not handed to BullMQ yet (will retry)'));
  new Gauge({
    name: 'hotline_ticket_outbox_pending',
    help: 'Ticket jobs stored but not yet handed to BullMQ (ticket_outbox); growing means Redis trouble',
    registers: [app.metricsRegistry],
    async collect() {
      this.set(await rt.deps.store.outboxSize().catch(() => Number.NaN));
    },
  });
  const sub = await startRealtimeBridge(app, rt.channel);
  app.addHook('onClose', async () => {
    await workers?.close();
    await rt.close();
    sub?.disconnect();
  });

  const { deps, queues } = rt;
  await app.register(ticketRoutes(deps));
  await app.register(queryRoutes(deps));
  await app.register(
    attachmentRoutes(deps, {
      dir: c.ticketAttachmentDir,
      maxBytes: c.ticketAttachmentMaxBytes,
      types: csv(c.ticketAttachmentTypes),
    }),
  );
  await app.register(
    adminRoutes(deps, queues, {
      masterSecret: c.ticketWebhookSecret,
      allowedHosts: csv(c.ticketWebhookAllowedHosts),
    }),
  );
}
