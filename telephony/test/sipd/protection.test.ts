// Protection (sipd only: limits are sipd's configuration): per-source rate limit, maximum message
// size on UDP and TCP, and a malformed request answered 400 while the server keeps working.
import dgram from 'node:dgram';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTelephonyConfig } from '../../src/config.ts';
import { type ConnectedApp, connectApp } from './helpers/app.ts';
import { sipTarget, type Target } from './helpers/target.ts';

const external = loadTelephonyConfig().drachtio !== undefined;
let target: Target;
let app: ConnectedApp;

const options = (i: number, pad = '') =>
  `OPTIONS sip:p@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKprot${i}\r\nFrom: <sip:a@127.0.0.1>;tag=a${i}\r\nTo: <sip:p@127.0.0.1>\r\nCall-ID: prot-${i}\r\nCSeq: 1 OPTIONS\r\n${pad ? `X-Pad: ${pad}\r\n` : ''}Content-Length: 0\r\n\r\n`;

beforeAll(async () => {
  if (external) return;
  target = await sipTarget({ rateLimitPerSecond: 20, rateLimitBurst: 20, maxMessageBytes: 4096 });
  app = await connectApp(target, (srf) => srf.use('options', (_req, res) => res.send(200)));
});

afterAll(async () => {
  app?.close();
  await target?.stop();
});

async function udpExchange(messages: string[], waitMs = 500): Promise<string[]> {
  const sock = dgram.createSocket('udp4');
  const replies: string[] = [];
  sock.on('message', (m) => replies.push(m.toString().split('\r\n')[0] ?? ''));
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  for (const m of messages) sock.send(m, app.sip.udp, '127.0.0.1');
  await new Promise((r) => setTimeout(r, waitMs));
  sock.close();
  return replies;
}

describe.skipIf(external)('protection', () => {
  it('drops what exceeds the per-source rate, then serves the source again', async () => {
    const before = target.sipd?.stats().dropped ?? 0;
    const replies = await udpExchange(Array.from({ length: 100 }, (_, i) => options(i)));
    const ok = replies.filter((r) => r === 'SIP/2.0 200 OK').length;
    expect(ok).toBeGreaterThanOrEqual(15);
    expect(ok).toBeLessThanOrEqual(60); // 20 burst + 20/s refill while a loaded machine works through them
    expect((target.sipd?.stats().dropped ?? 0) - before).toBeGreaterThanOrEqual(40);
    await new Promise((r) => setTimeout(r, 1200)); // the bucket refills
    expect(await udpExchange([options(1000)])).toEqual(['SIP/2.0 200 OK']);
  });

  it('drops a datagram over the size limit and closes a TCP stream that sends one', async () => {
    await new Promise((r) => setTimeout(r, 1200));
    expect(await udpExchange([options(2000, 'x'.repeat(5000))])).toEqual([]);
    const sock = net.connect({ host: '127.0.0.1', port: app.sip.tcp });
    await new Promise<void>((r) => sock.once('connect', () => r()));
    const closed = new Promise<void>((r) => sock.once('close', () => r()));
    sock.on('error', () => {});
    sock.write(options(2001, 'y'.repeat(5000)));
    await closed;
    expect(sock.destroyed).toBe(true);
  });

  it('answers a malformed request that names its dialog with 400 and keeps working', async () => {
    await new Promise((r) => setTimeout(r, 1200));
    const bad = options(3000).replace('CSeq: 1 OPTIONS', 'CSeq: 1 INVITE');
    expect((await udpExchange([bad, options(3001)])).sort()).toEqual([
      'SIP/2.0 200 OK',
      'SIP/2.0 400 Bad Request',
    ]);
  });
});
