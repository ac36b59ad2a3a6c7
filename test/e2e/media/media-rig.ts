// The shared set-up of the real-media scenarios (run inside a private network namespace by
// run-in-netns.sh, where only lo exists): the gateway rig (sipd + gateway + rtpengine + Redis), the
// minimal sip.js agent page (browser/agent.js, bundled with Vite) served on loopback, one Debian
// Chromium whose fake microphone plays a 1 kHz tone, agent pages logged in to the distributor, and
// baresip citizens with a 440 Hz microphone. stop() ends every process it started, by PID.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import type { GatewayConfigInput } from '../../../telephony/src/config.ts';
import { agentPassword } from '../../../telephony/src/gateway/domain/agent-credentials.ts';
import { freeTcpPort, freeUdpPort } from '../../../telephony/test/gateway/helpers/ports.ts';
import { type Rig, startRig } from '../../../telephony/test/gateway/helpers/rig.ts';
import { CHROMIUM, chromiumArgs } from '../chromium.ts';
import { type Baresip, startBaresip } from './baresip.ts';
import { wavSamples } from './wav.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The test tones: who is heard can be told by frequency. */
export const TONES = { caller: 440, agentA: 1000, agentB: 1500, line119: 2000 } as const;

export interface Stats {
  inboundPackets: number;
  outboundPackets: number;
  inboundLevel: number;
  inboundEnergy: number;
}

export interface AgentPage {
  id: string;
  page: Page;
  state(label?: 'in' | 'out'): Promise<string>;
  stats(label?: 'in' | 'out'): Promise<Stats>;
  offers(): Promise<Array<{ headers: Record<string, string>; state: string }>>;
  call(target: string, headers?: string[]): Promise<{ status: number; callId: string }>;
  /** Run one of the page's functions (transfer, leave, mix, hangup, setAnswer, dtmf). */
  run(fn: 'transfer' | 'leave' | 'mix' | 'hangup' | 'setAnswer' | 'dtmf', ...args: unknown[]): Promise<void>;
}

export interface SippLine {
  out(): string;
  done: Promise<{ code: number | null; out: string }>;
  stop(): void;
}

export interface MediaRig {
  rig: Rig;
  dir: string;
  /** An agent page registered with the gateway and logged in to the distributor. */
  agent(
    id: string,
    o?: { toneHz?: number; answer?: 'auto' | 'ignore' | 'reject'; ready?: boolean; offerTimeoutMs?: number },
  ): Promise<AgentPage>;
  /** A baresip citizen (440 Hz microphone, auto-answer). */
  phone(number: string, o?: { port?: number; lifeSec?: number }): Promise<Baresip>;
  /**
   * sipp standing in for an emergency line on 127.0.0.1:`port`: answers, sends `hz` as PCMU RTP,
   * follows one re-INVITE, waits for BYE. `done` resolves when it exits.
   */
  line(port: number, hz: number): Promise<SippLine>;
  /** A tone WAV (16-bit PCM) in the rig's directory. */
  tone(name: string, hz: number, seconds: number, rate?: number, encoding?: string): string;
  stop(): Promise<void>;
}

/** The agent page: browser/agent.js bundled once per content (cached in the temp dir). */
async function agentBundle(): Promise<string> {
  const src = path.join(here, 'browser/agent.js');
  const hash = createHash('sha1').update(readFileSync(src)).digest('hex').slice(0, 12);
  const cached = path.join(os.tmpdir(), `hotline-media-agent-${hash}.js`);
  if (existsSync(cached)) return readFileSync(cached, 'utf8');
  const out = await build({
    logLevel: 'silent',
    configFile: false,
    root: here,
    build: { write: false, minify: false, lib: { entry: src, formats: ['iife'], name: 'mediaAgentBundle' } },
  });
  const code = (Array.isArray(out) ? out[0]! : (out as { output: { code: string }[] })).output[0]!.code;
  writeFileSync(`${cached}.tmp`, code);
  execFileSync('mv', [`${cached}.tmp`, cached]);
  return code;
}

function makeTone(file: string, hz: number, seconds: number, rate: number, encoding: string): string {
  const args = [
    '-n',
    '-r',
    String(rate),
    '-c',
    '1',
    ...(encoding === 'u-law' ? ['-e', 'u-law'] : ['-b', '16', '-e', encoding]),
  ];
  execFileSync('sox', [...args, file, 'synth', String(seconds), 'sine', String(hz), 'vol', '0.4']);
  return file;
}

/** Debian Chromium with the test-rig.md flags; the fake microphone plays `micWav`. */
async function launchChromium(dir: string, micWav: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(path.join(dir, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs({ media: true, extra: [`--use-file-for-fake-audio-capture=${micWav}`] }),
  });
}

