// decide (command → event, or a typed error) and reduce (events → current state). Pure.
import { TicketRuleError } from './errors.ts';
import { type Actor, type TicketEvent, type TicketRole, UNIT_ROLES } from './events.ts';
import type { TicketIntake } from './fields.ts';
import { decideCreated } from './rules-intake.ts';
import type { DecideContext } from './sla-port.ts';
import type { TicketState } from './state.ts';
import { TRANSITIONS } from './transition-table.ts';

export const CREATE_ROLES: readonly TicketRole[] = ['agent', 'center', 'system'];

export function decideCreate(
  ticketId: string,
  intake: TicketIntake,
  actor: Actor,
  ctx: DecideContext,
): TicketEvent {
  if (!CREATE_ROLES.includes(actor.role))
    throw new TicketRuleError('TICKET_ROLE_FORBIDDEN', `role ${actor.role} may not register tickets`);
  return {
    ticketId,
    seq: 1,
    type: 'created',
    actor,
    at: ctx.now.toISOString(),
    payload: decideCreated(intake, ctx),
  };
}

export function decide(
  s: TicketState,
  command: string,
  input: unknown,
  actor: Actor,
  ctx: DecideContext,
): TicketEvent {
  const rule = Object.hasOwn(TRANSITIONS, command) ? TRANSITIONS[command] : undefined;
  if (!rule) throw new TicketRuleError('TICKET_INVALID_PAYLOAD', `unknown command "${command}"`);
  if (!rule.roles.includes(actor.role))
    throw new TicketRuleError(
      'TICKET_ROLE_FORBIDDEN',
      `${rule.article}: role ${actor.role} may not ${command}`,
      {
        allowed: rule.roles,
      },
    );
  if ((UNIT_ROLES.includes(actor.role) || actor.role === 'county_office') && !actor.unitId)
    throw new TicketRuleError('TICKET_NOT_YOUR_UNIT', 'a unit role needs a unit');
  if (!rule.from.includes(s.phase))
    throw new TicketRuleError(
      'TICKET_ILLEGAL_TRANSITION',
      `${rule.article}: cannot ${command} a ticket that is ${s.phase}`,
      {
        phase: s.phase,
        command,
        allowedFrom: rule.from,
      },
    );
  const body = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  const payload = rule.decide(s, body, actor, ctx);
  return { ticketId: s.id, seq: s.version + 1, type: command, actor, at: ctx.now.toISOString(), payload };
}

function initial(e: TicketEvent): TicketState {
  const p = e.payload as { intake: TicketIntake; dispatchDueAt: string; specialNotifyDueAt?: string };
  return {
    id: e.ticketId,
    version: e.seq,
    phase: 'registered',
    intake: p.intake,
    createdAt: e.at,
    createdBy: e.actor.id,
    dispatchDueAt: p.dispatchDueAt,
    specialNotifyDueAt: p.specialNotifyDueAt,
    designatedByAuthority: false,
    assignments: [],
    extensions: [],
    replies: [],
    reviews: [],
    callbacks: [],
    redispatches: 0,
    supervisionLevel: 0,
    slaWarnings: [],
    slaBreaches: [],
    linkedTickets: [],
    unitIds: [],
  };
}

export function evolve(s: TicketState | undefined, e: TicketEvent): TicketState {
  if (!s) {
    if (e.type !== 'created')
      throw new TicketRuleError('TICKET_INVALID_PAYLOAD', `log must start with "created", got ${e.type}`);
    return initial(e);
  }
  if (e.seq !== s.version + 1)
    throw new TicketRuleError(
      'TICKET_VERSION_CONFLICT',
      `event ${e.seq} does not follow ${s.version} for ${s.id}`,
    );
  const rule = TRANSITIONS[e.type];
  if (!rule) throw new TicketRuleError('TICKET_INVALID_PAYLOAD', `unknown event "${e.type}"`);
  return { ...rule.apply(s, e), version: e.seq };
}

export function reduce(events: readonly TicketEvent[]): TicketState {
  let s: TicketState | undefined;
  for (const e of events) s = evolve(s, e);
  if (!s) throw new TicketRuleError('TICKET_NOT_FOUND', 'empty event log');
  return s;
}
