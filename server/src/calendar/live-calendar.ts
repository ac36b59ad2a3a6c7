// One working calendar per process that picks up imported holiday arrangements without a restart:
// deadlines (tickets, knowledge-base reviews) hold this object, and every call goes to the calendar
// built from the built-in data plus the arrangements loaded last.
import type { OfficialArrangement } from './official-data.ts';
import {
  createWorkingCalendar,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from './working-calendar.ts';

export interface LiveCalendar {
  readonly calendar: WorkingCalendar;
  /** Use these imported arrangements (they replace built-in data for their years). */
  replaceArrangements(arrangements: readonly OfficialArrangement[]): void;
}

export function createLiveCalendar(options: Omit<WorkingCalendarOptions, 'arrangements'> = {}): LiveCalendar {
  let inner = createWorkingCalendar(options);
  const calendar: WorkingCalendar = {
    get policy() {
      return inner.policy;
    },
    get officialYears() {
      return inner.officialYears;
    },
    isWorkingTime: (t) => inner.isWorkingTime(t),
    nextWorkingInstant: (t) => inner.nextWorkingInstant(t),
    addWorkingHours: (t, h) => inner.addWorkingHours(t, h),
    addWorkingMs: (t, ms) => inner.addWorkingMs(t, ms),
    addWorkingDays: (t, d, p) => inner.addWorkingDays(t, d, p),
    subtractWorkingDays: (t, d, p) => inner.subtractWorkingDays(t, d, p),
    workingTimeBetween: (a, b) => inner.workingTimeBetween(a, b),
    addWallClockHours: (t, h) => inner.addWallClockHours(t, h),
    day: (date) => inner.day(date),
    countWorkingDays: (a, b) => inner.countWorkingDays(a, b),
    warnings: (now, horizon) => inner.warnings(now, horizon),
  };
  return {
    calendar,
    replaceArrangements(list) {
      // a bad arrangement throws here and the calendar in use stays as it was
      inner = createWorkingCalendar({ ...options, arrangements: list });
    },
  };
}
