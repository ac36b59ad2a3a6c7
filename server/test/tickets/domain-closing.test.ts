import { describe, expect, it } from 'vitest';
import { clockRunning, effectsOf, type TimerEffect } from '../../src/tickets/domain/effects.ts';
import { reduce } from '../../src/tickets/domain/lifecycle.ts';
import { TRANSITIONS } from '../../src/tickets/domain/transition-table.ts';
import { actors, complaintReply, DAY, fakeSla, HOUR, intake, Ticket } from './support/domain-harness.ts';
import { expectRuleError } from './support/expect-error.ts';

const replied = () => new Ticket().dispatchedTo('u').do('replied', actors.staff('u'), complaintReply);
const inCallback = () => replied().do('review_passed', actors.center);
const unhappy = (cause: string) => ({
  method: 'phone',
  service: '满意',
  result: '不满意',
  dissatisfiedCause: cause,
});

describe('review (Art. 14, 26)', () => {
  it('Art. 14: send-back returns it to the unit and the first review stays failed', () => {
    const t = replied();
    expectRuleError(() => t.do('review_passed', actors.staff('u')), 'TICKET_ROLE_FORBIDDEN');
    t.do('sent_back', actors.center, { reason: '未注明政策依据' });
    expect(t.state.phase).toBe('handling');
    t.do('replied', actors.staff('u'), complaintReply).do('review_passed', actors.center);
    expect(t.state.reviews.map((r) => r.passed)).toEqual([false, true]);
    expect(t.state.phase).toBe('awaiting_callback');
  });
});

describe('回访 (Art. 16)', () => {
  it('Art. 16: a 基本满意 rating by SMS concludes the ticket', () => {
    const t = inCallback().do('callback_recorded', actors.system, {
      method: 'sms',
      service: '基本满意',
      result: '满意',
    });
    expect(t.state).toMatchObject({ phase: 'closed', closure: 'satisfied' });
  });
  it('Art. 16: no rating within the window → 基本满意 and auto-close; not before the window ends', () => {
    const t = inCallback();
    expectRuleError(() => t.do('auto_rated', actors.system), 'TICKET_RULE_VIOLATION', /window/);
    expectRuleError(() => t.advance(8 * DAY).do('auto_rated', actors.agent), 'TICKET_ROLE_FORBIDDEN');
    t.do('auto_rated', actors.system);
    expect(t.state).toMatchObject({ phase: 'closed', closure: 'auto' });
    expect(t.state.callbacks[0]).toMatchObject({ method: 'auto', service: '基本满意', result: '基本满意' });
    expectRuleError(
      () => t.do('callback_recorded', actors.agent, { method: 'phone', service: '满意', result: '满意' }),
      'TICKET_ILLEGAL_TRANSITION',
    );
  });
  it('Art. 16: ratings are validated and a 不满意 records its cause', () => {
    const t = inCallback();
    expectRuleError(
      () => t.do('callback_recorded', actors.agent, { method: 'phone', service: '很好', result: '满意' }),
      'TICKET_INVALID_PAYLOAD',
    );
    expectRuleError(
      () => t.do('callback_recorded', actors.agent, { method: 'fax', service: '满意', result: '满意' }),
      'TICKET_INVALID_PAYLOAD',
    );
    expectRuleError(
      () => t.do('callback_recorded', actors.agent, { method: 'phone', service: '满意', result: '不满意' }),
      'TICKET_INVALID_PAYLOAD',
      /cause/,
    );
  });
  it('Art. 16: a unit disputes a 不满意 rating and the center screens it (甄别)', () => {
    const t = inCallback()
      .do('callback_recorded', actors.agent, unhappy('objective'))
      .do('annotated_closed', actors.center, { annotation: '诉求超出政策规定' });
    expectRuleError(
      () => t.do('rating_disputed', actors.staff('other'), { reason: 'x' }),
      'TICKET_RULE_VIOLATION',
    );
    t.do('rating_disputed', actors.leader('u'), { reason: '已按政策答复' });
    expectRuleError(
      () => t.do('rating_disputed', actors.leader('u'), { reason: 'x' }),
      'TICKET_ILLEGAL_TRANSITION',
    );
    expectRuleError(() => t.do('dispute_screened', actors.center, { note: 'x' }), 'TICKET_INVALID_PAYLOAD');
    t.do('dispute_screened', actors.center, { upheld: true, note: '答复符合政策' });
    expect(t.state.dispute).toMatchObject({ status: 'upheld', unitId: 'u' });
    const happy = inCallback().do('callback_recorded', actors.agent, {
      method: 'phone',
      service: '满意',
      result: '满意',
    });
    expectRuleError(
      () => happy.do('rating_disputed', actors.staff('u'), { reason: 'x' }),
      'TICKET_RULE_VIOLATION',
      /不满意/,
    );
  });
});

