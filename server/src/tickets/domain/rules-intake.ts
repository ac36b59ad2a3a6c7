// Transition-table rows for intake and dispatch: Art. 10 (不予受理), 12 (即办, 转办, 批办), 13 (deadlines), 并单.
import { ruleViolation, TicketRuleError } from './errors.ts';
import type { TicketIntake } from './fields.ts';
import { notAcceptedReason } from './not-accepted.ts';
import { iso, optText, payload, type Rule, text } from './rule-kit.ts';
import type { DecideContext } from './sla-port.ts';
import type { Assignment, AssignmentRole, TicketState } from './state.ts';

/** The first event; not a table row because there is no prior state. */
export function decideCreated(intake: TicketIntake, ctx: DecideContext) {
  const special = intake.priority !== 'normal';
  return {
    intake,
    dispatchDueAt: iso(ctx.sla.dueAt('dispatch', ctx.now, intake)),
    specialNotifyDueAt: special ? iso(ctx.sla.dueAt('special_notify', ctx.now, intake)) : undefined,
  };
}

function assignment(
  unitId: string,
  role: AssignmentRole,
  s: TicketState,
  ctx: DecideContext,
  forwardedBy?: string,
): Assignment {
  return {
    unitId,
    role,
    status: 'dispatched',
    dispatchedAt: iso(ctx.now),
    signDueAt: iso(ctx.sla.dueAt('sign_for', ctx.now, s.intake)),
    ...(forwardedBy ? { forwardedBy } : {}),
  };
}

export const intakeRules: Record<string, Rule> = {
  not_accepted: {
    article: 'Art. 10 / Art. 19 (3)',
    from: ['registered', 'handling'],
    roles: ['agent', 'center'],
    decide(s, input, actor) {
      if (s.phase === 'handling' && actor.role !== 'center')
        throw ruleViolation('Art. 19 (3)', 'after dispatch only the center may archive as not accepted');
      const reason = notAcceptedReason(input.reasonCode);
      if (!reason)
        throw new TicketRuleError(
          'TICKET_INVALID_PAYLOAD',
          'reasonCode must be one of the eight reasons (1–8)',
        );
      return { reasonCode: reason.code, guidance: optText(input, 'guidance') ?? reason.guidanceZh };
    },
    apply(s, e) {
      const p = payload<{ reasonCode: number; guidance: string }>(e);
      return { ...s, phase: 'not_accepted', notAccepted: p, closedAt: e.at, closure: 'not_accepted' };
    },
  },
  answered_immediately: {
    article: 'Art. 12 (1)',
    from: ['registered'],
    roles: ['agent'],
    decide(_s, input) {
      return { answer: text(input, 'answer'), kbArticleId: optText(input, 'kbArticleId', 64) };
    },
    apply(s, e) {
      const p = payload<{ answer: string; kbArticleId?: string }>(e);
      return { ...s, phase: 'awaiting_callback', immediate: p, callbackOpenedAt: e.at };
    },
  },
  escalated: {
    article: 'Art. 12 (3)',
    from: ['registered'],
    roles: ['center', 'authority'],
    decide(_s, input) {
      return { reason: text(input, 'reason') };
    },
    apply: (s) => ({ ...s, phase: 'escalated' }),
  },
  instruction_recorded: {
    article: 'Art. 12 (3)',
    from: ['escalated'],
    roles: ['authority'],
    decide(_s, input) {
      return { instruction: text(input, 'instruction') };
    },
    apply: (s, e) => ({
      ...s,
      phase: 'registered',
      instruction: payload<{ instruction: string }>(e).instruction,
    }),
  },
  dispatched: {
    article: 'Art. 12 (2)',
    from: ['registered'],
    roles: ['center', 'authority'],
    decide(s, input, actor, ctx) {
      const mode = input.mode;
      if (mode !== 'single' && mode !== 'multi' && mode !== 'territorial')
        throw new TicketRuleError('TICKET_INVALID_PAYLOAD', 'mode must be single, multi or territorial');
      const unitId = text(input, 'unitId', 64);
      const co = Array.isArray(input.coUnitIds)
        ? input.coUnitIds.filter((x): x is string => typeof x === 'string')
        : [];
      if (mode === 'multi') {
        if (!co.length)
          throw ruleViolation('Art. 12 (2) 2', 'a multi-unit dispatch names co-handling units (协办)');
        if (co.includes(unitId) || new Set(co).size !== co.length)
          throw ruleViolation('Art. 12 (2) 2', 'the lead unit and co-units must be distinct');
        if (actor.role !== 'authority' && actor.role !== 'center')
          throw ruleViolation('Art. 12 (2) 2', 'lead and co-units are decided by the authority');
      } else if (co.length) throw ruleViolation('Art. 12 (2)', `a ${mode} dispatch has no co-units`);
      const designated = input.designatedByAuthority === true;
      if (designated && actor.role !== 'authority')
        throw ruleViolation('Art. 12 (2) 5', 'only the authority designates a unit for an unowned matter');
      const lead = assignment(unitId, mode === 'multi' ? 'lead' : 'sole', s, ctx);
      return {
        mode,
        assignments: [lead, ...co.map((u) => assignment(u, 'co', s, ctx))],
        designatedByAuthority: designated,
        completionDueAt: iso(ctx.sla.dueAt('completion', ctx.now, s.intake)),
      };
    },
    apply(s, e) {
      const p = payload<{
        mode: TicketState['dispatchMode'];
        assignments: Assignment[];
        designatedByAuthority: boolean;
        completionDueAt: string;
      }>(e);
      const lead = p.assignments[0] as Assignment;
      return {
        ...s,
        phase: 'handling',
        dispatchedAt: s.dispatchedAt ?? e.at,
        dispatchMode: p.mode,
        designatedByAuthority: p.designatedByAuthority,
        assignments: [...s.assignments, ...p.assignments],
        replyingUnitId: lead.unitId,
        completionDueAt: p.completionDueAt,
        unitIds: [...new Set([...s.unitIds, ...p.assignments.map((a) => a.unitId)])],
      };
    },
  },
  merged_into: {
    article: '并单 (Art. 10 (8))',
    from: ['registered'],
    roles: ['agent', 'center'],
    decide(s, input) {
      const primaryId = text(input, 'primaryId', 64);
      if (primaryId === s.id)
        throw new TicketRuleError('TICKET_INVALID_PAYLOAD', 'a ticket cannot merge into itself');
      return { primaryId };
    },
    apply: (s, e) => ({
      ...s,
      phase: 'merged',
      mergedInto: payload<{ primaryId: string }>(e).primaryId,
      closedAt: e.at,
      closure: 'merged',
    }),
  },
  requester_linked: {
    article: '并单 (Art. 10 (8))',
    from: [
      'registered',
      'escalated',
      'handling',
      'awaiting_review',
      'awaiting_callback',
      'awaiting_decision',
    ],
    roles: ['agent', 'center'],
    decide(s, input) {
      const fromTicketId = text(input, 'fromTicketId', 64);
      if (s.linkedTickets.some((l) => l.ticketId === fromTicketId))
        throw new TicketRuleError(
          'TICKET_ILLEGAL_TRANSITION',
          `${fromTicketId} is already merged into ${s.id}`,
        );
      return { fromTicketId, requester: input.requester };
    },
    apply(s, e) {
      const p = payload<{ fromTicketId: string; requester: TicketIntake['requester'] }>(e);
      return {
        ...s,
        linkedTickets: [...s.linkedTickets, { ticketId: p.fromTicketId, requester: p.requester }],
      };
    },
  },
};
