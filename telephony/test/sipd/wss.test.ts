// WSS with a configured certificate: a self-signed one generated here with openssl. A sip.js
// client registers over wss and is called back over that connection (Via SIP/2.0/WSS).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SessionState } from 'sip.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type ConnectedApp, connectApp } from './helpers/app.ts';
import { type Registrations, registerHandler } from './helpers/registrar-app.ts';
import { APP_SDP } from './helpers/sdp.ts';
import { type WsClient, wsClient } from './helpers/sipjs.ts';
import { sipTarget, type Target } from './helpers/target.ts';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'sipd-wss-'));
const certFile = path.join(dir, 'cert.pem');
const keyFile = path.join(dir, 'key.pem');
const openssl = hasOpenssl();

let target: Target;
let app: ConnectedApp;
let regs: Registrations;
let client: WsClient | undefined;

beforeAll(async () => {
  if (!openssl) return;
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  target = await sipTarget({ tls: { certFile, keyFile } });
  app = await connectApp(target, (srf) => {
    regs = registerHandler(srf, { dave: 'pw-dave' });
  });
  // sip.js opens `new WebSocket(url, 'sip')`: trust our self-signed certificate for this file
  const ca = readFileSync(certFile);
  class TrustingWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { ca });
    }
  }
  (globalThis as { WebSocket?: unknown }).WebSocket = TrustingWebSocket;
});

afterAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  await client?.stop();
  app?.close();
  await target?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!openssl)('WSS (self-signed certificate from openssl)', () => {
  it('registers over wss and is called back over the same secure connection', async (ctx) => {
    if (!app.sip.wss) ctx.skip(); // an external drachtio-server without a wss listener
    client = await wsClient({
      server: `wss://127.0.0.1:${app.sip.wss}`,
      user: 'dave',
      password: 'pw-dave',
      onInvite: (inv) => void inv.accept(),
    });
    await client.register();
    const uri = regs.bindings.get('dave') ?? '';
    expect(uri).toMatch(/\.invalid;transport=wss?$/);
    let via = '';
    const dlg = await app.srf.createUAC(
      uri,
      { localSdp: APP_SDP },
      {
        cbRequest: ((_e: unknown, req: { get: (h: string) => string }) => {
          via = req.get('Via');
        }) as never,
      },
    );
    expect(via).toMatch(/^SIP\/2\.0\/WSS /);
    expect(client.invitations[0]?.state).toBe(SessionState.Established);
    await dlg.destroy();
    await expect.poll(() => client?.invitations[0]?.state).toBe(SessionState.Terminated);
  });
});
