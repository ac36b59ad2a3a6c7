import { describe, expect, it } from 'vitest';
import { indexCategories, SEED_CATEGORIES } from '../../src/tickets/domain/categories.ts';
import { parseIntake } from '../../src/tickets/domain/fields.ts';
import { NOT_ACCEPTED_REASONS } from '../../src/tickets/domain/not-accepted.ts';
import { actors, complaintReply, DAY, HOUR, intake, Ticket } from './support/domain-harness.ts';
import { expectRuleError } from './support/expect-error.ts';

const cats = indexCategories(SEED_CATEGORIES);

describe('intake (Art. 9, 11)', () => {
  it('Art. 11: a ticket records requester, content, time, place and classification', () => {
    const t = new Ticket(intake({ occurredAt: '2026-03-01T08:00:00Z' }));
    expect(t.state.phase).toBe('registered');
    expect(t.state.intake).toMatchObject({
      type: '投诉',
      categoryId: 'public.water',
      location: { county: '康定市' },
    });
    expect(t.state.dispatchDueAt).toBe('2026-03-02T04:00:00.000Z');
  });
  it('Art. 11: missing place, unknown category, bad phone and bad channel are typed errors', () => {
    const base = {
      channel: 'phone',
      content: 'x',
      type: '咨询',
      categoryId: 'public.water',
      requester: {},
      location: { county: '康定市' },
    };
    expectRuleError(
      () => parseIntake({ ...base, location: {} }, cats.has),
      'TICKET_INVALID_PAYLOAD',
      /county/,
    );
    expectRuleError(
      () => parseIntake({ ...base, categoryId: 'nope' }, cats.has),
      'TICKET_INVALID_PAYLOAD',
      /unknown category/,
    );
    expectRuleError(
      () => parseIntake({ ...base, requester: { phone: 'abc' } }, cats.has),
      'TICKET_INVALID_PAYLOAD',
      /phone/,
    );
    expectRuleError(
      () => parseIntake({ ...base, channel: 'fax' }, cats.has),
      'TICKET_INVALID_PAYLOAD',
      /channel/,
    );
    expectRuleError(() => parseIntake({ ...base, type: '求救' }, cats.has), 'TICKET_INVALID_PAYLOAD', /type/);
    expectRuleError(() => parseIntake(null, cats.has), 'TICKET_INVALID_PAYLOAD');
  });
  it('Art. 9 (2): tickets handed down by an upper platform or 川渝 linkage carry its reference', () => {
    const base = {
      channel: 'upper_platform',
      content: 'x',
      type: '咨询',
      categoryId: 'other',
      requester: {},
      location: { county: '泸定县' },
    };
    expectRuleError(() => parseIntake(base, cats.has), 'TICKET_INVALID_PAYLOAD', /upperPlatformRef/);
    const ok = parseIntake({ ...base, upperPlatform: 'gov_cn', upperPlatformRef: 'GOV-1' }, cats.has);
    expect(ok.upperPlatformRef).toBe('GOV-1');
  });
  it('Art. 11: an anonymous requester keeps no name', () => {
    expect(intake({ requester: { name: '王五', anonymous: true, confidential: true } }).requester).toEqual({
      name: undefined,
      phone: undefined,
      anonymous: true,
      confidential: true,
    });
  });
  it('Art. 9: the seeded category tree covers the five domains and is searchable', () => {
    expect(SEED_CATEGORIES.map((c) => c.zh)).toEqual(
      expect.arrayContaining(['经济调节', '市场监管', '社会管理', '公共服务', '生态环境']),
    );
    expect(cats.search('供水').map((c) => c.id)).toContain('public.water');
    expect(cats.path('market.food').map((c) => c.zh)).toEqual(['市场监管', '食品安全']);
  });
  it('Art. 13 (2): special-urgent tickets must be notified within 3 minutes; normal ones have no such clock', () => {
    const urgent = new Ticket(intake({ priority: '特殊紧急事项' }));
    expect(Date.parse(urgent.state.specialNotifyDueAt as string) - Date.parse(urgent.state.createdAt)).toBe(
      180_000,
    );
    urgent.do('special_notified', actors.system, { targets: ['康定市人民政府'] });
    expect(urgent.state.specialNotifiedAt).toBeDefined();
    expectRuleError(() => urgent.do('special_notified', actors.system), 'TICKET_ILLEGAL_TRANSITION');
    const normal = new Ticket();
    expect(normal.state.specialNotifyDueAt).toBeUndefined();
    expectRuleError(
      () => normal.do('special_notified', actors.system),
      'TICKET_RULE_VIOLATION',
      /Art. 13 \(2\)/,
    );
  });
});

