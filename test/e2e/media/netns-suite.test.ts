// The real-media scenarios (*.netns.ts beside this file) need a private network namespace: Chromium's
// WebRTC must see nothing but lo. This ordinary test (collected by the `test` project, so `npm test`
// runs it) starts run-in-netns.sh, which runs them with vitest inside `unshare` (network + PID
// namespaces, private Redis), streams their output here, and then reports each scenario file as one
// test: it passes only if every test of that file passed inside (not skipped, not failed), and fails
// with the inner error messages otherwise. The inner run is bounded (6 minutes); if it overruns, the
// unshare process is killed by its PID and the kernel ends everything in its PID namespace.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_MEDIA_TOOLS, canUseNetns, missingTools } from './tools.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const SCENARIO_FILES = readdirSync(here)
  .filter((f) => f.endsWith('.netns.ts'))
  .sort();
const BUDGET_SEC = 360;

interface JsonAssertion {
  title: string;
  fullName: string;
  status: string;
  failureMessages: string[] | null;
}
interface JsonFile {
  name: string;
  message: string;
  assertionResults: JsonAssertion[];
}
interface Inner {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  seconds: number;
  output: string;
  files: JsonFile[];
}

const whyNot = !canUseNetns()
  ? 'needs root for unshare -n (network namespace)'
  : missingTools(ALL_MEDIA_TOOLS).length
    ? `needs ${missingTools(ALL_MEDIA_TOOLS).join(', ')} (not installed)`
    : undefined;

function runInner(dir: string): Promise<Inner> {
  const report = path.join(dir, 'report.json');
  // the inner vitest must not think it is a worker of this one
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')),
  );
  Object.assign(env, { NO_COLOR: '1', FORCE_COLOR: '0', HOTLINE_NETNS_TIMEOUT: String(BUDGET_SEC) });
  const started = Date.now();
  const child = spawn(
    'sh',
    [
      path.join(here, 'run-in-netns.sh'),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const stream = (d: Buffer) => {
    const text = d.toString();
    output = (output + text).slice(-200_000);
    process.stdout.write(text.replace(/^(?=.)/gm, '[netns] '));
  };
  child.stdout.on('data', stream);
  child.stderr.on('data', stream);
  let timedOut = false;
  // the script bounds vitest with `timeout`; this is the last resort (the child is unshare, by PID)
  const timer = setTimeout(
    () => {
      timedOut = true;
      child.kill('SIGKILL');
    },
    (BUDGET_SEC + 40) * 1000,
  );
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const files = existsSync(report)
        ? (JSON.parse(readFileSync(report, 'utf8')) as { testResults: JsonFile[] }).testResults
        : [];
      resolve({ code, signal, timedOut, seconds: (Date.now() - started) / 1000, output, files });
    });
  });
}

const lastLines = (s: string, n = 40) => s.split('\n').slice(-n).join('\n');

describe('real-media scenarios inside a private network namespace (unshare -n)', () => {
  let inner: Inner | undefined;
  let dir = '';

  beforeAll(
    async () => {
      if (whyNot) {
        console.warn(`[media e2e] skipped: ${whyNot}`);
        return;
      }
      dir = mkdtempSync(path.join(os.tmpdir(), 'media-netns-'));
      inner = await runInner(dir);
      console.log(
        `[media e2e] inner run: exit ${inner.code ?? inner.signal}, ${inner.seconds.toFixed(1)} s, ${inner.files.length} files`,
      );
    },
    (BUDGET_SEC + 60) * 1000,
  );

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the inner run ended by itself within its time bound and succeeded', (ctx) => {
    if (whyNot) ctx.skip(whyNot);
    const r = inner!;
    expect(r.timedOut, 'killed after the time bound').toBe(false);
    expect(r.code, `inner run exit ${r.code ?? r.signal}\n${lastLines(r.output)}`).toBe(0);
  });

  for (const file of SCENARIO_FILES) {
    it(`${file} passes inside the namespace`, (ctx) => {
      if (whyNot) ctx.skip(whyNot);
      const r = inner!;
      const f = r.files.find((x) => path.basename(x.name) === file);
      if (!f) {
        throw new Error(
          `no result for ${file} (inner exit ${r.code ?? r.signal}${r.timedOut ? ', timed out' : ''}):\n${lastLines(r.output)}`,
        );
      }
      const problems = [
        ...(f.message ? [f.message] : []),
        ...f.assertionResults
          .filter((a) => a.status !== 'passed')
          .map((a) => `${a.fullName}: ${a.status}\n${(a.failureMessages ?? []).join('\n')}`),
      ];
      if (problems.length) throw new Error(`${file} inside the namespace:\n${problems.join('\n\n')}`);
      expect(f.assertionResults.length).toBeGreaterThan(0);
    });
  }
});
