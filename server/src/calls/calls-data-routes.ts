// POST /api/calls/:callId/disposition (整理 wrap-up record), GET /api/callers/:number/history (screen-pop).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../auth/require-session.ts';
import { CallerHistoryQuerySchema, CallerHistorySchema } from '../contracts/callers.ts';
import { DispositionRequestSchema, DispositionSchema } from '../contracts/dispositions.ts';
import { presentPersonalData } from '../privacy/personal-data.ts';
import { loadCallerHistory } from './load-caller-history.ts';
import { recordDisposition } from './record-disposition.ts';

function userId(req: FastifyRequest): string {
  return requireUser(req).id;
}

export async function callDataRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['calls'];

  app.post(
    '/api/calls/:callId/disposition',
    {
      config: { permission: 'calls.disposition', auditObject: 'call' },
      schema: {
        tags,
        summary: '整理 Record the wrap-up disposition of a call',
        params: Type.Object({ callId: Type.String({ minLength: 1, maxLength: 128 }) }),
        body: DispositionRequestSchema,
        response: { 200: DispositionSchema },
      },
    },
    async (req) => recordDisposition(app.db, userId(req), req.params.callId, req.body),
  );

  app.get(
    '/api/callers/:number/history',
    {
      config: { permission: 'callers.history', auditObject: 'caller' },
      schema: {
        tags,
        summary: '来电弹屏 Caller history for the screen-pop (number masked per role, read audited)',
        params: Type.Object({ number: Type.String({ pattern: '^\\+?[0-9]{3,20}$' }) }),
        querystring: CallerHistoryQuerySchema,
        response: { 200: CallerHistorySchema },
      },
    },
    async (req) => {
      const h = await loadCallerHistory(app.db, app.config, req.params.number, req.query);
      return presentPersonalData(req, {
        objectType: 'caller',
        objectId: req.params.number,
        record: h,
        fields: { callerNumber: 'phone' },
      });
    },
  );
}
