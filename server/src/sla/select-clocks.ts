// Which clocks of the table apply to a ticket, and lookup by id.
import {
  SLA_CLOCKS,
  type SlaClockDefinition,
  type SlaClockKind,
  type SlaPriority,
  type SlaTicketType,
} from './clocks.ts';
import { CalendarSlaError } from './errors.ts';

export interface SlaTicket {
  readonly type: SlaTicketType;
  readonly priority: SlaPriority;
}

const byId = new Map<string, SlaClockDefinition>(SLA_CLOCKS.map((c) => [c.id, c]));

export function clockById(id: string, table: readonly SlaClockDefinition[] = SLA_CLOCKS): SlaClockDefinition {
  const c = table === SLA_CLOCKS ? byId.get(id) : table.find((x) => x.id === id);
  if (!c) throw new CalendarSlaError('SLA_UNKNOWN_CLOCK', JSON.stringify(id));
  return c;
}

function applies(c: SlaClockDefinition, t: SlaTicket): boolean {
  const { types, priorities } = c.appliesTo;
  return (!types || types.includes(t.type)) && (!priorities || priorities.includes(t.priority));
}

/** Every clock that runs for this ticket (e.g. a 投诉 marked 特殊紧急事项 gets 9 clocks). */
export function applicableClocks(
  ticket: SlaTicket,
  table: readonly SlaClockDefinition[] = SLA_CLOCKS,
): SlaClockDefinition[] {
  return table.filter((c) => applies(c, ticket));
}

/** The one clock of a kind for this ticket (e.g. kind 'completion' → 2 or 5 working days); undefined if none. */
export function clockFor(
  kind: SlaClockKind,
  ticket: SlaTicket,
  table: readonly SlaClockDefinition[] = SLA_CLOCKS,
): SlaClockDefinition | undefined {
  return table.find((c) => c.kind === kind && applies(c, ticket));
}
