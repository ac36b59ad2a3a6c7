// Helpers for scripts/services/*.mjs: start a child process, wait for a port, stop by PID.
import { spawn } from 'node:child_process';
import net from 'node:net';

export function startProcess(name, cmd, args, { env, cwd, log } = {}) {
  const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, sig) => log?.(`${name} exited (${code ?? sig})`));
  return {
    child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await new Promise((r) => child.once('exit', r));
      clearTimeout(t);
    },
  };
}

/** Wait until host:port accepts TCP; fail at once when `child` (optional) has already exited. */
export async function waitForTcp(host, port, timeoutMs = 30_000, child = undefined) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(
        `process exited (${child.exitCode ?? child.signalCode}) before listening on ${host}:${port}`,
      );
    }
    const ok = await new Promise((resolve) => {
      const s = net.connect({ host, port });
      s.on('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listening on ${host}:${port} after ${timeoutMs} ms`);
}
