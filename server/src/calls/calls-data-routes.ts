// POST /api/calls/:callId/disposition (整理 wrap-up record), GET /api/callers/:number/history (screen-pop).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { DispositionRequestSchema, DispositionSchema } from '../contracts/dispositions.ts';
import { AppError } from '../errors.ts';
import { recordDisposition } from './record-disposition.ts';

function userId(req: FastifyRequest): string {
  if (!req.session) throw new AppError('UNAUTHENTICATED');
  return req.session.user.id;
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
}
