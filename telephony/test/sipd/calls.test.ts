// Call flows between sipp (UDP and TCP) and one drachtio-srf app: reject, CANCEL from the caller,
// BYE from the app, re-INVITE (hold) both ways, INFO (DTMF), REFER + NOTIFY, OPTIONS keepalive.
import type Srf from 'drachtio-srf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectedApp, connectApp } from './helpers/app.ts';
import { APP_SDP, service } from './helpers/sdp.ts';
import { runSipp } from './helpers/sipp.ts';
import { sipTarget, type Target } from './helpers/target.ts';

let target: Target;
let app: ConnectedApp;
const seen: string[] = [];

function routes(srf: Srf): void {
  srf.invite(async (req, res) => {
    const svc = service(req.uri);
    const tag = `${svc}:${req.get('Call-ID')}`;
    if (svc === 'busy') return void res.send(486);
    if (svc === 'cancelme') {
      req.on('cancel', () => seen.push(`cancel ${tag}`));
      return void res.send(180);
    }
    const d = await srf.createUAS(req, res, { localSdp: APP_SDP });
    d.on('destroy', () => seen.push(`destroy ${tag}`));
    if (svc === 'appbye') setTimeout(() => d.destroy(undefined, () => seen.push(`bye-sent ${tag}`)), 200);
    if (svc === 'reinvout') {
      d.on('ack', () => {});
      setTimeout(async () => {
        await d.modify('hold');
        seen.push(`held ${tag} ${d.onHold} ${/a=inactive/.test(d.local.sdp)}`);
      }, 100);
    }
    if (svc === 'reinvin') {
      d.on('modify', (mreq, mres) => {
        seen.push(`modify ${tag} ${/m=audio/.test(mreq.body)}`);
        mres.send(200, { body: APP_SDP });
      });
    }
    if (svc === 'info') {
      d.on('info', async (ireq, ires) => {
        seen.push(`info ${tag} ${ireq.get('Content-Type')} ${/Signal=1/.test(ireq.body)}`);
        ires.send(200);
        const r1 = await inDialog(d, {
          method: 'INFO',
          headers: { 'Content-Type': 'application/dtmf-relay' },
          body: 'Signal=5\r\nDuration=160\r\n',
        });
        const r2 = await inDialog(d, {
          method: 'REFER',
          headers: { 'Refer-To': '<sip:transfer@127.0.0.1>' },
        });
        seen.push(`info-sent ${tag} ${r1.status} refer ${r2.status}`);
      });
      d.on('notify', (nreq, nres) => {
        seen.push(`notify ${tag} ${nreq.get('Event')} ${nreq.body.trim()}`);
        nres.send(200);
      });
    }
  });
  srf.use('options', (_req, res) =>
    res.send(200, { headers: { Allow: 'INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, REFER, NOTIFY' } }),
  );
}

beforeAll(async () => {
  target = await sipTarget();
  app = await connectApp(target, routes);
});

afterAll(async () => {
  app?.close();
  await target?.stop();
});

/** Dialog#request with the options srf really takes (its typings want a whole SrfRequest). */
function inDialog(d: Srf.Dialog, opts: { method: string; headers?: Record<string, string>; body?: string }) {
  return d.request(opts as never) as Promise<{ status: number }>;
}

const has = (re: RegExp) => () => seen.some((s) => re.test(s));

describe.each(['udp', 'tcp'] as const)('call flows over %s', (transport) => {
  const remote = () => `127.0.0.1:${transport === 'udp' ? app.sip.udp : app.sip.tcp}`;
  const sipp = (scenario: string, svc: string) =>
    runSipp({ scenario, remote: remote(), transport, service: svc });

  it('app rejects with 486; the server ACKs it', async () => {
    const r = await sipp('uac_busy.xml', 'busy');
    expect(r.code, r.out).toBe(0);
  });

  it('caller CANCELs before answer: 200 + 487 to the caller, cancel event in the app', async () => {
    const before = seen.filter((s) => s.startsWith('cancel ')).length;
    const r = await sipp('uac_cancel.xml', 'cancelme');
    expect(r.code, r.out).toBe(0);
    await expect.poll(() => seen.filter((s) => s.startsWith('cancel ')).length).toBe(before + 1);
  });

  it('the app hangs up (BYE from the app side)', async () => {
    const r = await sipp('uac_wait_bye.xml', 'appbye');
    expect(r.code, r.out).toBe(0);
    await expect.poll(has(/^bye-sent appbye/)).toBe(true);
  });

  it('the app puts the caller on hold with a re-INVITE', async () => {
    const r = await sipp('uac_reinv_recv.xml', 'reinvout');
    expect(r.code, r.out).toBe(0);
    await expect.poll(has(/^held reinvout:\S+ true true/), { message: seen.join('\n') }).toBe(true);
  });

  it('the caller re-INVITEs inside the dialog', async () => {
    const r = await sipp('uac_reinv_send.xml', 'reinvin');
    expect(r.code, r.out).toBe(0);
    await expect.poll(has(/^modify reinvin:\S+ true/)).toBe(true);
  });

  it('INFO (DTMF) both ways, REFER from the app and NOTIFY from the caller', async () => {
    const r = await sipp('uac_info.xml', 'info');
    expect(r.code, r.out).toBe(0);
    await expect.poll(has(/^info info:\S+ application\/dtmf-relay true/)).toBe(true);
    expect(seen.some((s) => /^info-sent info:\S+ 200 refer 202/.test(s))).toBe(true);
    expect(seen.some((s) => /^notify info:\S+ refer SIP\/2.0 200 OK/.test(s))).toBe(true);
  });

  it('OPTIONS keepalive answered by the app', async () => {
    const r = await runSipp({
      scenario: 'uac_options.xml',
      remote: remote(),
      transport,
      service: 'ping',
      calls: 3,
      rate: 10,
    });
    expect(r.code, r.out).toBe(0);
  });
});
