// 纠错, policy pre-registration, oversight, import with progress, synonyms and the index snapshot —
// through the HTTP API with real PGlite and Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createWorkingCalendar } from '../../src/calendar/index.ts';
import { KbSearchService } from '../../src/kb/search-service.ts';
import { chinaDay, workingDaysBetween } from '../../src/kb/workflow/policy-registration.ts';
import { startTestApp, type TestApp, type TestSession } from '../support/app.ts';

describe('knowledge base corrections, registrations, import, synonyms', () => {
  let t: TestApp;
  let editor: TestSession;
  let yibao: TestSession;
  let renshe: TestSession;
  let agent: TestSession;
  let authority: TestSession;
  let articleId: string;

  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.login(['kb_editor']);
    yibao = await t.login(['unit_leader'], { orgUnitId: 'dept-yibao' });
    renshe = await t.login(['unit_staff'], { orgUnitId: 'dept-renshe' });
    agent = await t.login(['agent']);
    authority = await t.login(['authority'], { orgUnitId: 'authority' });
    const res = await yibao.inject({
      method: 'POST',
      url: '/api/kb/articles',
      payload: {
        kind: 'guide',
        content: {
          title: '门诊慢特病认定',
          summary: '',
          body: '认定需要诊断证明。',
          tags: [],
          counties: [],
          effectiveFrom: null,
          expiresAt: null,
        },
      },
    });
    articleId = res.json().id;
    await yibao.inject({
      method: 'POST',
      url: `/api/kb/articles/${articleId}/workflow`,
      payload: { action: 'submit' },
    });
    await editor.inject({
      method: 'POST',
      url: `/api/kb/articles/${articleId}/workflow`,
      payload: { action: 'approve' },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an agent reports an error; it reaches the owner unit with a deadline; overdue shows to the authority', async () => {
    const rep = await agent.inject({
      method: 'POST',
      url: `/api/kb/articles/${articleId}/corrections`,
      payload: { text: '诊断证明须为二级以上医院出具，条目未写明', ticketId: 'T-1' },
    });
    expect(rep.statusCode).toBe(201);
    const c = rep.json();
    expect(c).toMatchObject({
      status: 'open',
      ownerUnitId: 'dept-yibao',
      overdue: false,
      articleTitle: '门诊慢特病认定',
    });
    expect(Date.parse(c.dueAt)).toBeGreaterThan(Date.now() + 86_400_000);

    const mine = (await yibao.inject({ method: 'GET', url: '/api/kb/corrections?status=open' })).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const theirs = (await renshe.inject({ method: 'GET', url: '/api/kb/corrections' })).json();
    expect(theirs.items).toEqual([]);
    expect((await agent.inject({ method: 'GET', url: '/api/kb/corrections' })).statusCode).toBe(403);
    const wrongUnit = await renshe.inject({
      method: 'POST',
      url: `/api/kb/corrections/${c.id}/resolve`,
      payload: { outcome: 'fixed', reply: '已改' },
    });
    expect(wrongUnit.json().error.code).toBe('KB_NOT_ALLOWED');

    await t.app.db
      .updateTable('kb_correction')
      .set({ due_at: new Date(Date.now() - 60_000) })
      .where('id', '=', c.id)
      .execute();
    const board = (await authority.inject({ method: 'GET', url: '/api/kb/oversight' })).json();
    expect(board.units).toContainEqual(
      expect.objectContaining({ unitId: 'dept-yibao', overdueCorrections: 1 }),
    );
    expect((await agent.inject({ method: 'GET', url: '/api/kb/oversight' })).statusCode).toBe(403);

    const fixed = await yibao.inject({
      method: 'POST',
      url: `/api/kb/corrections/${c.id}/resolve`,
      payload: { outcome: 'fixed', reply: '已补充“二级以上医院”' },
    });
    expect(fixed.json()).toMatchObject({ status: 'fixed', overdue: true });
    const again = await yibao.inject({
      method: 'POST',
      url: `/api/kb/corrections/${c.id}/resolve`,
      payload: { outcome: 'rejected', reply: 'x' },
    });
    expect(again.json().error.code).toBe('KB_CORRECTION_CLOSED');
  });

  it('pre-registers a policy, flags a late one, reminds on the release day until both texts are linked', async () => {
    const today = chinaDay(Date.now());
    const far = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const r1 = await yibao.inject({
      method: 'POST',
      url: '/api/kb/policy-registrations',
      payload: { title: '2027年度医保缴费标准', releaseDate: far },
    });
    expect(r1.statusCode).toBe(201);
    expect(r1.json().leadWorkingDays).toBe(workingDaysBetween(createWorkingCalendar(), today, far));
    expect(r1.json().leadWorkingDays).toBeGreaterThanOrEqual(3);
    const late = await yibao.inject({
      method: 'POST',
      url: '/api/kb/policy-registrations',
      payload: { title: '临时调整通知', releaseDate: today },
    });
    expect(late.json()).toMatchObject({ timeliness: 'late', leadWorkingDays: 0, reminder: 'due_today' });
    const past = await yibao.inject({
      method: 'POST',
      url: '/api/kb/policy-registrations',
      payload: { title: '旧政策', releaseDate: '2020-01-01' },
    });
    expect(past.json().error.code).toBe('KB_RELEASE_DATE_PAST');

    const due = (
      await yibao.inject({ method: 'GET', url: '/api/kb/policy-registrations?reminder=due' })
    ).json();
    expect(due.items.map((r: { id: string }) => r.id)).toEqual([late.json().id]);
    const half = await yibao.inject({
      method: 'POST',
      url: `/api/kb/policy-registrations/${late.json().id}/link`,
      payload: { originalArticleId: articleId },
    });
    expect(half.json()).toMatchObject({ status: 'registered', reminder: 'due_today' });
    const full = await yibao.inject({
      method: 'POST',
      url: `/api/kb/policy-registrations/${late.json().id}/link`,
      payload: { interpretationArticleId: articleId },
    });
    expect(full.json()).toMatchObject({ status: 'fulfilled', reminder: 'none' });
    const board = (await authority.inject({ method: 'GET', url: '/api/kb/oversight' })).json();
    expect(board.units).toContainEqual(
      expect.objectContaining({ unitId: 'dept-yibao', lateRegistrations: 1 }),
    );
  });

  it('imports Markdown, Word HTML and CSV with progress; bad items are reported, good ones searchable', async () => {
    const csv = [
      '标题,类型,正文,标签,适用地区',
      ...Array.from({ length: 45 }, (_, i) => `康定停水通知${i},民生热点,城区停水第${i}号,停水,康定市`),
      ',民生热点,缺标题,,',
    ];
    const start = await editor.inject({
      method: 'POST',
      url: '/api/kb/imports',
      payload: {
        format: 'csv',
        publish: true,
        ownerUnitId: 'dept-zilaishui',
        files: [{ name: 'water.csv', text: csv.join('\n') }],
      },
    });
    expect(start.statusCode).toBe(202);
    const id = start.json().id;
    expect(start.json().total).toBe(46);
    let job = start.json();
    for (let i = 0; i < 200 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await editor.inject({ method: 'GET', url: `/api/kb/imports/${id}` })).json();
    }
    expect(job).toMatchObject({ status: 'done', total: 46, done: 46, failed: 1 });
    expect(job.errors[0].item).toBe('water.csv#47');
    await new Promise((r) => setTimeout(r, 200));
    const hits = (
      await agent.inject({ method: 'GET', url: `/api/kb/search?q=${encodeURIComponent('康定停水通知7')}` })
    ).json();
    expect(hits.total).toBeGreaterThan(0);

    const md = await editor.inject({
      method: 'POST',
      url: '/api/kb/imports',
      payload: {
        format: 'markdown',
        kind: 'faq',
        files: [
          { name: 'a.md', text: '# 居住证办理\n持身份证到派出所' },
          { name: 'b.md', text: '---\ncounties: 北京市\n---\n# 错误地区\n正文' },
        ],
      },
    });
    let j2 = md.json();
    for (let i = 0; i < 100 && j2.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      j2 = (await editor.inject({ method: 'GET', url: `/api/kb/imports/${j2.id}` })).json();
    }
    expect(j2).toMatchObject({
      status: 'done',
      done: 2,
      failed: 1,
      errors: [{ item: 'b.md', message: 'KB_UNKNOWN_COUNTY' }],
    });
    const draft = (
      await editor.inject({ method: 'GET', url: `/api/kb/articles/${j2.articleIds[0]}` })
    ).json();
    expect(draft).toMatchObject({ status: 'draft', kind: 'faq', content: { title: '居住证办理' } });

    expect((await agent.inject({ method: 'POST', url: '/api/kb/imports', payload: {} })).statusCode).toBe(
      403,
    );
    const empty = await editor.inject({
      method: 'POST',
      url: '/api/kb/imports',
      payload: { format: 'csv', files: [{ name: 'e.csv', text: '' }] },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({
      code: 'KB_IMPORT_INVALID',
      details: { errors: [{ item: 'e.csv' }] },
    });
  });

  it('synonyms are editable by editors and apply to the next search', async () => {
    expect(
      (await agent.inject({ method: 'GET', url: `/api/kb/search?q=${encodeURIComponent('慢病')}` })).json()
        .total,
    ).toBe(0);
    const groups = (await agent.inject({ method: 'GET', url: '/api/kb/synonyms' })).json().groups;
    expect(groups.length).toBeGreaterThan(5);
    expect(
      (await agent.inject({ method: 'PUT', url: '/api/kb/synonyms', payload: { groups } })).statusCode,
    ).toBe(403);
    const put = await editor.inject({
      method: 'PUT',
      url: '/api/kb/synonyms',
      payload: { groups: [...groups, ['慢病', '门诊慢特病']] },
    });
    expect(put.statusCode).toBe(200);
    const hits = (
      await agent.inject({ method: 'GET', url: `/api/kb/search?q=${encodeURIComponent('慢病')}` })
    ).json();
    expect(hits.hits[0].id).toBe(articleId);
  });

  it('a second server instance on the same database sees a publication at once (Redis change message)', async () => {
    const other = await buildApp(t.config, { db: t.tdb.db, redis: t.redis, realtime: false });
    try {
      const find = async (app: typeof other) =>
        (await app.inject({ method: 'GET', url: '/api/public/kb/search?q=jiebing' }))
          .json()
          .hits.map((h: { id: string }) => h.id);
      const res = await editor.inject({
        method: 'POST',
        url: '/api/kb/articles',
        payload: {
          kind: 'hot_topic',
          content: {
            title: '雪山路段结冰提示',
            summary: '',
            body: '折多山路段结冰。',
            tags: [],
            counties: [],
            effectiveFrom: null,
            expiresAt: null,
          },
        },
      });
      const id = res.json().id;
      await editor.inject({
        method: 'POST',
        url: `/api/kb/articles/${id}/workflow`,
        payload: { action: 'submit' },
      });
      await editor.inject({
        method: 'POST',
        url: `/api/kb/articles/${id}/workflow`,
        payload: { action: 'approve' },
      });
      expect(await find(t.app)).toContain(id);
      let seen: string[] = [];
      for (let i = 0; i < 50 && !seen.includes(id); i++) {
        await new Promise((r) => setTimeout(r, 100));
        seen = await find(other);
      }
      expect(seen).toContain(id);
    } finally {
      await other.close();
    }
  });

  it('a new server instance restores the index from the snapshot and applies later changes incrementally', async () => {
    const first = new KbSearchService(t.app.db);
    expect((await first.load()).from).toBe('rebuild');
    expect(await first.maybeSnapshot(Date.now(), { force: true })).toBe(true);
    await editor.inject({
      method: 'POST',
      url: `/api/kb/articles/${articleId}/workflow`,
      payload: { action: 'withdraw', comment: '合并到新条目' },
    });
    const second = new KbSearchService(t.app.db);
    const report = await second.load();
    expect(report.from).toBe('snapshot');
    expect(report.articles).toBe(first.index.size - 1);
    expect(second.index.has(articleId)).toBe(false);
    expect(second.index.search({ q: 'kdtstz' }).total).toBe(first.index.search({ q: 'kdtstz' }).total);
  });
});
