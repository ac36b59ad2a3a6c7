// Deadline colours of the unit inbox (Art. 13): running / warning / breached, and the inbox order.
// Pure. The server's SLA timers raise the authoritative warning and breach events (sla_warning,
// sla_breached, 督办); here the list is coloured from the due time alone so it updates every minute.
import type { TicketSummary } from '../../../server/src/contracts/tickets.ts';

export type DeadlineState = 'running' | 'warning' | 'breached' | 'none';

/** Share of the allowed time after which a clock is "warning" (the server's SLA_WARNING_SHARE default). */
export const WARNING_SHARE = 0.75;

export function deadlineState(
  dueAt: string | null | undefined,
  startedAt: string | null | undefined,
  now: number,
  warningShare = WARNING_SHARE,
): DeadlineState {
  if (!dueAt) return 'none';
  const due = Date.parse(dueAt);
  if (now >= due) return 'breached';
  const start = startedAt ? Date.parse(startedAt) : Number.NaN;
  if (!Number.isFinite(start) || start >= due) return 'running';
  return now >= start + (due - start) * warningShare ? 'warning' : 'running';
}

/** The deadline that matters to the viewer: a unit's own sign-for due time first, then completion. */
export function nextDue(t: TicketSummary): { dueAt: string | null; kind: 'sign' | 'complete' | 'dispatch' } {
  if (t.mySignDueAt) return { dueAt: t.mySignDueAt, kind: 'sign' };
  if (t.phase === 'registered') return { dueAt: t.dispatchDueAt, kind: 'dispatch' };
  return { dueAt: t.completionDueAt, kind: 'complete' };
}

/** Inbox order: the earliest deadline first; no deadline last; ties by ticket number. */
export function sortByDeadline(items: readonly TicketSummary[]): TicketSummary[] {
  const key = (t: TicketSummary) => {
    const d = nextDue(t).dueAt;
    return d ? Date.parse(d) : Number.POSITIVE_INFINITY;
  };
  return [...items].sort((a, b) => key(a) - key(b) || a.no.localeCompare(b.no));
}

/** "2h 05m left" / "overdue 1d 3h" in the UI's words. */
export function remaining(
  dueAt: string,
  now: number,
): { overdue: boolean; days: number; hours: number; minutes: number } {
  const ms = Date.parse(dueAt) - now;
  const abs = Math.abs(ms);
  return {
    overdue: ms < 0,
    days: Math.floor(abs / 86_400_000),
    hours: Math.floor((abs % 86_400_000) / 3_600_000),
    minutes: Math.floor((abs % 3_600_000) / 60_000),
  };
}
