// Fuzz: 10,000 mutated valid messages (truncated, duplicated headers, bad Content-Length, huge
// headers, invalid UTF-8, wrong CSeq, …) over UDP and WS. The server stays up, answers what it
// can with 400, hits no internal error, and completes a normal call afterwards.
import dgram from 'node:dgram';
import type Srf from 'drachtio-srf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { type ConnectedApp, connectApp } from './helpers/app.ts';
import { mutate, prng, validMessage } from './helpers/mutate.ts';
import { APP_SDP, service } from './helpers/sdp.ts';
import { runSipp } from './helpers/sipp.ts';
import { sipTarget, type Target } from './helpers/target.ts';

const SEED = 12345;
const PER_TRANSPORT = 5000;

let target: Target;
let app: ConnectedApp;

beforeAll(async () => {
  target = await sipTarget();
  app = await connectApp(target, (srf: Srf) => {
    srf.invite(async (req, res) => {
      if (service(req.uri) === 'answer') await srf.createUAS(req, res, { localSdp: APP_SDP });
      else res.send(486);
    });
    srf.use('options', (_req, res) => res.send(200));
    srf.use('register', (_req, res) => res.send(403));
    srf.use('message', (_req, res) => res.send(202));
  });
});

afterAll(async () => {
  app?.close();
  await target?.stop();
});

async function fuzzUdp(rnd: () => number): Promise<{ sent: number; replies: string[] }> {
  // datagrams over the UDP limit cannot be sent at all; they are counted as sent-and-lost
  const sock = dgram.createSocket('udp4');
  const replies: string[] = [];
  sock.on('message', (m) => replies.push(m.toString('latin1').split('\r\n')[0] ?? ''));
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  let sent = 0;
  for (let i = 0; i < PER_TRANSPORT; i++) {
    const { bytes } = mutate(validMessage(rnd, i, 'UDP'), rnd);
    if (bytes.length > 0 && bytes.length < 65_000) sock.send(bytes, app.sip.udp, '127.0.0.1');
    sent++;
    if (i % 20 === 19) await new Promise((r) => setTimeout(r, 2));
  }
  await new Promise((r) => setTimeout(r, 300));
  sock.close();
  return { sent, replies };
}

async function openWs(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${app.sip.ws}`, 'sip');
  ws.on('error', () => {});
  await new Promise<void>((res, rej) => {
    ws.once('open', () => res());
    ws.once('error', rej);
  });
  return ws;
}

async function fuzzWs(rnd: () => number): Promise<{ sent: number; reconnects: number }> {
  let ws = await openWs();
  let sent = 0;
  let reconnects = 0;
  for (let i = 0; i < PER_TRANSPORT; i++) {
    const { bytes } = mutate(validMessage(rnd, PER_TRANSPORT + i, 'WS'), rnd);
    if (ws.readyState !== WebSocket.OPEN) {
      ws = await openWs(); // oversized frames close the connection (maxPayload): reconnect
      reconnects++;
    }
    // a text frame must be valid UTF-8 (RFC 6455 closes with 1007 otherwise): invalid bytes go binary
    const utf8 = Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
    ws.send(bytes, { binary: !utf8 || rnd() < 0.5 });
    sent++;
    if (bytes.length > 65_535) {
      // over the server's maxPayload: it closes the connection (1009); wait for that
      await new Promise<void>((r) =>
        ws.readyState === WebSocket.CLOSED ? r() : ws.once('close', () => r()),
      );
    }
    if (i % 20 === 19) await new Promise((r) => setTimeout(r, 2));
  }
  await new Promise((r) => setTimeout(r, 300));
  ws.close();
  return { sent, reconnects };
}

describe('fuzz', () => {
  it('survives 10,000 mutated messages over UDP and WS, then completes a normal call', async () => {
    // drachtio-srf logs with console.error when it cannot parse what the server delivered
    const srfErrors = vi.spyOn(console, 'error');
    const rnd = prng(SEED);
    const udp = await fuzzUdp(rnd);
    const ws = await fuzzWs(rnd);
    expect(udp.sent + ws.sent).toBe(10_000);
    expect(srfErrors.mock.calls.filter((c) => /unable to parse/.test(c.map(String).join(' ')))).toEqual([]);
    srfErrors.mockRestore();
    // malformed requests that still name Via/From/To/Call-ID/CSeq are answered 400
    expect(udp.replies.some((r) => r.startsWith('SIP/2.0 400'))).toBe(true);
    if (target.sipd) {
      const s = target.sipd.stats();
      expect(s.lastError).toBeUndefined();
      expect(s.malformed).toBeGreaterThan(1000);
      expect(s.received).toBeGreaterThan(9000);
    }
    const call = await runSipp({
      scenario: 'uac_bye.xml',
      remote: `127.0.0.1:${app.sip.udp}`,
      service: 'answer',
    });
    expect(call.code, call.out).toBe(0);
  }, 60_000);
});
