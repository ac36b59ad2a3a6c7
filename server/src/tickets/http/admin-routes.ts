// Administration: unit webhooks (URL; the signing secret is derived, never stored) and the
// webhook dead-letter queue (inspect, retry).
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import type { NotifyEffect } from '../domain/effects.ts';
import { unitWebhookSecret } from '../jobs/send-webhook.ts';
import type { TicketQueues } from '../jobs/ticket-queues.ts';
import type { TicketDeps } from '../ticket-deps.ts';
import { ARR, OBJ, ok } from './schemas.ts';

export interface AdminSettings {
  masterSecret: string | undefined;
  allowedHosts: readonly string[];
}

export function adminRoutes(deps: TicketDeps, queues: TicketQueues, settings: AdminSettings) {
  const db = deps.store.db;
  return async (app: FastifyInstance) => {
    app.put(
      '/api/tickets/admin/webhooks/:unitId',
      {
        config: { permission: 'tickets.admin', auditObject: 'ticket_webhook' },
        schema: {
          response: ok(OBJ),
          params: { type: 'object', properties: { unitId: { type: 'string', maxLength: 64 } } },
          body: {
            type: 'object',
            required: ['url'],
            properties: { url: { type: 'string', maxLength: 500 }, enabled: { type: 'boolean' } },
          },
        },
      },
      async (req) => {
        const { unitId } = req.params as { unitId: string };
        const { url, enabled = true } = req.body as { url: string; enabled?: boolean };
        if (!settings.masterSecret)
          throw new AppError('UNAVAILABLE', { message: 'TICKET_WEBHOOK_SECRET is not configured' });
        let host: string;
        try {
          const u = new URL(url);
          if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
          host = u.hostname;
        } catch {
          throw new AppError('VALIDATION_FAILED', { message: 'url must be an http(s) URL' });
        }
        if (!settings.allowedHosts.includes(host))
          throw new AppError('VALIDATION_FAILED', {
            message: `host ${host} is not in TICKET_WEBHOOK_ALLOWED_HOSTS`,
          });
        const unit = await db.selectFrom('org_unit').select('id').where('id', '=', unitId).executeTakeFirst();
        if (!unit) throw new AppError('ORG_UNIT_UNKNOWN');
        await db
          .insertInto('ticket_unit_webhook')
          .values({ unit_id: unitId, url, enabled })
          .onConflict((oc) => oc.column('unit_id').doUpdateSet({ url, enabled, updated_at: new Date() }))
          .execute();
        return { unitId, url, enabled, secret: unitWebhookSecret(settings.masterSecret, unitId) };
      },
    );

    app.get(
      '/api/tickets/admin/dead-letters',
      { config: { permission: 'tickets.admin' }, schema: { response: ok(ARR) } },
      async () => {
        const jobs = await queues.deadLetter.getJobs(['waiting', 'delayed'], 0, 199);
        return jobs.map((j) => ({ id: j.id, at: new Date(j.timestamp).toISOString(), ...j.data }));
      },
    );

    app.post(
      '/api/tickets/admin/dead-letters/:id/retry',
      {
        config: { permission: 'tickets.admin', auditObject: 'ticket_webhook' },
        schema: {
          response: ok(OBJ, 202),
          params: { type: 'object', properties: { id: { type: 'string', maxLength: 300 } } },
        },
      },
      async (req, reply) => {
        const job = await queues.deadLetter.getJob((req.params as { id: string }).id);
        if (!job) throw new AppError('NOT_FOUND');
        const d = job.data as unknown as NotifyEffect & { url: string };
        await queues.webhook.add('webhook', d, {
          jobId: `wh.${d.id}.retry.${Date.now()}`,
          attempts: queues.settings.webhookAttempts,
          backoff: { type: 'exponential', delay: queues.settings.webhookBackoffMs },
        });
        await job.remove();
        return reply.code(202).send({ requeued: true });
      },
    );
  };
}
