// `npm run up`: the telephony gateway (drachtio-srf app) after sipd and rtpengine. Generates the
// voice prompts into data/prompts first (espeak-ng + sox; existing recorded prompts are kept).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startProcess } from '../lib/service.mjs';

export const order = 30;

export async function start(ctx) {
  const env = ctx.env;
  if (!env.SIPD_SECRET && !env.DRACHTIO_SECRET) {
    ctx.log('gateway: no SIP engine configured (sipd not started?)');
    return null;
  }
  env.GATEWAY_PROMPTS_DIR ??= path.join(ctx.root, 'data', 'prompts');
  env.GATEWAY_RECORDINGS_DIR ??= path.join(ctx.root, 'data', 'recordings');
  const tsx = ['--import', 'tsx'];
  const gen = spawnSync(
    process.execPath,
    [
      ...tsx,
      path.join(ctx.root, 'telephony', 'src', 'gateway', 'prompts', 'cli.ts'),
      env.GATEWAY_PROMPTS_DIR,
    ],
    { env, stdio: 'inherit' },
  );
  if (gen.status !== 0)
    ctx.log('gateway: prompt generation failed (espeak-ng/sox missing?); calls will be silent');
  const proc = startProcess(
    'gateway',
    process.execPath,
    [...tsx, path.join(ctx.root, 'telephony', 'src', 'gateway', 'main.ts')],
    {
      env,
      cwd: path.join(ctx.root, 'telephony'),
      log: ctx.log,
    },
  );
  await new Promise((r) => setTimeout(r, 1500));
  if (proc.child.exitCode !== null) throw new Error('gateway exited at start (see its log above)');
  return {
    name: 'gateway',
    urls: [
      `trunk INVITEs to sip:12345@${env.SIPD_HOST ?? '127.0.0.1'}:${env.SIPD_UDP_PORT ?? 5060} (from ${env.GATEWAY_TRUNK_ALLOW ?? '127.0.0.1'})`,
    ],
    notes: [
      `agents register over ${env.SIP_WS_URL ?? 'ws://127.0.0.1:8088'} with the server-issued credentials`,
    ],
    stop: proc.stop,
  };
}
