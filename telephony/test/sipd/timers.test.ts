// Timers with a small T1 (sipd only: a drachtio-server's timers are fixed): the 2xx is
// retransmitted until 64·T1, then sipd sends its own BYE (Reason: ACK timeout) and tells the app
// with txn `unsolicited`, which ends the dialog in srf.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTelephonyConfig } from '../../src/config.ts';
import { type ConnectedApp, connectApp } from './helpers/app.ts';
import { APP_SDP } from './helpers/sdp.ts';
import { runSipp } from './helpers/sipp.ts';
import { sipTarget, type Target } from './helpers/target.ts';

const external = loadTelephonyConfig().drachtio !== undefined;
let target: Target;
let app: ConnectedApp;
const ended: string[] = [];

beforeAll(async () => {
  if (external) return;
  target = await sipTarget({ t1: 50, t2: 400, t4: 500 });
  app = await connectApp(target, (srf) => {
    srf.invite(async (req, res) => {
      const d = await srf.createUAS(req, res, { localSdp: APP_SDP });
      d.on('destroy', (bye: { get: (h: string) => string }) => ended.push(bye?.get('Reason') ?? 'no reason'));
    });
  });
});

afterAll(async () => {
  app?.close();
  await target?.stop();
});

describe.skipIf(external)('ACK timeout (sipd with T1 = 50 ms)', () => {
  it('never-ACKed 2xx: sipd BYEs the caller and the app sees an unsolicited BYE', async () => {
    const r = await runSipp({
      scenario: 'uac_noack.xml',
      remote: `127.0.0.1:${app.sip.udp}`,
      service: 'answer',
    });
    expect(r.code, r.out).toBe(0);
    await expect.poll(() => ended).toEqual(['SIP;cause=200;text="ACK timeout"']);
    expect(target.sipd?.stats().dialogs).toBe(0);
  });
});
