// POST /api/tickets/:id/callback-grant with real PGlite + Redis; the grant is checked with the
// gateway's own verifier (telephony/src/gateway/domain/callback-grant.ts) so both sides agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCallbackGrant } from '../../../telephony/src/gateway/domain/callback-grant.ts';
import { dialableNumber } from '../../src/callbacks/callback-grant.ts';
import type { TestSession } from '../support/app.ts';
import { complaint, ok, startTicketApp, type TicketTestApp } from '../tickets/support/ticket-app.ts';

const SECRET = 'callback-grant-secret-for-tests-0123456789';

describe('回访 callback grant', () => {
  let t: TicketTestApp;
  let agent: TestSession;
  let lead: TestSession;
  let unitStaff: TestSession;
  let awaiting: string;
  let registered: string;
  let noNumber: string;
  const grantUrl = (id: string) => `/api/tickets/${id}/callback-grant`;

  beforeAll(async () => {
    t = await startTicketApp(
      { name: 'pglite' },
      { callbackGrantSecret: SECRET, callbackGrantTtlSeconds: 120 },
    );
    agent = await t.login(['agent']);
    lead = await t.login(['shift_lead']);
    unitStaff = await t.login(['unit_staff'], { orgUnitId: 'dept-zilaishui' });
    const a = await agent.inject({
      method: 'POST',
      url: '/api/tickets',
      payload: { ...complaint, requester: { ...complaint.requester, phone: '138-1234-5678' } },
    });
    expect(a.statusCode, a.body).toBe(201);
    awaiting = a.json().ticket.id;
    await ok(agent, awaiting, 'answered_immediately', { answer: '已联系自来水公司' });
    const r = await agent.inject({ method: 'POST', url: '/api/tickets', payload: complaint });
    registered = r.json().ticket.id;
    const n = await agent.inject({
      method: 'POST',
      url: '/api/tickets',
      payload: {
        ...complaint,
        channel: 'web',
        requester: { name: '王五', anonymous: false, confidential: false },
      },
    });
    expect(n.statusCode, n.body).toBe(201);
    noNumber = n.json().ticket.id;
    await ok(agent, noNumber, 'answered_immediately', { answer: '已答复' });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('issues a grant in the gateway format for a ticket awaiting 回访, verified by the gateway code, audited', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await agent.inject({ method: 'POST', url: grantUrl(awaiting) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.ticketId).toBe(awaiting);
    // the browser gets neither the number in the URI nor in the grant: it is sealed for the gateway
    expect(body.dialUri).toBe(`sip:callback@${t.config.sipDomain}`);
    expect(JSON.stringify(body)).not.toContain('13812345678');
    const check = verifyCallbackGrant(SECRET, body.grant, before);
    expect(check).toEqual({
      ok: true,
      grant: { ticketId: awaiting, number: '13812345678', expiresAt: expect.any(Number) },
    });
    if (!check.ok) return;
    expect(check.grant.expiresAt - before).toBeGreaterThanOrEqual(119);
    expect(check.grant.expiresAt - before).toBeLessThanOrEqual(121);
    expect(Date.parse(body.expiresAt) / 1000).toBe(check.grant.expiresAt);
    // expired after the TTL, and a different secret does not verify it
    expect(verifyCallbackGrant(SECRET, body.grant, check.grant.expiresAt)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(verifyCallbackGrant('another-secret-0123456789', body.grant, before)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('object_id', '=', awaiting)
      .where('action', '=', 'callback.grant')
      .execute();
    expect(audit).toEqual([{ action: 'callback.grant', actor_id: agent.userId }]);
  });

  it('shift leads may dial too; other roles get 403', async () => {
    expect((await lead.inject({ method: 'POST', url: grantUrl(awaiting) })).statusCode).toBe(200);
    const denied = await unitStaff.inject({ method: 'POST', url: grantUrl(awaiting) });
    expect(denied.statusCode).toBe(403);
    expect(denied.body).not.toContain('5678');
  });

  it('refuses tickets not awaiting 回访, unknown and malformed ids with typed 4xx errors', async () => {
    const notYet = await agent.inject({ method: 'POST', url: grantUrl(registered) });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().error.code).toBe('TICKET_ILLEGAL_TRANSITION');
    expect(notYet.body).not.toContain('5678');
    const unknown = await agent.inject({
      method: 'POST',
      url: grantUrl('00000000-0000-4000-8000-000000000000'),
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('TICKET_NOT_FOUND');
    const none = await agent.inject({ method: 'POST', url: grantUrl(noNumber) });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.details).toMatchObject({ message: 'requester left no dialable number' });
    const bad = await agent.inject({ method: 'POST', url: grantUrl("x';drop") });
    expect(bad.statusCode).toBe(404);
  });

  it('normalises the requester number to what the gateway dials, or refuses it', () => {
    expect(dialableNumber(' 138 1234-5678 ')).toBe('13812345678');
    expect(dialableNumber('+86 138 1234 5678')).toBe('+8613812345678');
    expect(dialableNumber('12')).toBeNull();
    expect(dialableNumber(undefined)).toBeNull();
  });
});
