// Error catalogue for the working calendar and the SLA clocks (one place for code, HTTP status, message).
// When the server-wide catalogue (server/src/errors.ts) exists these entries belong there.

export const CALENDAR_SLA_ERRORS = {
  CALENDAR_INVALID_INSTANT: {
    httpStatus: 400,
    message: 'Not a valid instant (ISO 8601, e.g. 2026-09-30T16:00:00+08:00)',
  },
  CALENDAR_INVALID_DATE: { httpStatus: 400, message: 'Not a valid calendar date (YYYY-MM-DD)' },
  CALENDAR_INVALID_AMOUNT: { httpStatus: 400, message: 'Amount must be a finite number ≥ 0' },
  CALENDAR_INVALID_OFFICE_HOURS: {
    httpStatus: 400,
    message: 'Office hours must be sorted, non-overlapping HH:MM-HH:MM intervals',
  },
  CALENDAR_INVALID_ARRANGEMENT: { httpStatus: 400, message: 'Holiday arrangement table is malformed' },
  CALENDAR_INVALID_CONFIG: { httpStatus: 400, message: 'Working calendar configuration is invalid' },
  CALENDAR_OUT_OF_RANGE: {
    httpStatus: 422,
    message: 'Instant is outside the range the working calendar covers',
  },
  SLA_UNKNOWN_CLOCK: { httpStatus: 400, message: 'Unknown SLA clock' },
  SLA_INVALID_CLOCK_INPUT: { httpStatus: 400, message: 'SLA clock input is invalid' },
  SLA_EXTENSION_REFUSED: { httpStatus: 409, message: 'Extension (延期) request refused' },
} as const satisfies Record<string, { httpStatus: number; message: string }>;

export type CalendarSlaErrorCode = keyof typeof CALENDAR_SLA_ERRORS;

export class CalendarSlaError extends Error {
  override readonly name = 'CalendarSlaError';
  readonly code: CalendarSlaErrorCode;
  readonly httpStatus: number;
  readonly detail: string | undefined;

  constructor(code: CalendarSlaErrorCode, detail?: string) {
    const entry = CALENDAR_SLA_ERRORS[code];
    super(detail ? `${entry.message}: ${detail}` : entry.message);
    this.code = code;
    this.httpStatus = entry.httpStatus;
    this.detail = detail;
  }
}

export function isCalendarSlaError(e: unknown): e is CalendarSlaError {
  return e instanceof CalendarSlaError;
}
