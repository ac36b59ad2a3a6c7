// /healthz, /metrics, /docs (OpenAPI from the route schemas), request ids, error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

describe('system routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('healthz checks Redis and the database', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok', redis: 'ok', db: 'ok' });
  });

  it('metrics are Prometheus text including the HTTP histogram', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const r = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/plain/);
    expect(r.body).toMatch(/http_request_duration_seconds_bucket\{.*route="\/healthz"/);
    expect(r.body).toContain('process_cpu_user_seconds_total');
    // the history writer's set-aside events, read from the table at scrape time
    expect(r.body).toMatch(/^hotline_history_dead_letters 0$/m);
    await t.app.db
      .insertInto('history_dead_letter')
      .values({ stream_id: '1-1', event: '{"id":"1-1"}', error: 'test', attempts: 5 })
      .execute();
    const again = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(again.body).toMatch(/^hotline_history_dead_letters 1$/m);
    // an administrator sees them (without the event body) and can replay them; a shift lead cannot
    const admin = await t.login(['admin']);
    const list = await admin.inject({ method: 'GET', url: '/api/system/history-dead-letters' });
    expect(list.json().items).toMatchObject([{ streamId: '1-1', error: 'test', attempts: 5, callId: null }]);
    expect(list.body).not.toContain('"event"');
    const replay = await admin.inject({ method: 'POST', url: '/api/system/history-dead-letters/replay' });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ replayed: 0, stillFailing: [{ streamId: '1-1' }] });
    const lead = await t.login(['shift_lead']);
    expect((await lead.inject({ method: 'GET', url: '/api/system/history-dead-letters' })).statusCode).toBe(
      403,
    );
    await t.app.db.deleteFrom('history_dead_letter').execute();
  });

  it('serves the OpenAPI document with every API route and the UI', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths);
    for (const p of [
      '/api/auth/login',
      '/api/users',
      '/api/audit',
      '/api/calls',
      '/api/wallboard',
      '/healthz',
    ])
      expect(paths).toContain(p);
    expect(doc.json().paths['/api/auth/login'].post.requestBody).toBeTruthy();
    const ui = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
  });

  it('every API route documents a JSON response schema; routes with input document it', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>>;
    };
    const missing: string[] = [];
    for (const r of t.app.routeCatalog.filter((x) => x.url.startsWith('/api/') && x.method !== 'HEAD')) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[r.method.toLowerCase()];
      const ok = Object.entries(op?.responses ?? {}).some(
        ([code, resp]) => code.startsWith('2') && resp.content,
      );
      if (!ok) missing.push(`${r.method} ${r.url}`);
    }
    expect(missing).toEqual([]);
  });

  it('answers with the localised error body and echoes a request id', async () => {
    const zh = await t.app.inject({ method: 'GET', url: '/api/users' });
    expect(zh.json().error).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '请先登录',
      messageKey: 'errors.UNAUTHENTICATED',
    });
    expect(zh.headers['x-request-id']).toBeTruthy();
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json().error.message).toBe('Please sign in');
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/xml' },
      payload: '<x/>',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
