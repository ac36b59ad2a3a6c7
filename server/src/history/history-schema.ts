import type { ColumnType, Generated } from 'kysely';

export interface HistoryProcessedTable {
  stream_id: string;
  processed_at: Generated<Date>;
}

export interface HistoryDeadLetterTable {
  stream_id: string;
  event: ColumnType<unknown, string, string>;
  error: string;
  attempts: number;
  dead_at: Generated<Date>;
}

export interface CallRecordTable {
  call_id: string;
  queue: string;
  priority: string;
  kind: string;
  caller_number: string;
  callback_number: string | null;
  arrived_at: Date;
  answered_at: Date | null;
  abandoned_at: Date | null;
  ended_at: Date | null;
  agent_id: string | null;
  wait_ms: number | null;
  talk_ms: number | null;
  hold_ms: number | null;
  ended_by: string | null;
  outcome: Generated<string>;
}

export interface CallOfferTable {
  stream_id: string;
  offer_id: string;
  call_id: string;
  agent_id: string;
  offered_at: Date;
  expires_at: Date;
  outcome: string | null;
  closed_at: Date | null;
}

export interface AgentStateIntervalTable {
  stream_id: string;
  agent_id: string;
  state: string;
  reason: string;
  started_at: Date;
  ended_at: Date | null;
  duration_ms: string | number | null;
}

declare module '../db/schema.ts' {
  interface Database {
    history_processed: HistoryProcessedTable;
    history_dead_letter: HistoryDeadLetterTable;
    call_record: CallRecordTable;
    call_offer: CallOfferTable;
    agent_state_interval: AgentStateIntervalTable;
  }
}
