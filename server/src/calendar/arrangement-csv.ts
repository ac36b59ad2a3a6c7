// Import of a year's official holiday arrangement from a simple table, so that e.g. 2027 can be entered
// by an administrator as soon as the State Council publishes it. Pure: text in, data out.
//
//   date,kind,name            ← optional header
//   2027-01-01,off,元旦
//   2027-02-06,work,春节        ← make-up working day (调休)
//
// kind: off | work (also 休 / 班). Every date must be in the same year; blank lines and lines starting
// with # are ignored. Days not listed follow the ordinary week.
import { CalendarSlaError } from '../sla/errors.ts';
import type { ArrangementDay, DayKind, OfficialArrangement } from './official-data.ts';
import { dayNumberOfDate } from './time.ts';

const KINDS: Record<string, DayKind> = { off: 'off', work: 'work', 休: 'off', 班: 'work' };

export function parseArrangementCsv(text: string, source = 'import'): OfficialArrangement {
  const days: ArrangementDay[] = [];
  const seen = new Set<string>();
  let year: number | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const where = `line ${index + 1}`;
    if (!line || line.startsWith('#')) return;
    const cells = line.split(',').map((c) => c.trim());
    if (index === 0 && cells[0]?.toLowerCase() === 'date') return;
    const [date = '', kindText = '', ...nameParts] = cells;
    try {
      dayNumberOfDate(date);
    } catch {
      throw new CalendarSlaError(
        'CALENDAR_INVALID_ARRANGEMENT',
        `${where}: bad date ${JSON.stringify(date)}`,
      );
    }
    const kind = KINDS[kindText.toLowerCase()];
    if (!kind) {
      throw new CalendarSlaError(
        'CALENDAR_INVALID_ARRANGEMENT',
        `${where}: kind must be off or work, got ${JSON.stringify(kindText)}`,
      );
    }
    const y = Number(date.slice(0, 4));
    if (year === undefined) year = y;
    else if (y !== year) {
      throw new CalendarSlaError(
        'CALENDAR_INVALID_ARRANGEMENT',
        `${where}: ${date} is not in ${year}; one year per table`,
      );
    }
    if (seen.has(date))
      throw new CalendarSlaError('CALENDAR_INVALID_ARRANGEMENT', `${where}: ${date} listed twice`);
    seen.add(date);
    days.push({ date, kind, name: nameParts.join(',') });
  });
  if (year === undefined) throw new CalendarSlaError('CALENDAR_INVALID_ARRANGEMENT', 'no rows');
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  return Object.freeze({ year, days: Object.freeze(days), source });
}
