// Run sipp scenarios (always -i/-ci 127.0.0.1 and a unique -cp), as a promise of its exit.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.ts';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sipp');

export interface SippOptions {
  scenario: string; // file name in test/fixtures/sipp
  /** host:port to send to (UAC); omit for a UAS. */
  remote?: string;
  transport?: 'udp' | 'tcp';
  calls?: number;
  rate?: number;
  limit?: number;
  service?: string;
  port?: number;
  timeoutSec?: number;
  extra?: string[];
}

export interface SippRun {
  port: number;
  child: ChildProcess;
  done: Promise<{ code: number | null; out: string }>;
  stop(): void;
}

export async function startSipp(o: SippOptions): Promise<SippRun> {
  const port = o.port ?? (await freePort());
  const cp = await freePort();
  const args = [
    ...(o.remote ? [o.remote] : []),
    '-sf',
    path.join(FIXTURES, o.scenario),
    '-i',
    '127.0.0.1',
    '-p',
    String(port),
    '-ci',
    '127.0.0.1',
    '-cp',
    String(cp),
    '-t',
    o.transport === 'tcp' ? 't1' : 'u1',
    '-m',
    String(o.calls ?? 1),
    '-nostdin',
    '-timeout',
    `${o.timeoutSec ?? 20}s`,
    '-timeout_error',
    ...(o.rate ? ['-r', String(o.rate)] : []),
    ...(o.limit ? ['-l', String(o.limit)] : []),
    ...(o.service ? ['-s', o.service] : []),
    ...(o.extra ?? []),
  ];
  const child = spawn('sipp', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => {
    out = (out + d).slice(-20_000);
  });
  child.stderr?.on('data', (d) => {
    out = (out + d).slice(-20_000);
  });
  const done = new Promise<{ code: number | null; out: string }>((resolve) => {
    child.on('exit', (code) => resolve({ code, out }));
    child.on('error', (e) => resolve({ code: -1, out: String(e) }));
  });
  if (!o.remote && o.transport === 'tcp') await tcpReady(port);
  return {
    port,
    child,
    done,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** A UAS over TCP must be listening before anyone connects to it. */
async function tcpReady(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 30));
  }
}

export async function runSipp(o: SippOptions): Promise<{ code: number | null; out: string }> {
  const r = await startSipp(o);
  return r.done;
}
