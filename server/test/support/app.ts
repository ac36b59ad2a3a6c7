// Build a real app for a test file: real Redis (random key prefix), PGlite or PostgreSQL, and
// helpers to create users per role and sign them in. Other features' tests reuse this.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Redis } from 'ioredis';
import { type AppDeps, buildApp } from '../../src/app.ts';
import type { Role } from '../../src/auth/roles.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { createUser } from '../../src/users/create-user.ts';
import { type DbTarget, openTestDb, type TestDb } from './db.ts';
import { REDIS_URL } from './env.ts';
import { deleteKeys, randomPrefix, testRedis } from './redis.ts';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  redis: Redis;
  tdb: TestDb;
  /** Create a user with these roles (org unit default: center) and sign in. */
  login(roles: Role[], opts?: { orgUnitId?: string; username?: string }): Promise<TestSession>;
  close(): Promise<void>;
}

export interface TestSession {
  userId: string;
  username: string;
  password: string;
  cookie: string;
  csrf: string;
  body: Record<string, unknown>;
  /** inject with the session cookie and CSRF header. */
  inject(opts: {
    method: string;
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
  }): Promise<LightMyRequestResponse>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {},
    {
      nodeEnv: 'test',
      logLevel: 'silent',
      redisUrl: REDIS_URL,
      redisPrefix: randomPrefix('srv'),
      queuePrefix: randomPrefix('acd'),
      pgliteDir: 'memory://',
      sipSharedSecret: randomBytes(24).toString('hex'),
      historyWriter: false,
      loginRateMax: 1000,
      ...overrides,
    },
  );
}

export async function startTestApp(
  target: DbTarget = { name: 'pglite' },
  overrides: Partial<Config> = {},
  deps: Omit<AppDeps, 'db' | 'redis'> = {},
): Promise<TestApp> {
  const config = testConfig(overrides);
  const redis = testRedis();
  const tdb = await openTestDb(target);
  const app = await buildApp(config, { ...deps, db: tdb.db, redis });
  let n = 0;
  const login: TestApp['login'] = async (roles, opts = {}) => {
    n += 1;
    const username = opts.username ?? `${roles.join('-')}${n}_${randomBytes(3).toString('hex')}`;
    const password = `Pw-${randomBytes(8).toString('hex')}1a`;
    const user = await createUser(
      app.db,
      { username, displayName: `测试${n}`, password, roles, orgUnitId: opts.orgUnitId ?? 'center' },
      { mustChangePassword: false },
    );
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode} ${res.body}`);
    const setCookie = res.cookies.find((c) => c.name === 'hotline_sid');
    if (!setCookie) throw new Error('no session cookie');
    const body = res.json() as { user: { csrfToken: string } };
    const cookie = `hotline_sid=${setCookie.value}`;
    const csrf = body.user.csrfToken;
    return {
      userId: user.id,
      username,
      password,
      cookie,
      csrf,
      body,
      inject: (o) =>
        app.inject({
          method: o.method as 'GET',
          url: o.url,
          ...(o.payload !== undefined ? { payload: o.payload as object } : {}),
          headers: { cookie, 'x-csrf-token': csrf, ...(o.headers ?? {}) },
        }),
    };
  };
  return {
    app,
    config,
    redis,
    tdb,
    login,
    close: async () => {
      await app.close();
      await deleteKeys(redis, config.redisPrefix);
      await deleteKeys(redis, config.queuePrefix);
      redis.disconnect();
      await tdb.cleanup();
    },
  };
}
