// createUAS answering with SDP, reached by a sipp UAC over UDP and TCP; caller hangs up.
import type Srf from 'drachtio-srf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectedApp, connectApp } from './helpers/app.ts';
import { runSipp } from './helpers/sipp.ts';
import { sipTarget, type Target } from './helpers/target.ts';

const SDP =
  'v=0\r\no=app 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 6200 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n';

let target: Target;
let app: ConnectedApp;
const ended: string[] = [];
const offers: string[] = [];

beforeAll(async () => {
  target = await sipTarget();
  app = await connectApp(target, (srf: Srf) => {
    srf.invite(async (req, res) => {
      offers.push(req.body);
      const dlg = await srf.createUAS(req, res, { localSdp: SDP, headers: { 'X-App': 'uas' } });
      dlg.on('destroy', () => ended.push(dlg.sip.callId));
    });
  });
});

afterAll(async () => {
  app?.close();
  await target?.stop();
});

describe('createUAS', () => {
  for (const transport of ['udp', 'tcp'] as const) {
    it(`answers a sipp call over ${transport} with SDP and sees the caller's BYE`, async () => {
      const before = ended.length;
      const port = transport === 'udp' ? app.sip.udp : app.sip.tcp;
      const r = await runSipp({
        scenario: 'uac_bye.xml',
        remote: `127.0.0.1:${port}`,
        transport,
        service: 'answer',
      });
      expect(r.code, r.out).toBe(0);
      expect(offers.at(-1)).toContain('m=audio 6400');
      await expect.poll(() => ended.length).toBe(before + 1);
      if (target.sipd) expect(target.sipd.stats().dialogs).toBe(0);
    });
  }
});
