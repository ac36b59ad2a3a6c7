// Provisional-data warnings: a year without an official holiday arrangement is computed as an ordinary
// week (plus admin overrides) but every result reaching into it is flagged, and administrators see why.

export interface CalendarWarning {
  readonly code: 'CALENDAR_PROVISIONAL_YEAR';
  readonly year: number;
  /** First date without official data that the computation (or the horizon) reaches. */
  readonly firstDate: string;
  readonly message: string;
  readonly messageZh: string;
}

const cache = new Map<string, CalendarWarning>();

export function provisionalWarning(year: number, firstDate: string): CalendarWarning {
  const key = `${year}|${firstDate}`;
  let w = cache.get(key);
  if (!w) {
    w = Object.freeze({
      code: 'CALENDAR_PROVISIONAL_YEAR' as const,
      year,
      firstDate,
      message:
        `No official holiday arrangement for ${year} is loaded: from ${firstDate} deadlines count ordinary ` +
        `weekdays only and are provisional. Import the State Council arrangement for ${year} (date,off|work,name).`,
      messageZh: `尚未导入${year}年国务院节假日安排：自${firstDate}起的期限暂按普通工作日计算，仅供参考，请导入${year}年放假调休安排。`,
    });
    if (cache.size < 1000) cache.set(key, w);
  }
  return w;
}
