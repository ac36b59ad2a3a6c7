import { describe, expect, it } from 'vitest';
import { isOutOfScopeOnly } from '../../src/tickets/domain/rules-handling.ts';
import { actors, complaintReply, DAY, HOUR, intake, Ticket } from './support/domain-harness.ts';
import { expectRuleError } from './support/expect-error.ts';

const ret = {
  reason: '该小区供水管网产权属县住建局，非本公司维护',
  policyBasis: '《城市供水条例》第二十九条',
  suggestedUnitId: 'housing',
};

describe('答复 content by type (Art. 14)', () => {
  const cases = [
    ['咨询', { handler: 'a', summary: 'b' }, ['policyBasis']],
    [
      '求助',
      { handler: 'a', summary: 'b', policyBasis: 'p' },
      ['contactMethod', 'investigation', 'requesterSatisfied'],
    ],
    [
      '投诉',
      { handler: 'a', summary: 'b', contactMethod: 'c' },
      ['investigation', 'policyBasis', 'requesterSatisfied'],
    ],
    [
      '举报',
      { summary: 'b' },
      ['handler', 'contactMethod', 'investigation', 'policyBasis', 'requesterSatisfied'],
    ],
    ['意见建议', { handler: 'a', summary: 'b' }, ['adopted']],
  ] as const;
  for (const [type, partial, missing] of cases) {
    it(`Art. 14: a ${type} reply without ${missing.join(', ')} is refused`, () => {
      const t = new Ticket(intake({ type })).dispatchedTo('u');
      const err = expectRuleError(
        () => t.do('replied', actors.staff('u'), partial),
        'TICKET_INVALID_PAYLOAD',
        /Art. 14/,
      );
      expect(err.details.missing).toEqual(missing);
      expect(t.state.phase).toBe('handling');
    });
  }
  it('Art. 14: complete replies per type are accepted, with attachments', () => {
    new Ticket(intake({ type: '咨询' }))
      .dispatchedTo('u')
      .do('replied', actors.staff('u'), { handler: 'a', summary: 'b', policyBasis: 'p' });
    new Ticket(intake({ type: '意见建议' }))
      .dispatchedTo('u')
      .do('replied', actors.staff('u'), { handler: 'a', summary: 'b', adopted: false });
    new Ticket(intake({ type: '表扬' }))
      .dispatchedTo('u')
      .do('replied', actors.staff('u'), { handler: 'a', summary: '已备案' });
    const t = new Ticket()
      .dispatchedTo('u')
      .do('replied', actors.staff('u'), { ...complaintReply, attachmentIds: ['att-1'] });
    expect(t.state.replies[0]?.content).toMatchObject({ attachmentIds: ['att-1'], requesterSatisfied: true });
    expect(t.state.replies[0]?.onTime).toBe(true);
  });
});

