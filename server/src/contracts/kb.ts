// API contract: knowledge base (知识库). TypeBox schemas used by the routes; the console imports types only.
import Type, { type Static } from 'typebox';

export const ArticleKindSchema = Type.Enum(['guide', 'regulation', 'interpretation', 'hot_topic', 'faq']);
export const ArticleStatusSchema = Type.Enum([
  'draft',
  'in_review',
  'unit_review',
  'scheduled',
  'published',
  'withdrawn',
  'expired',
]);
export const WorkflowActionSchema = Type.Enum([
  'submit',
  'approve',
  'unit_approve',
  'reject',
  'publish_due',
  'withdraw',
  'expire',
  'revise',
]);

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const ShortText = Type.String({ minLength: 1, maxLength: 200 });

export const GuideSchema = Type.Object(
  {
    materials: Type.Array(ShortText, { maxItems: 50 }),
    steps: Type.Array(ShortText, { maxItems: 50 }),
    fees: Type.String({ maxLength: 500 }),
    timeLimit: Type.String({ maxLength: 200 }),
    place: Type.String({ maxLength: 500 }),
    phone: Type.String({ maxLength: 100 }),
  },
  { additionalProperties: false },
);

export const FaqSchema = Type.Object(
  {
    question: Type.String({ minLength: 1, maxLength: 500 }),
    answer: Type.String({ minLength: 1, maxLength: 5000 }),
  },
  { additionalProperties: false },
);

export const AttachmentSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    /** 'original' 政策原文, 'interpretation' 解读材料, 'other' */
    role: Type.Enum(['original', 'interpretation', 'other']),
    /** where the file is (URL or storage reference) */
    ref: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

/** Everything versioned about an article. */
export const ArticleContentSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    summary: Type.String({ maxLength: 2000 }),
    body: Type.String({ maxLength: 200_000 }),
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 30 }),
    /** county codes (513301…) or names; empty = the whole prefecture */
    counties: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 18 }),
    effectiveFrom: Type.Union([Day, Type.Null()]),
    expiresAt: Type.Union([Day, Type.Null()]),
    guide: Type.Optional(Type.Union([GuideSchema, Type.Null()])),
    faq: Type.Optional(Type.Array(FaqSchema, { maxItems: 100 })),
    attachments: Type.Optional(Type.Array(AttachmentSchema, { maxItems: 20 })),
    related: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type ArticleContent = Static<typeof ArticleContentSchema>;

export const CreateArticleSchema = Type.Object(
  {
    kind: ArticleKindSchema,
    /** owner unit (org unit id); default: the author's unit */
    ownerUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** optional second unit that must also approve (会审) */
    reviewUnitId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
    public: Type.Optional(Type.Boolean()),
    /** scheduled publication (ISO instant); null = publish on approval */
    publishAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
    content: ArticleContentSchema,
  },
  { additionalProperties: false },
);
export type CreateArticle = Static<typeof CreateArticleSchema>;

