// Benchmark: sipp inbound calls (no media) → sipd → gateway (rtpengine anchoring, greeting of 20 ms,
// distributor) → 200 sip.js agents in Node (auto-answer, no WebRTC). sipd (its CLI) and the agents
// run in child processes (bench/lib/child-processes.ts), so this process holds only the gateway, as in
// production. Steps up the call rate until a
// call is lost (sipp failure or a call never offered); reports the highest clean rate and p50/p99
// of "INVITE at the gateway → INVITE at the agent". Baseline in the same run: the same sipp load
// through sipd to a bare drachtio-srf app that rings a registered agent straight away (SIP only).
// Everything runs on this machine; bounded (≈2–3 min).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createAcd } from '@hotline/queue';
import Srf from 'drachtio-srf';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { startGateway } from '../src/gateway/app/gateway.ts';
import { generatePrompts, PROMPT_SOX_FORMAT } from '../src/gateway/prompts/generate-prompts.ts';
import { startRtpengine } from '../test/gateway/helpers/rtpengine.ts';
import { sipp } from '../test/gateway/helpers/sipp.ts';
import { startAgentsChild, startSipdChild } from './lib/child-processes.ts';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 200);
const STEPS = (process.env.BENCH_STEPS ?? '20,50,100,150,200').split(',').map(Number);
const AGENT_PROCS = 2;
/** One unreported step at this rate before the measured steps (both for the gateway and the baseline). */
const WARMUP_RATE = 10;
const SECONDS = 4;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const pct = (xs: number[], p: number) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};

interface StepResult {
  rate: number;
  calls: number;
  sippExit: number | null;
  offered: number;
  p50: number | null;
  p99: number | null;
}

async function runStep(
  target: string,
  rate: number,
  seen: Map<string, number>,
  arrive: () => Map<string, number>,
) {
  seen.clear();
  const calls = rate * SECONDS;
  const r = await sipp({
    scenario: 'caller.xml',
    remote: target,
    calls,
    rate,
    limit: AGENTS,
    durationMs: 300,
    timeoutSec: SECONDS + 30,
    extra: ['-max_socket', '2000'],
  });
  const done = await r.done;
  await new Promise((res) => setTimeout(res, 500));
  const arrivals = arrive();
  const lat: number[] = [];
  for (const [id, t] of seen) {
    const a = arrivals.get(id);
    if (a !== undefined) lat.push(t - a);
  }
  return {
    rate,
    calls,
    sippExit: done.code,
    offered: seen.size,
    p50: pct(lat, 50),
    p99: pct(lat, 99),
  } satisfies StepResult;
}

