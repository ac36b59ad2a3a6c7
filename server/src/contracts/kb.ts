// API contract: knowledge base (知识库). TypeBox schemas used by the routes; the console imports types only.
import Type, { type Static, type TSchema } from 'typebox';

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

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ArticleSchema = Type.Object({
  id: Type.String(),
  kind: ArticleKindSchema,
  status: ArticleStatusSchema,
  ownerUnitId: Type.String(),
  reviewUnitId: Nullable(Type.String()),
  public: Type.Boolean(),
  publishAt: Nullable(Type.String()),
  version: Type.Integer(),
  publishedVersion: Nullable(Type.Integer()),
  content: ArticleContentSchema,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  /** workflow actions the caller may take now */
  actions: Type.Array(WorkflowActionSchema),
});
export type Article = Static<typeof ArticleSchema>;
export const ArticleListSchema = Type.Object({ items: Type.Array(ArticleSchema) });

export const ArticleVersionSchema = Type.Object({
  version: Type.Integer(),
  authorId: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  content: ArticleContentSchema,
});
export type ArticleVersion = Static<typeof ArticleVersionSchema>;
export const ArticleVersionListSchema = Type.Object({ items: Type.Array(ArticleVersionSchema) });

export const VersionDiffSchema = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  fields: Type.Array(
    Type.Object({
      field: Type.String(),
      /** zh-CN label of the field (标题, 正文, 申请材料 …) */
      label: Type.String(),
      parts: Type.Array(Type.Object({ op: Type.Enum(['same', 'added', 'removed']), text: Type.String() })),
    }),
  ),
});
export type VersionDiff = Static<typeof VersionDiffSchema>;

export const WorkflowEventSchema = Type.Object({
  at: Type.String(),
  actorId: Nullable(Type.String()),
  action: Type.String(),
  from: Type.String(),
  to: Type.String(),
  comment: Nullable(Type.String()),
});
export type WorkflowEvent = Static<typeof WorkflowEventSchema>;
export const WorkflowEventListSchema = Type.Object({ items: Type.Array(WorkflowEventSchema) });

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

/** [start, end) offsets into title / snippet to highlight */
const HighlightsSchema = Type.Array(Type.Tuple([Type.Integer(), Type.Integer()]));

export const SearchHitSchema = Type.Object({
  id: Type.String(),
  score: Type.Number(),
  title: Type.String(),
  titleHighlights: HighlightsSchema,
  snippet: Type.String(),
  snippetHighlights: HighlightsSchema,
  kind: ArticleKindSchema,
  unit: Type.Optional(Type.String()),
  counties: Type.Array(Type.String()),
  validity: Type.Enum(['valid', 'expired', 'pending']),
});
export type SearchHit = Static<typeof SearchHitSchema>;

export const SearchResponseSchema = Type.Object({
  total: Type.Integer(),
  hits: Type.Array(SearchHitSchema),
  understood: Type.Array(
    Type.Object({
      text: Type.String(),
      source: Type.String(),
      optional: Type.Boolean(),
      terms: Type.Array(Type.String()),
    }),
  ),
  tookMs: Type.Number(),
});
export type SearchResponse = Static<typeof SearchResponseSchema>;

/** The public self-service page gets published public articles only, without internal fields. */
export const PublicArticleSchema = Type.Object({
  id: Type.String(),
  kind: ArticleKindSchema,
  ownerUnitId: Type.String(),
  content: ArticleContentSchema,
  publishedAt: Nullable(Type.String()),
});
export type PublicArticle = Static<typeof PublicArticleSchema>;

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
export const CorrectionSchema = Type.Object({
  id: Type.String(),
  articleId: Type.String(),
  articleTitle: Type.String(),
  ownerUnitId: Type.String(),
  reporterId: Nullable(Type.String()),
  text: Type.String(),
  status: Type.Enum(['open', 'fixed', 'rejected']),
  reply: Nullable(Type.String()),
  createdAt: Type.String(),
  dueAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
});
export type Correction = Static<typeof CorrectionSchema>;
export const CorrectionListSchema = Type.Object({ items: Type.Array(CorrectionSchema) });

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
export const PolicyRegistrationSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  ownerUnitId: Type.String(),
  registeredAt: Type.String(),
  releaseDate: Type.String(),
  leadWorkingDays: Type.Integer(),
  timeliness: Type.Enum(['on_time', 'late', 'early']),
  status: Type.Enum(['registered', 'fulfilled', 'cancelled']),
  originalArticleId: Nullable(Type.String()),
  interpretationArticleId: Nullable(Type.String()),
  reminder: Type.Enum(['none', 'due_today', 'overdue']),
  note: Nullable(Type.String()),
});
export type PolicyRegistration = Static<typeof PolicyRegistrationSchema>;
export const PolicyRegistrationListSchema = Type.Object({ items: Type.Array(PolicyRegistrationSchema) });

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
export const ImportJobSchema = Type.Object({
  id: Type.String(),
  status: Type.Enum(['running', 'done', 'failed']),
  total: Type.Integer(),
  done: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(Type.Object({ item: Type.String(), message: Type.String() })),
  articleIds: Type.Array(Type.String()),
});
export type ImportJob = Static<typeof ImportJobSchema>;

export const OversightSchema = Type.Object({
  units: Type.Array(
    Type.Object({
      unitId: Type.String(),
      overdueCorrections: Type.Integer(),
      lateRegistrations: Type.Integer(),
      missedReleases: Type.Integer(),
    }),
  ),
  overdueCorrections: Type.Array(CorrectionSchema),
});
export const ScheduleRunSchema = Type.Object({ published: Type.Integer(), expired: Type.Integer() });

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
