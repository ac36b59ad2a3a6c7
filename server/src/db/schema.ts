// Kysely table types. `Database` is an interface so each feature adds its tables by declaration
// merging from its own file:
//   declare module '../db/schema.ts' { interface Database { kb_article: KbArticleTable } }
import type { ColumnType, Generated } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrgUnitTable {
  id: string;
  parent_id: string | null;
  name: string;
  kind: 'center' | 'authority' | 'county' | 'county_office' | 'department';
  sort: number;
}

export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  org_unit_id: string;
  disabled: Generated<boolean>;
  must_change_password: Generated<boolean>;
  agent_skills: ColumnType<Record<string, number>, string | undefined, string>;
  agent_queues: Generated<string[]>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_id: string | null;
  actor_username: string | null;
  actor_roles: string[];
  action: string;
  object_type: string;
  object_id: string | null;
  ip: string | null;
  request_id: string | null;
  detail: ColumnType<Record<string, unknown>, string, string>;
}

export interface Database {
  org_unit: OrgUnitTable;
  app_user: UserTable;
  audit_log: AuditLogTable;
}
