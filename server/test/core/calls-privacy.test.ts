// Call history API (通话记录): caller numbers masked by role, every read audited, unmasking explicit +
// audited; agents see and unmask only the calls they answered; filters, the 整理 disposition, paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestSession } from '../support/app.ts';

describe('call history and personal data', () => {
  let t: TestApp;
  let agent: TestSession;
  beforeAll(async () => {
    t = await startTestApp({ name: 'pglite' }, { historyWriter: true, historyConsumer: 'test-writer' });
    agent = await t.login(['agent']);
    // one call through the real queue and history writer ...
    await t.app.acd.enqueueCall({ callId: 'p1', queue: '12345', callerNumber: '13812345678' });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const row = await t.app.db
        .selectFrom('call_record')
        .select('call_id')
        .where('call_id', '=', 'p1')
        .executeTakeFirst();
      if (row) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // ... and history rows as the writer leaves them: three answered by the agent (two arriving in the
    // same millisecond, to test paging across ties), one abandoned in another queue
    const at = (s: string) => new Date(`2026-11-20T${s}+08:00`);
    const base = {
      priority: 'normal',
      kind: 'inbound',
      callback_number: null,
      ended_at: null,
      hold_ms: null,
    };
    const answered = {
      ...base,
      queue: '12345',
      agent_id: agent.userId,
      outcome: 'completed',
      abandoned_at: null,
    };
    await t.app.db
      .insertInto('call_record')
      .values([
        {
          ...answered,
          call_id: 'h1',
          caller_number: '13800000001',
          arrived_at: at('09:00:00'),
          answered_at: at('09:00:05'),
          wait_ms: 5000,
          talk_ms: 60000,
          ended_by: 'caller',
        },
        {
          ...answered,
          call_id: 'h2',
          caller_number: '13800000002',
          arrived_at: at('09:30:00'),
          answered_at: at('09:30:03'),
          wait_ms: 3000,
          talk_ms: 30000,
          ended_by: 'agent',
        },
        {
          ...answered,
          call_id: 'h3',
          caller_number: '13800000002',
          arrived_at: at('09:30:00'),
          answered_at: at('09:30:04'),
          wait_ms: 4000,
          talk_ms: 20000,
          ended_by: 'agent',
        },
        {
          ...base,
          call_id: 'h4',
          queue: '12345-zang',
          caller_number: '13800000004',
          arrived_at: at('10:00:00'),
          answered_at: null,
          abandoned_at: at('10:00:20'),
          agent_id: null,
          wait_ms: 20000,
          talk_ms: null,
          ended_by: null,
          outcome: 'abandoned',
        },
      ])
      .execute();
    await t.app.db
      .insertInto('call_disposition')
      .values({
        call_id: 'h2',
        agent_id: agent.userId,
        disposition: 'ticket-created',
        ticket_no: 'GZ-2026-000042',
        note: '',
      })
      .execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists calls with masked numbers and audits the read', async () => {
    const lead = await t.login(['shift_lead']);
    const r = await lead.inject({ method: 'GET', url: '/api/calls?queue=12345' });
    expect(r.statusCode).toBe(200);
    expect(r.json().scope).toBe('all');
    const call = r.json().items.find((c: { callId: string }) => c.callId === 'p1');
    expect(call.callerNumber).toBe('138****5678');
    const audit = await t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_id', '=', lead.userId)
      .where('action', '=', 'pii.read')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ ids: expect.arrayContaining(['p1', 'h1']), masked: true });
    expect((await lead.inject({ method: 'GET', url: '/api/calls?outcome=lost' })).statusCode).toBe(400);
  });

  it('filters by day, outcome and the full caller number, and carries the 整理 disposition', async () => {
    const lead = await t.login(['shift_lead']);
    const day = 'from=2026-11-19T16:00:00.000Z&to=2026-11-20T16:00:00.000Z';
    const all = (await lead.inject({ method: 'GET', url: `/api/calls?${day}` })).json();
    expect(all.items.map((c: { callId: string }) => c.callId)).toEqual(['h4', 'h3', 'h2', 'h1']);
    const h2 = all.items.find((c: { callId: string }) => c.callId === 'h2');
    expect(h2).toMatchObject({ disposition: 'ticket-created', ticketNo: 'GZ-2026-000042', talkMs: 30000 });
    expect(all.items.find((c: { callId: string }) => c.callId === 'h4')).toMatchObject({
      outcome: 'abandoned',
      disposition: null,
      agentId: null,
    });
    // the agent by name and 工号, and the 工号 as a filter
    const me = (await agent.inject({ method: 'GET', url: '/api/auth/me' })).json();
    expect(h2).toMatchObject({ agentId: agent.userId, agentNo: agent.username, agentName: me.displayName });
    const byAgentNo = (
      await lead.inject({ method: 'GET', url: `/api/calls?${day}&agent=${agent.username}` })
    ).json();
    expect(byAgentNo.items.map((c: { callId: string }) => c.callId)).toEqual(['h3', 'h2', 'h1']);
    const abandoned = (
      await lead.inject({ method: 'GET', url: `/api/calls?${day}&outcome=abandoned` })
    ).json();
    expect(abandoned.items.map((c: { callId: string }) => c.callId)).toEqual(['h4']);
    const byNumber = (await lead.inject({ method: 'GET', url: '/api/calls?number=13800000002' })).json();
    expect(byNumber.items.map((c: { callId: string }) => c.callId)).toEqual(['h3', 'h2']);
    expect(byNumber.items[0].callerNumber).toBe('138****0002'); // searched in full, shown masked
    const bad = await lead.inject({ method: 'GET', url: '/api/calls?number=138-0000' });
    expect(bad.statusCode).toBe(400);
  });

  it('pages newest first without skipping or repeating calls that arrived in the same millisecond', async () => {
    const lead = await t.login(['shift_lead']);
    const day = 'from=2026-11-19T16:00:00.000Z&to=2026-11-20T16:00:00.000Z';
    const seen: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 10; i++) {
      const url: string = `/api/calls?${day}&limit=1${before ? `&before=${encodeURIComponent(before)}` : ''}`;
      const page = (await lead.inject({ method: 'GET', url })).json();
      seen.push(...page.items.map((c: { callId: string }) => c.callId));
      before = page.nextBefore;
      if (!before) break;
    }
    expect(seen).toEqual(['h4', 'h3', 'h2', 'h1']);
    const bad = await lead.inject({ method: 'GET', url: '/api/calls?before=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('an agent sees only the calls they answered', async () => {
    const r = await agent.inject({ method: 'GET', url: '/api/calls' });
    expect(r.statusCode).toBe(200);
    expect(r.json().scope).toBe('own');
    expect(r.json().items.map((c: { callId: string }) => c.callId)).toEqual(['h3', 'h2', 'h1']);
    // asking for someone else's calls gives nothing rather than their calls
    const other = await agent.inject({ method: 'GET', url: '/api/calls?agent=someone-else' });
    expect(other.json().items).toEqual([]);
  });

  it('unmasks only with the permission and a reason, only an own call for agents, and audits it', async () => {
    const noReason = await agent.inject({ method: 'POST', url: '/api/calls/h1/unmask', payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].field).toBe('body.reason');
    const ok = await agent.inject({
      method: 'POST',
      url: '/api/calls/h1/unmask',
      payload: { reason: '回拨核实诉求' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().callerNumber).toBe('13800000001');
    const entry = await t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_id', '=', agent.userId)
      .where('action', '=', 'pii.unmask')
      .executeTakeFirst();
    expect(entry?.object_id).toBe('h1');
    expect(entry?.detail).toMatchObject({ reason: '回拨核实诉求' });
    // a call the agent did not answer: refused, and the attempt is in the audit log
    const notOwn = await agent.inject({
      method: 'POST',
      url: '/api/calls/p1/unmask',
      payload: { reason: '核实' },
    });
    expect(notOwn.statusCode).toBe(403);
    expect(notOwn.json().error.code).toBe('CALL_NOT_YOURS');
    const denied = await t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_id', '=', agent.userId)
      .where('action', '=', 'pii.denied')
      .executeTakeFirst();
    expect(denied?.object_id).toBe('p1');
    expect(
      (await agent.inject({ method: 'POST', url: '/api/calls/nope/unmask', payload: { reason: '核实' } }))
        .statusCode,
    ).toBe(404);
    // a shift lead may unmask any call
    const lead = await t.login(['shift_lead']);
    const byLead = await lead.inject({
      method: 'POST',
      url: '/api/calls/p1/unmask',
      payload: { reason: '质检' },
    });
    expect(byLead.json().callerNumber).toBe('13812345678');
    const auditor = await t.login(['auditor']);
    expect(
      (await auditor.inject({ method: 'POST', url: '/api/calls/p1/unmask', payload: { reason: '抽查' } }))
        .statusCode,
    ).toBe(403);
  });
});
