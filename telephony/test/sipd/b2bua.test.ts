// createB2BUA between a sipp UAC and a sipp UAS over UDP and TCP, either side hanging up, and
// 100 B2BUA calls in parallel.
import type Srf from 'drachtio-srf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectedApp, connectApp } from './helpers/app.ts';
import { service } from './helpers/sdp.ts';
import { runSipp, startSipp } from './helpers/sipp.ts';
import { sipTarget, type Target } from './helpers/target.ts';

let target: Target;
let app: ConnectedApp;
const calls: { callId: string; ended: string }[] = [];

function routes(srf: Srf): void {
  srf.invite(async (req, res) => {
    // R-URI user carries the B side: b-<transport>-<port>
    const m = /^b-(udp|tcp)-(\d+)$/.exec(service(req.uri));
    if (!m) return void res.send(404);
    const entry = { callId: req.get('Call-ID'), ended: '' };
    calls.push(entry);
    try {
      const { uas, uac } = await srf.createB2BUA(req, res, `sip:callee@127.0.0.1:${m[2]};transport=${m[1]}`, {
        localSdpB: req.body,
        headers: { From: 'sip:sipp@localhost' },
      });
      uas.on('destroy', () => {
        entry.ended = 'caller';
        void uac.destroy();
      });
      uac.on('destroy', () => {
        entry.ended = 'callee';
        void uas.destroy();
      });
    } catch (e) {
      entry.ended = `failed ${(e as { status?: number }).status}`;
    }
  });
}

beforeAll(async () => {
  target = await sipTarget();
  app = await connectApp(target, routes);
});

afterAll(async () => {
  app?.close();
  await target?.stop();
});

describe.each(['udp', 'tcp'] as const)('B2BUA over %s', (transport) => {
  const aSide = () => `127.0.0.1:${transport === 'udp' ? app.sip.udp : app.sip.tcp}`;

  it('caller hangs up; the app tears down the B leg', async () => {
    const b = await startSipp({ scenario: 'uas_answer_rr.xml', transport });
    try {
      const a = await runSipp({
        scenario: 'uac_bye_rr.xml',
        remote: aSide(),
        transport,
        service: `b-${transport}-${b.port}`,
      });
      expect(a.code, a.out).toBe(0);
      const bres = await b.done;
      expect(bres.code, bres.out).toBe(0);
      expect(calls.at(-1)?.ended).toBe('caller');
    } finally {
      b.stop();
    }
  });

  it('callee hangs up; the app tears down the A leg', async () => {
    const b = await startSipp({ scenario: 'uas_bye.xml', transport });
    try {
      const a = await runSipp({
        scenario: 'uac_wait_bye.xml',
        remote: aSide(),
        transport,
        service: `b-${transport}-${b.port}`,
      });
      expect(a.code, a.out).toBe(0);
      const bres = await b.done;
      expect(bres.code, bres.out).toBe(0);
      expect(calls.at(-1)?.ended).toBe('callee');
    } finally {
      b.stop();
    }
  });
});

describe('load', () => {
  it('carries 100 B2BUA calls in parallel', async () => {
    const before = calls.length;
    const b = await startSipp({ scenario: 'uas_answer_rr.xml', calls: 100, timeoutSec: 40 });
    try {
      const a = await runSipp({
        scenario: 'uac_bye_rr.xml',
        remote: `127.0.0.1:${app.sip.udp}`,
        service: `b-udp-${b.port}`,
        calls: 100,
        rate: 200,
        limit: 100,
        timeoutSec: 40,
      });
      expect(a.code, a.out).toBe(0);
      const bres = await b.done;
      expect(bres.code, bres.out).toBe(0);
      expect(calls.length - before).toBe(100);
      await expect.poll(() => calls.slice(before).every((c) => c.ended === 'caller')).toBe(true);
      if (target.sipd) await expect.poll(() => target.sipd?.stats().dialogs).toBe(0);
    } finally {
      b.stop();
    }
  }, 60_000);
});
