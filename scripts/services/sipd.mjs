// `npm run up`: start sipd (SIP UDP/TCP 5060, WS 8088, drachtio app port 9022 on 127.0.0.1 unless
// configured). Without a configured SIPD_SECRET a random one is generated for this run and put
// into ctx.env so services started after this one (the telephony gateway) can authenticate.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startProcess, waitForTcp } from '../lib/service.mjs';

export const order = 20;

export async function start(ctx) {
  const cli = path.join(ctx.root, 'telephony', 'src', 'sipd', 'cli.ts');
  const env = ctx.env;
  if (!env.SIPD_SECRET) env.SIPD_SECRET = randomBytes(24).toString('base64url');
  env.SIPD_APP_HOST ??= '127.0.0.1';
  env.SIPD_APP_PORT ??= '9022';
  const proc = startProcess('sipd', process.execPath, ['--import', 'tsx', cli], {
    env,
    cwd: path.join(ctx.root, 'telephony'),
    log: ctx.log,
  });
  await waitForTcp(env.SIPD_APP_HOST, Number(env.SIPD_APP_PORT), 30_000, proc.child);
  const host = env.SIPD_HOST ?? '127.0.0.1';
  return {
    name: 'sipd',
    urls: [
      `sip:${host}:${env.SIPD_UDP_PORT ?? 5060} (udp/tcp)`,
      `ws://${host}:${env.SIPD_WS_PORT ?? 8088}`,
      `drachtio app port ${env.SIPD_APP_HOST}:${env.SIPD_APP_PORT}`,
    ],
    notes: ['drachtio secret in SIPD_SECRET (generated for this run unless configured)'],
    stop: proc.stop,
  };
}
