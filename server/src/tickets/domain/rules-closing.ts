// Transition-table rows from review to archive: review (Art. 14), 回访 (Art. 16), 重派 (Art. 18),
// 备注办结 (Art. 19 (1)), 甄别 (Art. 16), 督办 and SLA events (Art. 13, 15).
import { ruleViolation, TicketRuleError } from './errors.ts';
import { RATINGS, type Rating } from './fields.ts';
import { iso, mustBeReplyingUnit, optText, payload, type Rule, text } from './rule-kit.ts';
import { ACTIVE_ASSIGNMENT, type Callback, OPEN_PHASES, type TicketState } from './state.ts';

const rating = (v: unknown, field: string): Rating => {
  if (typeof v !== 'string' || !(RATINGS as readonly string[]).includes(v))
    throw new TicketRuleError('TICKET_INVALID_PAYLOAD', `${field} must be one of ${RATINGS.join(', ')}`);
  return v as Rating;
};

function mayReview(s: TicketState, actor: { role: string; unitId?: string }): void {
  if (actor.role === 'center') return;
  const office = s.assignments.some((a) => a.unitId === actor.unitId && a.status === 'forwarded');
  if (!office)
    throw ruleViolation('Art. 14', 'only the center or the forwarding county office reviews replies');
}

const lastCallback = (s: TicketState): Callback | undefined => s.callbacks[s.callbacks.length - 1];
const dissatisfied = (c: Callback | undefined) =>
  c !== undefined && (c.service === '不满意' || c.result === '不满意');

