// End-to-end with real media both ways: baresip (the citizen; 440 Hz microphone from sox, sndfile
// records what it hears) calls 12345 through sipd + gateway + rtpengine; a sip.js agent in Debian
// Chromium (WebRTC, fake microphone fed a 1 kHz WAV) answers. Asserts: the agent's getStats shows RTP
// in and out, the caller's recording of the connected part (after the agent answered) is not silence
// and carries the agent's 1 kHz tone, and the decoded rtpengine recording has both directions.
// Same-host loopback, as in the console e2e; every process is stopped by PID in afterAll.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentPassword } from '../../../telephony/src/gateway/domain/agent-credentials.ts';
import { decodeRecording, isSilent, rms } from '../../../telephony/src/gateway/recordings/pcap-to-wav.ts';
import { type Rig, startRig } from '../../../telephony/test/gateway/helpers/rig.ts';
import { haveRtpengine } from '../../../telephony/test/gateway/helpers/rtpengine.ts';
import { launchBrowser } from '../console/console-rig.ts';
import { type Baresip, haveBaresip, startBaresip } from './baresip.ts';
import { wavSamples } from './wav.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const haveSox = spawnSync('sh', ['-c', 'command -v sox']).status === 0;
const missing = [
  !haveBaresip && 'baresip',
  !haveRtpengine && 'rtpengine',
  !haveSox && 'sox',
  !existsSync('/usr/bin/chromium') && '/usr/bin/chromium',
].filter(Boolean);
if (missing.length) console.warn(`[media e2e] skipped: ${missing.join(', ')} not installed`);

type Stats = { inboundPackets: number; outboundPackets: number; inboundLevel: number };

/** Frequency estimate from zero crossings (enough to tell 440 Hz from 1 kHz). */
function zeroCrossingHz(s: Int16Array, rate = 8000): number {
  let n = 0;
  for (let i = 1; i < s.length; i++) if (s[i - 1]! < 0 !== s[i]! < 0) n++;
  return (n / 2) * (rate / s.length);
}

describe.skipIf(missing.length > 0)('baresip citizen ↔ Chromium agent: audio both ways', () => {
  let rig: Rig;
  let dir: string;
  let http: Server | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let phone: Baresip | undefined;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'media-e2e-agent-'));
    const agentWav = path.join(dir, 'agent-1khz.wav');
    execFileSync('sox', [
      '-n',
      '-r',
      '48000',
      '-c',
      '1',
      '-b',
      '16',
      '-e',
      'signed-integer',
      agentWav,
      'synth',
      '30',
      'sine',
      '1000',
      'vol',
      '0.5',
    ]);
    const out = await build({
      logLevel: 'silent',
      configFile: false,
      root: dir,
      build: {
        write: false,
        minify: false,
        lib: { entry: path.join(here, 'browser/agent.js'), formats: ['iife'], name: 'mediaAgentBundle' },
      },
    });
    const bundle = (Array.isArray(out) ? out[0]! : (out as { output: { code: string }[] })).output[0]!.code;
    const html = `<!doctype html><meta charset="utf-8"><title>media agent</title><script>${bundle}</script>`;
    http = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
    await new Promise<void>((r) => http!.listen(0, '127.0.0.1', r));
    rig = await startRig({ acd: { wrapUpSec: 0, offerTimeoutSec: 15, sweepIntervalMs: 100 } });
    browser = await launchBrowser([`--use-file-for-fake-audio-capture=${agentWav}`]);
  }, 90_000);

  afterAll(async () => {
    await phone?.stop();
    await browser?.close();
    await new Promise((r) => (http ? http.close(r) : r(undefined)));
    await rig?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the agent receives and sends RTP; the caller hears the agent; the recording has both sides', async () => {
    const addr = http!.address() as { port: number };
    page = await browser!.ctx.newPage();
    await page.goto(`http://127.0.0.1:${addr.port}/`);
    const agentId = 'media-chromium-1';
    const username = `${agentId}.${Math.floor(Date.now() / 1000) + 3600}`;
    await page.evaluate(
      (o) => (globalThis as never as { mediaAgent: { start(x: object): Promise<void> } }).mediaAgent.start(o),
      { server: `ws://127.0.0.1:${rig.sip.ws}`, username, password: agentPassword(rig.secret, username) },
    );
    await rig.acd.agentLogin(agentId, { name: agentId, skills: {} });
    await rig.acd.setReady(agentId);

    const source = path.join(dir, 'caller-440hz.wav');
    execFileSync('sox', [
      '-n',
      '-r',
      '8000',
      '-c',
      '1',
      '-b',
      '16',
      '-e',
      'signed-integer',
      source,
      'synth',
      '30',
      'sine',
      '440',
      'vol',
      '0.4',
    ]);
    phone = await startBaresip({
      dir: path.join(dir, 'phone'),
      caller: '13800000078',
      dial: `sip:12345@127.0.0.1:${rig.sip.udp}`,
      sourceWav: source,
      quitAfterSec: 9,
    });
    const state = () => page.evaluate<string>('globalThis.mediaAgent.state()');
    await expect.poll(state, { timeout: 15_000 }).toBe('Established');
    const stats = () => page.evaluate<Stats>('globalThis.mediaAgent.stats()');
    await expect.poll(async () => (await stats()).inboundPackets, { timeout: 10_000 }).toBeGreaterThan(50);
    await expect.poll(async () => (await stats()).outboundPackets, { timeout: 10_000 }).toBeGreaterThan(50);
    const agentStats = await stats();
    const callId = (await rig.acd.getAgent(agentId))?.callId;
    await phone.exited;

    const heard = phone.heardFiles();
    expect(heard.length, phone.out()).toBeGreaterThan(0);
    const all = wavSamples(heard[0]!);
    // the last 1.5 s of what the caller heard is the connected call: only the agent speaks then
    const tail = all.subarray(Math.max(0, all.length - 12_000));
    const tailRms = rms(tail);
    const tailHz = zeroCrossingHz(tail);

    let recording: { pt: number; packets: number; rms: number }[] = [];
    if (callId) {
      await expect
        .poll(async () => (await rig.gw.ctx.records.get(callId)).recordingPath, { timeout: 10_000 })
        .toBeTruthy();
      const file = (await rig.gw.ctx.records.get(callId)).recordingPath!;
      recording = decodeRecording(readFileSync(file)).map((s) => ({
        pt: s.payloadType,
        packets: s.packets,
        rms: Math.round(rms(s.samples)),
      }));
    }
    console.log(
      `[media e2e agent] ${JSON.stringify({
        agentStats,
        callerHeard: {
          seconds: +(all.length / 8000).toFixed(2),
          tailRms: Math.round(tailRms),
          tailHz: Math.round(tailHz),
        },
        recording,
      })}`,
    );
    expect(isSilent(tail)).toBe(false);
    expect(tailHz).toBeGreaterThan(800);
    expect(tailHz).toBeLessThan(1200);
    expect(recording.filter((r) => r.packets > 50 && r.rms > 100).length).toBe(2);
  }, 90_000);
});
