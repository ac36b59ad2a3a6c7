// Maps a signed-in user (server roles + org unit) onto the ticket lifecycle's roles, and decides
// which tickets the user may see. Unit roles see only tickets their unit holds or held.
import type { Role } from '../../auth/roles.ts';
import type { SessionUser } from '../../auth/session-store.ts';
import type { Actor, TicketRole } from '../domain/events.ts';
import { CREATE_ROLES } from '../domain/lifecycle.ts';
import type { TicketState } from '../domain/state.ts';
import { TRANSITIONS } from '../domain/transition-table.ts';

/** unit_leader also acts as the unit head (主要负责人) for 终结; the written opinion names the signer. */
const ROLE_MAP: Record<Role, readonly TicketRole[]> = {
  agent: ['agent'],
  shift_lead: ['center'],
  dispatcher: ['center'],
  authority: ['authority'],
  county_office: ['county_office'],
  unit_staff: ['unit_staff'],
  unit_leader: ['unit_leader', 'unit_head'],
  kb_editor: [],
  auditor: [],
  admin: [],
};

/** Roles that see every ticket (the center, the authority, the supervision panel). */
const SEE_ALL: readonly Role[] = ['agent', 'shift_lead', 'dispatcher', 'authority', 'auditor'];

export function ticketRoles(user: SessionUser): TicketRole[] {
  return [...new Set(user.roles.flatMap((r) => ROLE_MAP[r] ?? []))];
}

/** The actor for a command: the first of the user's ticket roles the table allows (else the first one). */
export function actorFor(user: SessionUser, command: string | 'create'): Actor {
  const roles = ticketRoles(user);
  const allowed = command === 'create' ? CREATE_ROLES : (TRANSITIONS[command]?.roles ?? []);
  const role = roles.find((r) => allowed.includes(r)) ?? roles[0] ?? 'agent';
  return { id: user.id, role: roles.length ? role : ('none' as TicketRole), unitId: user.orgUnitId };
}

export function seesAll(user: SessionUser): boolean {
  return user.roles.some((r) => SEE_ALL.includes(r));
}

export function canSee(user: SessionUser, s: TicketState): boolean {
  return seesAll(user) || s.unitIds.includes(user.orgUnitId);
}

/** Commands this user could try now (phase and role match; the domain still checks the rest). */
export function allowedCommands(user: SessionUser, s: TicketState): string[] {
  const roles = ticketRoles(user);
  return Object.entries(TRANSITIONS)
    .filter(([, r]) => r.from.includes(s.phase) && r.roles.some((x) => roles.includes(x) && x !== 'system'))
    .map(([name]) => name);
}
