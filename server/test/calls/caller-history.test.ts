// GET /api/callers/:number/history: the screen-pop's earlier calls and tickets, repeat / nuisance /
// county flags, the number masked per role and the read audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guessCounty, isRepeatCaller } from '../../src/calls/caller-profile.ts';
import { startTestApp, type TestApp, type TestSession } from '../support/app.ts';
import { seedCall, seedTicket } from './support/rows.ts';

const DAY = 24 * 3600 * 1000;
const N = '13912345678';

describe('caller history (screen-pop)', () => {
  let t: TestApp;
  let agent: TestSession;
  beforeAll(async () => {
    t = await startTestApp();
    agent = await t.login(['agent']);
    const ago = (d: number) => new Date(Date.now() - d * DAY);
    await seedCall(t, { callId: 'h-now', caller: N, agentId: agent.userId, arrivedAt: ago(0) });
    await seedCall(t, { callId: 'h-1', caller: N, agentId: agent.userId, arrivedAt: ago(1) });
    await seedCall(t, { callId: 'h-2', caller: N, arrivedAt: ago(3), outcome: 'abandoned' });
    await seedCall(t, { callId: 'h-old', caller: N, agentId: agent.userId, arrivedAt: ago(30) });
    await seedCall(t, { callId: 'o-1', caller: '13700000000', agentId: agent.userId, arrivedAt: ago(1) });
    await seedTicket(t, { id: 'T-h1', phone: N, county: '康定市', createdAt: ago(40) });
    await seedTicket(t, { id: 'T-h2', phone: N, county: '泸定县', createdAt: ago(20) });
    await seedTicket(t, { id: 'T-h3', phone: N, county: '康定市', createdAt: ago(10) });
    const r = await agent.inject({
      method: 'POST',
      url: '/api/calls/h-old/disposition',
      payload: { disposition: 'nuisance' },
    });
    if (r.statusCode !== 200) throw new Error(r.body);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('returns earlier calls and tickets with the flags, the number masked, and audits the read', async () => {
    const r = await agent.inject({ method: 'GET', url: `/api/callers/${N}/history?excludeCallId=h-now` });
    expect(r.statusCode, r.body).toBe(200);
    const h = r.json();
    expect(h.callerNumber).toBe('139****5678');
    expect(h.calls.map((c: { callId: string }) => c.callId)).toEqual(['h-1', 'h-2', 'h-old']);
    expect(h.calls[1]).toMatchObject({ answered: false, outcome: 'abandoned', disposition: null });
    expect(h.calls[2]).toMatchObject({ disposition: 'nuisance' });
    expect(h).toMatchObject({ repeatCaller: true, repeatCalls: 2, repeatWindowDays: 7, nuisance: true });
    expect(h.countyGuess).toBe('康定市');
    expect(h.tickets.map((k: { ticketId: string }) => k.ticketId)).toEqual(['T-h3', 'T-h2', 'T-h1']);
    expect(h.tickets[0]).toMatchObject({ county: '康定市', summary: '路灯不亮' });
    expect(h.tickets[0].ticketNo).toMatch(/^\d+$/);

    const audit = await t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_id', '=', agent.userId)
      .where('action', '=', 'pii.read')
      .where('object_type', '=', 'caller')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ masked: true });
  });

  it('a caller with one earlier call is no repeat caller; unknown numbers are empty', async () => {
    const lead = await t.login(['shift_lead']);
    const one = (await lead.inject({ method: 'GET', url: '/api/callers/13700000000/history' })).json();
    expect(one).toMatchObject({ repeatCaller: false, nuisance: false, countyGuess: null, tickets: [] });
    expect(one.calls).toHaveLength(1);
    const none = await lead.inject({ method: 'GET', url: '/api/callers/10000/history' });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toMatchObject({ calls: [], tickets: [], repeatCaller: false });
  });

  it('rejects malformed numbers and queries, and forbids roles without the permission', async () => {
    for (const url of [
      '/api/callers/abc/history',
      '/api/callers/12/history',
      `/api/callers/${N}/history?limit=0`,
      `/api/callers/${N}/history?foo=1`,
    ]) {
      const r = await agent.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
    for (const role of ['dispatcher', 'unit_staff', 'auditor', 'admin'] as const) {
      const s = await t.login([role]);
      expect((await s.inject({ method: 'GET', url: `/api/callers/${N}/history` })).statusCode).toBe(403);
    }
  });

  it('flag rules (pure)', () => {
    const now = 100 * DAY;
    const rules = { repeatCalls: 2, repeatWindowMs: 7 * DAY };
    const at = (d: number) => ({ at: now - d * DAY, nuisance: false });
    expect(isRepeatCaller([at(1), at(6)], now, rules)).toBe(true);
    expect(isRepeatCaller([at(1), at(8)], now, rules)).toBe(false);
    expect(
      guessCounty([
        { at: 1, county: 'A' },
        { at: 2, county: 'B' },
      ]),
    ).toBe('B');
    expect(guessCounty([{ at: 1, county: null }])).toBeNull();
  });
});
