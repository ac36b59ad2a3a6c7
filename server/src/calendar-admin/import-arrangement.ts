// Use case: an administrator imports the State Council's holiday arrangement for one year (as soon
// as it is published, e.g. 2027 in late 2026). Validated (one year, known kinds, no duplicate dates),
// stored, and in use in this process at once; other processes pick it up within a minute.
import type { Kysely } from 'kysely';
import { type LiveCalendar, type OfficialArrangement, parseArrangementCsv } from '../calendar/index.ts';
import type { Database } from '../db/schema.ts';
import { CalendarSlaError } from '../sla/errors.ts';
import { loadArrangements, saveArrangement } from './arrangement-store.ts';

export async function importArrangement(
  db: Kysely<Database>,
  live: LiveCalendar,
  input: { year: number; csv: string; userId: string; now: Date },
) {
  const parsed = parseArrangementCsv(input.csv, `import ${input.now.toISOString().slice(0, 10)}`);
  if (parsed.year !== input.year)
    throw new CalendarSlaError(
      'CALENDAR_INVALID_ARRANGEMENT',
      `the dates are in ${parsed.year}, not ${input.year}`,
    );
  // try it before storing: a calendar that cannot be built is refused, the one in use stays
  const others = (await loadArrangements(db)).filter((a) => a.year !== parsed.year);
  live.replaceArrangements([...others, parsed]);
  try {
    await saveArrangement(db, parsed, input.userId);
  } catch (e) {
    await refreshArrangements(db, live).catch(() => undefined); // back to what is stored
    throw e;
  }
  return { year: parsed.year, source: parsed.source, ...countDays(parsed) };
}

/** Holidays and make-up working days of one year's arrangement. */
export function countDays(a: OfficialArrangement): { offDays: number; workDays: number } {
  const off = a.days.filter((d) => d.kind === 'off').length;
  return { offDays: off, workDays: a.days.length - off };
}

/** Load the stored arrangements into the live calendar (at start, and every minute). */
export async function refreshArrangements(db: Kysely<Database>, live: LiveCalendar): Promise<void> {
  live.replaceArrangements(await loadArrangements(db));
}
