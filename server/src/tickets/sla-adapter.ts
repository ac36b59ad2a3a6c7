// Binds the tickets domain's SLA port (domain/sla-port.ts) to the working calendar and the
// declarative clock table of server/src/sla. No deadline is computed anywhere else.
import type { WorkingCalendar } from '../calendar/index.ts';
import { clockFor, computeDue, EXTENSION_RULE, evaluateClock, type SlaClockKind } from '../sla/index.ts';
import type { Priority, TicketType } from './domain/fields.ts';
import type { TicketSla } from './domain/sla-port.ts';

type T = { type: TicketType; priority: Priority };

/** The table row for a kind; 表扬 has no clocks of its own and follows the general handling limits. */
function rowFor(kind: SlaClockKind, t: T) {
  const k: SlaClockKind = kind === 'completion' && t.priority !== 'normal' ? 'special_result' : kind;
  const row = clockFor(k, t) ?? clockFor(k, { ...t, type: '投诉' });
  if (!row) throw new Error(`no SLA clock of kind ${k} for ${t.type}/${t.priority}`);
  return row;
}

export function ticketSla(
  calendar: WorkingCalendar,
): TicketSla & { warningAt(kind: SlaClockKind, start: Date, t: T): Date } {
  return {
    dueAt: (kind, start, t) => computeDue(calendar, rowFor(kind, t), start).due,
    warningAt: (kind, start, t) =>
      evaluateClock({ calendar, clock: rowFor(kind, t), startedAt: start, now: start }).warningAt,
    addWorkingDays: (start, days) => calendar.addWorkingDays(start, days).due,
    extension: {
      maxDays: EXTENSION_RULE.maxWorkingDaysEach,
      maxCount: EXTENSION_RULE.maxCount,
      noticeWorkingDays: EXTENSION_RULE.noticeWorkingDays,
    },
  };
}
