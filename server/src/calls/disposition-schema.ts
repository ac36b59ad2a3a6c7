// Kysely view of the call_disposition table (migration 0400_calls_disposition).
import type { ColumnType } from 'kysely';

export interface CallDispositionTable {
  call_id: string;
  agent_id: string;
  disposition: string;
  ticket_no: string | null;
  not_accepted_reason: number | null;
  emergency_line: string | null;
  kb_article_id: string | null;
  note: string;
  recorded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module '../db/schema.ts' {
  interface Database {
    call_disposition: CallDispositionTable;
  }
}
