// Wallboard snapshot additions: 24 h abandonment share (queue package), the signed-in agents with
// state and since, and the 2-hour chart by 5-minute interval (call history).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_INTERVALS, chartStarts, INTERVAL_MS } from '../../src/calls/interval-series.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedCall } from './support/rows.ts';

describe('wallboard data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ name: 'pglite' }, { wallboardQueues: '12345' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('chart intervals end with the one containing now (pure)', () => {
    const s = chartStarts(10 * INTERVAL_MS + 7);
    expect(s).toHaveLength(CHART_INTERVALS);
    expect(s[CHART_INTERVALS - 1]).toBe(10 * INTERVAL_MS);
    expect(s[0]).toBe((10 - 23) * INTERVAL_MS);
  });

  it('snapshot has the abandonment share, named agents with since, and 24 five-minute intervals', async () => {
    const agent = await t.login(['agent'], { username: `wb_agent_${Date.now()}` });
    expect((await agent.inject({ method: 'POST', url: '/api/agent/sign-in' })).statusCode).toBe(200);
    await t.app.acd.enqueueCall({ callId: 'wb-a1', queue: '12345', callerNumber: '13800000009' });
    await new Promise((r) => setTimeout(r, 10));
    await t.app.acd.abandon('wb-a1'); // a short abandon (queue package: not counted as abandonment)
    await t.app.acd.enqueueCall({ callId: 'wb-a2', queue: '12345', callerNumber: '13800000008' });

    const now = Date.now();
    const cur = Math.floor(now / INTERVAL_MS) * INTERVAL_MS;
    const inCur = new Date(Math.min(cur + 1000, now));
    const prev = new Date(cur - INTERVAL_MS + 1000);
    await seedCall(t, { callId: 'wb-1', caller: '13800000001', arrivedAt: inCur });
    await seedCall(t, { callId: 'wb-2', caller: '13800000002', arrivedAt: inCur, outcome: 'abandoned' });
    await seedCall(t, { callId: 'wb-3', caller: '13800000003', arrivedAt: prev });
    await seedCall(t, { callId: 'wb-old', caller: '13800000004', arrivedAt: new Date(cur - 3 * 3600_000) });

    const lead = await t.login(['shift_lead']);
    const r = await lead.inject({ method: 'GET', url: '/api/wallboard' });
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    const q = s.queues.find((x: { queue: string }) => x.queue === '12345');
    // (abandoned − short) ÷ (offered − short) = 0 ÷ 1; null would mean nothing offered.
    expect(q.abandonRate24h).toBe(0);
    expect(q.abandonRate24h).toBe((await t.app.acd.metrics.rolling24h('12345')).metrics.abandonRate);
    const me = s.agents.find((a: { id: string }) => a.id === agent.userId);
    expect(me).toMatchObject({ state: 'not-ready' });
    expect(me.name).toMatch(/^测试/);
    expect(me.since).toBeGreaterThan(now - 60_000);
    expect(s.intervals).toHaveLength(24);
    const at = (start: number) => s.intervals.find((i: { start: number }) => i.start === start);
    expect(at(cur)).toEqual({ start: cur, offered: 2, answered: 1, abandoned: 1 });
    expect(at(cur - INTERVAL_MS)).toEqual({
      start: cur - INTERVAL_MS,
      offered: 1,
      answered: 1,
      abandoned: 0,
    });
    const total = s.intervals.reduce((n: number, i: { offered: number }) => n + i.offered, 0);
    expect(total).toBe(3);

    const denied = await agent.inject({ method: 'GET', url: '/api/wallboard' });
    expect(denied.statusCode).toBe(403);
  });
});