export async function startMediaRig(
  o: { gateway?: Partial<GatewayConfigInput>; browser?: boolean } = {},
): Promise<MediaRig> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'media-e2e-'));
  const tone: MediaRig['tone'] = (name, hz, seconds, rate = 8000, encoding = 'signed-integer') =>
    makeTone(path.join(dir, `${name}.wav`), hz, seconds, rate, encoding);
  const phones: Baresip[] = [];
  const lines: SippLine[] = [];
  let http: Server | undefined;
  let browser: BrowserContext | undefined;
  let rig: Rig | undefined;
  const stop = async () => {
    for (const p of phones) await p.stop();
    for (const l of lines) l.stop();
    await browser?.close().catch(() => undefined);
    await new Promise((r) => (http ? http.close(r) : r(undefined)));
    await rig?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    rig = await startRig({ acd: { wrapUpSec: 0, offerTimeoutSec: 15, sweepIntervalMs: 100 }, ...o.gateway });
    let url = '';
    if (o.browser !== false) {
      const html = `<!doctype html><meta charset="utf-8"><title>media agent</title><script>${await agentBundle()}</script>`;
      http = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
      await new Promise<void>((r) => http!.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(http.address() as { port: number }).port}/`;
      browser = await launchChromium(dir, tone('agent-mic', TONES.agentA, 120, 48000));
    }
    const theRig = rig;
    return {
      rig,
      dir,
      tone,
      stop,
      async agent(id, a = {}) {
        if (!browser) throw new Error('this media rig has no browser');
        const page = await browser.newPage();
        await page.goto(url);
        const username = `${id}.${Math.floor(Date.now() / 1000) + 3600}`;
        await page.evaluate(
          (x) =>
            (globalThis as never as { mediaAgent: { start(x: object): Promise<void> } }).mediaAgent.start(x),
          {
            server: `ws://127.0.0.1:${theRig.sip.ws}`,
            username,
            password: agentPassword(theRig.secret, username),
            answer: a.answer ?? 'auto',
            ...(a.toneHz ? { toneHz: a.toneHz } : {}),
          },
        );
        await theRig.acd.agentLogin(id, {
          name: id,
          skills: {},
          ...(a.offerTimeoutMs ? { offerTimeoutMs: a.offerTimeoutMs } : {}),
        });
        if (a.ready !== false) await theRig.acd.setReady(id);
        const call = <T>(fn: string, ...args: unknown[]) =>
          page.evaluate(
            ([f, xs]) =>
              (globalThis as never as { mediaAgent: Record<string, (...a: unknown[]) => unknown> })
                .mediaAgent[f as string]!(...(xs as unknown[])),
            [fn, args] as const,
          ) as Promise<T>;
        return {
          id,
          page,
          state: (label = 'in') => call<string>('state', label),
          stats: (label = 'in') => call<Stats>('stats', label),
          offers: () => call('offers'),
          call: (target, headers = []) => call('call', target, headers),
          run: (fn, ...args) => call<void>(fn, ...args),
        };
      },
      async line(port, hz) {
        const wav = tone(`line-${hz}`, hz, 120, 8000, 'u-law');
        const scenario = path.join(dir, `line-${port}.xml`);
        writeFileSync(
          scenario,
          readFileSync(path.join(here, 'fixtures/line-119-tone.xml'), 'utf8').replaceAll('TONE_WAV', wav),
        );
        const args = ['-sf', scenario, '-i', '127.0.0.1', '-mi', '127.0.0.1', '-p', String(port)];
        args.push('-mp', String(await freeUdpPort()), '-ci', '127.0.0.1', '-cp', String(await freeTcpPort()));
        args.push('-m', '1', '-nostdin', '-timeout', '120s', '-timeout_error');
        const child = spawn('sipp', args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        const collect = (d: Buffer) => {
          out = (out + d.toString()).slice(-20_000);
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        const line: SippLine = {
          out: () => out,
          done: new Promise((r) => child.once('exit', (code) => r({ code, out }))),
          stop: () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          },
        };
        lines.push(line);
        return line;
      },
      async phone(number, p = {}) {
        const phone = await startBaresip({
          dir: path.join(dir, `phone-${number}-${phones.length}`),
          caller: number,
          sourceWav: existsSync(path.join(dir, 'caller.wav'))
            ? path.join(dir, 'caller.wav')
            : tone('caller', TONES.caller, 120),
          lifeSec: p.lifeSec ?? 120,
          ...(p.port ? { port: p.port } : {}),
        });
        phones.push(phone);
        return phone;
      },
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** What a phone heard (its first recording), after it quit. */
export function heard(phone: Baresip): Int16Array {
  const files = phone.heardFiles();
  if (files.length === 0) throw new Error(`baresip recorded nothing\n${phone.out()}`);
  return wavSamples(files[0]!);
}

/** The distributor's events (Redis stream) about one call, oldest first, as plain objects. */
export async function acdEvents(rig: Rig, callId: string): Promise<Array<Record<string, string>>> {
  const entries = await rig.redis.xrange(`${rig.prefix}acd:events`, '-', '+');
  return entries
    .map(([, f]) => Object.fromEntries(f.flatMap((v, i) => (i % 2 ? [] : [[v, f[i + 1]!]]))))
    .filter((e) => e.callId === callId);
}
