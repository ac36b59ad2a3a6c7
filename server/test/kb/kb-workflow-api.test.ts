// Knowledge-base workflow and permissions through the HTTP API (inject), real PGlite and Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestSession } from '../support/app.ts';

const content = (title: string, body: string, extra: Record<string, unknown> = {}) => ({
  title,
  summary: '',
  body,
  tags: [],
  counties: [],
  effectiveFrom: null,
  expiresAt: null,
  ...extra,
});

describe('knowledge base workflow API', () => {
  let t: TestApp;
  let editor: TestSession;
  let yibao: TestSession;
  let renshe: TestSession;
  let agent: TestSession;
  let authority: TestSession;

  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.login(['kb_editor']);
    yibao = await t.login(['unit_staff'], { orgUnitId: 'dept-yibao' });
    renshe = await t.login(['unit_staff'], { orgUnitId: 'dept-renshe' });
    agent = await t.login(['agent']);
    authority = await t.login(['authority'], { orgUnitId: 'authority' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = async (s: TestSession, payload: Record<string, unknown>) => {
    const res = await s.inject({ method: 'POST', url: '/api/kb/articles', payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; status: string; actions: string[]; version: number };
  };
  const step = (s: TestSession, id: string, action: string, comment?: string) =>
    s.inject({
      method: 'POST',
      url: `/api/kb/articles/${id}/workflow`,
      payload: { action, ...(comment ? { comment } : {}) },
    });
  const search = async (s: TestSession, q: string) =>
    (await s.inject({ method: 'GET', url: `/api/kb/search?q=${encodeURIComponent(q)}` })).json() as {
      hits: Array<{ id: string; title: string }>;
    };

  it('draft → center review → published; then searchable by agents (pinyin initials) and the public', async () => {
    const a = await create(yibao, {
      kind: 'guide',
      content: content('城乡居民医保报销指南', '住院费用出院时直接结算，零星报销到医保窗口办理。', {
        guide: {
          materials: ['社保卡'],
          steps: ['提交'],
          fees: '不收费',
          timeLimit: '20个工作日',
          place: '医保窗口',
          phone: '12345',
        },
        counties: ['康定市'],
      }),
    });
    expect(a.status).toBe('draft');
    expect(a.actions).toContain('submit');
    expect((await search(agent, 'ybbx')).hits.map((h) => h.id)).not.toContain(a.id);

    const early = await step(yibao, a.id, 'approve');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('KB_ILLEGAL_TRANSITION');
    expect((await step(yibao, a.id, 'submit')).json().status).toBe('in_review');
    const selfApprove = await step(yibao, a.id, 'approve');
    expect(selfApprove.statusCode).toBe(403);
    expect(selfApprove.json().error.code).toBe('KB_NOT_ALLOWED');
    const approved = await step(editor, a.id, 'approve');
    expect(approved.json()).toMatchObject({ status: 'published', publishedVersion: 1 });

    const found = (
      await agent.inject({
        method: 'GET',
        url: '/api/kb/search?q=ybbx&callerCounty=%E5%BA%B7%E5%AE%9A%E5%B8%82',
      })
    ).json();
    expect(found.hits[0].id).toBe(a.id);
    const [s0, e0] = found.hits[0].titleHighlights[0];
    expect(found.hits[0].title.slice(s0, e0)).toBe('医保报销');
    expect(found.understood[0]).toMatchObject({ text: 'ybbx', source: 'initials', terms: ['医保报销'] });
    const pub = await t.app.inject({ method: 'GET', url: '/api/public/kb/search?q=yibaobaoxiao' });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().hits[0].id).toBe(a.id);
    const page = await t.app.inject({ method: 'GET', url: `/api/public/kb/articles/${a.id}` });
    expect(page.json().content.guide.fees).toBe('不收费');
    expect(page.json().content.counties).toEqual(['513301']);

    const log = (await agent.inject({ method: 'GET', url: `/api/kb/articles/${a.id}/events` })).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['submit', 'approve']);
  });

  it('a second unit reviews when named; rejecting needs a comment', async () => {
    const a = await create(yibao, {
      kind: 'interpretation',
      reviewUnitId: 'dept-renshe',
      content: content('医保与养老保险衔接政策解读', '城乡居民参加养老保险和医疗保险的衔接办法。'),
    });
    await step(yibao, a.id, 'submit');
    expect((await step(editor, a.id, 'approve')).json().status).toBe('unit_review');
    expect((await step(yibao, a.id, 'unit_approve')).statusCode).toBe(403);
    const noReason = await step(renshe, a.id, 'reject');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('KB_COMMENT_REQUIRED');
    expect((await step(renshe, a.id, 'reject', '缴费年限表述不准确')).json().status).toBe('draft');
    await step(yibao, a.id, 'submit');
    await step(editor, a.id, 'approve');
    expect((await step(renshe, a.id, 'unit_approve')).json().status).toBe('published');
  });

  it('scheduled publication happens when its time comes', async () => {
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const a = await create(editor, {
      kind: 'hot_topic',
      ownerUnitId: 'dept-gongdian',
      publishAt: later,
      content: content('泸定县计划停电通知', '线路检修计划停电。'),
    });
    await step(editor, a.id, 'submit');
    expect((await step(editor, a.id, 'approve')).json().status).toBe('scheduled');
    expect((await search(agent, '计划停电')).hits.map((h) => h.id)).not.toContain(a.id);
    await t.app.db
      .updateTable('kb_article')
      .set({ publish_at: new Date(Date.now() - 1000) })
      .where('id', '=', a.id)
      .execute();
    const run = await editor.inject({ method: 'POST', url: '/api/kb/schedule/run', payload: {} });
    expect(run.json().published).toBeGreaterThanOrEqual(1);
    expect((await search(agent, '计划停电')).hits.map((h) => h.id)).toContain(a.id);
  });

  it('revising keeps the published version live until the new one is approved; diff is readable', async () => {
    const a = await create(yibao, {
      kind: 'faq',
      content: content('异地就医备案问答', '通过国家医保服务平台备案。'),
    });
    await step(yibao, a.id, 'submit');
    await step(editor, a.id, 'approve');
    const locked = await yibao.inject({
      method: 'PUT',
      url: `/api/kb/articles/${a.id}`,
      payload: { content: content('异地就医备案问答', '改') },
    });
    expect(locked.statusCode).toBe(409);
    expect((await step(yibao, a.id, 'revise')).json().status).toBe('draft');
    const put = await yibao.inject({
      method: 'PUT',
      url: `/api/kb/articles/${a.id}`,
      payload: {
        content: content('异地就医备案问答', '通过四川医保公共服务平台备案。'),
        note: '平台名称更新',
      },
    });
    expect(put.json()).toMatchObject({ version: 2, publishedVersion: 1, status: 'draft' });
    expect((await search(agent, '国家医保服务平台')).hits.map((h) => h.id)).toContain(a.id);
    const agentView = (await agent.inject({ method: 'GET', url: `/api/kb/articles/${a.id}` })).json();
    expect(agentView.content.body).toBe('通过国家医保服务平台备案。');
    const agentVersions = (
      await agent.inject({ method: 'GET', url: `/api/kb/articles/${a.id}/versions` })
    ).json();
    expect(agentVersions.items.map((v: { version: number }) => v.version)).toEqual([1]);
    const agentDiff = await agent.inject({ method: 'GET', url: `/api/kb/articles/${a.id}/diff?from=1&to=2` });
    expect(agentDiff.json().error.code).toBe('KB_VERSION_NOT_FOUND');

    const diff = (
      await editor.inject({ method: 'GET', url: `/api/kb/articles/${a.id}/diff?from=1&to=2` })
    ).json();
    const body = diff.fields.find((f: { field: string }) => f.field === 'body');
    expect(body.label).toBe('正文');
    expect(
      body.parts
        .filter((p: { op: string }) => p.op === 'removed')
        .map((p: { text: string }) => p.text)
        .join(''),
    ).toBe('国家');
    expect(
      body.parts
        .filter((p: { op: string }) => p.op === 'added')
        .map((p: { text: string }) => p.text)
        .join(''),
    ).toBe('四川公共');

    await step(yibao, a.id, 'submit');
    await step(editor, a.id, 'approve');
    expect((await search(agent, '四川医保公共服务平台')).hits[0]?.id).toBe(a.id);
  });

  it('withdrawing removes an article from search and the public page', async () => {
    const a = await create(editor, {
      kind: 'regulation',
      public: true,
      content: content('草原防火期规定', '禁止野外用火。'),
    });
    await step(editor, a.id, 'submit');
    await step(editor, a.id, 'approve');
    expect((await search(agent, '草原防火')).hits.map((h) => h.id)).toContain(a.id);
    expect((await step(authority, a.id, 'withdraw')).statusCode).toBe(400);
    expect((await step(authority, a.id, 'withdraw', '政策已废止')).json().status).toBe('withdrawn');
    expect((await search(agent, '草原防火')).hits.map((h) => h.id)).not.toContain(a.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/kb/articles/${a.id}` })).statusCode).toBe(
      404,
    );
  });

  it('internal articles stay off the public page; drafts stay hidden from agents', async () => {
    const a = await create(editor, {
      kind: 'faq',
      public: false,
      content: content('内部话术口径', '坐席内部使用。'),
    });
    expect((await agent.inject({ method: 'GET', url: `/api/kb/articles/${a.id}` })).statusCode).toBe(404);
    await step(editor, a.id, 'submit');
    await step(editor, a.id, 'approve');
    expect((await search(agent, '内部话术')).hits.map((h) => h.id)).toContain(a.id);
    const pub = await t.app.inject({
      method: 'GET',
      url: `/api/public/kb/search?q=${encodeURIComponent('内部话术')}`,
    });
    expect(pub.json().hits).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/kb/articles/${a.id}` })).statusCode).toBe(
      404,
    );
  });

  it('rejects bad input with typed errors and keeps working', async () => {
    const bad = await yibao.inject({
      method: 'POST',
      url: '/api/kb/articles',
      payload: { kind: 'novel', content: {} },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const county = await yibao.inject({
      method: 'POST',
      url: '/api/kb/articles',
      payload: { kind: 'faq', content: content('标题', '正文', { counties: ['成都市'] }) },
    });
    expect(county.json().error.code).toBe('KB_UNKNOWN_COUNTY');
    const otherUnit = await yibao.inject({
      method: 'POST',
      url: '/api/kb/articles',
      payload: { kind: 'faq', ownerUnitId: 'dept-renshe', content: content('标题', '正文') },
    });
    expect(otherUnit.json().error.code).toBe('KB_NOT_ALLOWED');
    const missing = await step(editor, '00000000-0000-4000-8000-000000000000', 'submit');
    expect(missing.json().error.code).toBe('KB_ARTICLE_NOT_FOUND');
    expect((await agent.inject({ method: 'POST', url: '/api/kb/articles', payload: {} })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/kb/search?q=x' })).statusCode).toBe(401);
    expect((await search(agent, '医保')).hits.length).toBeGreaterThan(0);
  });
});
