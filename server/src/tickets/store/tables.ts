// Kysely table types of the tickets feature (merged into the server's Database interface).
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';

type Json<T> = ColumnType<T, string, string>;

export interface TicketEventTable {
  ticket_id: string;
  seq: number;
  type: string;
  actor_id: string;
  actor_role: string;
  actor_unit_id: string | null;
  at: Timestamp;
  payload: Json<Record<string, unknown>>;
}

export interface TicketTable {
  id: string;
  no: Generated<string>;
  version: number;
  phase: string;
  type: string;
  priority: string;
  channel: string;
  county: string;
  township: string | null;
  category_id: string;
  replying_unit_id: string | null;
  unit_ids: string[];
  requester_phone: string | null;
  confidential: boolean;
  content: string;
  supervision_level: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  dispatch_due_at: Timestamp | null;
  completion_due_at: Timestamp | null;
  callback_opened_at: Timestamp | null;
  state: Json<Record<string, unknown>>;
}

export interface TicketAttachmentTable {
  id: string;
  ticket_id: string | null;
  name: string;
  mime: string;
  size: number;
  path: string;
  uploaded_by: string;
  uploader_unit_id: string | null;
  created_at: Generated<Date>;
}

export interface TicketNotificationTable {
  id: string;
  unit_id: string;
  ticket_id: string;
  seq: number;
  kind: string;
  payload: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
}

export interface TicketUnitWebhookTable {
  unit_id: string;
  url: string;
  enabled: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface TicketOutboxTable {
  effect_id: string;
  ticket_id: string;
  effect: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
  attempts: Generated<number>;
  last_error: string | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    ticket_event: TicketEventTable;
    ticket: TicketTable;
    ticket_attachment: TicketAttachmentTable;
    ticket_notification: TicketNotificationTable;
    ticket_unit_webhook: TicketUnitWebhookTable;
    ticket_outbox: TicketOutboxTable;
  }
}
