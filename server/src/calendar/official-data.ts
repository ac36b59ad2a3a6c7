// China's official holiday arrangement (法定节假日 and 调休 make-up working days) as data.
// Built-in source: the `chinese-days` package's JSON (years 2004–2026 in version 1.5.7). Newer years are
// added by importing the State Council's published arrangement (see arrangement-csv.ts).
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export type DayKind = 'off' | 'work';

export interface ArrangementDay {
  /** 'YYYY-MM-DD' (Asia/Shanghai calendar date). */
  readonly date: string;
  /** off = holiday (no office hours); work = working day (make-up day 调休 or extra working day). */
  readonly kind: DayKind;
  readonly name: string;
}

/** The complete official arrangement of one year: every day not listed follows the ordinary week. */
export interface OfficialArrangement {
  readonly year: number;
  readonly days: readonly ArrangementDay[];
  /** Where it came from, shown to administrators (e.g. 'chinese-days 1.5.7', 'import 2026-12-01'). */
  readonly source: string;
}

/** Chinese name from a chinese-days value such as "Spring Festival,春节,4". */
function nameOf(value: string): string {
  const parts = value.split(',');
  return parts[1] ?? parts[0] ?? '';
}

function build(): readonly OfficialArrangement[] {
  const byYear = new Map<number, ArrangementDay[]>();
  const add = (date: string, kind: DayKind, value: string) => {
    const year = Number(date.slice(0, 4));
    const list = byYear.get(year) ?? [];
    byYear.set(year, list);
    list.push({ date, kind, name: nameOf(value) });
  };
  for (const [date, value] of Object.entries(chineseDays.holidays as Record<string, string>))
    add(date, 'off', value);
  for (const [date, value] of Object.entries(chineseDays.workdays as Record<string, string>))
    add(date, 'work', value);
  return [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, days]) =>
      Object.freeze({
        year,
        days: Object.freeze(days.sort((a, b) => (a.date < b.date ? -1 : 1))),
        source: 'chinese-days',
      }),
    );
}

/** Built-in official arrangements, one per year covered by `chinese-days`. */
export const BUILTIN_ARRANGEMENTS: readonly OfficialArrangement[] = Object.freeze(build());
