// Benchmark: sipp UAC → sipd → drachtio-srf app answering 200 OK (caller hangs up after 1 s).
// The call rate rises stepwise until failures exceed 0.1% (a call fails when its 200 OK takes over
// 2 s); the same steps run sipp UAC → sipp UAS directly as the baseline. The clean figure is the
// rate sipp really achieved at the highest clean step. Prints one JSON document. Bounded: ≤ ~5 min.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Srf from 'drachtio-srf';

const here = path.dirname(fileURLToPath(import.meta.url));
const SCENARIO = path.resolve(here, '../test/fixtures/sipp/bench_uac.xml');
const CLI = path.resolve(here, '../src/sipd/cli.ts');
const STEPS = [50, 100, 200, 300, 400, 500, 650, 800, 1000, 1250, 1500];
const SECONDS_PER_STEP = 4;
const MAX_FAILURE_RATIO = 0.001;
const SDP =
  'v=0\r\no=app 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 6200 RTP/AVP 0\r\n';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

function run(cmd: string, args: string[], cwd: string): Promise<number | null> {
  return new Promise((resolve) => {
    const c = spawn(cmd, args, { cwd, stdio: 'ignore' });
    c.on('exit', (code) => resolve(code));
  });
}

interface Step {
  /** requested calls/s */
  rate: number;
  /** calls/s sipp really achieved (200 OKs over their time span) */
  achieved: number;
  calls: number;
  ok: number;
  failed: number;
  p50: number;
  p99: number;
  /** sipd's own CPU per call (user+system), a figure that does not depend on machine load */
  sipdCpuMsPerCall: number | null;
}

