// Production serving: the server (buildApp) serves the console build at `/`, while the API keeps its
// permissions and JSON 404s. Builds console/dist (gitignored) with the production mode first.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_DIST } from '../../../server/src/system/console-static.ts';
import { startTestApp, type TestApp } from '../../../server/test/support/app.ts';
import { buildProduction } from './console-rig.ts';

describe('the server serves the built console', () => {
  let t: TestApp;
  beforeAll(async () => {
    await buildProduction(CONSOLE_DIST);
    t = await startTestApp();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('GET / is the console, its assets load, the API keeps its permissions and JSON 404s', async () => {
    const index = await t.app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.body).toMatch(/<script type="module"[^>]+src="\/assets\/index-[^"]+\.js"/);
    const js = readdirSync(path.join(CONSOLE_DIST, 'assets')).find((f) => f.endsWith('.js'));
    const asset = await t.app.inject({ method: 'GET', url: `/assets/${js}` });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(401);
    const missing = await t.app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('ROUTE_NOT_FOUND');
    const noFile = await t.app.inject({ method: 'GET', url: '/assets/no-such-file.js' });
    expect(noFile.statusCode).toBe(404);
  });
});
