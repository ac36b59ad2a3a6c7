// Users (admin), organisation tree, audit log search and append-only guarantees, on every DB target.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTIES } from '../../src/org/ganzi-org.ts';
import { startTestApp, type TestApp, type TestSession } from '../support/app.ts';
import { DB_TARGETS } from '../support/db.ts';

describe.each(DB_TARGETS)('users, org and audit on $name', (target) => {
  let t: TestApp;
  let admin: TestSession;
  let auditor: TestSession;
  beforeAll(async () => {
    t = await startTestApp(target);
    admin = await t.login(['admin']);
    auditor = await t.login(['auditor']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds the Ganzi org tree: center, authority, 18 counties each with a hotline office, departments', async () => {
    const r = await auditor.inject({ method: 'GET', url: '/api/org-units' });
    expect(r.statusCode).toBe(200);
    const units = r.json().items as { id: string; parentId: string | null; name: string; kind: string }[];
    expect(units.find((u) => u.id === 'center')?.name).toContain('12345热线中心');
    expect(units.find((u) => u.id === 'authority')?.name).toContain('热线主管单位');
    const counties = units.filter((u) => u.kind === 'county');
    expect(counties.map((c) => c.name).sort()).toEqual(COUNTIES.map(([, n]) => n).sort());
    expect(counties).toHaveLength(18);
    for (const c of counties)
      expect(units.some((u) => u.kind === 'county_office' && u.parentId === c.id)).toBe(true);
    const depts = units
      .filter((u) => u.kind === 'department')
      .map((u) => u.name)
      .join(' ');
    for (const d of [
      '住房和城乡建设',
      '人力资源和社会保障',
      '医疗保障',
      '市场监督',
      '生态环境',
      '交通运输',
      '文化广播电视和旅游',
      '供电',
      '自来水',
    ])
      expect(depts).toContain(d);
  });

  it('admin creates a user who can then sign in; duplicates, weak passwords, unknown units and bad payloads are rejected', async () => {
    const body = {
      username: 'kd.office1',
      displayName: '康定热线办',
      password: 'Kangding-2026',
      roles: ['county_office'],
      orgUnitId: 'county-kangding-office',
    };
    const r = await admin.inject({ method: 'POST', url: '/api/users', payload: body });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ username: 'kd.office1', roles: ['county_office'], disabled: false });
    expect(r.json()).not.toHaveProperty('passwordHash');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'kd.office1', password: 'Kangding-2026' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);

    expect((await admin.inject({ method: 'POST', url: '/api/users', payload: body })).json().error.code).toBe(
      'USERNAME_TAKEN',
    );
    const weak = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { ...body, username: 'xx2', password: 'aaaaaaaaaaaa' },
    });
    expect(weak.json().error.code).toBe('PASSWORD_WEAK');
    const unit = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { ...body, username: 'xx3', orgUnitId: 'nowhere' },
    });
    expect(unit.json().error.code).toBe('ORG_UNIT_UNKNOWN');
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { ...body, username: 'a b', roles: ['king'] },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.username']));
    expect(fields.some((f: string) => f.startsWith('body.roles'))).toBe(true);

    const forbidden = await (await t.login(['shift_lead'])).inject({
      method: 'POST',
      url: '/api/users',
      payload: { ...body, username: 'xx4' },
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('admin lists, updates, disables (revoking sessions) and unlocks users', async () => {
    const victim = await t.login(['agent']);
    const list = await admin.inject({ method: 'GET', url: '/api/users?role=agent' });
    expect(list.json().items.some((u: { id: string }) => u.id === victim.userId)).toBe(true);
    const upd = await admin.inject({
      method: 'PATCH',
      url: `/api/users/${victim.userId}`,
      payload: { roles: ['agent', 'kb_editor'] },
    });
    expect(upd.json().roles).toEqual(['agent', 'kb_editor']);
    expect((await victim.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const dis = await admin.inject({
      method: 'PATCH',
      url: `/api/users/${victim.userId}`,
      payload: { disabled: true },
    });
    expect(dis.json().disabled).toBe(true);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: victim.username, password: victim.password },
    });
    expect(login.json().error.code).toBe('ACCOUNT_DISABLED');
    expect(
      (await admin.inject({ method: 'PATCH', url: '/api/users/not-a-uuid', payload: { disabled: true } }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await admin.inject({
          method: 'PATCH',
          url: '/api/users/00000000-0000-4000-8000-000000000000',
          payload: { disabled: true },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await admin.inject({ method: 'PATCH', url: `/api/users/${victim.userId}`, payload: {} })).statusCode,
    ).toBe(400);
  });

  it('writes are audited with actor, IP and request id; auditors search; nothing can change the log', async () => {
    const r = await admin.inject({
      method: 'POST',
      url: '/api/users',
      headers: { 'x-request-id': 'req-audit-1' },
      payload: {
        username: 'audited.user',
        displayName: '审计',
        password: 'Audited-2026',
        roles: ['unit_staff'],
        orgUnitId: 'dept-zhujian',
      },
    });
    expect(r.statusCode).toBe(201);
    expect(r.headers['x-request-id']).toBe('req-audit-1');
    const found = await auditor.inject({
      method: 'GET',
      url: '/api/audit?objectType=user&action=POST%20%2Fapi%2Fusers&limit=5',
    });
    expect(found.statusCode).toBe(200);
    const entry = found.json().items.find((e: { requestId: string }) => e.requestId === 'req-audit-1');
    expect(entry).toMatchObject({
      actorId: admin.userId,
      actorUsername: admin.username,
      objectType: 'user',
      ip: '127.0.0.1',
      detail: { status: 201 },
    });

    const failed = await auditor.inject({ method: 'GET', url: '/api/audit?action=auth.login_failed' });
    expect(Array.isArray(failed.json().items)).toBe(true);
    expect((await auditor.inject({ method: 'GET', url: '/api/audit?limit=0' })).statusCode).toBe(400);
    expect((await auditor.inject({ method: 'GET', url: '/api/audit?from=yesterday' })).statusCode).toBe(400);
    expect((await (await t.login(['agent'])).inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(
      403,
    );

    // No route can change it, and the database refuses too.
    const routes = t.app.routeCatalog.filter((x) => x.url.startsWith('/api/audit'));
    expect(routes.every((x) => x.method === 'GET' || x.method === 'HEAD')).toBe(true);
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.app.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(t.app.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.app.db)).rejects.toThrow(/append-only/);
  });
});
