// Calendar / SLA part of the server's one error catalogue (src/errors.ts, codes CALENDAR_* and SLA_*).
// CalendarSlaError is an AppError, so the HTTP error handler maps it like every other error.
import { AppError, ERRORS, type ErrorCode } from '../errors.ts';

export type CalendarSlaErrorCode = Extract<ErrorCode, `CALENDAR_${string}` | `SLA_${string}`>;

const isCalendarSlaCode = (code: string): code is CalendarSlaErrorCode => /^(CALENDAR|SLA)_/.test(code);

/** The calendar/SLA entries of the catalogue (code → status, zh, en). */
export const CALENDAR_SLA_ERRORS = Object.freeze(
  Object.fromEntries(Object.entries(ERRORS).filter(([code]) => isCalendarSlaCode(code))),
) as Readonly<Pick<typeof ERRORS, CalendarSlaErrorCode>>;

export class CalendarSlaError extends AppError {
  override name = 'CalendarSlaError';
  declare readonly code: CalendarSlaErrorCode;
  readonly detail: string | undefined;

  constructor(code: CalendarSlaErrorCode, detail?: string) {
    super(code, detail === undefined ? undefined : { detail });
    this.detail = detail;
    if (detail !== undefined) this.message = `${code}: ${ERRORS[code].en}: ${detail}`;
  }
}

export function isCalendarSlaError(e: unknown): e is CalendarSlaError {
  return e instanceof CalendarSlaError;
}