describe('重派 and 备注办结 (Art. 18, 19 (1))', () => {
  it('Art. 18: 不满意 from poor handling → 重派 → unit signs again → second callback is final', () => {
    const t = inCallback().do('callback_recorded', actors.agent, unhappy('poor_handling'));
    expect(t.state.phase).toBe('awaiting_decision');
    expectRuleError(
      () => t.do('annotated_closed', actors.center, { annotation: 'x' }),
      'TICKET_RULE_VIOLATION',
      /Art. 18/,
    );
    t.advance(DAY).do('redispatched', actors.center);
    expect(t.state).toMatchObject({ phase: 'handling', redispatches: 1 });
    expect(t.state.assignments.map((a) => a.status)).toEqual(['superseded', 'dispatched']);
    expectRuleError(() => t.do('replied', actors.staff('u'), complaintReply), 'TICKET_ILLEGAL_TRANSITION');
    t.do('signed_for', actors.staff('u'))
      .do('replied', actors.staff('u'), complaintReply)
      .do('review_passed', actors.center);
    t.do('callback_recorded', actors.agent, unhappy('poor_handling'));
    expect(t.state).toMatchObject({ phase: 'closed', closure: 'final' });
    expect(t.state.callbacks.map((c) => c.round)).toEqual([1, 2]);
  });
  it('Art. 18: dissatisfaction for objective reasons is not re-dispatched', () => {
    const t = inCallback().do('callback_recorded', actors.agent, unhappy('objective'));
    expectRuleError(() => t.do('redispatched', actors.center), 'TICKET_RULE_VIOLATION', /poor handling/);
  });
  it('Art. 19 (1): objective dissatisfaction with clear facts → 备注办结', () => {
    const t = inCallback().do('callback_recorded', actors.agent, unhappy('objective'));
    expectRuleError(() => t.do('annotated_closed', actors.center, {}), 'TICKET_INVALID_PAYLOAD');
    t.do('annotated_closed', actors.center, { annotation: '诉求人期望过高，已解释' });
    expect(t.state).toMatchObject({ phase: 'closed', closure: 'annotated' });
  });
});

describe('督办 and SLA events (Art. 13, 15)', () => {
  it('Art. 15: a breach raises the supervision level; the authority raises it explicitly, never lowers it', () => {
    const t = new Ticket().dispatchedTo('u');
    t.do('sla_warning', actors.system, { clock: 'completion', dueAt: t.state.completionDueAt });
    t.do('sla_breached', actors.system, { clock: 'completion', dueAt: t.state.completionDueAt });
    expect(t.state).toMatchObject({
      supervisionLevel: 1,
      slaWarnings: [expect.stringMatching(/^completion/)],
    });
    expectRuleError(
      () => t.do('sla_breached', actors.center, { clock: 'x', dueAt: 'y' }),
      'TICKET_ROLE_FORBIDDEN',
    );
    expectRuleError(
      () => t.do('supervision_raised', actors.authority, { level: 1, reason: 'x' }),
      'TICKET_ILLEGAL_TRANSITION',
    );
    expectRuleError(
      () => t.do('supervision_raised', actors.authority, { level: 5, reason: 'x' }),
      'TICKET_INVALID_PAYLOAD',
    );
    t.do('supervision_raised', actors.authority, { level: 3, reason: '约谈' });
    expect(t.state.supervisionLevel).toBe(3);
  });
});