describe('不予受理 (Art. 10, 19 (3))', () => {
  it('Art. 10: each of the eight reasons archives the ticket with guidance', () => {
    expect(NOT_ACCEPTED_REASONS).toHaveLength(8);
    for (const r of NOT_ACCEPTED_REASONS) {
      const t = new Ticket().do('not_accepted', actors.agent, { reasonCode: r.code });
      expect(t.state).toMatchObject({
        phase: 'not_accepted',
        closure: 'not_accepted',
        notAccepted: { reasonCode: r.code, guidance: r.guidanceZh },
      });
    }
  });
  it('Art. 10: a reason outside the eight is refused; an archived ticket accepts no more moves', () => {
    expectRuleError(
      () => new Ticket().do('not_accepted', actors.agent, { reasonCode: 9 }),
      'TICKET_INVALID_PAYLOAD',
    );
    const t = new Ticket().do('not_accepted', actors.agent, { reasonCode: 3, guidance: '请拨打110' });
    expect(t.state.notAccepted?.guidance).toBe('请拨打110');
    expectRuleError(
      () => t.do('dispatched', actors.center, { mode: 'single', unitId: 'u1' }),
      'TICKET_ILLEGAL_TRANSITION',
      /not_accepted/,
    );
  });
  it('Art. 19 (3): after investigation only the center archives a dispatched ticket as not accepted', () => {
    const t = new Ticket().dispatchedTo('water');
    expectRuleError(
      () => t.do('not_accepted', actors.agent, { reasonCode: 7 }),
      'TICKET_RULE_VIOLATION',
      /Art. 19 \(3\)/,
    );
    t.do('not_accepted', actors.center, { reasonCode: 7 });
    expect(t.state.phase).toBe('not_accepted');
  });
});

describe('即办 and 批办 (Art. 12 (1), 12 (3))', () => {
  it('Art. 12 (1): 即办 answered on the call citing a KB article → callback → closed', () => {
    const t = new Ticket(intake({ type: '咨询' })).do('answered_immediately', actors.agent, {
      answer: '按政策办理',
      kbArticleId: 'kb-42',
    });
    expect(t.state).toMatchObject({ phase: 'awaiting_callback', immediate: { kbArticleId: 'kb-42' } });
    t.do('callback_recorded', actors.agent, { method: 'phone', service: '满意', result: '满意' });
    expect(t.state).toMatchObject({ phase: 'closed', closure: 'satisfied' });
  });
  it('Art. 12 (1): only an agent answers immediately, and only before dispatch', () => {
    expectRuleError(
      () => new Ticket().do('answered_immediately', actors.staff('u'), { answer: 'x' }),
      'TICKET_ROLE_FORBIDDEN',
    );
    expectRuleError(
      () => new Ticket().dispatchedTo('u').do('answered_immediately', actors.agent, { answer: 'x' }),
      'TICKET_ILLEGAL_TRANSITION',
    );
  });
  it('Art. 12 (3): 批办 — escalated, the government instruction recorded, then dispatched at once', () => {
    const t = new Ticket().do('escalated', actors.center, { reason: '重大突发事件' });
    expectRuleError(
      () => t.do('dispatched', actors.center, { mode: 'single', unitId: 'u1' }),
      'TICKET_ILLEGAL_TRANSITION',
      /escalated/,
    );
    expectRuleError(
      () => t.do('instruction_recorded', actors.center, { instruction: 'x' }),
      'TICKET_ROLE_FORBIDDEN',
    );
    t.do('instruction_recorded', actors.authority, { instruction: '请州应急局牵头立即处置' });
    expect(t.state).toMatchObject({ phase: 'registered', instruction: '请州应急局牵头立即处置' });
    t.do('dispatched', actors.center, { mode: 'single', unitId: 'emergency' });
    expect(t.state.phase).toBe('handling');
  });
});

