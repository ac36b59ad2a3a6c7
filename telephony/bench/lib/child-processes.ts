// Bench helpers: run sipd (its CLI) and the simulated agents as child processes, so the process
// under test holds only the gateway. Every child is stopped by its PID.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = ['--import', 'tsx'];

export interface SipdChild {
  ports: { udp: number; ws: number; app: number };
  stop(): Promise<void>;
}

function stopChild(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    const t = setTimeout(() => c.kill('SIGKILL'), 5000);
    c.once('exit', () => {
      clearTimeout(t);
      res();
    });
    c.kill('SIGTERM');
  });
}

/** `src/sipd/cli.ts` on free ports (bound to 127.0.0.1), configured through its environment. */
export async function startSipdChild(secret: string): Promise<SipdChild> {
  const c = spawn(process.execPath, [...tsx, path.join(here, '../../src/sipd/cli.ts')], {
    env: {
      PATH: process.env.PATH,
      SIPD_HOST: '127.0.0.1',
      SIPD_UDP_PORT: '0',
      SIPD_TCP_PORT: '0',
      SIPD_WS_PORT: '0',
      SIPD_APP_PORT: '0',
      SIPD_SECRET: secret,
      SIPD_RATE_LIMIT_PER_SECOND: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((res, rej) => {
    const rl = createInterface({ input: c.stdout! });
    rl.once('line', res);
    c.once('exit', (code) => rej(new Error(`sipd child exited (${code}) before listening`)));
  });
  const p = JSON.parse(line) as { udp: number; ws: number; app: number };
  c.stdout?.resume();
  return { ports: { udp: p.udp, ws: p.ws, app: p.app }, stop: () => stopChild(c) };
}

export interface AgentsChild {
  agentIds: string[];
  /** Called with (X-Hotline-Call-Id, Date.now() at the agent) for every INVITE an agent receives. */
  onInvite: (id: string, at: number) => void;
  stop(): Promise<void>;
}

function forkAgents(server: string, secret: string, count: number, idPrefix: string, sink: AgentsChild) {
  const c = fork(path.join(here, 'gateway-agents.ts'), [server, secret, String(count), idPrefix], {
    execArgv: tsx,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = new Promise<string[]>((res, rej) => {
    c.on('message', (m: { t: string; id?: string; at?: number; agentIds?: string[] }) => {
      if (m.t === 'invite') sink.onInvite(m.id!, m.at!);
      else if (m.t === 'ready') res(m.agentIds!);
    });
    c.once('exit', (code) => rej(new Error(`agents child exited (${code}) before ready`)));
  });
  const stop = async () => {
    if (c.connected) c.send({ t: 'stop' });
    await stopChild(c);
  };
  return { ready, stop };
}

/** `bench/lib/gateway-agents.ts`: `count` registered auto-answering sip.js agents spread over `procs` children. */
export async function startAgentsChild(
  server: string,
  secret: string,
  count: number,
  procs = 1,
): Promise<AgentsChild> {
  const kids: Array<ReturnType<typeof forkAgents>> = [];
  const child: AgentsChild = {
    agentIds: [],
    onInvite: () => {},
    stop: async () => {
      await Promise.all(kids.map((k) => k.stop()));
    },
  };
  const per = Math.ceil(count / procs);
  for (let p = 0; p < procs && p * per < count; p++) {
    kids.push(forkAgents(server, secret, Math.min(per, count - p * per), `b${p}x`, child));
  }
  try {
    for (const k of kids) child.agentIds.push(...(await k.ready));
  } catch (e) {
    await child.stop();
    throw e;
  }
  return child;
}
