// A private userspace rtpengine per test file (config from shared/notes/test-rig.md): its own ng
// port, a random media port range and a temp recording dir. Stopped by PID.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMediaEngine } from '../../../src/gateway/media/rtpengine.ts';
import { freeUdpPort } from './ports.ts';

export const haveRtpengine = spawnSync('sh', ['-c', 'command -v rtpengine']).status === 0;

export interface Rtpengine {
  ngPort: number;
  dir: string;
  recordingDir: string;
  /** Where this rtpengine sends detected RFC 2833 digits (dtmf-log-dest): the gateway listens there. */
  dtmfPort: number;
  child: ChildProcess;
  log: () => string;
  stop(): Promise<void>;
  /** Kill it, keeping its config (fault tests); restart() brings it back. */
  crash(): Promise<void>;
  /** Start it again on the same ports (fault tests). */
  restart(): Promise<void>;
}

async function waitReady(port: number): Promise<void> {
  const engine = createMediaEngine({ host: '127.0.0.1', port, timeoutMs: 200 });
  try {
    for (let i = 0; i < 20; i++) {
      try {
        await engine.send({ command: 'ping', 'call-id': '' });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error('rtpengine did not answer ping');
  } finally {
    engine.close();
  }
}

/** `ports`: size of the media port range (100 for tests; the gateway bench needs thousands);
 * `logLevel`: rtpengine's log level (6 for tests; the bench lowers it so logging is not measured). */
export async function startRtpengine(
  host = '127.0.0.1',
  opts: { ports?: number; logLevel?: number } = {},
): Promise<Rtpengine> {
  const ports = opts.ports ?? 100;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-rtpengine-'));
  const recordingDir = path.join(dir, 'rec');
  const ngPort = await freeUdpPort();
  const dtmfPort = await freeUdpPort();
  const base = 30000 + Math.floor(Math.random() * Math.floor((30000 - ports) / 100)) * 100;
  const conf = path.join(dir, 'rtpengine.conf');
  writeFileSync(
    conf,
    [
      '[rtpengine]',
      'table = -1',
      `interface = ${host}`,
      `listen-ng = ${host}:${ngPort}`,
      `port-min = ${base}`,
      `port-max = ${base + ports - 1}`,
      `recording-dir = ${recordingDir}`,
      'recording-method = pcap',
      'delete-delay = 0',
      `dtmf-log-dest = ${host}:${dtmfPort}`,
      `log-level = ${opts.logLevel ?? 6}`,
      '',
    ].join('\n'),
  );
  let out = '';
  const h: Rtpengine = {
    ngPort,
    dir,
    recordingDir,
    dtmfPort,
    child: undefined as unknown as ChildProcess,
    log: () => out,
    stop: () => kill(),
    crash: () => kill(),
    async restart() {
      await kill();
      // a freshly stopped rtpengine sometimes refuses to start at once (exit 255): retry briefly
      for (let i = 0; ; i++) {
        await new Promise((r) => setTimeout(r, 300));
        launch();
        try {
          await waitReady(ngPort);
          return;
        } catch (e) {
          await kill();
          if (i >= 4) throw e;
        }
      }
    },
  };
  async function kill() {
    const c = h.child;
    if (c.exitCode !== null || c.signalCode !== null) return;
    c.kill('SIGTERM');
    const t = setTimeout(() => c.kill('SIGKILL'), 3000);
    await new Promise((r) => c.once('exit', r));
    clearTimeout(t);
  }
  const launch = () => {
    h.child = spawn('rtpengine', [`--config-file=${conf}`, '--foreground', '--log-stderr'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    h.child.stderr?.on('data', (d) => {
      out += d.toString();
      if (out.length > 200_000) out = out.slice(-100_000);
    });
  };
  launch();
  await waitReady(ngPort);
  h.stop = async () => {
    await kill();
    rmSync(dir, { recursive: true, force: true });
  };
  return h;
}
