// Due time of one clock from its start (and approved extensions) — the call the tickets module needs
// for every deadline. evaluateClock gives the full status (warning, state, elapsed, pauses).
import type { DueResult, Instant, WorkingCalendar } from '../calendar/index.ts';
import type { SlaClockDefinition } from './clocks.ts';
import { evaluateClock } from './evaluate-clock.ts';

export function computeDue(
  calendar: WorkingCalendar,
  clock: SlaClockDefinition | string,
  startedAt: Instant,
  extensionsWorkingDays: readonly number[] = [],
): DueResult {
  const s = evaluateClock({ calendar, clock, startedAt, now: startedAt, extensionsWorkingDays });
  return { due: s.due, provisional: s.provisional, warning: s.warnings[0] };
}