/** CPU time (ms) a process has used so far, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, 100 ticks/s
  } catch {
    return undefined;
  }
}

let sipdPid: number | undefined;

async function step(target: number, rate: number): Promise<Step> {
  const cpu0 = cpuMs(sipdPid);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sipd-bench-'));
  const calls = rate * SECONDS_PER_STEP;
  const args = [
    `127.0.0.1:${target}`,
    ...['-sf', SCENARIO, '-s', 'bench', '-i', '127.0.0.1', '-p', String(await freePort())],
    ...['-ci', '127.0.0.1', '-cp', String(await freePort()), '-t', 'u1', '-nostdin'],
    ...['-m', String(calls), '-r', String(rate), '-l', String(rate * 4)],
    ...['-trace_stat', '-stf', 'stat.csv', '-fd', '1', '-trace_rtt', '-rtt_freq', '1'],
    ...['-timeout', `${SECONDS_PER_STEP + 20}s`, '-max_socket', '2000'],
  ];
  await run('sipp', args, dir);
  const stat = readFileSync(path.join(dir, 'stat.csv'), 'utf8').trim().split('\n');
  const head = (stat[0] ?? '').split(';');
  const last = (stat.at(-1) ?? '').split(';');
  const col = (name: string) => Number(last[head.indexOf(name)] ?? 0);
  const rttFile = readdirSync(dir).find((f) => f.endsWith('_rtt.csv'));
  // rows: Date_ms (since sipp start, when the 200 arrived); response_time_ms; rtd_no
  const rows = rttFile
    ? readFileSync(path.join(dir, rttFile), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(';').map(Number))
        .filter((r) => Number.isFinite(r[0]) && Number.isFinite(r[1]))
    : [];
  const rtts = rows.map((r) => r[1] as number).sort((a, b) => a - b);
  const at = rows.map((r) => r[0] as number);
  const spanSec = at.length > 1 ? (Math.max(...at) - Math.min(...at)) / 1000 : 0;
  const achieved = spanSec > 0 ? Math.round((at.length - 1) / spanSec) : 0;
  rmSync(dir, { recursive: true, force: true });
  const pct = (p: number) =>
    rtts[Math.min(rtts.length - 1, Math.floor((rtts.length * p) / 100))] ?? Number.NaN;
  const ok = col('SuccessfulCall(C)');
  const cpu1 = cpuMs(sipdPid);
  const sipdCpuMsPerCall =
    cpu0 !== undefined && cpu1 !== undefined ? Math.round(((cpu1 - cpu0) / calls) * 100) / 100 : null;
  return { rate, achieved, calls, ok, failed: calls - ok, p50: pct(50), p99: pct(99), sipdCpuMsPerCall };
}

async function ramp(target: number, label: string): Promise<{ best: Step | undefined; steps: Step[] }> {
  const steps: Step[] = [];
  let best: Step | undefined;
  for (const rate of STEPS) {
    const s = await step(target, rate);
    steps.push(s);
    console.error(
      `[bench sipd] ${label} ${rate} cps (achieved ${s.achieved}): ${s.ok}/${s.calls} ok, p50 ${s.p50} ms, p99 ${s.p99} ms`,
    );
    if (s.failed / s.calls > MAX_FAILURE_RATIO) break;
    if (!best || s.achieved > best.achieved) best = s;
  }
  return { best, steps };
}

async function startSipd(secret: string): Promise<{ child: ChildProcess; udp: number; app: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI], {
    env: {
      ...process.env,
      SIPD_SECRET: secret,
      SIPD_UDP_PORT: '0',
      SIPD_TCP_PORT: '0',
      SIPD_WS_PORT: '0',
      SIPD_APP_PORT: '0',
      // one source address sends everything here; measure the server, not the limiter
      SIPD_RATE_LIMIT_PER_SECOND: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (d) => resolve(String(d)));
    child.once('exit', (c) => reject(new Error(`sipd exited ${c}`)));
  });
  const info = JSON.parse(line) as { udp: number; app: number };
  return { child, udp: info.udp, app: info.app };
}

const secret = randomBytes(12).toString('hex');
const sipd = await startSipd(secret);
sipdPid = sipd.child.pid;
const srf = new Srf();
srf.invite((req, res) => {
  srf.createUAS(req, res, { localSdp: SDP }).catch(() => {});
});
await new Promise<void>((resolve, reject) => {
  srf.on('connect', (err: Error | undefined) => (err ? reject(err) : resolve()));
  srf.connect({ host: '127.0.0.1', port: sipd.app, secret });
});
await new Promise((r) => setTimeout(r, 200));

let uas: ChildProcess | undefined;
try {
  const viaSipd = await ramp(sipd.udp, 'sipd');
  const uasPort = await freePort();
  uas = spawn(
    'sipp',
    [
      '-sn',
      'uas',
      '-i',
      '127.0.0.1',
      '-p',
      String(uasPort),
      '-ci',
      '127.0.0.1',
      '-cp',
      String(await freePort()),
      '-nostdin',
    ],
    { stdio: 'ignore' },
  );
  await new Promise((r) => setTimeout(r, 300));
  sipdPid = undefined; // the baseline does not go through sipd
  const direct = await ramp(uasPort, 'direct');
  console.log(
    JSON.stringify(
      {
        benchmark: 'sipd',
        scenario: 'sipp UAC (UDP) → sipd → drachtio-srf createUAS 200 OK, caller BYE after 1 s',
        stepSeconds: SECONDS_PER_STEP,
        maxFailureRatio: MAX_FAILURE_RATIO,
        sipd: {
          cleanCallsPerSecond: viaSipd.best?.achieved ?? 0,
          requestedCallsPerSecond: viaSipd.best?.rate ?? 0,
          sipdCpuMsPerCall: viaSipd.best?.sipdCpuMsPerCall ?? null,
          p50InviteTo200Ms: viaSipd.best?.p50 ?? null,
          p99InviteTo200Ms: viaSipd.best?.p99 ?? null,
          /** true: even the top step was clean, so the figure is a lower bound */
          topStepClean: viaSipd.steps.at(-1)?.rate === STEPS.at(-1) && viaSipd.steps.at(-1)?.failed === 0,
          steps: viaSipd.steps,
        },
        baseline: {
          what: 'sipp UAC → sipp UAS (built-in uas) directly, same steps',
          cleanCallsPerSecond: direct.best?.achieved ?? 0,
          requestedCallsPerSecond: direct.best?.rate ?? 0,
          p50InviteTo200Ms: direct.best?.p50 ?? null,
          p99InviteTo200Ms: direct.best?.p99 ?? null,
          topStepClean: direct.steps.at(-1)?.rate === STEPS.at(-1) && direct.steps.at(-1)?.failed === 0,
          steps: direct.steps,
        },
        ratio: (viaSipd.best?.achieved ?? 0) / (direct.best?.achieved || 1),
        target: { cleanCallsPerSecond: 200, met: (viaSipd.best?.achieved ?? 0) >= 200 },
      },
      null,
      2,
    ),
  );
} finally {
  uas?.kill('SIGKILL');
  srf.disconnect();
  sipd.child.kill('SIGTERM');
}
