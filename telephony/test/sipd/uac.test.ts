// createUAC from an app toward sipp UAS over UDP and TCP: answered then app BYE, rejected 486
// (server ACKs; the app's ACK gets the drachtio NOK), a digest challenge retried by srf, and an
// app CANCEL while ringing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectedApp, connectApp } from './helpers/app.ts';
import { freePort } from './helpers/ports.ts';
import { APP_SDP } from './helpers/sdp.ts';
import { startSipp } from './helpers/sipp.ts';
import { sipTarget, type Target } from './helpers/target.ts';

let target: Target;
let app: ConnectedApp;

beforeAll(async () => {
  target = await sipTarget();
  app = await connectApp(target);
});

afterAll(async () => {
  app?.close();
  await target?.stop();
});

describe.each(['udp', 'tcp'] as const)('createUAC over %s', (transport) => {
  const uri = (port: number) => `sip:callee@127.0.0.1:${port};transport=${transport}`;

  it('is answered, then the app hangs up', async () => {
    const uas = await startSipp({ scenario: 'uas_answer.xml', transport });
    try {
      const dlg = await app.srf.createUAC(uri(uas.port), { localSdp: APP_SDP, headers: { 'X-Test': 'uac' } });
      expect(dlg.remote.sdp).toContain('m=audio 6410');
      expect((dlg as unknown as { id: string }).id).toMatch(/;from-tag=/);
      await dlg.destroy();
      const r = await uas.done;
      expect(r.code, r.out).toBe(0);
    } finally {
      uas.stop();
    }
  });

  it('is rejected 486; sipd ACKs it', async () => {
    const uas = await startSipp({ scenario: 'uas_busy.xml', transport });
    try {
      const err = await app.srf
        .createUAC(uri(uas.port), { localSdp: APP_SDP })
        .catch((e: { status?: number }) => e);
      expect((err as { status?: number }).status).toBe(486);
      const r = await uas.done;
      expect(r.code, r.out).toBe(0);
    } finally {
      uas.stop();
    }
  });

  it('retries a 401 challenge with credentials (srf digest client) and is answered', async () => {
    const uas = await startSipp({ scenario: 'uas_auth.xml', transport });
    try {
      const dlg = await app.srf.createUAC(uri(uas.port), {
        localSdp: APP_SDP,
        auth: { username: 'gw', password: 'pw' },
      });
      expect(dlg.remote.sdp).toContain('m=audio');
      await dlg.destroy();
      const r = await uas.done;
      expect(r.code, r.out).toBe(0);
    } finally {
      uas.stop();
    }
  });

  it('is CANCELled by the app while ringing (487)', async () => {
    const uas = await startSipp({ scenario: 'uas_ring_cancel.xml', transport });
    try {
      const err = await app.srf
        .createUAC(
          uri(uas.port),
          { localSdp: APP_SDP },
          {
            cbRequest: ((_e: unknown, req: { cancel: () => void }) =>
              setTimeout(() => req.cancel(), 200)) as never,
          },
        )
        .catch((e: { status?: number }) => e);
      expect((err as { status?: number }).status).toBe(487);
      const r = await uas.done;
      expect(r.code, r.out).toBe(0);
    } finally {
      uas.stop();
    }
  });
});

describe('createUAC transport errors', () => {
  it('gets a locally generated 503 when the TCP peer refuses the connection', async () => {
    const closed = await freePort();
    const err = await app.srf
      .createUAC(`sip:callee@127.0.0.1:${closed};transport=tcp`, { localSdp: APP_SDP })
      .catch((e: { status?: number }) => e);
    expect((err as { status?: number }).status).toBe(503);
  });
});
