// The immutable ticket event log: every transition appends one event (actor, role, time, payload).
/** Roles as the ticket lifecycle sees them (Ch. 2). The HTTP layer maps the server's roles onto these. */
export const TICKET_ROLES = [
  'agent', // 话务员
  'center', // 12345热线中心: dispatch, review, callback decisions
  'authority', // 热线主管单位: lead/co decisions, 批办, 督办
  'county_office', // 县(市)热线管理机构
  'unit_staff', // 承办单位 liaison / handler
  'unit_leader', // 承办单位分管负责人 (signs off returns)
  'unit_head', // 承办单位主要负责人 (signs terminations)
  'system', // jobs: SLA timers, auto-close, SMS callbacks
] as const;
export type TicketRole = (typeof TICKET_ROLES)[number];
export const UNIT_ROLES: readonly TicketRole[] = ['unit_staff', 'unit_leader', 'unit_head'];

export interface Actor {
  id: string;
  role: TicketRole;
  /** The unit (or county office) the actor belongs to; required for unit and county-office roles. */
  unitId?: string;
}

export interface TicketEvent {
  ticketId: string;
  /** 1-based position in the ticket's log. */
  seq: number;
  type: string;
  actor: Actor;
  at: string;
  payload: Record<string, unknown>;
}
