// GET /api/system/history-dead-letters, POST /api/system/history-dead-letters/replay (admin): the queue
// events the history writer set aside. The list leaves out the event bodies (they hold caller numbers).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { fromJson } from '../db/json-column.ts';
import { replayDeadLetters } from './dead-letters.ts';

const DeadLetter = Type.Object({
  streamId: Type.String(),
  type: Type.String(),
  callId: Type.Union([Type.String(), Type.Null()]),
  error: Type.String(),
  attempts: Type.Integer(),
  deadAt: Type.String(),
});

export async function deadLetterRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['system'];
  app.get(
    '/api/system/history-dead-letters',
    {
      config: { permission: 'history.dead_letters' },
      schema: {
        tags,
        summary: '通话历史死信 Queue events the history writer set aside',
        response: { 200: Type.Object({ items: Type.Array(DeadLetter) }) },
      },
    },
    async () => {
      const rows = await app.db
        .selectFrom('history_dead_letter')
        .selectAll()
        .orderBy('dead_at')
        .limit(500)
        .execute();
      return {
        items: rows.map((r) => {
          const e = fromJson<{ type?: string; callId?: string }>(r.event);
          return {
            streamId: r.stream_id,
            type: String(e.type ?? ''),
            callId: e.callId ?? null,
            error: r.error,
            attempts: r.attempts,
            deadAt: new Date(r.dead_at).toISOString(),
          };
        }),
      };
    },
  );
  app.post(
    '/api/system/history-dead-letters/replay',
    {
      config: { permission: 'history.dead_letters', auditObject: 'history' },
      schema: {
        tags,
        summary: '重放死信 Apply the set-aside events again (after the cause is fixed)',
        response: {
          200: Type.Object({
            replayed: Type.Integer(),
            stillFailing: Type.Array(Type.Object({ streamId: Type.String(), error: Type.String() })),
          }),
        },
      },
    },
    async () => replayDeadLetters(app.db),
  );
}
