// sipp as a citizen's phone or as an emergency line (scenarios in ../fixtures), always bound to
// 127.0.0.1 with a unique control port; resolves with the exit code and output.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeTcpPort, freeUdpPort } from './ports.ts';

export const haveSipp = spawnSync('sh', ['-c', 'command -v sipp']).status === 0;
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

export interface SippRun {
  port: number;
  child: ChildProcess;
  done: Promise<{ code: number | null; out: string }>;
  stop(): void;
}

export async function sipp(o: {
  scenario: string;
  remote?: string;
  calls?: number;
  rate?: number;
  ratePeriodMs?: number;
  limit?: number;
  durationMs?: number;
  caller?: string;
  timeoutSec?: number;
  extra?: string[];
  /** Source address (any 127.x.y.z works on loopback). */
  localIp?: string;
}): Promise<SippRun> {
  const port = await freeUdpPort();
  const cp = await freeTcpPort();
  const mp = await freeUdpPort();
  const args = [
    ...(o.remote ? [o.remote] : []),
    '-sf',
    path.join(FIXTURES, o.scenario),
    '-i',
    o.localIp ?? '127.0.0.1',
    '-mi',
    o.localIp ?? '127.0.0.1',
    '-p',
    String(port),
    '-mp',
    String(mp),
    '-ci',
    '127.0.0.1',
    '-cp',
    String(cp),
    '-m',
    String(o.calls ?? 1),
    '-key',
    'caller',
    o.caller ?? '13800000001',
    '-d',
    String(o.durationMs ?? 1000),
    '-nostdin',
    '-timeout',
    `${o.timeoutSec ?? 30}s`,
    '-timeout_error',
    ...(o.rate ? ['-r', String(o.rate)] : []),
    ...(o.ratePeriodMs ? ['-rp', String(o.ratePeriodMs)] : []),
    ...(o.limit ? ['-l', String(o.limit)] : []),
    ...(o.extra ?? []),
  ];
  const child = spawn('sipp', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d.toString();
    if (out.length > 100_000) out = out.slice(-50_000);
  });
  child.stderr?.on('data', (d) => {
    out += d.toString();
  });
  const done = new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, out })),
  );
  return {
    port,
    child,
    done,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
