// Transition-table rows while units handle a ticket: 签收, forwarding (Art. 12 (2) 3–4), 协办 input,
// 答复 (Art. 14), 退件 (Art. 17), 延期 (Art. 13), 终结 (Art. 19 (2)).
import { ruleViolation, TicketRuleError } from './errors.ts';
import { NATIONAL_OR_PROVINCIAL } from './fields.ts';
import { parseReply } from './reply-content.ts';
import {
  iso,
  mustBeReplyingUnit,
  optText,
  ownAssignment,
  patchAssignment,
  payload,
  type Rule,
  text,
  unitOf,
} from './rule-kit.ts';
import { ACTIVE_ASSIGNMENT, type Assignment, type Extension, type TicketState } from './state.ts';

const UNIT = ['unit_staff', 'unit_leader', 'unit_head'] as const;
const HANDLING = ['handling'] as const;

/** Phrases that only say "out of scope" (Art. 17 forbids returning with that alone). */
const OUT_OF_SCOPE =
  /(诉求事项)?(超出|不属于|不在)(本单位|我单位|本部门)?(受理|职责|管辖|职能)?(\/|或|、)?(受理|职责|管辖|职能)?范围|不予受理|out of (our )?(scope|remit|jurisdiction)|not our (duty|responsibility)/gi;

export function isOutOfScopeOnly(reason: string): boolean {
  const rest = reason.replace(OUT_OF_SCOPE, '').replace(/[\s\p{P}\p{S}]/gu, '');
  return rest.length < 6;
}

const coInputs = (s: TicketState) =>
  s.assignments.filter((a) => a.role === 'co' && ACTIVE_ASSIGNMENT.includes(a.status));

