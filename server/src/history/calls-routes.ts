// GET /api/calls (masked), POST /api/calls/:id/unmask (audited, with a reason).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import Type from 'typebox';
import { type CallRecord, CallRecordSchema, UnmaskRequestSchema } from '../contracts/calls.ts';
import { AppError } from '../errors.ts';
import { presentPersonalDataList, unmaskPersonalData } from '../privacy/personal-data.ts';
import type { CallRecordTable } from './history-schema.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const FIELDS = { callerNumber: 'phone', callbackNumber: 'phone' } as const;

function toDto(r: Selectable<CallRecordTable>): CallRecord {
  return {
    callId: r.call_id,
    queue: r.queue,
    priority: r.priority,
    kind: r.kind,
    callerNumber: r.caller_number,
    callbackNumber: r.callback_number,
    arrivedAt: new Date(r.arrived_at).toISOString(),
    answeredAt: iso(r.answered_at),
    abandonedAt: iso(r.abandoned_at),
    endedAt: iso(r.ended_at),
    agentId: r.agent_id,
    waitMs: r.wait_ms,
    talkMs: r.talk_ms,
    outcome: r.outcome,
  };
}

export async function callsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['calls'];

  app.get(
    '/api/calls',
    {
      config: { permission: 'calls.read' },
      schema: {
        tags,
        summary: '通话记录 Call history (caller numbers masked)',
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            queue: Type.Optional(Type.String({ maxLength: 64 })),
            agentId: Type.Optional(Type.String({ maxLength: 64 })),
            outcome: Type.Optional(Type.Enum(['waiting', 'answered', 'abandoned', 'callback', 'completed'])),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(CallRecordSchema) }) },
      },
    },
    async (req) => {
      const q = req.query;
      let sel = app.db.selectFrom('call_record').selectAll();
      if (q.from) sel = sel.where('arrived_at', '>=', new Date(q.from));
      if (q.to) sel = sel.where('arrived_at', '<', new Date(q.to));
      if (q.queue) sel = sel.where('queue', '=', q.queue);
      if (q.agentId) sel = sel.where('agent_id', '=', q.agentId);
      if (q.outcome) sel = sel.where('outcome', '=', q.outcome);
      const rows = await sel.orderBy('arrived_at', 'desc').limit(q.limit).execute();
      const items = await presentPersonalDataList(
        req,
        'call',
        rows.map((r) => ({ id: r.call_id, record: toDto(r) })),
        FIELDS,
      );
      return { items };
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
      return unmaskPersonalData(req, {
        objectType: 'call',
        objectId: row.call_id,
        record: toDto(row),
        fields: FIELDS,
        reason: req.body.reason,
      });
    },
  );
}