export const UpdateArticleSchema = Type.Object(
  {
    content: ArticleContentSchema,
    reviewUnitId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
    public: Type.Optional(Type.Boolean()),
    publishAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type UpdateArticle = Static<typeof UpdateArticleSchema>;

export const WorkflowStepSchema = Type.Object(
  { action: WorkflowActionSchema, comment: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type WorkflowStep = Static<typeof WorkflowStepSchema>;

export interface Article {
  id: string;
  kind: Static<typeof ArticleKindSchema>;
  status: Static<typeof ArticleStatusSchema>;
  ownerUnitId: string;
  reviewUnitId: string | null;
  public: boolean;
  publishAt: string | null;
  version: number;
  publishedVersion: number | null;
  content: ArticleContent;
  createdAt: string;
  updatedAt: string;
  /** workflow actions the caller may take now */
  actions: Static<typeof WorkflowActionSchema>[];
}

export interface ArticleVersion {
  version: number;
  authorId: string | null;
  note: string | null;
  createdAt: string;
  content: ArticleContent;
}

export interface VersionDiff {
  from: number;
  to: number;
  fields: Array<{
    field: string;
    label: string;
    parts: Array<{ op: 'same' | 'added' | 'removed'; text: string }>;
  }>;
}

export interface WorkflowEvent {
  at: string;
  actorId: string | null;
  action: string;
  from: string;
  to: string;
  comment: string | null;
}

// ---- search ----
export const SearchQuerySchema = Type.Object(
  {
    q: Type.String({ maxLength: 200, default: '' }),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
    offset: Type.Integer({ minimum: 0, maximum: 1000, default: 0 }),
    kind: Type.Optional(Type.Array(ArticleKindSchema, { maxItems: 5 })),
    /** filter: only articles applicable in this county (code or name) */
    county: Type.Optional(Type.String({ maxLength: 20 })),
    /** boost: the caller's county */
    callerCounty: Type.Optional(Type.String({ maxLength: 20 })),
    unit: Type.Optional(Type.String({ maxLength: 64 })),
    tag: Type.Optional(Type.String({ maxLength: 40 })),
    includeExpired: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuerySchema>;

export interface SearchHit {
  id: string;
  score: number;
  title: string;
  /** [start, end) offsets into title / snippet to highlight */
  titleHighlights: Array<[number, number]>;
  snippet: string;
  snippetHighlights: Array<[number, number]>;
  kind: Static<typeof ArticleKindSchema>;
  unit?: string;
  counties: string[];
  validity: 'valid' | 'expired' | 'pending';
}

export interface SearchResponse {
  total: number;
  hits: SearchHit[];
  understood: Array<{ text: string; source: string; optional: boolean; terms: string[] }>;
  tookMs: number;
}

/** The public self-service page gets published public articles only, without internal fields. */
export interface PublicArticle {
  id: string;
  kind: Static<typeof ArticleKindSchema>;
  ownerUnitId: string;
  content: ArticleContent;
  publishedAt: string | null;
}

// ---- corrections (纠错) ----
export const CreateCorrectionSchema = Type.Object(
  {
    text: Type.String({ minLength: 2, maxLength: 2000 }),
    /** ticket or call the agent was handling (optional) */
    ticketId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export const ResolveCorrectionSchema = Type.Object(
  { outcome: Type.Enum(['fixed', 'rejected']), reply: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export interface Correction {
  id: string;
  articleId: string;
  articleTitle: string;
  ownerUnitId: string;
  reporterId: string | null;
  text: string;
  status: 'open' | 'fixed' | 'rejected';
  reply: string | null;
  createdAt: string;
  dueAt: string;
  resolvedAt: string | null;
  overdue: boolean;
}

// ---- policy pre-registration (Art. 25) ----
export const CreateRegistrationSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    ownerUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** planned public release date (YYYY-MM-DD, China time) */
    releaseDate: Day,
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const LinkRegistrationSchema = Type.Object(
  {
    originalArticleId: Type.Optional(Type.String({ maxLength: 64 })),
    interpretationArticleId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export interface PolicyRegistration {
  id: string;
  title: string;
  ownerUnitId: string;
  registeredAt: string;
  releaseDate: string;
  leadWorkingDays: number;
  timeliness: 'on_time' | 'late' | 'early';
  status: 'registered' | 'fulfilled' | 'cancelled';
  originalArticleId: string | null;
  interpretationArticleId: string | null;
  reminder: 'none' | 'due_today' | 'overdue';
  note: string | null;
}

// ---- import ----
export const ImportRequestSchema = Type.Object(
  {
    format: Type.Enum(['markdown', 'html', 'csv']),
    /** markdown/html: one entry per file; csv: one entry with the whole file */
    files: Type.Array(
      Type.Object(
        { name: Type.String({ minLength: 1, maxLength: 300 }), text: Type.String({ maxLength: 2_000_000 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 5000 },
    ),
    kind: Type.Optional(ArticleKindSchema),
    ownerUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** publish right away (knowledge-base editors migrating an existing KB); default: drafts */
    publish: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ImportRequest = Static<typeof ImportRequestSchema>;
export interface ImportJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  failed: number;
  errors: Array<{ item: string; message: string }>;
  articleIds: string[];
}

// ---- synonyms ----
export const SynonymsSchema = Type.Object(
  {
    groups: Type.Array(
      Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 2, maxItems: 20 }),
      {
        maxItems: 2000,
      },
    ),
  },
  { additionalProperties: false },
);