describe('special matters (Art. 13 (2))', () => {
  it('Art. 13 (2): dispatching a special-urgent matter starts first-response (2 h) and progress (12 h) clocks; reporting stops them', () => {
    const t = new Ticket(intake({ priority: '特殊紧急事项' })).do('dispatched', actors.center, {
      mode: 'single',
      unitId: 'u',
    });
    const deps = { warningAt: (_c: string, s: Date) => s, dueAt: fakeSla.dueAt, callbackWindowMs: DAY };
    const timers = effectsOf(t.events[1] as (typeof t.events)[number], t.state, deps).filter(
      (e): e is TimerEffect => e.kind === 'timer',
    );
    const breach = (clock: string) =>
      timers.find((x) => x.data.type === 'sla' && x.data.clock === clock && x.data.stage === 'breach');
    expect(Date.parse(breach('special_first_response')?.runAt as string) - t.now.getTime()).toBe(2 * HOUR);
    expect(Date.parse(breach('special_progress')?.runAt as string) - t.now.getTime()).toBe(12 * HOUR);
    const first = breach('special_first_response')?.data as Parameters<typeof clockRunning>[1];
    expect(clockRunning(t.state, first)).toBe(true);
    t.do('signed_for', actors.staff('u'));
    expectRuleError(
      () => t.do('first_response_reported', actors.staff('other'), { text: 'x' }),
      'TICKET_RULE_VIOLATION',
      /replying/,
    );
    t.do('first_response_reported', actors.staff('u'), { text: '已派抢险队赶赴现场' });
    expect(clockRunning(t.state, first)).toBe(false);
    expectRuleError(
      () => t.do('first_response_reported', actors.staff('u'), { text: 'again' }),
      'TICKET_ILLEGAL_TRANSITION',
    );
    t.do('progress_reported', actors.staff('u'), { text: '抢修进行中' });
    expect(t.state.progressReportedAt).toBeDefined();
  });
  it('Art. 13 (2): ordinary tickets have no first-response or progress reports', () => {
    const t = new Ticket().dispatchedTo('u');
    expectRuleError(
      () => t.do('first_response_reported', actors.staff('u'), { text: 'x' }),
      'TICKET_RULE_VIOLATION',
      /special/,
    );
    expectRuleError(
      () => t.do('progress_reported', actors.staff('u'), { text: 'x' }),
      'TICKET_RULE_VIOLATION',
    );
  });
});

describe('the transition table and the reducer', () => {
  it('Art. 9–19: every row names its article, phases and roles', () => {
    for (const [name, rule] of Object.entries(TRANSITIONS)) {
      expect(rule.article, name).toMatch(/Art\. \d+|并单/);
      expect(rule.from.length, name).toBeGreaterThan(0);
      expect(rule.roles.length, name).toBeGreaterThan(0);
    }
  });
  it('unknown commands, wrong roles and illegal moves are typed errors that leave the state unchanged', () => {
    const t = new Ticket();
    const before = t.state;
    expectRuleError(() => t.do('teleport', actors.center), 'TICKET_INVALID_PAYLOAD', /unknown command/);
    expectRuleError(() => t.do('toString', actors.center), 'TICKET_INVALID_PAYLOAD', /unknown command/);
    expectRuleError(
      () => t.do('replied', actors.staff('u'), complaintReply),
      'TICKET_ILLEGAL_TRANSITION',
      /registered/,
    );
    expectRuleError(() => t.do('review_passed', actors.center), 'TICKET_ILLEGAL_TRANSITION');
    expect(t.state).toBe(before);
    expect(t.events).toHaveLength(1);
  });
  it('the current state is derived from the log: replay gives the same state; gaps are rejected', () => {
    const t = inCallback().do('callback_recorded', actors.agent, {
      method: 'phone',
      service: '满意',
      result: '满意',
    });
    expect(reduce(t.events)).toEqual(t.state);
    expect(reduce(JSON.parse(JSON.stringify(t.events)))).toEqual(JSON.parse(JSON.stringify(t.state)));
    const gap = [t.events[0], ...t.events.slice(2)] as typeof t.events;
    expectRuleError(() => reduce(gap), 'TICKET_VERSION_CONFLICT');
    expectRuleError(() => reduce(t.events.slice(1)), 'TICKET_INVALID_PAYLOAD', /created/);
    expectRuleError(() => reduce([]), 'TICKET_NOT_FOUND');
    expect(t.events.every((e) => e.actor.role && e.at)).toBe(true);
  });
});