async function main() {
  const prefix = `bench:gw:${randomBytes(4).toString('hex')}:`;
  const secret = randomBytes(16).toString('hex');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-'));
  execFileSync('sox', [
    '-n',
    ...PROMPT_SOX_FORMAT,
    path.join(dir, 'greeting.wav'),
    'synth',
    '0.02',
    'sine',
    '600',
  ]);
  await generatePrompts(dir);
  const sipd = await startSipdChild(secret);
  const rtp = await startRtpengine('127.0.0.1', { ports: 4000, logLevel: 3 });
  const redis = new Redis(REDIS_URL);
  const acd = createAcd({ redis, prefix: `${prefix}acd`, config: { wrapUpSec: 0 } });
  const gw = await startGateway(
    {
      instanceId: 'bench',
      redisUrl: REDIS_URL,
      redisPrefix: prefix,
      acdPrefix: `${prefix}acd`,
      rtpengine: { host: '127.0.0.1', port: rtp.ngPort, timeoutMs: 2000 },
      dtmfListen: { host: '127.0.0.1', port: rtp.dtmfPort },
      languageMenu: false,
      trunkAllow: ['127.0.0.1'],
      credentialSecret: secret,
      nonceSecret: `${secret}-n`,
      promptsDir: dir,
      rtpengineRecordingDir: rtp.recordingDir,
      recordingsDir: path.join(dir, 'rec'),
      announceEverySec: 0,
      agentPingMs: 60_000,
      acd: { wrapUpSec: 0 },
    },
    { host: '127.0.0.1', port: sipd.ports.app, secret },
    { logger: pino({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' }, pino.destination(2)) },
  );
  const seen = new Map<string, number>();
  let sink = seen;
  const agents = await startAgentsChild(`ws://127.0.0.1:${sipd.ports.ws}`, secret, AGENTS, AGENT_PROCS);
  agents.onInvite = (id, at) => sink.set(id, at);
  for (const agentId of agents.agentIds) {
    await acd.agentLogin(agentId, { name: agentId, skills: {} });
    await acd.setReady(agentId);
  }
  const arrivals = new Map<string, number>();
  const origInvite = gw.ctx.records.update.bind(gw.ctx.records);
  gw.ctx.records.update = async (id, f) => {
    if (f.arrivedAt !== undefined) arrivals.set(id, Number(f.arrivedAt));
    return origInvite(id, f);
  };
  // where the time goes: rtpengine ng round trips per command (measured around the gateway's adapter)
  const ngMs = new Map<string, number[]>();
  const origSend = gw.ctx.media.send.bind(gw.ctx.media);
  gw.ctx.media.send = async (cmd) => {
    const t0 = performance.now();
    try {
      return await origSend(cmd);
    } finally {
      const xs = ngMs.get(cmd.command) ?? [];
      xs.push(performance.now() - t0);
      ngMs.set(cmd.command, xs);
    }
  };
  // the gateway's event-loop delay over the steps (this process holds only the gateway)
  const eld = monitorEventLoopDelay({ resolution: 5 });
  eld.enable();
  const target = `127.0.0.1:${sipd.ports.udp}`;
  const steps: StepResult[] = [];
  // warm-up (not reported): first calls pay for JIT, Lua script loading and rtpengine's first plays
  const warmup = await runStep(target, WARMUP_RATE, seen, () => arrivals);
  for (const rate of STEPS) {
    const s = await runStep(target, rate, seen, () => arrivals);
    steps.push(s);
    if (s.sippExit !== 0 || s.offered < s.calls) break;
  }
  const contacts: string[] = [];
  for (const agentId of agents.agentIds) {
    const r = await gw.ctx.regs.lookup(agentId);
    if (r) contacts.push(r.contact);
  }
  eld.disable();
  await gw.stop();

  // Baseline: the same load through sipd to a bare srf app that rings one registered agent at once.
  const baseSeen = new Map<string, number>();
  const baseArr = new Map<string, number>();
  const srf = new Srf();
  await new Promise<void>((res) => {
    srf.on('connect', () => res());
    srf.connect({ host: '127.0.0.1', port: sipd.ports.app, secret });
  });
  let rr = 0;
  srf.invite(async (req, res) => {
    const id = randomBytes(6).toString('hex');
    baseArr.set(id, Date.now());
    try {
      const uac = await srf.createUAC(contacts[rr++ % contacts.length]!, {
        localSdp: req.body,
        headers: { 'X-Hotline-Call-Id': id },
      });
      const uas = await srf.createUAS(req, res, {
        localSdp: (uac as unknown as { remote: { sdp: string } }).remote.sdp,
      });
      uas.on('destroy', () => (uac as unknown as { destroy(): void }).destroy());
    } catch {
      res.send(503);
    }
  });
  sink = baseSeen;
  const baseSteps: StepResult[] = [];
  const baseWarmup = await runStep(target, WARMUP_RATE, baseSeen, () => baseArr);
  for (const rate of STEPS) {
    const s = await runStep(target, rate, baseSeen, () => baseArr);
    baseSteps.push(s);
    if (s.sippExit !== 0 || s.offered < s.calls) break;
  }
  srf.disconnect();
  await agents.stop();
  await rtp.stop();
  await sipd.stop();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
  rmSync(dir, { recursive: true, force: true });
  const clean = (xs: StepResult[]) =>
    xs.filter((s) => s.sippExit === 0 && s.offered >= s.calls).at(-1) ?? null;
  console.log(
    JSON.stringify(
      {
        bench: 'telephony gateway: INVITE at gateway → INVITE at agent',
        agents: AGENTS,
        secondsPerStep: SECONDS,
        warmup: { gateway: warmup, baseline: baseWarmup },
        gateway: { highestCleanCallsPerSec: clean(steps)?.rate ?? 0, atThatRate: clean(steps), steps },
        baselineSipdBareApp: {
          highestCleanCallsPerSec: clean(baseSteps)?.rate ?? 0,
          atThatRate: clean(baseSteps),
          steps: baseSteps,
        },
        targets: { callsPerSec: 100, p99Ms: 50 },
        gatewayEventLoopDelayMs: {
          p50: Math.round(eld.percentile(50) / 1e5) / 10,
          p99: Math.round(eld.percentile(99) / 1e5) / 10,
          max: Math.round(eld.max / 1e5) / 10,
        },
        gatewayRtpengineRoundTripsMs: Object.fromEntries(
          [...ngMs].map(([c, xs]) => [c, { n: xs.length, p50: pct(xs, 50), p99: pct(xs, 99) }]),
        ),
      },
      null,
      2,
    ),
  );
  process.exit(0);
}

await main();
