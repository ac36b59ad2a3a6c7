// Bootstrap shared by `npm run up`, `npm test` and `npm run bench`.
// Plain Node (no dependencies): it runs before `npm install` has happened.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Debian packages the project uses, each with the binary that proves it is installed.
 * `need`: 'required' stops the run when missing; 'optional' prints the apt line and lets
 * the tests that need it skip with a reason.
 */
export const DEBIAN_PACKAGES = [
  { bin: 'redis-server', pkg: 'redis-server', need: 'required', why: 'call distributor, BullMQ' },
  { bin: 'sipp', pkg: 'sip-tester', need: 'optional', why: 'SIP conformance tests and benchmarks' },
  { bin: 'rtpengine', pkg: 'rtpengine-daemon', need: 'optional', why: 'media relay, prompts, recording' },
  { bin: 'chromium', pkg: 'chromium', need: 'optional', why: 'browser end-to-end tests' },
  { bin: 'baresip', pkg: 'baresip', need: 'optional', why: "citizen's phone in media tests" },
  { bin: 'espeak-ng', pkg: 'espeak-ng', need: 'optional', why: 'voice prompts' },
  { bin: 'sox', pkg: 'sox', need: 'optional', why: 'voice prompts' },
  { bin: 'ip', pkg: 'iproute2', need: 'optional', why: 'network namespaces for media tests' },
  {
    file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
    pkg: 'fonts-wqy-microhei',
    need: 'optional',
    why: 'Chinese glyphs in browser screenshots',
  },
];

const log = (...a) => console.error('[bootstrap]', ...a);

/** Is a package present: its binary on PATH, or (for data packages) its file on disk. */
function present(p) {
  return p.file ? existsSync(p.file) : have(p.bin);
}

export function have(bin) {
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}

export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Install npm packages when node_modules is missing or older than the lock file. */
export function ensureNpm() {
  const nm = path.join(ROOT, 'node_modules');
  const lock = path.join(ROOT, 'package-lock.json');
  const stamp = path.join(nm, '.package-lock.json');
  const fresh = existsSync(stamp) && existsSync(lock) && statSync(stamp).mtimeMs >= statSync(lock).mtimeMs;
  if (fresh) return;
  const args = existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  log(`npm ${args.join(' ')}`);
  execFileSync('npm', args, { cwd: ROOT, stdio: 'inherit' });
}

/** Install missing Debian packages through apt when root; otherwise print the exact apt line. */
export function ensureDebian(packages = DEBIAN_PACKAGES) {
  const missing = packages.filter((p) => !present(p));
  if (missing.length === 0) return;
  const line = `apt-get install -y ${missing.map((p) => p.pkg).join(' ')}`;
  if (isRoot() && have('apt-get')) {
    log(`installing Debian packages: ${missing.map((p) => p.pkg).join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const upd = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    if (upd.status !== 0) log('apt-get update failed; trying the install anyway');
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing.map((p) => p.pkg)], {
      stdio: 'inherit',
      env,
    });
  } else {
    log(`not root: install these yourself:\n  sudo ${line}`);
  }
  const still = packages.filter((p) => !present(p));
  for (const p of still) log(`missing ${p.bin ?? p.file} (${p.pkg}) — ${p.why}`);
  const fatal = still.filter((p) => p.need === 'required');
  if (fatal.length) throw new Error(`required packages missing: ${fatal.map((p) => p.pkg).join(' ')}`);
}

function ping(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    let buf = '';
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.on('error', () => done(false));
    s.on('connect', () => s.write('PING\r\n'));
    s.on('data', (d) => {
      buf += d.toString();
      if (buf.includes('\r\n')) done(buf.startsWith('+PONG'));
    });
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Make sure a Redis answers. Uses REDIS_URL, else 127.0.0.1:6379, else starts a private
 * redis-server (no persistence) on a free port. Returns { url, stop }.
 */
export async function ensureRedis() {
  const fromEnv = process.env.REDIS_URL;
  const url = new URL(fromEnv ?? 'redis://127.0.0.1:6379');
  if (await ping(url.hostname, Number(url.port || 6379))) {
    return { url: url.toString(), stop: async () => {}, started: false };
  }
  if (fromEnv) log(`REDIS_URL ${fromEnv} does not answer; starting a private Redis instead`);
  if (!have('redis-server')) throw new Error('no Redis reachable and redis-server is not installed');
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hotline-redis-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    if (await ping('127.0.0.1', port)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!(await ping('127.0.0.1', port))) throw new Error('private redis-server did not start');
  log(`started private Redis on 127.0.0.1:${port} (pid ${child.pid})`);
  return {
    url: `redis://127.0.0.1:${port}`,
    started: true,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Is a PostgreSQL reachable (for the second DB run)? Returns a URL or undefined. */
export async function findPostgres() {
  if (process.env.PG_TEST_URL) return process.env.PG_TEST_URL;
  const ok = await new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port: 5432 });
    s.setTimeout(500, () => {
      s.destroy();
      resolve(false);
    });
    s.on('error', () => resolve(false));
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
  });
  return ok ? 'postgres://postgres@127.0.0.1:5432/test' : undefined;
}

export function ensureDir(p) {
  mkdirSync(p, { recursive: true });
  return p;
}

/** Run a command, inherit stdio, resolve with its exit code. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
    child.on('exit', (code, sig) => resolve(code ?? (sig ? 1 : 0)));
  });
}
