// GET /healthz (Redis + DB), GET /metrics (Prometheus text).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import Type from 'typebox';

const Check = Type.Union([Type.Literal('ok'), Type.Literal('fail')]);
const Health = Type.Object({ status: Check, redis: Check, db: Check });

async function probe(p: () => Promise<unknown>, ms = 2000): Promise<'ok' | 'fail'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      p(),
      new Promise((_, rej) => (timer = setTimeout(() => rej(new Error('timeout')), ms))),
    ]);
    return 'ok';
  } catch {
    return 'fail';
  } finally {
    clearTimeout(timer);
  }
}

export async function systemRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/healthz',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['system'],
        summary: '健康检查 Health (Redis and database)',
        response: { 200: Health, 503: Health },
      },
    },
    async (_req, reply) => {
      const [redis, db] = await Promise.all([
        probe(() => app.redis.ping()),
        probe(() => sql`select 1`.execute(app.db)),
      ]);
      const status = redis === 'ok' && db === 'ok' ? 'ok' : 'fail';
      reply.code(status === 'ok' ? 200 : 503);
      return { status, redis, db } as const;
    },
  );
  app.get(
    '/metrics',
    {
      config: { permission: 'public' },
      schema: { tags: ['system'], summary: 'Prometheus metrics', response: { 200: Type.String() } },
    },
    async (_req, reply) => {
      reply.type(app.metricsRegistry.contentType);
      return app.metricsRegistry.metrics();
    },
  );
}
