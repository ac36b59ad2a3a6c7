// buildApp(config, deps?) → the fastify app, NOT listening (tests use inject(); main.ts listens).

import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { type Acd, createAcd } from '@hotline/queue';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Redis } from 'ioredis';
import { auditPlugin } from './audit/audit-plugin.ts';
import { authPlugin } from './auth/auth-plugin.ts';
import { SessionStore } from './auth/session-store.ts';
import { createLiveCalendar } from './calendar/index.ts';
import { refreshArrangements } from './calendar-admin/import-arrangement.ts';
import type { Config } from './config.ts';
import { type Db, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { FEATURES, type Feature } from './features.ts';
import { errorBody, errorHandler } from './http/error-handler.ts';
import './http/fastify-types.ts';
import { historyPlugin } from './history/history-plugin.ts';
import { seedOrgTree } from './org/seed-org.ts';
import { realtimePlugin } from './realtime/realtime-plugin.ts';
import { createRedis } from './redis.ts';
import { consoleStatic } from './system/console-static.ts';
import { docsUi, openApiPlugin } from './system/docs.ts';
import { metricsPlugin } from './system/http-metrics.ts';

export interface AppDeps {
  /** An open database (tests share one per file); otherwise opened from config and closed with the app. */
  db?: Db;
  redis?: Redis;
  /** The call distributor; default: createAcd on `redis` with `config.queuePrefix`. */
  acd?: Acd;
  /** socket.io channels, event relay and wallboard ticker (default true). */
  realtime?: boolean;
  features?: readonly Feature[];
  logger?: FastifyServerOptions['logger'];
}

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const h = req.headers['x-request-id'];
      return typeof h === 'string' && REQUEST_ID_RE.test(h) ? h : randomUUID();
    },
    trustProxy: false,
    ajv: {
      customOptions: { allErrors: true, coerceTypes: 'array', useDefaults: true, removeAdditional: false },
    },
  });

  const ownDb = !deps.db;
  const db = deps.db ?? (await openDatabase(config));
  const ownRedis = !deps.redis;
  const redis = deps.redis ?? createRedis(config.redisUrl, 'hotline-server');
  const ownAcd = !deps.acd;
  const acd = deps.acd ?? createAcd({ redis, prefix: config.queuePrefix });
  app.addHook('onClose', async () => {
    if (ownAcd) await acd.close();
    if (ownRedis) await redis.quit().catch(() => redis.disconnect());
    if (ownDb) await db.close();
  });

  await migrateToLatest(db.kysely as never, db.schema);
  await seedOrgTree(db.kysely);
  // the working calendar with the holiday arrangements administrators imported (calendar-admin)
  const calendar = createLiveCalendar();
  await refreshArrangements(db.kysely, calendar);

  app.decorate('config', config);
  app.decorate('db', db.kysely);
  app.decorate('redis', redis);
  app.decorate('calendar', calendar);
  app.decorate('acd', acd);
  app.decorate('realtime', null);
  app.decorate('sessions', new SessionStore(redis, config.redisPrefix, config.sessionTtlSeconds));

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => reply.code(404).send(errorBody(req, 'ROUTE_NOT_FOUND')));
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    return payload;
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false, redis, nameSpace: `${config.redisPrefix}rl:` });
  await app.register(metricsPlugin);
  await app.register(openApiPlugin);
  await app.register(authPlugin);
  await app.register(auditPlugin);
  if (deps.realtime !== false) await app.register(realtimePlugin);
  await app.register(historyPlugin);
  for (const f of deps.features ?? FEATURES) await app.register(f.plugin);
  await app.register(docsUi);
  await app.register(consoleStatic);
  await app.ready();
  return app;
}