export const closingRules: Record<string, Rule> = {
  review_passed: {
    article: 'Art. 14',
    from: ['awaiting_review'],
    roles: ['center', 'county_office'],
    decide(s, _input, actor) {
      mayReview(s, actor);
      return {};
    },
    apply: (s, e) => ({
      ...s,
      phase: 'awaiting_callback',
      callbackOpenedAt: e.at,
      reviews: [...s.reviews, { at: e.at, passed: true, by: e.actor.id }],
    }),
  },
  sent_back: {
    article: 'Art. 14 / Art. 26',
    from: ['awaiting_review'],
    roles: ['center', 'county_office'],
    decide(s, input, actor) {
      mayReview(s, actor);
      return { reason: text(input, 'reason') };
    },
    apply: (s, e) => ({
      ...s,
      phase: 'handling',
      reviews: [
        ...s.reviews,
        { at: e.at, passed: false, by: e.actor.id, reason: payload<{ reason: string }>(e).reason },
      ],
    }),
  },
  callback_recorded: {
    article: 'Art. 16',
    from: ['awaiting_callback'],
    roles: ['agent', 'system'],
    decide(s, input) {
      const method = input.method;
      if (method !== 'phone' && method !== 'sms' && method !== 'in_person')
        throw new TicketRuleError('TICKET_INVALID_PAYLOAD', 'method must be phone, sms or in_person');
      const service = rating(input.service, 'service');
      const result = rating(input.result, 'result');
      const cause = input.dissatisfiedCause;
      const unhappy = service === '不满意' || result === '不满意';
      if (unhappy && cause !== 'poor_handling' && cause !== 'objective')
        throw new TicketRuleError(
          'TICKET_INVALID_PAYLOAD',
          'a 不满意 rating records its cause: poor_handling or objective',
        );
      return {
        round: s.redispatches + 1,
        method,
        service,
        result,
        ...(unhappy ? { dissatisfiedCause: cause } : {}),
        note: optText(input, 'note'),
      };
    },
    apply(s, e) {
      const c = { ...(e.payload as Omit<Callback, 'at'>), at: e.at } as Callback;
      const callbacks = [...s.callbacks, c];
      if (!dissatisfied(c)) return { ...s, callbacks, phase: 'closed', closedAt: e.at, closure: 'satisfied' };
      if (c.round >= 2) return { ...s, callbacks, phase: 'closed', closedAt: e.at, closure: 'final' };
      return { ...s, callbacks, phase: 'awaiting_decision' };
    },
  },
  auto_rated: {
    article: 'Art. 16',
    from: ['awaiting_callback'],
    roles: ['system'],
    decide(s, _input, _actor, ctx) {
      const opens = Date.parse(s.callbackOpenedAt as string) + ctx.rules.callbackWindowMs;
      if (ctx.now.getTime() < opens)
        throw ruleViolation('Art. 16', 'the rating window is still open', { until: iso(new Date(opens)) });
      return { round: s.redispatches + 1 };
    },
    apply(s, e) {
      const c: Callback = {
        round: payload<{ round: number }>(e).round,
        at: e.at,
        method: 'auto',
        service: '基本满意',
        result: '基本满意',
      };
      return { ...s, callbacks: [...s.callbacks, c], phase: 'closed', closedAt: e.at, closure: 'auto' };
    },
  },
  redispatched: {
    article: 'Art. 18',
    from: ['awaiting_decision'],
    roles: ['center'],
    decide(s, _input, _actor, ctx) {
      if (lastCallback(s)?.dissatisfiedCause !== 'poor_handling')
        throw ruleViolation('Art. 18', 'only a callback 不满意 caused by poor handling is re-dispatched');
      if (!s.replyingUnitId)
        throw ruleViolation('Art. 18', 'an immediate (即办) ticket has no unit to re-dispatch to');
      return {
        unitId: s.replyingUnitId,
        signDueAt: iso(ctx.sla.dueAt('sign_for', ctx.now, s.intake)),
        completionDueAt: iso(ctx.sla.dueAt('completion', ctx.now, s.intake)),
      };
    },
    apply(s, e) {
      const p = payload<{ unitId: string; signDueAt: string; completionDueAt: string }>(e);
      return {
        ...s,
        phase: 'handling',
        redispatches: s.redispatches + 1,
        completionDueAt: p.completionDueAt,
        assignments: s.assignments.flatMap((a) =>
          a.unitId === p.unitId && ACTIVE_ASSIGNMENT.includes(a.status)
            ? [
                { ...a, status: 'superseded' as const },
                {
                  unitId: a.unitId,
                  role: a.role,
                  status: 'dispatched' as const,
                  dispatchedAt: e.at,
                  signDueAt: p.signDueAt,
                },
              ]
            : [a],
        ),
      };
    },
  },
  annotated_closed: {
    article: 'Art. 19 (1)',
    from: ['awaiting_decision'],
    roles: ['center'],
    decide(s, input) {
      if (lastCallback(s)?.dissatisfiedCause === 'poor_handling' && s.replyingUnitId)
        throw ruleViolation(
          'Art. 19 (1)',
          'dissatisfaction from poor handling is re-dispatched (Art. 18), not annotated',
        );
      return { annotation: text(input, 'annotation') };
    },
    apply: (s, e) => ({
      ...s,
      phase: 'closed',
      closedAt: e.at,
      closure: 'annotated',
      annotation: payload<{ annotation: string }>(e).annotation,
    }),
  },
  rating_disputed: {
    article: 'Art. 16',
    from: ['closed'],
    roles: ['unit_staff', 'unit_leader', 'unit_head'],
    decide(s, input, actor) {
      mustBeReplyingUnit(s, actor, 'Art. 16');
      if (!dissatisfied(lastCallback(s)))
        throw ruleViolation('Art. 16', 'only a 不满意 rating can be disputed');
      if (s.dispute)
        throw new TicketRuleError('TICKET_ILLEGAL_TRANSITION', 'this rating was already disputed');
      return { reason: text(input, 'reason') };
    },
    apply: (s, e) => ({
      ...s,
      dispute: {
        status: 'pending',
        reason: payload<{ reason: string }>(e).reason,
        unitId: e.actor.unitId as string,
      },
    }),
  },
  dispute_screened: {
    article: 'Art. 16 (甄别)',
    from: ['closed'],
    roles: ['center'],
    decide(s, input) {
      if (s.dispute?.status !== 'pending')
        throw new TicketRuleError('TICKET_ILLEGAL_TRANSITION', 'no pending dispute');
      if (typeof input.upheld !== 'boolean')
        throw new TicketRuleError('TICKET_INVALID_PAYLOAD', 'upheld must be true or false');
      return { upheld: input.upheld, note: text(input, 'note') };
    },
    apply(s, e) {
      const p = payload<{ upheld: boolean; note: string }>(e);
      return s.dispute
        ? { ...s, dispute: { ...s.dispute, status: p.upheld ? 'upheld' : 'rejected', note: p.note } }
        : s;
    },
  },
  supervision_raised: {
    article: 'Art. 15',
    from: OPEN_PHASES,
    roles: ['authority', 'center', 'system'],
    decide(s, input) {
      const level = input.level;
      if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 4)
        throw new TicketRuleError('TICKET_INVALID_PAYLOAD', 'level is 1–4 (four-level supervision)');
      if (level <= s.supervisionLevel)
        throw new TicketRuleError('TICKET_ILLEGAL_TRANSITION', `already at level ${s.supervisionLevel}`);
      return { level, reason: text(input, 'reason') };
    },
    apply: (s, e) => ({ ...s, supervisionLevel: payload<{ level: number }>(e).level }),
  },
  sla_warning: {
    article: 'Art. 13',
    from: OPEN_PHASES,
    roles: ['system'],
    decide: (_s, input) => ({
      clock: text(input, 'clock', 40),
      unitId: optText(input, 'unitId', 64),
      dueAt: text(input, 'dueAt', 40),
    }),
    apply: (s, e) => ({ ...s, slaWarnings: [...s.slaWarnings, slaKey(e.payload)] }),
  },
  sla_breached: {
    article: 'Art. 13 / Art. 15',
    from: OPEN_PHASES,
    roles: ['system'],
    decide: (_s, input) => ({
      clock: text(input, 'clock', 40),
      unitId: optText(input, 'unitId', 64),
      dueAt: text(input, 'dueAt', 40),
    }),
    apply: (s, e) => ({
      ...s,
      slaBreaches: [...s.slaBreaches, slaKey(e.payload)],
      supervisionLevel: Math.min(4, s.supervisionLevel + 1),
    }),
  },
  first_response_reported: {
    article: 'Art. 13 (2)',
    from: ['handling'],
    roles: ['unit_staff', 'unit_leader', 'unit_head'],
    decide(s, input, actor) {
      mustBeReplyingUnit(s, actor, 'Art. 13 (2)');
      if (s.intake.priority === 'normal')
        throw ruleViolation('Art. 13 (2)', 'only special / special-urgent matters report a first response');
      if (s.firstResponseAt)
        throw new TicketRuleError('TICKET_ILLEGAL_TRANSITION', 'first response already reported');
      return { text: text(input, 'text') };
    },
    apply: (s, e) => ({ ...s, firstResponseAt: e.at }),
  },
  progress_reported: {
    article: 'Art. 13 (2)',
    from: ['handling'],
    roles: ['unit_staff', 'unit_leader', 'unit_head'],
    decide(s, input, actor) {
      mustBeReplyingUnit(s, actor, 'Art. 13 (2)');
      if (s.intake.priority === 'normal')
        throw ruleViolation('Art. 13 (2)', 'only special / special-urgent matters report progress');
      return { text: text(input, 'text') };
    },
    apply: (s, e) => ({ ...s, progressReportedAt: s.progressReportedAt ?? e.at }),
  },
  special_notified: {
    article: 'Art. 13 (2)',
    from: OPEN_PHASES,
    roles: ['system', 'center'],
    decide(s, input) {
      if (s.intake.priority === 'normal')
        throw ruleViolation('Art. 13 (2)', 'only special / special-urgent tickets are notified');
      if (s.specialNotifiedAt) throw new TicketRuleError('TICKET_ILLEGAL_TRANSITION', 'already notified');
      const targets = Array.isArray(input.targets) ? input.targets.filter((x) => typeof x === 'string') : [];
      return { targets };
    },
    apply: (s, e) => ({ ...s, specialNotifiedAt: e.at }),
  },
};

export function slaKey(p: Record<string, unknown>): string {
  return `${String(p.clock)}:${String(p.unitId ?? '')}:${String(p.dueAt)}`;
}
