// `npm run up`: rtpengine (Debian rtpengine-daemon, userspace: table = -1) for all media —
// ng on 127.0.0.1:22222/udp, media ports 30000–30999, pcap recordings into data/rtpengine-recordings
// (the gateway files them under data/recordings). Skipped with a note when rtpengine is missing.
import dgram from 'node:dgram';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { have } from '../lib/bootstrap.mjs';
import { startProcess } from '../lib/service.mjs';

export const order = 25;

function ping(host, port) {
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    const t = setTimeout(() => {
      s.close();
      resolve(false);
    }, 300);
    s.on('message', (m) => {
      clearTimeout(t);
      s.close();
      resolve(m.toString().includes('pong'));
    });
    s.send(Buffer.from('up-ping d7:command4:pinge'), port, host);
  });
}

export async function start(ctx) {
  if (!have('rtpengine')) {
    ctx.log('rtpengine not installed (apt-get install rtpengine-daemon): calls will get 503');
    return null;
  }
  const env = ctx.env;
  const host = env.RTPENGINE_HOST ?? '127.0.0.1';
  const port = Number(env.RTPENGINE_PORT ?? 22222);
  const dir = path.join(ctx.root, 'data', 'rtpengine');
  const recordings = env.RTPENGINE_RECORDING_DIR ?? path.join(ctx.root, 'data', 'rtpengine-recordings');
  mkdirSync(dir, { recursive: true });
  mkdirSync(recordings, { recursive: true });
  env.RTPENGINE_HOST = host;
  env.RTPENGINE_PORT = String(port);
  env.RTPENGINE_RECORDING_DIR = recordings;
  // detected RFC 2833 keys go to the gateway (its GATEWAY_DTMF_HOST/PORT, same defaults)
  env.GATEWAY_DTMF_HOST ??= '127.0.0.1';
  env.GATEWAY_DTMF_PORT ??= '22223';
  const conf = path.join(dir, 'rtpengine.conf');
  writeFileSync(
    conf,
    [
      '[rtpengine]',
      'table = -1',
      `interface = ${host}`,
      `listen-ng = ${host}:${port}`,
      'port-min = 30000',
      'port-max = 30999',
      `recording-dir = ${recordings}`,
      'recording-method = pcap',
      `dtmf-log-dest = ${env.GATEWAY_DTMF_HOST}:${env.GATEWAY_DTMF_PORT}`,
      '',
    ].join('\n'),
  );
  const proc = startProcess(
    'rtpengine',
    'rtpengine',
    [`--config-file=${conf}`, '--foreground', '--log-stderr'],
    {
      env,
      log: ctx.log,
    },
  );
  for (let i = 0; i < 100 && !(await ping(host, port)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await ping(host, port))) {
    await proc.stop();
    throw new Error(`rtpengine did not answer on ${host}:${port}`);
  }
  return {
    name: 'rtpengine',
    urls: [`ng udp://${host}:${port}, media 30000-30999`],
    notes: [`recordings (pcap) in ${recordings}`],
    stop: proc.stop,
  };
}
