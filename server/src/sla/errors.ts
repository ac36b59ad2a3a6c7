// Error catalogue for the working calendar and the SLA clocks (one place for code, HTTP status, message).
// Same shape as the server-wide catalogue (server/src/errors.ts: status, zh, en) so the entries can move
// there as soon as that file is committed.

export const CALENDAR_SLA_ERRORS = {
  CALENDAR_INVALID_INSTANT: {
    status: 400,
    zh: '时间格式不正确（ISO 8601，例如 2026-09-30T16:00:00+08:00）',
    en: 'Not a valid instant (ISO 8601, e.g. 2026-09-30T16:00:00+08:00)',
  },
  CALENDAR_INVALID_DATE: {
    status: 400,
    zh: '日期格式不正确（YYYY-MM-DD）',
    en: 'Not a valid calendar date (YYYY-MM-DD)',
  },
  CALENDAR_INVALID_AMOUNT: {
    status: 400,
    zh: '时长必须是不小于0的数字',
    en: 'Amount must be a finite number ≥ 0',
  },
  CALENDAR_INVALID_OFFICE_HOURS: {
    status: 400,
    zh: '办公时间须为按顺序、不重叠的 HH:MM-HH:MM 时段',
    en: 'Office hours must be sorted, non-overlapping HH:MM-HH:MM intervals',
  },
  CALENDAR_INVALID_ARRANGEMENT: {
    status: 400,
    zh: '节假日安排表格式不正确',
    en: 'Holiday arrangement table is malformed',
  },
  CALENDAR_INVALID_CONFIG: {
    status: 400,
    zh: '工作日历配置不正确',
    en: 'Working calendar configuration is invalid',
  },
  CALENDAR_OUT_OF_RANGE: {
    status: 422,
    zh: '时间超出工作日历范围',
    en: 'Instant is outside the range the working calendar covers',
  },
  SLA_UNKNOWN_CLOCK: { status: 400, zh: '未知的时限', en: 'Unknown SLA clock' },
  SLA_INVALID_CLOCK_INPUT: { status: 400, zh: '时限计算参数不正确', en: 'SLA clock input is invalid' },
  SLA_EXTENSION_REFUSED: { status: 409, zh: '延期申请不予批准', en: 'Extension (延期) request refused' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type CalendarSlaErrorCode = keyof typeof CALENDAR_SLA_ERRORS;

export class CalendarSlaError extends Error {
  override readonly name = 'CalendarSlaError';
  readonly code: CalendarSlaErrorCode;
  readonly status: number;
  readonly detail: string | undefined;

  constructor(code: CalendarSlaErrorCode, detail?: string) {
    const entry = CALENDAR_SLA_ERRORS[code];
    super(detail ? `${code}: ${entry.en}: ${detail}` : `${code}: ${entry.en}`);
    this.code = code;
    this.status = entry.status;
    this.detail = detail;
  }
}

export function isCalendarSlaError(e: unknown): e is CalendarSlaError {
  return e instanceof CalendarSlaError;
}
