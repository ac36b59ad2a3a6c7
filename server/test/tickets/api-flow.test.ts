import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../support/app.ts';
import { DB_TARGETS } from '../support/db.ts';
import {
  act,
  complaint,
  eventually,
  fullReply,
  ok,
  startTicketApp,
  type TicketTestApp,
} from './support/ticket-app.ts';

function multipart(filename: string, mime: string, data: Buffer) {
  const boundary = `----tickets${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(s: TestSession, filename: string, mime: string, data: Buffer) {
  return s.inject({ method: 'POST', url: '/api/tickets/attachments', ...multipart(filename, mime, data) });
}

describe.each(DB_TARGETS)('tickets API on $name', (target) => {
  let t: TicketTestApp;
  let agent: TestSession;
  let dispatcher: TestSession;
  let water: TestSession;
  let housing: TestSession;
  let housingLeader: TestSession;
  let police: TestSession;
  let auditor: TestSession;
  beforeAll(async () => {
    t = await startTicketApp(target);
    agent = await t.login(['agent']);
    dispatcher = await t.login(['dispatcher']);
    water = await t.login(['unit_staff'], { orgUnitId: 'dept-zilaishui' });
    housing = await t.login(['unit_staff'], { orgUnitId: 'dept-zhujian' });
    housingLeader = await t.login(['unit_leader'], { orgUnitId: 'dept-zhujian' });
    police = await t.login(['unit_staff'], { orgUnitId: 'dept-gongan' });
    auditor = await t.login(['auditor']);
  }, 180_000); // seven argon2 sign-ins on a shared 2-core machine
  afterAll(async () => {
    await t?.close();
  });

  it('Art. 11–16: register → dispatch to lead + co-unit → both sign → co input → lead replies → center passes → 回访 满意 → closed', async () => {
    const created = await agent.inject({ method: 'POST', url: '/api/tickets', payload: complaint });
    expect(created.statusCode, created.body).toBe(201);
    const { ticket } = created.json();
    expect(ticket).toMatchObject({
      phase: 'registered',
      intake: { type: '投诉', requester: { name: '张**', phone: '138****5678', withheld: false } },
    });
    expect(ticket.allowedCommands).toContain('answered_immediately');
    const id = ticket.id as string;

    const d = await ok(dispatcher, id, 'dispatched', {
      mode: 'multi',
      unitId: 'dept-zilaishui',
      coUnitIds: ['dept-zhujian'],
    });
    expect(d.assignments.map((a: { unitId: string; role: string }) => [a.unitId, a.role])).toEqual([
      ['dept-zilaishui', 'lead'],
      ['dept-zhujian', 'co'],
    ]);
    await ok(water, id, 'signed_for');
    await ok(housing, id, 'signed_for');
    const early = await act(water, id, 'replied', fullReply);
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({
      code: 'TICKET_RULE_VIOLATION',
      details: { rule: 'Art. 12 (2) 2' },
    });
    await ok(housing, id, 'input_submitted', { input: '管网产权已核实' });
    await ok(water, id, 'replied', fullReply);
    await ok(dispatcher, id, 'review_passed');
    const cb = await agent.inject({ method: 'GET', url: '/api/tickets/callbacks' });
    expect(cb.json().map((c: { ticketId: string }) => c.ticketId)).toContain(id);
    const closed = await ok(agent, id, 'callback_recorded', {
      method: 'phone',
      service: '满意',
      result: '满意',
    });
    expect(closed).toMatchObject({ phase: 'closed', closure: 'satisfied' });

    const events = (await dispatcher.inject({ method: 'GET', url: `/api/tickets/${id}/events` })).json();
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'dispatched',
      'signed_for',
      'signed_for',
      'input_submitted',
      'replied',
      'review_passed',
      'callback_recorded',
    ]);
    expect(events[2].actor).toMatchObject({ role: 'unit_staff', unitId: 'dept-zilaishui' });

    const notes = await eventually(async () => {
      const r = (await water.inject({ method: 'GET', url: '/api/tickets/notifications' })).json();
      return r.length ? r : undefined;
    });
    expect(notes[0]).toMatchObject({ ticketId: id, reason: 'dispatched', unitId: 'dept-zilaishui' });

    const kpi = (await dispatcher.inject({ method: 'GET', url: '/api/tickets/kpis?groupBy=unit' })).json();
    expect(kpi['dept-zilaishui']).toMatchObject({
      firstReviewPass: { num: 1, den: 1 },
      satisfaction: { rate: 1 },
    });
  });

  it("role tests: a unit never sees another unit's tickets", async () => {
    const { ticket } = (
      await agent.inject({ method: 'POST', url: '/api/tickets', payload: complaint })
    ).json();
    await ok(dispatcher, ticket.id, 'dispatched', { mode: 'single', unitId: 'dept-zilaishui' });
    expect((await water.inject({ method: 'GET', url: `/api/tickets/${ticket.id}` })).statusCode).toBe(200);
    const other = await police.inject({ method: 'GET', url: `/api/tickets/${ticket.id}` });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('TICKET_NOT_FOUND');
    expect((await police.inject({ method: 'GET', url: `/api/tickets/${ticket.id}/events` })).statusCode).toBe(
      404,
    );
    expect((await act(police, ticket.id, 'signed_for')).statusCode).toBe(404);
    const list = (await police.inject({ method: 'GET', url: '/api/tickets' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(ticket.id);
    const mine = (await water.inject({ method: 'GET', url: '/api/tickets?phase=handling' })).json();
    expect(mine.items.find((i: { id: string }) => i.id === ticket.id)).toMatchObject({
      mySignDueAt: expect.any(String),
    });
    expect(
      (await police.inject({ method: 'GET', url: '/api/tickets?unitId=dept-zilaishui' })).json().items,
    ).not.toContainEqual(expect.objectContaining({ id: ticket.id }));
  });

  it('role tests (Art. 22, 29): a confidential requester is never shown to handling units, even in the timeline', async () => {
    const payload = {
      ...complaint,
      type: '举报',
      requester: { name: '王五', phone: '13900001111', anonymous: false, confidential: true },
    };
    const { ticket } = (await agent.inject({ method: 'POST', url: '/api/tickets', payload })).json();
    await ok(dispatcher, ticket.id, 'dispatched', { mode: 'single', unitId: 'dept-zilaishui' });
    const unitView = await water.inject({ method: 'GET', url: `/api/tickets/${ticket.id}` });
    expect(unitView.json().intake.requester).toEqual({
      anonymous: false,
      confidential: true,
      name: null,
      phone: null,
      withheld: true,
    });
    const timeline = await water.inject({ method: 'GET', url: `/api/tickets/${ticket.id}/events` });
    expect(timeline.body).not.toContain('王五');
    expect(timeline.body).not.toContain('13900001111');
    expect(unitView.body).not.toContain('13900001111');
    const unmask = await water.inject({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/unmask`,
      payload: { reason: '核实' },
    });
    expect(unmask.statusCode).toBe(403);
    const center = (await dispatcher.inject({ method: 'GET', url: `/api/tickets/${ticket.id}` })).json();
    expect(center.intake.requester).toMatchObject({ name: '王*', phone: '139****1111', withheld: false });
    const plain = await agent.inject({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/unmask`,
      payload: { reason: '回访核实身份' },
    });
    expect(plain.json()).toEqual({ name: '王五', phone: '13900001111' });
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'object_id'])
      .where('object_id', '=', ticket.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('pii.unmask');
  });

  it('illegal moves, wrong roles and bad payloads are typed errors; nothing is recorded', async () => {
    const { ticket } = (
      await agent.inject({ method: 'POST', url: '/api/tickets', payload: complaint })
    ).json();
    const illegal = await act(dispatcher, ticket.id, 'review_passed');
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error).toMatchObject({
      code: 'TICKET_ILLEGAL_TRANSITION',
      details: { phase: 'registered' },
    });
    const role = await act(agent, ticket.id, 'dispatched', { mode: 'single', unitId: 'dept-zilaishui' });
    expect(role.statusCode).toBe(403);
    expect(role.json().error.code).toBe('TICKET_ROLE_FORBIDDEN');
    expect((await act(auditor, ticket.id, 'escalated', { reason: 'x' })).statusCode).toBe(403);
    const unknown = await act(dispatcher, ticket.id, 'teleport');
    expect(unknown.statusCode).toBe(400);
    const bad = await act(agent, ticket.id, 'not_accepted', { reasonCode: 42 });
    expect(bad.json().error.code).toBe('TICKET_INVALID_PAYLOAD');
    const badIntake = await agent.inject({
      method: 'POST',
      url: '/api/tickets',
      payload: { ...complaint, categoryId: 'nope' },
    });
    expect(badIntake.statusCode).toBe(400);
    expect(badIntake.json().error.details.message).toMatch(/unknown category/);
    expect(
      (await agent.inject({ method: 'POST', url: '/api/tickets', payload: { content: 1 } })).statusCode,
    ).toBe(400);
    expect((await water.inject({ method: 'POST', url: '/api/tickets', payload: complaint })).statusCode).toBe(
      403,
    );
    expect((await dispatcher.inject({ method: 'GET', url: '/api/tickets/nope' })).statusCode).toBe(404);
    const events = (
      await dispatcher.inject({ method: 'GET', url: `/api/tickets/${ticket.id}/events` })
    ).json();
    expect(events).toHaveLength(1);
  });

  it('Art. 17: return via the API — staff requests, leader signs off, center approves; the ticket is dispatchable again', async () => {
    const { ticket } = (
      await agent.inject({ method: 'POST', url: '/api/tickets', payload: complaint })
    ).json();
    await ok(dispatcher, ticket.id, 'dispatched', { mode: 'single', unitId: 'dept-zhujian' });
    const r = {
      reason: '该小区供水由自来水公司负责，非住建局职责',
      policyBasis: '《城市供水条例》',
      suggestedUnitId: 'dept-zilaishui',
    };
    await ok(housing, ticket.id, 'return_requested', r);
    expect((await act(housing, ticket.id, 'return_signed_off')).statusCode).toBe(403);
    await ok(housingLeader, ticket.id, 'return_signed_off');
    const back = await ok(dispatcher, ticket.id, 'return_approved', { unitId: 'dept-zhujian' });
    expect(back.phase).toBe('registered');
  });

  it('并单: a duplicate is suggested and merged; both requesters appear in the callback list', async () => {
    const first = (
      await agent.inject({
        method: 'POST',
        url: '/api/tickets',
        payload: {
          ...complaint,
          content: '德格县更庆镇某村停电两天了，无人处理',
          location: { county: '德格县', township: '更庆镇' },
        },
      })
    ).json();
    const second = (
      await agent.inject({
        method: 'POST',
        url: '/api/tickets',
        payload: {
          ...complaint,
          requester: { name: '李雷', phone: '13700000000', anonymous: false, confidential: false },
          content: '更庆镇某村停电两天，无人处理',
          location: { county: '德格县', township: '更庆镇' },
        },
      })
    ).json();
    expect(second.duplicates.map((d: { ticketId: string }) => d.ticketId)).toContain(first.ticket.id);
    const merged = await agent.inject({
      method: 'POST',
      url: `/api/tickets/${second.ticket.id}/merge`,
      payload: { primaryId: first.ticket.id },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().linkedTickets).toEqual([
      { ticketId: second.ticket.id, requester: expect.objectContaining({ name: '李*' }) },
    ]);
    const unknownKb = await act(agent, first.ticket.id, 'answered_immediately', {
      answer: 'x',
      kbArticleId: 'no-such-article',
    });
    expect(unknownKb.json().error).toMatchObject({
      code: 'TICKET_INVALID_PAYLOAD',
      details: { message: expect.stringMatching(/published/) },
    });
    await ok(agent, first.ticket.id, 'answered_immediately', { answer: '已联系供电公司' });
    const tasks = (await agent.inject({ method: 'GET', url: '/api/tickets/callbacks' })).json();
    const task = tasks.find((x: { ticketId: string }) => x.ticketId === first.ticket.id);
    expect(task.requesters.map((q: { ticketId: string }) => q.ticketId)).toEqual([
      first.ticket.id,
      second.ticket.id,
    ]);
  });

  it('attachments: type- and size-checked, stored on disk, readable only where the ticket is', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(100, 1),
    ]);
    const up = await upload(water, 'site.png', 'image/png', png);
    expect(up.statusCode, up.body).toBe(201);
    const att = up.json();
    expect(att).toMatchObject({ name: 'site.png', mime: 'image/png', size: png.length });
    expect((await upload(water, 'x.html', 'text/html', Buffer.from('<b>x</b>'))).json().error.code).toBe(
      'TICKET_ATTACHMENT_REJECTED',
    );
    expect((await upload(water, 'fake.png', 'image/png', Buffer.from('not a png at all'))).statusCode).toBe(
      415,
    );
    expect(
      (
        await upload(
          water,
          'big.pdf',
          'application/pdf',
          Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(70 * 1024)]),
        )
      ).statusCode,
    ).toBe(415);
    expect((await upload(auditor, 'a.png', 'image/png', png)).statusCode).toBe(403);

    const { ticket } = (
      await agent.inject({ method: 'POST', url: '/api/tickets', payload: complaint })
    ).json();
    await ok(dispatcher, ticket.id, 'dispatched', { mode: 'single', unitId: 'dept-zilaishui' });
    await ok(water, ticket.id, 'signed_for');
    const bogus = await act(water, ticket.id, 'replied', {
      ...fullReply,
      attachmentIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(bogus.json().error.code).toBe('TICKET_INVALID_PAYLOAD');
    const replied = await ok(water, ticket.id, 'replied', { ...fullReply, attachmentIds: [att.id] });
    expect(replied.replies[0].content.attachmentIds).toEqual([att.id]);
    // linked to the ticket on reply: the center reviewing it can open the photo; other units cannot
    expect(
      (await dispatcher.inject({ method: 'GET', url: `/api/tickets/attachments/${att.id}` })).statusCode,
    ).toBe(200);
    expect(
      (await police.inject({ method: 'GET', url: `/api/tickets/attachments/${att.id}` })).statusCode,
    ).toBe(404);
    const theirs = (await upload(police, 'p.png', 'image/png', png)).json();
    const stolen = await agent.inject({
      method: 'POST',
      url: '/api/tickets',
      payload: { ...complaint, attachmentIds: [theirs.id] },
    });
    expect(stolen.json().error.code).toBe('TICKET_INVALID_PAYLOAD');

    const photo = await agent.inject({
      method: 'POST',
      url: '/api/tickets/attachments',
      ...multipart('scene.jpg', 'image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])),
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const withPhoto = await agent.inject({
      method: 'POST',
      url: '/api/tickets',
      payload: { ...complaint, attachmentIds: [photo.json().id] },
    });
    expect(withPhoto.json().ticket.intake.attachments).toEqual([
      expect.objectContaining({ id: photo.json().id, mime: 'image/jpeg' }),
    ]);
    const own = await agent.inject({ method: 'GET', url: `/api/tickets/attachments/${photo.json().id}` });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(
      (await police.inject({ method: 'GET', url: `/api/tickets/attachments/${photo.json().id}` })).statusCode,
    ).toBe(404);
  });

  it('meta lists the form vocabulary: categories, eight 不予受理 reasons, reply requirements, commands with articles', async () => {
    const meta = (await agent.inject({ method: 'GET', url: '/api/tickets/meta' })).json();
    expect(meta.notAcceptedReasons).toHaveLength(8);
    expect(meta.replyRequirements.咨询).toEqual(['policyBasis']);
    expect(meta.commands.return_requested.article).toBe('Art. 17');
  });
});
