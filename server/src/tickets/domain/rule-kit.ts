// Shared shapes and small helpers for the transition table's rules.
import { ruleViolation, TicketRuleError } from './errors.ts';
import type { Actor, TicketEvent, TicketRole } from './events.ts';
import type { DecideContext } from './sla-port.ts';
import type { Assignment, AssignmentStatus, Phase, TicketState } from './state.ts';

export type Input = Record<string, unknown>;

/** One row of the transition table. */
export interface Rule {
  /** The article of the regulation this row carries. */
  article: string;
  /** Phases the ticket may be in. */
  from: readonly Phase[];
  roles: readonly TicketRole[];
  /** Validates the command against the state and returns the event payload (deadlines are fixed here). */
  decide(s: TicketState, input: Input, actor: Actor, ctx: DecideContext): Input;
  /** Pure state change for an already-recorded event. */
  apply(s: TicketState, e: TicketEvent): TicketState;
}

export function text(input: Input, field: string, max = 4000): string {
  const v = input[field];
  if (typeof v !== 'string' || !v.trim())
    throw new TicketRuleError('TICKET_INVALID_PAYLOAD', `${field} is required`, { field });
  if (v.length > max) throw new TicketRuleError('TICKET_INVALID_PAYLOAD', `${field} is too long`, { field });
  return v.trim();
}

export function optText(input: Input, field: string, max = 4000): string | undefined {
  return input[field] === undefined || input[field] === '' ? undefined : text(input, field, max);
}

export function unitOf(actor: Actor): string {
  if (!actor.unitId) throw new TicketRuleError('TICKET_NOT_YOUR_UNIT', 'actor belongs to no unit');
  return actor.unitId;
}

/** The actor's own assignment, in one of `statuses`; otherwise a typed error. */
export function ownAssignment(
  s: TicketState,
  actor: Actor,
  statuses: readonly AssignmentStatus[],
  what: string,
): Assignment {
  const unitId = unitOf(actor);
  const mine = s.assignments.filter((a) => a.unitId === unitId);
  if (!mine.length)
    throw new TicketRuleError('TICKET_NOT_YOUR_UNIT', `ticket ${s.id} is not assigned to ${unitId}`);
  const a = mine.find((x) => statuses.includes(x.status));
  if (!a)
    throw new TicketRuleError(
      'TICKET_ILLEGAL_TRANSITION',
      `${what}: your assignment is ${mine.map((x) => x.status).join('/')}, needs ${statuses.join('/')}`,
    );
  return a;
}

export function mustBeReplyingUnit(s: TicketState, actor: Actor, article: string): void {
  if (unitOf(actor) !== s.replyingUnitId)
    throw ruleViolation(article, 'only the lead (replying) unit may do this', {
      replyingUnitId: s.replyingUnitId,
    });
}

export function patchAssignment(
  s: TicketState,
  unitId: string,
  match: (a: Assignment) => boolean,
  patch: Partial<Assignment>,
): Assignment[] {
  return s.assignments.map((a) => (a.unitId === unitId && match(a) ? { ...a, ...patch } : a));
}

export const iso = (d: Date): string => d.toISOString();
export const payload = <T>(e: TicketEvent): T => e.payload as T;
