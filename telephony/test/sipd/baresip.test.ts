// baresip (a real SIP phone) against a drachtio-srf app: baresip calls in over UDP and hangs up
// when it quits; the app calls baresip (auto-answer) and hangs up.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectedApp, connectApp } from './helpers/app.ts';
import { freePort } from './helpers/ports.ts';
import { APP_SDP } from './helpers/sdp.ts';
import { sipTarget, type Target } from './helpers/target.ts';

function hasBaresip(): boolean {
  try {
    execFileSync('which', ['baresip'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = hasBaresip();
const dir = mkdtempSync(path.join(os.tmpdir(), 'sipd-baresip-'));
let target: Target;
let app: ConnectedApp;
const events: string[] = [];

async function baresip(sipPort: number, seconds: number, commands: string[] = []) {
  const rtp = await freePort();
  writeFileSync(
    path.join(dir, 'config'),
    [
      `sip_listen 127.0.0.1:${sipPort}`,
      'net_interface 127.0.0.1',
      'audio_player alsa,null',
      'audio_alert alsa,null',
      'audio_source ausine,440',
      'ausrc_srate 48000',
      'ausrc_channels 2',
      `rtp_ports ${rtp}-${rtp + 9}`,
      'module_path /usr/lib/baresip/modules',
      ...['g711.so', 'ausine.so', 'alsa.so', 'account.so', 'menu.so'].map((m) => `module ${m}`),
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'accounts'),
    '<sip:baresip@127.0.0.1>;regint=0;answermode=auto;audio_codecs=PCMU\n',
  );
  const args = ['-f', dir, '-t', String(seconds), ...commands.flatMap((c) => ['-e', c])];
  const child = spawn('baresip', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const done = new Promise<string>((r) => child.on('exit', () => r(out)));
  return { child, done, output: () => out };
}

beforeAll(async () => {
  if (!available) return;
  target = await sipTarget();
  app = await connectApp(target, (srf) => {
    srf.invite(async (req, res) => {
      const d = await srf.createUAS(req, res, { localSdp: APP_SDP });
      events.push(`established ${req.get('User-Agent')}`);
      d.on('destroy', () => events.push('caller hung up'));
    });
  });
});

afterAll(async () => {
  app?.close();
  await target?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!available)('baresip', () => {
  it('calls the app over UDP; the call is established and baresip hangs up when it quits', async () => {
    const b = await baresip(await freePort(), 2, [`/dial sip:answer@127.0.0.1:${app.sip.udp}`]);
    const out = await b.done;
    expect(out).toContain('Call established');
    await expect
      .poll(() => events)
      .toEqual([expect.stringMatching(/^established baresip/), 'caller hung up']);
  });

  it('is called by the app (auto-answer) and the app hangs up', async () => {
    const port = await freePort();
    const b = await baresip(port, 6);
    try {
      await expect.poll(() => b.output().includes('baresip is ready')).toBe(true);
      const dlg = await app.srf.createUAC(`sip:baresip@127.0.0.1:${port}`, { localSdp: APP_SDP });
      expect(dlg.remote.sdp).toContain('PCMU');
      await dlg.destroy();
      await expect.poll(() => b.output()).toMatch(/session closed|terminated/);
    } finally {
      b.child.kill('SIGKILL');
    }
  });
});
