// calendar_arrangement rows (migration 0005): the holiday arrangements an administrator imported.
import type { ColumnType, Kysely } from 'kysely';
import type { ArrangementDay, OfficialArrangement } from '../calendar/index.ts';
import { fromJson } from '../db/json-column.ts';
import type { Database } from '../db/schema.ts';

export interface CalendarArrangementTable {
  year: number;
  days: ColumnType<ArrangementDay[], string, string>;
  source: string;
  imported_by: string;
  imported_at: ColumnType<Date, Date | undefined, Date>;
}

declare module '../db/schema.ts' {
  interface Database {
    calendar_arrangement: CalendarArrangementTable;
  }
}

export interface ImportedArrangement extends OfficialArrangement {
  importedBy: string;
  importedAt: string;
}

export async function loadArrangements(db: Kysely<Database>): Promise<ImportedArrangement[]> {
  const rows = await db.selectFrom('calendar_arrangement').selectAll().orderBy('year').execute();
  return rows.map((r) => ({
    year: r.year,
    days: fromJson<ArrangementDay[]>(r.days),
    source: r.source,
    importedBy: r.imported_by,
    importedAt: new Date(r.imported_at).toISOString(),
  }));
}

export async function saveArrangement(
  db: Kysely<Database>,
  a: OfficialArrangement,
  importedBy: string,
): Promise<void> {
  const row = {
    days: JSON.stringify(a.days),
    source: a.source,
    imported_by: importedBy,
    imported_at: new Date(),
  };
  await db
    .insertInto('calendar_arrangement')
    .values({ year: a.year, ...row })
    .onConflict((oc) => oc.column('year').doUpdateSet(row))
    .execute();
}
