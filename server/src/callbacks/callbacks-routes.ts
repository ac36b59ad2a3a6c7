// POST /api/tickets/:id/callback-grant — a short-lived grant for the console's 回访 call (audited).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { issueCallbackGrant } from './issue-callback-grant.ts';

const GrantSchema = Type.Object({
  ticketId: Type.String(),
  grant: Type.String(),
  dialUri: Type.String(),
  expiresAt: Type.String(),
});

export async function callbacksRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/tickets/:id/callback-grant',
    {
      config: { permission: 'callbacks.dial', auditObject: 'ticket' },
      schema: {
        tags: ['tickets'],
        summary: '回访 Grant to call back the requester of a ticket awaiting callback',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: GrantSchema },
      },
    },
    async (req) => {
      const issued = await issueCallbackGrant(app.db, app.config, req.params.id);
      await req.audit('callback.grant', 'ticket', issued.ticketId, { expiresAt: issued.expiresAt });
      return issued;
    },
  );
}
