// GET /api/calls (通话记录, masked; agents see the calls they answered), POST /api/calls/:id/unmask
// (audited, with a reason).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { can } from '../auth/policy.ts';
import { requireUser } from '../auth/require-session.ts';
import {
  CallListQuerySchema,
  CallListSchema,
  CallRecordSchema,
  UnmaskRequestSchema,
} from '../contracts/calls.ts';
import { AppError } from '../errors.ts';
import { presentPersonalDataList, unmaskPersonalData } from '../privacy/personal-data.ts';
import { listCalls, toCallRecord } from './list-calls.ts';

const FIELDS = { callerNumber: 'phone', callbackNumber: 'phone' } as const;

export async function callsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['calls'];

  app.get(
    '/api/calls',
    {
      config: { permission: 'calls.read' },
      schema: {
        tags,
        summary:
          '通话记录 Call history, newest first (caller numbers masked; agents: the calls they answered)',
        querystring: CallListQuerySchema,
        response: { 200: CallListSchema },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const all = can(user.roles, 'calls.read_any');
      const page = await listCalls(app.db, req.query, { ownAgentId: all ? null : user.id });
      const items = await presentPersonalDataList(
        req,
        'call',
        page.items.map((r) => ({ id: r.callId, record: r })),
        FIELDS,
      );
      return { items, nextBefore: page.nextBefore, scope: all ? ('all' as const) : ('own' as const) };
    },
  );

  app.post(
    '/api/calls/:id/unmask',
    {
      config: { permission: 'pii.unmask', auditObject: 'call' },
      schema: {
        tags,
        summary: '查看完整号码 Unmask a caller number (audited, reason required)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) }),
        body: UnmaskRequestSchema,
        response: { 200: CallRecordSchema },
      },
    },
    async (req) => {
      const row = await app.db
        .selectFrom('call_record')
        .selectAll()
        .where('call_id', '=', req.params.id)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      const user = requireUser(req);
      if (!can(user.roles, 'calls.read_any') && row.agent_id !== user.id) {
        await req.audit('pii.denied', 'call', row.call_id, { reason: 'not-own-call' });
        throw new AppError('CALL_NOT_YOURS', { callId: row.call_id });
      }
      return unmaskPersonalData(req, {
        objectType: 'call',
        objectId: row.call_id,
        record: toCallRecord(row),
        fields: FIELDS,
        reason: req.body.reason,
      });
    },
  );
}
