// `npm run up`: the API server (fastify + socket.io) on 127.0.0.1:8080 with PGlite in ./data/pglite,
// demo users for every role (password generated for this run, printed below), and the SIP credential
// secret shared with the telephony gateway (generated into ctx.env unless configured).
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startProcess, waitForTcp } from '../lib/service.mjs';

export const order = 10;

const DEMO_LOGINS = [
  ['agent1', '话务员 agent'],
  ['agent2', '话务员 agent (藏语康巴方言)'],
  ['lead1', '值班长 shift lead'],
  ['dispatcher1', '派单审核 dispatcher'],
  ['authority1', '热线主管单位 authority'],
  ['kangding1', '康定市热线办 county office'],
  ['zhujian1', '州住建局经办人 unit staff'],
  ['zhujian_lead', '州住建局负责人 unit leader'],
  ['kbeditor1', '知识库编辑 KB editor'],
  ['auditor1', '社会监督评议 auditor'],
  ['admin', '管理员 admin'],
];

export async function start(ctx) {
  const env = ctx.env;
  env.SIP_CREDENTIAL_SECRET ??= randomBytes(24).toString('base64url');
  // The telephony config requires its digest-nonce secret whenever the credential secret is present.
  env.GATEWAY_NONCE_SECRET ??= randomBytes(24).toString('base64url');
  // One recordings directory for both processes: the gateway files calls into it, the server plays them.
  // Set here (the server starts first) into ctx.env, which the gateway service then inherits.
  env.GATEWAY_RECORDINGS_DIR ??= path.join(ctx.root, 'data', 'recordings');
  const password = env.DEMO_PASSWORD ?? `Demo-${randomBytes(4).toString('hex')}`;
  const host = env.HOST ?? '127.0.0.1';
  const port = env.PORT ?? '8080';
  const serverEnv = {
    ...env,
    HOST: host,
    PORT: port,
    DEMO_PASSWORD: password,
    // Where agents' browsers register (sipd's WebSocket port) — handed out with the SIP credentials.
    SIP_WS_URL: env.SIP_WS_URL ?? `ws://${env.SIPD_HOST ?? '127.0.0.1'}:${env.SIPD_WS_PORT ?? 8088}`,
    SIP_DOMAIN: env.SIP_DOMAIN ?? env.SIPD_HOST ?? '127.0.0.1',
    PGLITE_DIR: env.PGLITE_DIR ?? path.join(ctx.root, 'data', 'pglite'),
  };
  const proc = startProcess(
    'server',
    process.execPath,
    ['--import', 'tsx', path.join(ctx.root, 'server', 'src', 'main.ts')],
    {
      env: serverEnv,
      cwd: path.join(ctx.root, 'server'),
      log: ctx.log,
    },
  );
  try {
    await waitForTcp(host, Number(port), 120_000, proc.child);
  } catch (e) {
    await proc.stop();
    throw e;
  }
  const base = `http://${host}:${port}`;
  return {
    name: 'server',
    urls: [`${base}  (API; docs ${base}/docs, health ${base}/healthz)`],
    notes: [
      `demo logins (password for this run: ${password}):`,
      ...DEMO_LOGINS.map(([u, what]) => `  ${u.padEnd(13)} ${what}`),
    ],
    stop: proc.stop,
  };
}