describe('退件 (Art. 17)', () => {
  it('Art. 17: return needs leader sign-off and takes effect on center approval; the ticket goes back for dispatch', () => {
    const t = new Ticket().dispatchedTo('water').do('return_requested', actors.staff('water'), ret);
    expect(t.state.assignments[0]?.status).toBe('return_requested');
    expectRuleError(
      () => t.do('return_approved', actors.center, { unitId: 'water' }),
      'TICKET_RULE_VIOLATION',
      /signed it off/,
    );
    expectRuleError(() => t.do('return_signed_off', actors.staff('water')), 'TICKET_ROLE_FORBIDDEN');
    expectRuleError(() => t.do('return_signed_off', actors.leader('police')), 'TICKET_NOT_YOUR_UNIT');
    t.do('return_signed_off', actors.leader('water'));
    expect(t.state.assignments[0]?.returnRequest?.signedOffBy).toBe('water-leader');
    expectRuleError(
      () => t.do('return_approved', actors.leader('water'), { unitId: 'water' }),
      'TICKET_ROLE_FORBIDDEN',
    );
    t.do('return_approved', actors.center, { unitId: 'water' });
    expect(t.state).toMatchObject({ phase: 'registered', replyingUnitId: undefined });
    expect(t.state.assignments[0]?.status).toBe('returned');
    t.do('dispatched', actors.center, { mode: 'single', unitId: 'housing' });
    expect(t.state.replyingUnitId).toBe('housing');
  });
  it('Art. 17: "out of scope" alone is refused', () => {
    for (const reason of ['不属于本单位职责范围', '诉求事项超出受理/职责范围，不予受理', 'out of scope']) {
      expect(isOutOfScopeOnly(reason)).toBe(true);
      const t = new Ticket().dispatchedTo('water');
      expectRuleError(
        () => t.do('return_requested', actors.staff('water'), { ...ret, reason }),
        'TICKET_RULE_VIOLATION',
        /out of scope/,
      );
    }
    expect(isOutOfScopeOnly(ret.reason)).toBe(false);
  });
  it('Art. 17: a return states policy basis and a different suggested unit', () => {
    const t = new Ticket().dispatchedTo('water');
    expectRuleError(
      () => t.do('return_requested', actors.staff('water'), { ...ret, policyBasis: '' }),
      'TICKET_INVALID_PAYLOAD',
      /policyBasis/,
    );
    expectRuleError(
      () => t.do('return_requested', actors.staff('water'), { ...ret, suggestedUnitId: 'water' }),
      'TICKET_RULE_VIOLATION',
    );
  });
  it('Art. 17: return only within 1 working day of receipt', () => {
    const t = new Ticket().dispatchedTo('water').advance(DAY + HOUR);
    expectRuleError(
      () => t.do('return_requested', actors.staff('water'), ret),
      'TICKET_RULE_VIOLATION',
      /1 working day/,
    );
  });
  it('Art. 17: center rejection restores the assignment; a co-unit return leaves the lead in charge', () => {
    const t = new Ticket().do('dispatched', actors.center, {
      mode: 'multi',
      unitId: 'lead',
      coUnitIds: ['co'],
    });
    t.do('signed_for', actors.staff('co'))
      .do('return_requested', actors.leader('co'), ret)
      .do('return_rejected', actors.center, { unitId: 'co', reason: '属你单位职责' });
    expect(t.state.assignments[1]?.status).toBe('signed');
    t.do('return_requested', actors.leader('co'), ret)
      .do('return_signed_off', actors.leader('co'))
      .do('return_approved', actors.center, { unitId: 'co' });
    expect(t.state).toMatchObject({ phase: 'handling', replyingUnitId: 'lead' });
    t.do('signed_for', actors.staff('lead')).do('replied', actors.staff('lead'), complaintReply);
    expect(t.state.phase).toBe('awaiting_review');
  });
  it('Art. 12 (2) 5: a unit designated by the authority may not return it', () => {
    const t = new Ticket().do('dispatched', actors.authority, {
      mode: 'single',
      unitId: 'u',
      designatedByAuthority: true,
    });
    expectRuleError(
      () => t.do('return_requested', actors.staff('u'), ret),
      'TICKET_RULE_VIOLATION',
      /designated/,
    );
    expectRuleError(
      () =>
        new Ticket().do('dispatched', actors.center, {
          mode: 'single',
          unitId: 'u',
          designatedByAuthority: true,
        }),
      'TICKET_RULE_VIOLATION',
    );
  });
});

