import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

// Auth is not database-specific: PGlite only (the DB-specific tests run on both targets).
describe('auth', () => {
  const target = { name: 'pglite' as const };
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(target, { loginMaxFailures: 3, loginRateMax: 30 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in with an httpOnly cookie, returns the profile, CSRF token and (agents) SIP credentials', async () => {
    const s = await t.login(['agent']);
    const setCookie = s.body as {
      user: { roles: string[]; permissions: string[]; csrfToken: string };
      sip?: { username: string };
    };
    expect(setCookie.user.roles).toEqual(['agent']);
    expect(setCookie.user.permissions).toContain('agent.use');
    expect(setCookie.sip?.username).toMatch(new RegExp(`^${s.userId}\\.\\d+$`));
    const me = await s.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe(s.username);
    const raw = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: s.username, password: s.password },
    });
    expect(raw.headers['set-cookie']).toMatch(/HttpOnly/i);
    expect(raw.headers['set-cookie']).toMatch(/SameSite=Lax/i);
  });

  it('non-agents get no SIP credentials and may not fetch them', async () => {
    const s = await t.login(['dispatcher']);
    expect((s.body as { sip?: unknown }).sip).toBeUndefined();
    const r = await s.inject({ method: 'GET', url: '/api/auth/sip-credentials' });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('FORBIDDEN');
  });

  it('rejects a wrong password with 401 and locks the account after repeated failures', async () => {
    const s = await t.login(['agent']);
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: s.username, password: 'wrong' },
      });
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('LOGIN_FAILED');
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: s.username, password: s.password },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('unknown users get the same 401 as wrong passwords', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody-here', password: 'x' },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('LOGIN_FAILED');
  });

  it('answers invalid login payloads with 400 and field-level messages in both languages', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '', extra: 1 },
    });
    expect(r.statusCode).toBe(400);
    const e = r.json().error;
    expect(e.code).toBe('VALIDATION_FAILED');
    const fields = e.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.username', 'body.password', 'body.extra']));
    expect(e.fields[0].messages['zh-CN']).toBeTruthy();
    expect(e.fields[0].messages.en).toBeTruthy();
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('BAD_REQUEST');
  });

  it('requires the CSRF token for cookie-authenticated writes', async () => {
    const s = await t.login(['agent']);
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_INVALID');
    const other = await t.login(['agent']);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': other.csrf },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await s.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(ok.statusCode).toBe(200);
    const after = await s.inject({ method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
  });

  it('changes the password: wrong current → 400, weak → 400, then old password fails', async () => {
    const s = await t.login(['unit_staff']);
    const wrongCur = await s.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'nope', newPassword: 'Abcdefgh12' },
    });
    expect(wrongCur.json().error.code).toBe('PASSWORD_WRONG');
    const weak = await s.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: s.password, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('PASSWORD_WEAK');
    const ok = await s.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: s.password, newPassword: 'NewPassw0rd-x' },
    });
    expect(ok.statusCode).toBe(200);
    const oldPw = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: s.username, password: s.password },
    });
    expect(oldPw.statusCode).toBe(401);
    const newPw = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: s.username, password: 'NewPassw0rd-x' },
    });
    expect(newPw.statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { username: `nobody${i}`, password: 'x' },
      });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
    expect(codes[30]).toBe(429);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.9.9.10',
      payload: { username: 'x', password: 'x' },
    });
    expect(other.statusCode).toBe(401);
  });

  it('unauthenticated requests to protected routes get 401, unknown routes 404', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/users' });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('UNAUTHENTICATED');
    const nf = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(nf.statusCode).toBe(404);
    expect(nf.json().error.code).toBe('ROUTE_NOT_FOUND');
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'hotline_sid=forged' },
    });
    expect(forged.statusCode).toBe(401);
  });
});
