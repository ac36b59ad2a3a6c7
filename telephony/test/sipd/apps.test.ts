// Several apps: round-robin per verb, 503 when no app routed the verb, session-level errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTelephonyConfig } from '../../src/config.ts';
import { type ConnectedApp, connectApp } from './helpers/app.ts';
import { rawApp } from './helpers/raw-app.ts';
import { runSipp } from './helpers/sipp.ts';
import { sipTarget, type Target } from './helpers/target.ts';

const external = loadTelephonyConfig().drachtio !== undefined;
let target: Target;
const apps: ConnectedApp[] = [];
const hits = { A: 0, B: 0 };

beforeAll(async () => {
  target = await sipTarget();
  for (const name of ['A', 'B'] as const) {
    apps.push(
      await connectApp(target, (srf) => {
        srf.invite((_req, res) => {
          hits[name]++;
          res.send(486);
        });
      }),
    );
  }
});

afterAll(async () => {
  for (const a of apps) a.close();
  await target?.stop();
});

describe('several apps', () => {
  it('spreads new INVITEs across the apps that routed invite', async () => {
    const sip = apps[0]?.sip;
    const r = await runSipp({
      scenario: 'uac_busy.xml',
      remote: `127.0.0.1:${sip?.udp}`,
      service: 'busy',
      calls: 4,
      rate: 20,
    });
    expect(r.code, r.out).toBe(0);
    expect(hits.A + hits.B).toBe(4);
    expect(hits.A).toBeGreaterThanOrEqual(1);
    expect(hits.B).toBeGreaterThanOrEqual(1);
  });

  it.skipIf(external)(
    'answers 503 itself when no app routed the verb (INVITE after 100 Trying, OPTIONS)',
    async () => {
      // a server of its own with no app connected (a shared drachtio-server may have other apps)
      const lonely = await sipTarget();
      try {
        const port = lonely.sipd?.ports.udp;
        const inv = await runSipp({
          scenario: 'uac_503.xml',
          remote: `127.0.0.1:${port}`,
          service: 'nobody',
        });
        expect(inv.code, inv.out).toBe(0);
        const opt = await runSipp({
          scenario: 'uac_options_503.xml',
          remote: `127.0.0.1:${port}`,
          service: 'nobody',
        });
        expect(opt.code, opt.out).toBe(0);
      } finally {
        await lonely.stop();
      }
    },
  );
});

describe.skipIf(external)('an app that goes away (sipd only: drachtio-server stays silent for 64 s)', () => {
  it('requests it had not answered get 503 when its connection closes', async () => {
    const raw = await rawApp(target.host, target.appPort);
    await raw.request(`authenticate|${target.secret}|`);
    await raw.request('route|message');
    const sipp = runSipp({
      scenario: 'uac_message_503.xml',
      remote: `127.0.0.1:${apps[0]?.sip.udp}`,
      service: 'x',
    });
    await raw.frame(2, 5000); // the MESSAGE delivered to the raw app (after two responses)
    raw.close();
    const r = await sipp;
    expect(r.code, r.out).toBe(0);
  });
});

describe('session messages', () => {
  it('ping → OK|pong', async () => {
    const raw = await rawApp(target.host, target.appPort);
    expect((await raw.request(`authenticate|${target.secret}|`)).split('|')[3]).toBe('OK');
    expect((await raw.request('ping')).split('|').slice(3)).toEqual(['OK', 'pong']);
    raw.close();
  });

  it('wrong secret → NO|incorrect secret and the connection is closed', async () => {
    const raw = await rawApp(target.host, target.appPort);
    expect((await raw.request('authenticate|nope|')).split('|').slice(3)).toEqual(['NO', 'incorrect secret']);
    await raw.closed;
  });

  it.skipIf(external)('sipd refuses commands before authenticate', async () => {
    const raw = await rawApp(target.host, target.appPort);
    expect((await raw.request('route|invite')).split('|').slice(3, 4)).toEqual(['NO']);
    await raw.closed;
  });

  it.skipIf(external)('proxy and cdr routes get a clear "not supported" NOK from sipd', async () => {
    const raw = await rawApp(target.host, target.appPort);
    await raw.request(`authenticate|${target.secret}|`);
    expect((await raw.request('route|cdr:start')).split('|').slice(3)).toEqual([
      'NOK',
      'cdr events are not supported by sipd',
    ]);
    const proxy = await raw.request(
      'proxy|x|remainInDialog|||serial|||sip:a@127.0.0.1\r\nINVITE sip:a@127.0.0.1 SIP/2.0\r\n\r\n',
    );
    expect(proxy.split('|').slice(3)).toEqual(['NOK', 'proxy is not supported by sipd']);
    raw.close();
  });
});
