import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { AppError } from '../errors.ts';

const ByState = Type.Record(Type.String(), Type.Integer());
const Num = Type.Union([Type.Number(), Type.Null()]);
export const WallboardSnapshotSchema = Type.Object({
  at: Type.Number(),
  queues: Type.Array(
    Type.Object({
      queue: Type.String(),
      waiting: Type.Integer(),
      longestWaitSec: Type.Number(),
      serviceLevel: Num,
      serviceLevelSec: Type.Number(),
      answerRate24h: Num,
      answerRateTarget: Type.Number(),
      answerRateMet: Type.Union([Type.Boolean(), Type.Null()]),
      offered24h: Type.Integer(),
      answered24h: Type.Integer(),
      agentsByState: ByState,
      agentsLoggedIn: Type.Integer(),
      agentsNeeded: Num,
      abandonRate24h: Num,
    }),
  ),
  agents: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), state: Type.String(), since: Type.Number() }),
  ),
  intervals: Type.Array(
    Type.Object({
      start: Type.Number(),
      offered: Type.Integer(),
      answered: Type.Integer(),
      abandoned: Type.Integer(),
    }),
  ),
});

export async function wallboardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/wallboard',
    {
      config: { permission: 'wallboard.view' },
      schema: {
        tags: ['wallboard'],
        summary: '实时监控 Wallboard snapshot (live pushes: socket.io namespace /wallboard)',
        response: { 200: WallboardSnapshotSchema },
      },
    },
    async () => {
      if (!app.realtime) throw new AppError('UNAVAILABLE');
      return app.realtime.wallboard.snapshot();
    },
  );
}
