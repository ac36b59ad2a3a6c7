// sip.js clients over WebSocket: REGISTER with a digest challenge answered by the app, then
// createUAC to the registered `….invalid;transport=ws` contact over the client's own connection.
import { SessionState } from 'sip.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTelephonyConfig } from '../../src/config.ts';
import { type ConnectedApp, connectApp } from './helpers/app.ts';
import { type Registrations, registerHandler } from './helpers/registrar-app.ts';
import { type WsClient, wsClient } from './helpers/sipjs.ts';
import { sipTarget, type Target } from './helpers/target.ts';

const SDP =
  'v=0\r\no=app 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 6200 RTP/AVP 0\r\n';

let target: Target;
let app: ConnectedApp;
let regs: Registrations;
const clients: WsClient[] = [];

beforeAll(async () => {
  target = await sipTarget();
  app = await connectApp(target, (srf) => {
    regs = registerHandler(srf, { alice: 'pw-alice', bob: 'pw-bob', carol: 'pw-carol', frank: 'pw-frank' });
  });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  app?.close();
  await target?.stop();
});

async function registered(user: string, answer: 'accept' | 'ring'): Promise<WsClient> {
  const c = await wsClient({
    server: `ws://127.0.0.1:${app.sip.ws}`,
    user,
    password: `pw-${user}`,
    onInvite: (inv) => {
      if (answer === 'accept') void inv.accept();
      else void inv.progress();
    },
  });
  clients.push(c);
  const challenged = regs.challenges;
  await c.register();
  expect(regs.challenges).toBe(challenged + 1);
  expect(regs.bindings.get(user)).toMatch(/\.invalid;transport=ws$/);
  return c;
}

describe('sip.js over ws', () => {
  it('registers through a digest challenge and is called back over its own connection; app hangs up', async () => {
    const alice = await registered('alice', 'accept');
    const uri = regs.bindings.get('alice') ?? '';
    const dlg = await app.srf.createUAC(uri, { localSdp: SDP });
    expect(dlg.remote.sdp).toContain('m=audio 7000');
    const inv = alice.invitations[0];
    expect(inv?.state).toBe(SessionState.Established);
    expect(alice.sdps.at(-1)).toContain('m=audio 6200');
    await dlg.destroy();
    await expect.poll(() => inv?.state).toBe(SessionState.Terminated);
  });

  it('the client hangs up (BYE from the ws side)', async () => {
    const bob = await registered('bob', 'accept');
    const dlg = await app.srf.createUAC(regs.bindings.get('bob') ?? '', { localSdp: SDP });
    const gone = new Promise<void>((r) => dlg.on('destroy', () => r()));
    await bob.invitations[0]?.bye();
    await gone;
    if (target.sipd) await expect.poll(() => target.sipd?.stats().dialogs).toBe(0);
  });

  it('the app CANCELs a ringing call to the client', async () => {
    const carol = await registered('carol', 'ring');
    const err = await app.srf
      .createUAC(
        regs.bindings.get('carol') ?? '',
        { localSdp: SDP },
        {
          // srf calls cbRequest(err, req) although its typings say (req)
          cbRequest: ((_e: unknown, req: { cancel: () => void }) =>
            setTimeout(() => req.cancel(), 300)) as never,
        },
      )
      .catch((e: { status?: number }) => e);
    expect((err as { status?: number }).status).toBe(487);
    await expect.poll(() => carol.invitations[0]?.state).toBe(SessionState.Terminated);
  });

  it.skipIf(loadTelephonyConfig().drachtio !== undefined)(
    'a client whose connection has closed gets a local 503 (sipd; drachtio-server behaviour not captured)',
    async () => {
      const frank = await registered('frank', 'accept');
      await frank.stop();
      const err = await app.srf
        .createUAC(regs.bindings.get('frank') ?? '', { localSdp: SDP })
        .catch((e: { status?: number }) => e);
      expect((err as { status?: number }).status).toBe(503);
    },
  );
});
