// Public API of the working calendar (工作日历). Pure TypeScript, no I/O, always Asia/Shanghai.
export { parseArrangementCsv } from './arrangement-csv.ts';
export type { DayOverride, DaySource } from './day-tables.ts';
export { createLiveCalendar, type LiveCalendar } from './live-calendar.ts';
export {
  DEFAULT_OFFICE_HOURS,
  type IntervalList,
  type OfficeHours,
  parseIntervals,
  parseOfficeHoursSpec,
  WEEKDAYS,
  type Weekday,
} from './office-hours.ts';
export {
  type ArrangementDay,
  BUILTIN_ARRANGEMENTS,
  type DayKind,
  type OfficialArrangement,
} from './official-data.ts';
export { DAY_MS, formatShanghai, HOUR_MS, type Instant, MINUTE_MS, parseInstant } from './time.ts';
export type { CalendarWarning } from './warnings.ts';
export {
  type CalendarPolicy,
  createWorkingCalendar,
  type DayInfo,
  type DueResult,
  type DurationResult,
  WORKING_DAY_POLICIES,
  type WorkingCalendar,
  type WorkingCalendarOptions,
  type WorkingDayPolicy,
} from './working-calendar.ts';
