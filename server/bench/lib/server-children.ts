// The two servers of `npm run bench -w server -- server`, each run in a child process (server.ts
// with --child=app|bare): the real app (buildApp, PGlite or PostgreSQL, a lead's and an agent's
// session), and the same-run baseline (a bare fastify route + socket.io emitting on a Redis PUBLISH).
// Each returns what the parent needs to load it.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The queue the bench's calls go to (and the wallboard shows). */
export const QUEUE = 'bench';

export type Ready = { port: number; cookie?: string; agent?: { id: string; cookie: string; csrf: string } };

export async function childApp(prefix: string, databaseUrl?: string): Promise<Ready> {
  const { buildApp } = await import('../../src/app.ts');
  const { loadConfig } = await import('../../src/config.ts');
  const { createUser } = await import('../../src/users/create-user.ts');
  const config = loadConfig(
    {},
    {
      logLevel: 'warn',
      redisUrl: REDIS_URL,
      redisPrefix: `${prefix}srv:`,
      queuePrefix: `${prefix}acd`,
      pgliteDir: 'memory://',
      ...(databaseUrl ? { databaseUrl, databaseSchema: `bench_${randomBytes(4).toString('hex')}` } : {}),
      sipSharedSecret: randomBytes(24).toString('hex'),
      historyWriter: false,
      wallboardQueues: QUEUE,
      loginRateMax: 1000,
    },
  );
  const app = await buildApp(config, { logger: false });
  await createUser(
    app.db,
    {
      username: 'bench_lead',
      displayName: '值班长',
      password: 'Bench-lead-2026',
      roles: ['shift_lead'],
      orgUnitId: 'center',
    },
    { mustChangePassword: false },
  );
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench_lead', password: 'Bench-lead-2026' },
  });
  const sid = login.cookies.find((c) => c.name === 'hotline_sid')?.value;
  const agentUser = await createUser(
    app.db,
    {
      username: 'bench_agent',
      displayName: '话务员',
      password: 'Bench-agent-2026',
      roles: ['agent'],
      orgUnitId: 'center',
    },
    { mustChangePassword: false },
  );
  const agentLogin = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench_agent', password: 'Bench-agent-2026' },
  });
  const agentSid = agentLogin.cookies.find((c) => c.name === 'hotline_sid')?.value;
  const agentCsrf = (agentLogin.json() as { user: { csrfToken: string } }).user.csrfToken;
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  if (!sid || !addr || typeof addr === 'string') throw new Error('bench app did not start');
  process.on('SIGTERM', async () => {
    await app.close();
    if (databaseUrl) {
      const { dropSchema } = await import('../../src/db/database.ts');
      await dropSchema(databaseUrl, config.databaseSchema);
    }
    process.exit(0);
  });
  return {
    port: addr.port,
    cookie: `hotline_sid=${sid}`,
    agent: { id: agentUser.id, cookie: `hotline_sid=${agentSid}`, csrf: agentCsrf },
  };
}

export async function childBare(prefix: string): Promise<Ready> {
  const Fastify = (await import('fastify')).default;
  const { Server } = await import('socket.io');
  const app = Fastify();
  const body = { items: [{ id: 'center', parentId: null, name: '甘孜州12345热线中心', kind: 'center' }] };
  app.get('/bare', async () => body);
  const io = new Server(app.server, { serveClient: false });
  const sub = new Redis(REDIS_URL);
  await sub.subscribe(`${prefix}bare`);
  sub.on('message', (_ch, msg) => io.emit('m', JSON.parse(msg)));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('bare server did not start');
  process.on('SIGTERM', () => {
    sub.disconnect();
    io.close();
    void app.close().then(() => process.exit(0));
  });
  return { port: addr.port };
}
