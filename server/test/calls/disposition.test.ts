// POST /api/calls/:callId/disposition: the agent's 整理 record, validated in and out, stored once per call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestSession } from '../support/app.ts';
import { seedCall, seedTicket } from './support/rows.ts';

describe('wrap-up disposition', () => {
  let t: TestApp;
  let agent: TestSession;
  let ticketNo: number;
  beforeAll(async () => {
    t = await startTestApp();
    agent = await t.login(['agent']);
    await seedCall(t, { callId: 'd1', caller: '13800000001', agentId: agent.userId });
    ticketNo = await seedTicket(t, { id: 'T-d1', phone: '13800000001', county: '康定市' });
  });
  afterAll(async () => {
    await t?.close();
  });
  const post = (s: TestSession, callId: string, payload: unknown) =>
    s.inject({ method: 'POST', url: `/api/calls/${callId}/disposition`, payload });

  it('stores each disposition kind with only its own fields, and the same agent may correct it', async () => {
    const r = await post(agent, 'd1', {
      disposition: 'not-accepted',
      notAcceptedReason: 3,
      note: ' 非本地事项 ',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      callId: 'd1',
      agentId: agent.userId,
      disposition: 'not-accepted',
      notAcceptedReason: 3,
      ticketNo: null,
      note: '非本地事项',
    });
    const fixed = await post(agent, 'd1', { disposition: 'ticket-created', ticketNo: String(ticketNo) });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({
      disposition: 'ticket-created',
      ticketNo: String(ticketNo),
      notAcceptedReason: null,
    });
    const rows = await t.app.db
      .selectFrom('call_disposition')
      .selectAll()
      .where('call_id', '=', 'd1')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.disposition).toBe('ticket-created');

    for (const [id, body] of [
      ['d2', { disposition: 'immediate', kbArticleId: 'kb-1' }],
      ['d3', { disposition: 'emergency-transfer', emergencyLine: '120' }],
      ['d4', { disposition: 'nuisance' }],
      ['d5', { disposition: 'ticket-created', ticketNo: 'T-d1' }],
    ] as const) {
      const ok = await post(agent, id, body);
      expect(ok.statusCode, `${id} ${ok.body}`).toBe(200);
      expect(ok.json().disposition).toBe(body.disposition);
    }
  });

  it('rejects invalid payloads with a typed 400 and stores nothing', async () => {
    const bad: unknown[] = [
      {},
      { disposition: 'hung-up' },
      { disposition: 'not-accepted' },
      { disposition: 'not-accepted', notAcceptedReason: 9 },
      { disposition: 'ticket-created' },
      { disposition: 'ticket-created', ticketNo: 'T-nope' },
      { disposition: 'nuisance', ticketNo: 'T-d1' },
      { disposition: 'emergency-transfer' },
      { disposition: 'emergency-transfer', emergencyLine: 'abc' },
      { disposition: 'nuisance', extra: 1 },
      { disposition: 'nuisance', note: 'x'.repeat(2001) },
    ];
    for (const payload of bad) {
      const r = await post(agent, 'bad1', payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
    const rows = await t.app.db
      .selectFrom('call_disposition')
      .selectAll()
      .where('call_id', '=', 'bad1')
      .execute();
    expect(rows).toEqual([]);
  });

  it('forbids other roles, other agents and overwriting another agent record', async () => {
    for (const role of ['shift_lead', 'dispatcher', 'auditor', 'admin'] as const) {
      const s = await t.login([role]);
      expect((await post(s, 'd9', { disposition: 'nuisance' })).statusCode).toBe(403);
    }
    const other = await t.login(['agent']);
    expect((await post(other, 'd1', { disposition: 'nuisance' })).statusCode).toBe(403);
    expect((await post(agent, 'd6', { disposition: 'nuisance' })).statusCode).toBe(200);
    const taken = await post(other, 'd6', { disposition: 'immediate' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('CONFLICT');
  });
});
