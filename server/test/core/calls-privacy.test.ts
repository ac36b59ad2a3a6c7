// Call history API: caller numbers masked by role, every read audited, unmasking explicit + audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

describe('call history and personal data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ name: 'pglite' }, { historyWriter: true, historyConsumer: 'test-writer' });
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
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists calls with masked numbers and audits the read', async () => {
    const lead = await t.login(['shift_lead']);
    const r = await lead.inject({ method: 'GET', url: '/api/calls?queue=12345' });
    expect(r.statusCode).toBe(200);
    const call = r.json().items.find((c: { callId: string }) => c.callId === 'p1');
    expect(call.callerNumber).toBe('138****5678');
    const audit = await t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_id', '=', lead.userId)
      .where('action', '=', 'pii.read')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ ids: ['p1'], masked: true });
    expect((await lead.inject({ method: 'GET', url: '/api/calls?outcome=lost' })).statusCode).toBe(400);
  });

  it('unmasks only with the permission and a reason, and audits it', async () => {
    const agent = await t.login(['agent']);
    const noReason = await agent.inject({ method: 'POST', url: '/api/calls/p1/unmask', payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].field).toBe('body.reason');
    const ok = await agent.inject({
      method: 'POST',
      url: '/api/calls/p1/unmask',
      payload: { reason: '回拨核实诉求' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().callerNumber).toBe('13812345678');
    const entry = await t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_id', '=', agent.userId)
      .where('action', '=', 'pii.unmask')
      .executeTakeFirst();
    expect(entry?.object_id).toBe('p1');
    expect(entry?.detail).toMatchObject({ reason: '回拨核实诉求' });
    expect(
      (await agent.inject({ method: 'POST', url: '/api/calls/nope/unmask', payload: { reason: '核实' } }))
        .statusCode,
    ).toBe(404);
    const auditor = await t.login(['auditor']);
    expect(
      (await auditor.inject({ method: 'POST', url: '/api/calls/p1/unmask', payload: { reason: '抽查' } }))
        .statusCode,
    ).toBe(403);
  });
});