describe('延期 (Art. 13 (1))', () => {
  it('Art. 13 (1): extension approved by the center moves the deadline; the unit records it told the requester before replying', () => {
    const t = new Ticket().dispatchedTo('u');
    const due = Date.parse(t.state.completionDueAt as string);
    t.do('extension_requested', actors.staff('u'), { days: 3, reason: '需第三方检测' });
    expectRuleError(
      () => t.do('extension_requested', actors.staff('u'), { days: 1, reason: 'x' }),
      'TICKET_ILLEGAL_TRANSITION',
      /pending/,
    );
    expectRuleError(() => t.do('extension_approved', actors.staff('u')), 'TICKET_ROLE_FORBIDDEN');
    t.do('extension_approved', actors.center);
    expect(Date.parse(t.state.completionDueAt as string) - due).toBe(3 * DAY);
    expectRuleError(
      () => t.do('replied', actors.staff('u'), complaintReply),
      'TICKET_RULE_VIOLATION',
      /told/,
    );
    t.do('requester_informed', actors.staff('u'), { how: '电话告知' }).do(
      'replied',
      actors.staff('u'),
      complaintReply,
    );
    expect(t.state.extensions[0]).toMatchObject({ status: 'approved', requesterInformed: true });
  });
  it('Art. 13 (1): at most 5 working days each and 2 extensions', () => {
    const t = new Ticket().dispatchedTo('u');
    expectRuleError(
      () => t.do('extension_requested', actors.staff('u'), { days: 6, reason: 'x' }),
      'TICKET_RULE_VIOLATION',
      /5 working days/,
    );
    t.do('extension_requested', actors.staff('u'), { days: 5, reason: 'x' }).do(
      'extension_approved',
      actors.center,
    );
    t.do('extension_requested', actors.staff('u'), { days: 5, reason: 'x' }).do(
      'extension_approved',
      actors.center,
    );
    expectRuleError(
      () => t.do('extension_requested', actors.staff('u'), { days: 1, reason: 'x' }),
      'TICKET_RULE_VIOLATION',
      /at most 2/,
    );
    t.do('extension_requested', actors.staff('u'), {
      days: 10,
      reason: 'x',
      lawBasis: '《信访工作条例》规定60日',
    });
    expect(t.state.extensions).toHaveLength(3);
  });
  it('Art. 13 (1): request at least 1 working day before the deadline', () => {
    const t = new Ticket().dispatchedTo('u').advance(4 * DAY + HOUR);
    expectRuleError(
      () => t.do('extension_requested', actors.staff('u'), { days: 2, reason: 'x' }),
      'TICKET_RULE_VIOLATION',
      /before the deadline/,
    );
  });
  it('Art. 13 (1): consultations and national/provincial tickets are not extendable; a rejected request changes nothing', () => {
    const c = new Ticket(intake({ type: '咨询' })).dispatchedTo('u');
    expectRuleError(
      () => c.do('extension_requested', actors.staff('u'), { days: 1, reason: 'x' }),
      'TICKET_RULE_VIOLATION',
      /consultations/,
    );
    const n = new Ticket(
      intake({ channel: 'upper_platform', upperPlatform: 'national_gov_service', upperPlatformRef: 'N-1' }),
    ).dispatchedTo('u');
    expectRuleError(
      () => n.do('extension_requested', actors.staff('u'), { days: 1, reason: 'x' }),
      'TICKET_RULE_VIOLATION',
      /national/,
    );
    const t = new Ticket().dispatchedTo('u');
    const due = t.state.completionDueAt;
    t.do('extension_requested', actors.staff('u'), { days: 2, reason: 'x' }).do(
      'extension_rejected',
      actors.center,
      { reason: '理由不充分' },
    );
    expect(t.state.completionDueAt).toBe(due);
    expectRuleError(
      () => t.do('requester_informed', actors.staff('u'), { how: 'x' }),
      'TICKET_ILLEGAL_TRANSITION',
    );
  });
});

describe('终结 (Art. 19 (2))', () => {
  const opinion = {
    opinion: '经调查，该诉求已于前次依法办结并答复，诉求人以同一事实重复反映。',
    signedBy: '王局长',
    priorTicketIds: ['T0'],
    explainedToRequester: true,
  };
  it('Art. 19 (2): termination needs a written opinion signed by the unit head', () => {
    const t = new Ticket().dispatchedTo('u');
    expectRuleError(() => t.do('terminated', actors.leader('u'), opinion), 'TICKET_ROLE_FORBIDDEN');
    expectRuleError(
      () => t.do('terminated', actors.head('u'), { ...opinion, priorTicketIds: [] }),
      'TICKET_RULE_VIOLATION',
      /earlier tickets/,
    );
    expectRuleError(
      () => t.do('terminated', actors.head('u'), { ...opinion, explainedToRequester: false }),
      'TICKET_RULE_VIOLATION',
      /explain/,
    );
    expectRuleError(
      () => t.do('terminated', actors.head('u'), { ...opinion, opinion: '' }),
      'TICKET_INVALID_PAYLOAD',
    );
    expectRuleError(() => t.do('terminated', actors.head('other'), opinion), 'TICKET_RULE_VIOLATION');
    t.do('terminated', actors.head('u'), opinion);
    expect(t.state).toMatchObject({
      phase: 'terminated',
      closure: 'terminated',
      termination: { signedBy: '王局长' },
    });
  });
});
