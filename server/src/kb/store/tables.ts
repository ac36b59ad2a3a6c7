// Kysely table types of the knowledge base (migration 0500_kb_articles.ts).
import type { ColumnType, Generated } from 'kysely';
import type { ArticleContent } from '../../contracts/kb.ts';
import type { ArticleKind } from '../search/types.ts';
import type { ArticleStatus } from '../workflow/article-workflow.ts';

type Json<T> = ColumnType<T, string, string>;
type Ts = ColumnType<Date, Date | string, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null, Date | string | null>;

export interface KbArticleTable {
  id: string;
  kind: ArticleKind;
  status: ArticleStatus;
  owner_unit_id: string;
  review_unit_id: string | null;
  public: boolean;
  publish_at: TsNull;
  version: number;
  published_version: number | null;
  published_at: TsNull;
  content: Json<ArticleContent>;
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
}

export interface KbArticleVersionTable {
  article_id: string;
  version: number;
  content: Json<ArticleContent>;
  author_id: string | null;
  note: string | null;
  created_at: Ts;
}

export interface KbWorkflowEventTable {
  id: Generated<string>;
  article_id: string;
  action: string;
  from_status: string;
  to_status: string;
  actor_id: string | null;
  comment: string | null;
  at: Ts;
}

export interface KbCorrectionTable {
  id: string;
  article_id: string;
  owner_unit_id: string;
  reporter_id: string | null;
  ticket_id: string | null;
  text: string;
  status: 'open' | 'fixed' | 'rejected';
  reply: string | null;
  created_at: Ts;
  due_at: Ts;
  resolved_at: TsNull;
}

export interface KbPolicyRegistrationTable {
  id: string;
  title: string;
  owner_unit_id: string;
  registered_by: string | null;
  registered_at: Ts;
  release_date: ColumnType<string, string, string>;
  lead_working_days: number;
  timeliness: 'on_time' | 'late' | 'early';
  status: 'registered' | 'fulfilled' | 'cancelled';
  original_article_id: string | null;
  interpretation_article_id: string | null;
  note: string | null;
}

export interface KbSynonymGroupTable {
  id: Generated<number>;
  words: string[];
}

export interface KbImportJobTable {
  id: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  failed: number;
  errors: Json<Array<{ item: string; message: string }>>;
  article_ids: Json<string[]>;
  created_by: string | null;
  created_at: Ts;
  finished_at: TsNull;
}

export interface KbSearchSnapshotTable {
  id: number;
  analyzer: string;
  taken_at: Ts;
  data: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    kb_article: KbArticleTable;
    kb_article_version: KbArticleVersionTable;
    kb_workflow_event: KbWorkflowEventTable;
    kb_correction: KbCorrectionTable;
    kb_policy_registration: KbPolicyRegistrationTable;
    kb_synonym_group: KbSynonymGroupTable;
    kb_import_job: KbImportJobTable;
    kb_search_snapshot: KbSearchSnapshotTable;
  }
}