describe('转办 (Art. 12 (2), 13 (1))', () => {
  it('Art. 13 (1): dispatch fixes the sign-for (3 working hours) and completion deadlines (5 working days for a complaint, 2 for a consultation)', () => {
    const t = new Ticket().advance(HOUR).do('dispatched', actors.center, { mode: 'single', unitId: 'water' });
    expect(t.state.assignments[0]).toMatchObject({
      unitId: 'water',
      role: 'sole',
      status: 'dispatched',
      signDueAt: '2026-03-02T05:00:00.000Z',
    });
    expect(t.state.completionDueAt).toBe(new Date(t.now.getTime() + 5 * DAY).toISOString());
    const c = new Ticket(intake({ type: '咨询' })).do('dispatched', actors.center, {
      mode: 'single',
      unitId: 'water',
    });
    expect(c.state.completionDueAt).toBe(new Date(c.now.getTime() + 2 * DAY).toISOString());
  });
  it('Art. 12 (2) 1: one unit signs for (签收), replies, center passes, callback 满意 closes it', () => {
    const t = new Ticket().dispatchedTo('water');
    expect(t.state.assignments[0]?.status).toBe('signed');
    t.do('replied', actors.staff('water'), complaintReply).do('review_passed', actors.center);
    t.do('callback_recorded', actors.agent, { method: 'phone', service: '满意', result: '基本满意' });
    expect(t.state).toMatchObject({ phase: 'closed', closure: 'satisfied', redispatches: 0 });
    expect(t.events.map((e) => e.type)).toEqual([
      'created',
      'dispatched',
      'signed_for',
      'replied',
      'review_passed',
      'callback_recorded',
    ]);
  });
  it('Art. 12 (2) 2: lead (主办) and co-units (协办) get it at once; the lead replies once, after all co-units gave input', () => {
    const t = new Ticket().do('dispatched', actors.authority, {
      mode: 'multi',
      unitId: 'lead',
      coUnitIds: ['co1', 'co2'],
    });
    expect(t.state.assignments.map((a) => [a.unitId, a.role, a.status])).toEqual([
      ['lead', 'lead', 'dispatched'],
      ['co1', 'co', 'dispatched'],
      ['co2', 'co', 'dispatched'],
    ]);
    for (const u of ['lead', 'co1', 'co2']) t.do('signed_for', actors.staff(u));
    expectRuleError(
      () => t.do('replied', actors.staff('co1'), complaintReply),
      'TICKET_RULE_VIOLATION',
      /lead/,
    );
    expectRuleError(
      () => t.do('input_submitted', actors.staff('lead'), { input: 'x' }),
      'TICKET_RULE_VIOLATION',
      /co-handling/,
    );
    t.do('input_submitted', actors.staff('co1'), { input: '已核查' });
    expectRuleError(
      () => t.do('replied', actors.staff('lead'), complaintReply),
      'TICKET_RULE_VIOLATION',
      /co-units/,
    );
    t.do('input_submitted', actors.staff('co2'), { input: '已配合' }).do(
      'replied',
      actors.staff('lead'),
      complaintReply,
    );
    expect(t.state.phase).toBe('awaiting_review');
    expectRuleError(() => t.do('replied', actors.staff('lead'), complaintReply), 'TICKET_ILLEGAL_TRANSITION');
  });
  it('Art. 12 (2) 2: lead and co-units must be distinct and a multi dispatch names co-units', () => {
    expectRuleError(
      () => new Ticket().do('dispatched', actors.center, { mode: 'multi', unitId: 'a', coUnitIds: [] }),
      'TICKET_RULE_VIOLATION',
    );
    expectRuleError(
      () => new Ticket().do('dispatched', actors.center, { mode: 'multi', unitId: 'a', coUnitIds: ['a'] }),
      'TICKET_RULE_VIOLATION',
    );
    expectRuleError(
      () => new Ticket().do('dispatched', actors.center, { mode: 'single', unitId: 'a', coUnitIds: ['b'] }),
      'TICKET_RULE_VIOLATION',
    );
    expectRuleError(
      () => new Ticket().do('dispatched', actors.center, { mode: 'broadcast', unitId: 'a' }),
      'TICKET_INVALID_PAYLOAD',
    );
    expectRuleError(
      () => new Ticket().do('dispatched', actors.agent, { mode: 'single', unitId: 'a' }),
      'TICKET_ROLE_FORBIDDEN',
    );
  });
  it('Art. 12 (2) 3: territorial — the county office signs, forwards to the local unit, which replies; the office reviews', () => {
    const t = new Ticket().do('dispatched', actors.center, {
      mode: 'territorial',
      unitId: 'kangding-office',
    });
    t.do('signed_for', actors.office).do('forwarded', actors.office, { toUnitId: 'kangding-water' });
    expect(t.state.replyingUnitId).toBe('kangding-water');
    expectRuleError(
      () => t.do('replied', actors.staff('kangding-water'), complaintReply),
      'TICKET_ILLEGAL_TRANSITION',
      /signed/,
    );
    t.do('signed_for', actors.staff('kangding-water')).do(
      'replied',
      actors.staff('kangding-water'),
      complaintReply,
    );
    t.do('review_passed', actors.office);
    expect(t.state.phase).toBe('awaiting_callback');
    expect(t.state.unitIds).toEqual(['kangding-office', 'kangding-water']);
  });
  it('Art. 12 (2) 4: a unit forwards to its subordinate body and still replies itself', () => {
    const t = new Ticket()
      .dispatchedTo('bureau')
      .do('forwarded', actors.staff('bureau'), { toUnitId: 'station' });
    expect(t.state.assignments[1]).toMatchObject({
      unitId: 'station',
      role: 'subordinate',
      forwardedBy: 'bureau',
    });
    t.do('signed_for', actors.staff('station'));
    expectRuleError(() => t.do('replied', actors.staff('station'), complaintReply), 'TICKET_RULE_VIOLATION');
    t.do('replied', actors.staff('bureau'), complaintReply);
    expect(t.state.phase).toBe('awaiting_review');
    expectRuleError(() => t.do('review_passed', actors.office), 'TICKET_RULE_VIOLATION', /Art. 14/);
  });
  it('Art. 13 (1): a unit signs for only its own ticket, and only once', () => {
    const t = new Ticket().dispatchedTo('water');
    expectRuleError(() => t.do('signed_for', actors.staff('water')), 'TICKET_ILLEGAL_TRANSITION');
    expectRuleError(() => t.do('signed_for', actors.staff('police')), 'TICKET_NOT_YOUR_UNIT');
    expectRuleError(() => t.do('signed_for', { id: 'x', role: 'unit_staff' }), 'TICKET_NOT_YOUR_UNIT');
  });
});
