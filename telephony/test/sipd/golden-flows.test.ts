// Golden call flows: the same sipp scenarios and app behaviour as the captures, run through a
// logging proxy; the app-connection frames (order, direction, token layout, SIP start lines and
// header names) must match what drachtio-server produced, after normalising ids/times/ports/sizes.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameDecoder } from '../../src/sipd/wire/framing.ts';
import { type ConnectedApp, connectApp } from './helpers/app.ts';
import { type FrameProxy, frameProxy, type LoggedFrame } from './helpers/frame-proxy.ts';
import { service } from './helpers/sdp.ts';
import { runSipp, startSipp } from './helpers/sipp.ts';
import { sipTarget, type Target } from './helpers/target.ts';

const FIXTURES = new URL('../fixtures/drachtio/', import.meta.url);
const SDP =
  'v=0\r\no=app 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 6200 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n';

/** Frames of a capture that carry SIP (no authenticate/route/ping traffic), in wire order. */
function captured(label: string): LoggedFrame[] {
  const decoders = new Map<string, FrameDecoder>();
  const out: LoggedFrame[] = [];
  for (const line of readFileSync(new URL(`${label}.raw.jsonl`, FIXTURES), 'utf8')
    .split('\n')
    .filter(Boolean)) {
    const c = JSON.parse(line) as { conn: number; dir: string; data: string };
    if (c.dir !== 'app->server' && c.dir !== 'server->app') continue;
    const key = `${c.conn}${c.dir}`;
    const d = decoders.get(key) ?? new FrameDecoder(1 << 24);
    decoders.set(key, d);
    for (const payload of d.push(Buffer.from(c.data))) out.push({ dir: c.dir, payload });
  }
  return out.filter((f) => f.payload.includes('\r\n'));
}

function shape(f: LoggedFrame): string {
  const [head = '', ...rest] = f.payload.split('\r\n');
  const tokens = head.split('|').map((t, i) => {
    if (i === 0 || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/.test(t)) return 'ID';
    if (/^\d\d:\d\d:\d\d\.\d{6}$/.test(t)) return 'TIME';
    if (/^\d+$/.test(t)) return 'N';
    if (/;from-tag=/.test(t)) return 'DIALOG';
    return t;
  });
  const sip = rest.join('\r\n');
  const start = (sip.split('\r\n')[0] ?? '').replace(/:\d+/g, ':N').replace(/sip:[^@\s]+@/, 'sip:U@');
  const names = [
    ...new Set(
      [...sip.split('\r\n\r\n')[0]!.matchAll(/^([A-Za-z-]+):/gm)].map((m) => (m[1] ?? '').toLowerCase()),
    ),
  ].sort();
  return `${f.dir} ${tokens.join('|')} / ${start} / ${names.join(',')}`;
}

let target: Target;
let proxy: FrameProxy;
let app: ConnectedApp;
const reliable = new Map<string, { send: (status: number, opts: object) => void }>();

beforeAll(async () => {
  target = await sipTarget();
  proxy = await frameProxy(target.host, target.appPort);
  app = await connectApp({ ...target, appPort: proxy.port }, (srf) => {
    srf.invite(async (req, res) => {
      const svc = service(req.uri);
      if (svc === 'busy') return void res.send(486, { headers: { 'X-App': 'A' } });
      if (svc === 'cancelme') return void res.send(180);
      if (svc === 'prack') {
        // reliable 183 with SDP; the PRACK handler below sends the 200s
        reliable.set(req.get('Call-ID'), res);
        return void res.send(183, { headers: { Require: '100rel' }, body: SDP });
      }
      const d = await srf.createUAS(req, res, { localSdp: SDP, headers: { 'X-App': 'A' } });
      // as the capture's app: answer a re-INVITE with just the SDP
      d.on('modify', (_mreq, mres) => mres.send(200, { body: SDP }));
    });
    srf.use('prack', (req, res) => {
      res.send(200);
      reliable.get(req.get('Call-ID'))?.send(200, { body: SDP });
    });
    srf.use('bye', (_req, res) => res.send(200));
    srf.use('options', (_req, res) =>
      res.send(200, {
        headers: { 'X-App': 'A', Allow: 'INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, REFER, NOTIFY' },
      }),
    );
  });
});