export const handlingRules: Record<string, Rule> = {
  signed_for: {
    article: 'Art. 13 (1)',
    from: HANDLING,
    roles: [...UNIT, 'county_office'],
    decide(s, _input, actor) {
      ownAssignment(s, actor, ['dispatched'], '签收');
      return { unitId: unitOf(actor) };
    },
    apply: (s, e) => ({
      ...s,
      assignments: patchAssignment(s, e.actor.unitId as string, (a) => a.status === 'dispatched', {
        status: 'signed',
        signedAt: e.at,
      }),
    }),
  },
  forwarded: {
    article: 'Art. 12 (2) 3–4',
    from: HANDLING,
    roles: ['county_office', 'unit_staff', 'unit_leader'],
    decide(s, input, actor, ctx) {
      const from = ownAssignment(s, actor, ['signed'], 'forward');
      const toUnitId = text(input, 'toUnitId', 64);
      if (s.assignments.some((a) => a.unitId === toUnitId && ACTIVE_ASSIGNMENT.includes(a.status)))
        throw new TicketRuleError('TICKET_ILLEGAL_TRANSITION', `${toUnitId} already holds this ticket`);
      const territorial = actor.role === 'county_office';
      const next: Assignment = {
        unitId: toUnitId,
        role: territorial ? from.role : 'subordinate',
        forwardedBy: from.unitId,
        status: 'dispatched',
        dispatchedAt: iso(ctx.now),
        signDueAt: iso(ctx.sla.dueAt('sign_for', ctx.now, s.intake)),
      };
      return { territorial, assignment: next };
    },
    apply(s, e) {
      const p = payload<{ territorial: boolean; assignment: Assignment }>(e);
      const fromUnit = e.actor.unitId as string;
      const assignments = p.territorial
        ? patchAssignment(s, fromUnit, (a) => a.status === 'signed', { status: 'forwarded' })
        : s.assignments;
      return {
        ...s,
        assignments: [...assignments, p.assignment],
        replyingUnitId:
          p.territorial && s.replyingUnitId === fromUnit ? p.assignment.unitId : s.replyingUnitId,
        unitIds: [...new Set([...s.unitIds, p.assignment.unitId])],
      };
    },
  },
  input_submitted: {
    article: 'Art. 12 (2) 2',
    from: HANDLING,
    roles: UNIT,
    decide(s, input, actor) {
      const a = ownAssignment(s, actor, ['signed'], '协办 input');
      if (a.role !== 'co') throw ruleViolation('Art. 12 (2) 2', 'only co-handling units (协办) submit input');
      return { input: text(input, 'input') };
    },
    apply: (s, e) => ({
      ...s,
      assignments: patchAssignment(s, e.actor.unitId as string, (a) => a.status === 'signed', {
        status: 'input_submitted',
      }),
    }),
  },
  replied: {
    article: 'Art. 14',
    from: HANDLING,
    roles: UNIT,
    decide(s, input, actor) {
      mustBeReplyingUnit(s, actor, 'Art. 12 (2) 2');
      ownAssignment(s, actor, ['signed'], '答复');
      const waiting = coInputs(s).filter((a) => a.status !== 'input_submitted');
      if (waiting.length)
        throw ruleViolation('Art. 12 (2) 2', 'the lead unit replies once all co-units submitted input', {
          waiting: waiting.map((a) => a.unitId),
        });
      const uninformed = s.extensions.find((x) => x.status === 'approved' && !x.requesterInformed);
      if (uninformed)
        throw ruleViolation('Art. 13 (1)', 'record that the requester was told about the extension first');
      return { content: parseReply(s.intake.type, input) };
    },
    apply(s, e) {
      const p = payload<{ content: Record<string, unknown> }>(e);
      return {
        ...s,
        phase: 'awaiting_review',
        replies: [
          ...s.replies,
          {
            at: e.at,
            unitId: e.actor.unitId as string,
            onTime: !s.completionDueAt || e.at <= s.completionDueAt,
            content: p.content,
          },
        ],
      };
    },
  },
  return_requested: {
    article: 'Art. 17',
    from: HANDLING,
    roles: ['unit_staff', 'unit_leader'],
    decide(s, input, actor, ctx) {
      const a = ownAssignment(s, actor, ['dispatched', 'signed'], '退件');
      if (s.designatedByAuthority)
        throw ruleViolation('Art. 12 (2) 5', 'a unit designated by the authority may not return it');
      const deadline = ctx.sla.dueAt('return_window', new Date(a.dispatchedAt), s.intake);
      if (ctx.now > deadline)
        throw ruleViolation('Art. 17', 'returns are made within 1 working day of receipt', {
          deadline: iso(deadline),
        });
      const reason = text(input, 'reason');
      if (isOutOfScopeOnly(reason))
        throw ruleViolation(
          'Art. 17',
          '"out of scope" alone is not a reason; say why, with the policy basis',
        );
      const policyBasis = text(input, 'policyBasis');
      const suggestedUnitId = text(input, 'suggestedUnitId', 64);
      if (suggestedUnitId === a.unitId) throw ruleViolation('Art. 17', 'suggest another unit');
      return { reason, policyBasis, suggestedUnitId };
    },
    apply(s, e) {
      const p = payload<{ reason: string; policyBasis: string; suggestedUnitId: string }>(e);
      const unitId = e.actor.unitId as string;
      const a = s.assignments.find(
        (x) => x.unitId === unitId && (x.status === 'dispatched' || x.status === 'signed'),
      );
      return {
        ...s,
        assignments: patchAssignment(s, unitId, (x) => x === a, {
          status: 'return_requested',
          statusBeforeReturn: a?.status,
          returnRequest: { ...p, requestedBy: e.actor.id },
        }),
      };
    },
  },
  return_signed_off: {
    article: 'Art. 17',
    from: HANDLING,
    roles: ['unit_leader'],
    decide(s, _input, actor) {
      ownAssignment(s, actor, ['return_requested'], 'sign off 退件');
      return {};
    },
    apply: (s, e) => ({
      ...s,
      assignments: s.assignments.map((a) =>
        a.unitId === e.actor.unitId && a.status === 'return_requested' && a.returnRequest
          ? { ...a, status: 'return_signed', returnRequest: { ...a.returnRequest, signedOffBy: e.actor.id } }
          : a,
      ),
    }),
  },
  return_approved: {
    article: 'Art. 17',
    from: HANDLING,
    roles: ['center'],
    decide(s, input) {
      const unitId = text(input, 'unitId', 64);
      const a = s.assignments.find((x) => x.unitId === unitId && ACTIVE_ASSIGNMENT.includes(x.status));
      if (!a || a.status === 'return_requested')
        throw ruleViolation('Art. 17', 'a return takes effect only after the unit leader signed it off');
      if (a.status !== 'return_signed')
        throw new TicketRuleError('TICKET_ILLEGAL_TRANSITION', `${unitId} has no return request`);
      return { unitId };
    },
    apply(s, e) {
      const { unitId } = payload<{ unitId: string }>(e);
      const a = s.assignments.find((x) => x.unitId === unitId && x.status === 'return_signed') as Assignment;
      const replying = a.role !== 'co' && a.role !== 'subordinate';
      const assignments = s.assignments.map((x) => {
        if (x === a) return { ...x, status: 'returned' as const };
        if (replying && ACTIVE_ASSIGNMENT.includes(x.status)) return { ...x, status: 'withdrawn' as const };
        return x;
      });
      return replying
        ? { ...s, assignments, phase: 'registered', replyingUnitId: undefined, completionDueAt: undefined }
        : { ...s, assignments };
    },
  },
  return_rejected: {
    article: 'Art. 17',
    from: HANDLING,
    roles: ['center'],
    decide(s, input) {
      const unitId = text(input, 'unitId', 64);
      if (
        !s.assignments.some(
          (x) => x.unitId === unitId && (x.status === 'return_requested' || x.status === 'return_signed'),
        )
      )
        throw new TicketRuleError('TICKET_ILLEGAL_TRANSITION', `${unitId} has no return request`);
      return { unitId, reason: text(input, 'reason') };
    },
    apply(s, e) {
      const { unitId } = payload<{ unitId: string }>(e);
      return {
        ...s,
        assignments: s.assignments.map((x) =>
          x.unitId === unitId && (x.status === 'return_requested' || x.status === 'return_signed')
            ? { ...x, status: x.statusBeforeReturn ?? 'signed' }
            : x,
        ),
      };
    },
  },
  extension_requested: {
    article: 'Art. 13 (1)',
    from: HANDLING,
    roles: UNIT,
    decide(s, input, actor, ctx) {
      mustBeReplyingUnit(s, actor, 'Art. 13 (1)');
      const lawBasis = optText(input, 'lawBasis');
      const days = input.days;
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 1)
        throw new TicketRuleError(
          'TICKET_INVALID_PAYLOAD',
          'days must be a positive whole number of working days',
        );
      const lim = ctx.sla.extension;
      if (!lawBasis) {
        if (s.intake.type === '咨询') throw ruleViolation('Art. 13 (1)', 'consultations are not extendable');
        if (s.intake.upperPlatform && NATIONAL_OR_PROVINCIAL.includes(s.intake.upperPlatform))
          throw ruleViolation('Art. 13 (1)', 'national and provincial tickets are not extendable');
        if (days > lim.maxDays)
          throw ruleViolation('Art. 13 (1)', `an extension is at most ${lim.maxDays} working days`);
        if (s.extensions.filter((x) => x.status === 'approved').length >= lim.maxCount)
          throw ruleViolation('Art. 13 (1)', `at most ${lim.maxCount} extensions`);
      }
      if (s.extensions.some((x) => x.status === 'requested'))
        throw new TicketRuleError('TICKET_ILLEGAL_TRANSITION', 'an extension request is already pending');
      const due = new Date(s.completionDueAt as string);
      if (ctx.sla.addWorkingDays(ctx.now, lim.noticeWorkingDays) > due)
        throw ruleViolation(
          'Art. 13 (1)',
          `request at least ${lim.noticeWorkingDays} working day before the deadline`,
        );
      return { days, reason: text(input, 'reason'), lawBasis };
    },
    apply(s, e) {
      const p = payload<{ days: number; reason: string; lawBasis?: string }>(e);
      const ext: Extension = { ...p, status: 'requested', requestedAt: e.at, requesterInformed: false };
      return { ...s, extensions: [...s.extensions, ext] };
    },
  },
  extension_approved: {
    article: 'Art. 13 (1)',
    from: HANDLING,
    roles: ['center'],
    decide(s, _input, _actor, ctx) {
      const pending = s.extensions.find((x) => x.status === 'requested');
      if (!pending) throw new TicketRuleError('TICKET_ILLEGAL_TRANSITION', 'no pending extension request');
      return {
        completionDueAt: iso(ctx.sla.addWorkingDays(new Date(s.completionDueAt as string), pending.days)),
      };
    },
    apply: (s, e) => ({
      ...s,
      completionDueAt: payload<{ completionDueAt: string }>(e).completionDueAt,
      extensions: s.extensions.map((x) => (x.status === 'requested' ? { ...x, status: 'approved' } : x)),
    }),
  },
  extension_rejected: {
    article: 'Art. 13 (1)',
    from: HANDLING,
    roles: ['center'],
    decide(s, input) {
      if (!s.extensions.some((x) => x.status === 'requested'))
        throw new TicketRuleError('TICKET_ILLEGAL_TRANSITION', 'no pending extension request');
      return { reason: text(input, 'reason') };
    },
    apply: (s) => ({
      ...s,
      extensions: s.extensions.map((x) => (x.status === 'requested' ? { ...x, status: 'rejected' } : x)),
    }),
  },
  requester_informed: {
    article: 'Art. 13 (1)',
    from: HANDLING,
    roles: UNIT,
    decide(s, input, actor) {
      mustBeReplyingUnit(s, actor, 'Art. 13 (1)');
      if (!s.extensions.some((x) => x.status === 'approved' && !x.requesterInformed))
        throw new TicketRuleError(
          'TICKET_ILLEGAL_TRANSITION',
          'no approved extension to tell the requester about',
        );
      return { how: text(input, 'how') };
    },
    apply: (s) => ({
      ...s,
      extensions: s.extensions.map((x) => (x.status === 'approved' ? { ...x, requesterInformed: true } : x)),
    }),
  },
  terminated: {
    article: 'Art. 19 (2)',
    from: HANDLING,
    roles: ['unit_head'],
    decide(s, input, actor) {
      mustBeReplyingUnit(s, actor, 'Art. 19 (2)');
      const prior = Array.isArray(input.priorTicketIds)
        ? input.priorTicketIds.filter((x) => typeof x === 'string')
        : [];
      if (!prior.length)
        throw ruleViolation(
          'Art. 19 (2)',
          'termination needs the earlier tickets of the same requester and matter',
        );
      if (input.explainedToRequester !== true)
        throw ruleViolation('Art. 19 (2)', 'explain the termination to the requester');
      return {
        opinion: text(input, 'opinion'),
        signedBy: text(input, 'signedBy', 100),
        priorTicketIds: prior,
      };
    },
    apply(s, e) {
      const p = payload<{ opinion: string; signedBy: string; priorTicketIds: string[] }>(e);
      return { ...s, phase: 'terminated', termination: p, closedAt: e.at, closure: 'terminated' };
    },
  },
};
