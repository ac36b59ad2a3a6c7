// Walks EVERY registered route × EVERY role: a route must declare a permission, a role the policy
// denies gets 403, a role it allows never gets 401/403 (whatever the payload does after that).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../../src/auth/policy.ts';
import { ROLES, type Role } from '../../src/auth/roles.ts';
import { startTestApp, type TestApp, type TestSession } from '../support/app.ts';

describe('role × route matrix', () => {
  let t: TestApp;
  const sessions = new Map<Role, TestSession>();
  beforeAll(async () => {
    t = await startTestApp();
    for (const r of ROLES) sessions.set(r, await t.login([r]));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every route declares a permission', () => {
    const missing = t.app.routeCatalog
      .filter((r) => r.permission === undefined)
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    expect(t.app.routeCatalog.length).toBeGreaterThan(5);
  });

  it('each role is allowed exactly what the policy says on every route', async () => {
    const failures: string[] = [];
    const routes = t.app.routeCatalog.filter((r) => r.method !== 'HEAD' && r.permission !== 'public');
    for (const route of routes) {
      // Logout destroys the session the rest of the walk needs: check it with throw-away sessions.
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000').replace('*', 'x');
      for (const role of ROLES) {
        const s = route.url === '/api/auth/logout' ? await t.login([role]) : sessions.get(role)!;
        const res = await s.inject({
          method: route.method,
          url,
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        const allowed = can([role], route.permission!);
        const denied = res.statusCode === 401 || res.statusCode === 403;
        if (allowed === denied)
          failures.push(
            `${role} ${route.method} ${route.url}: ${res.statusCode} (policy: ${allowed ? 'allow' : 'deny'})`,
          );
        if (res.statusCode >= 500)
          failures.push(`${role} ${route.method} ${route.url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('garbage input on any route is a 4xx with the error body, never a 5xx', async () => {
    const failures: string[] = [];
    const admin = sessions.get('admin')!;
    for (const route of t.app.routeCatalog.filter(
      (r) => r.method !== 'HEAD' && r.url !== '/api/auth/logout',
    )) {
      const role = ROLES.find((r) => can([r], route.permission!)) ?? 'admin';
      const s = route.permission === 'public' ? admin : sessions.get(role)!;
      const url = `${route.url.replace(/:(\w+)/g, '%E2%98%83').replace('*', 'x')}?limit=-5&from=nope&x[y]=1`;
      const garbage: { payload?: string; headers: Record<string, string> }[] =
        route.method === 'GET'
          ? [{ headers: {} }]
          : [
              { payload: '{"broken": ', headers: { 'content-type': 'application/json' } },
              { payload: '[1,2,3]', headers: { 'content-type': 'application/json' } },
              {
                payload: '{"username": 5, "password": [], "state": {}, "reason": null}',
                headers: { 'content-type': 'application/json' },
              },
            ];
      for (const g of garbage) {
        const res = await s.inject({
          method: route.method,
          url,
          headers: g.headers,
          ...(g.payload ? { payload: g.payload } : {}),
        });
        if (res.statusCode >= 500)
          failures.push(`${route.method} ${route.url}: ${res.statusCode} ${res.body.slice(0, 160)}`);
        else if (res.statusCode >= 400 && !res.json().error?.code)
          failures.push(`${route.method} ${route.url}: ${res.statusCode} without error body`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('the auditor (social supervision panel) is read-only: no write route beyond its own session', () => {
    const writes = t.app.routeCatalog.filter(
      (r) =>
        !['GET', 'HEAD'].includes(r.method) && r.permission !== 'public' && r.permission !== 'authenticated',
    );
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((r) => can(['auditor'], r.permission!)).map((r) => `${r.method} ${r.url}`)).toEqual(
      [],
    );
  });

  it('anonymous requests get 401 on every non-public route', async () => {
    const failures: string[] = [];
    for (const route of t.app.routeCatalog.filter((r) => r.method !== 'HEAD' && r.permission !== 'public')) {
      const url = route.url.replace(/:(\w+)/g, 'x').replace('*', 'x');
      const res = await t.app.inject({ method: route.method as 'GET', url });
      if (res.statusCode !== 401) failures.push(`${route.method} ${route.url}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});