afterAll(async () => {
  app?.close();
  await proxy?.close();
  await target?.stop();
});

async function flow(run: () => Promise<void>): Promise<string[]> {
  const from = proxy.log.length;
  await run();
  // wait until the connection has been quiet for 300 ms (late echoes on a loaded machine)
  let seen = -1;
  for (let i = 0; i < 20 && seen !== proxy.log.length; i++) {
    seen = proxy.log.length;
    await new Promise((r) => setTimeout(r, 300));
  }
  return proxy.log
    .slice(from)
    .filter((f) => f.payload.includes('\r\n'))
    .map(shape);
}

const sippUac =
  (scenario: string, svc: string, transport: 'udp' | 'tcp' = 'udp') =>
  async () => {
    const port = transport === 'udp' ? app.sip.udp : app.sip.tcp;
    const r = await runSipp({ scenario, remote: `127.0.0.1:${port}`, service: svc, transport });
    expect(r.code, r.out).toBe(0);
  };

function uacFlow(transport: 'udp' | 'tcp') {
  return flow(async () => {
    const uas = await startSipp({ scenario: 'uas_answer.xml', transport });
    try {
      const dlg = await app.srf.createUAC(
        `sip:callee@127.0.0.1:${uas.port}${transport === 'tcp' ? ';transport=tcp' : ''}`,
        {
          localSdp: SDP,
          headers: { 'X-Test': 'uac', From: '<sip:app@127.0.0.1>' },
        },
      );
      await new Promise((r) => setTimeout(r, 100));
      await dlg.destroy();
      expect((await uas.done).code).toBe(0);
    } finally {
      uas.stop();
    }
  });
}

describe('golden call flows (UDP) against the drachtio-server captures', () => {
  it('b1: createUAS answers, caller BYE', async () => {
    expect(await flow(sippUac('uac_bye.xml', 'answer'))).toEqual(
      captured('b1_uas_answer_caller_bye_udp').map(shape),
    );
  });

  it('c1: reject 486 (the ACK is absorbed)', async () => {
    expect(await flow(sippUac('uac_busy.xml', 'busy'))).toEqual(captured('c1_reject_486_udp').map(shape));
  });

  it('c2: 180 then CANCEL from the caller', async () => {
    expect(await flow(sippUac('uac_cancel.xml', 'cancelme'))).toEqual(captured('c2_cancel_udp').map(shape));
  });

  it('h2: out-of-dialog OPTIONS answered by the app', async () => {
    expect(await flow(sippUac('uac_options.xml', 'options'))).toEqual(captured('h2_options_udp').map(shape));
  });

  it('f1: re-INVITE from the caller inside the dialog (ACK with a fresh txnId)', async () => {
    expect(await flow(sippUac('uac_reinv_send.xml', 'reinvin'))).toEqual(
      captured('f1_reinvite_from_caller_udp').map(shape),
    );
  });

  it('f3: reliable 183 (100rel), PRACK, then 200', async () => {
    expect(await flow(sippUac('uac_prack.xml', 'prack'))).toEqual(
      captured('f3_reliable_183_prack_udp').map(shape),
    );
  });

  it('d1: createUAC answered by sipp, app ACK and BYE', async () => {
    expect(await uacFlow('udp')).toEqual(captured('d1_uac_answered_app_bye_udp').map(shape));
  });
});

describe('golden call flows (TCP) against the drachtio-server captures', () => {
  it('b1 over TCP', async () => {
    expect(await flow(sippUac('uac_bye.xml', 'answer', 'tcp'))).toEqual(
      captured('b1_uas_answer_caller_bye_tcp').map(shape),
    );
  });

  it('c1 over TCP', async () => {
    expect(await flow(sippUac('uac_busy.xml', 'busy', 'tcp'))).toEqual(
      captured('c1_reject_486_tcp').map(shape),
    );
  });

  it('c2 over TCP', async () => {
    expect(await flow(sippUac('uac_cancel.xml', 'cancelme', 'tcp'))).toEqual(
      captured('c2_cancel_tcp').map(shape),
    );
  });

  it('d1 over TCP', async () => {
    expect(await uacFlow('tcp')).toEqual(captured('d1_uac_answered_app_bye_tcp').map(shape));
  });
});
