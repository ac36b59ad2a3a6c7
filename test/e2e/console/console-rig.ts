// The console under test: the production build served by Vite's preview server, which proxies
// /api and /socket.io to a real server app (real Redis, PGlite) listening on a free loopback port.
// Chromium is Debian's, driven by playwright-core (test-rig.md flags).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { startTestApp, type TestApp } from '../../../server/test/support/app.ts';
import { CHROMIUM, chromiumArgs } from '../chromium.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CONSOLE_ROOT = path.resolve(here, '../../../console');
export const ARTIFACTS = path.join(here, 'artifacts');

export interface ConsoleRig {
  server: TestApp;
  serverUrl: string;
  consoleUrl: string;
  close(): Promise<void>;
}

export async function startConsoleRig(
  serverOverrides: Parameters<typeof startTestApp>[1] = {},
): Promise<ConsoleRig> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'console-dist-'));
  await buildProduction(outDir);
  const server = await startTestApp({ name: 'pglite' }, serverOverrides);
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const addr = server.app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('server has no port');
  const serverUrl = `http://127.0.0.1:${addr.port}`;
  let pv: PreviewServer | null = null;
  try {
    pv = await preview({
      root: CONSOLE_ROOT,
      logLevel: 'silent',
      build: { outDir },
      preview: {
        host: '127.0.0.1',
        port: 0,
        strictPort: false,
        proxy: { '/api': serverUrl, '/socket.io': { target: serverUrl, ws: true } },
      },
    });
  } catch (e) {
    await server.close();
    throw e;
  }
  const pa = pv.httpServer.address();
  if (!pa || typeof pa === 'string') throw new Error('preview has no port');
  const consoleUrl = `http://127.0.0.1:${pa.port}`;
  return {
    server,
    serverUrl,
    consoleUrl,
    async close() {
      await pv?.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** vitest sets NODE_ENV=test, which would give React's development build: build as production. */
export async function buildProduction(outDir: string): Promise<void> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: CONSOLE_ROOT,
      mode: 'production',
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = before;
  }
}

export async function launchBrowser(
  extraArgs: string[] = [],
): Promise<{ ctx: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'console-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    args: chromiumArgs({ media: true, extra: extraArgs }),
  });
  return {
    ctx,
    async close() {
      await ctx.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
