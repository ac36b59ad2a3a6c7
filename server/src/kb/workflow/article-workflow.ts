// The article workflow as a pure transition table (Art. 23–25: multi-party review, real-time updates):
//   draft → in_review (center 知识库编辑) → [unit_review (a second unit, optional)] →
//   scheduled (publication date in the future) | published → withdrawn | expired;
//   published/withdrawn/expired → draft (revise: a new version; the published one stays live meanwhile).
import type { Role } from '../../auth/roles.ts';

export const ARTICLE_STATUSES = [
  'draft',
  'in_review',
  'unit_review',
  'scheduled',
  'published',
  'withdrawn',
  'expired',
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const STATUS_LABELS: Record<ArticleStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  in_review: { zh: '中心审核中', en: 'In review (center)' },
  unit_review: { zh: '会审单位审核中', en: 'In review (second unit)' },
  scheduled: { zh: '待发布', en: 'Scheduled' },
  published: { zh: '已发布', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  expired: { zh: '已失效', en: 'Expired' },
};

export const WORKFLOW_ACTIONS = [
  'submit',
  'approve',
  'unit_approve',
  'reject',
  'publish_due',
  'withdraw',
  'expire',
  'revise',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Who may act: roles, plus 'owner' (a member of the owner unit) or 'review_unit' (of the second unit). */
export type Actor = Role | 'owner' | 'review_unit' | 'system';

/** Facts the guards look at (computed by the caller from the article and the clock). */
export interface WorkflowFacts {
  readonly needsUnitReview: boolean;
  /** publication time is in the future */
  readonly publishLater: boolean;
  readonly hasComment: boolean;
}

interface Row {
  readonly from: readonly ArticleStatus[];
  readonly action: WorkflowAction;
  readonly actors: readonly Actor[];
  /** target status, possibly depending on the facts */
  readonly to: (f: WorkflowFacts) => ArticleStatus;
  readonly requiresComment?: boolean;
}

const afterCenterApproval = (f: WorkflowFacts): ArticleStatus =>
  f.needsUnitReview ? 'unit_review' : f.publishLater ? 'scheduled' : 'published';

export const WORKFLOW_TABLE: readonly Row[] = [
  { from: ['draft'], action: 'submit', actors: ['owner', 'kb_editor'], to: () => 'in_review' },
  { from: ['in_review'], action: 'approve', actors: ['kb_editor'], to: afterCenterApproval },
  {
    from: ['unit_review'],
    action: 'unit_approve',
    actors: ['review_unit'],
    to: (f) => (f.publishLater ? 'scheduled' : 'published'),
  },
  {
    from: ['in_review'],
    action: 'reject',
    actors: ['kb_editor'],
    to: () => 'draft',
    requiresComment: true,
  },
  {
    from: ['unit_review'],
    action: 'reject',
    actors: ['review_unit', 'kb_editor'],
    to: () => 'draft',
    requiresComment: true,
  },
  { from: ['scheduled'], action: 'publish_due', actors: ['system', 'kb_editor'], to: () => 'published' },
  {
    from: ['published', 'scheduled'],
    action: 'withdraw',
    actors: ['kb_editor', 'authority'],
    to: () => 'withdrawn',
    requiresComment: true,
  },
  { from: ['published'], action: 'expire', actors: ['system', 'kb_editor'], to: () => 'expired' },
  {
    from: ['published', 'withdrawn', 'expired'],
    action: 'revise',
    actors: ['owner', 'kb_editor'],
    to: () => 'draft',
  },
];

export type TransitionResult =
  | { readonly ok: true; readonly to: ArticleStatus }
  | { readonly ok: false; readonly reason: 'illegal_transition' | 'not_allowed' | 'comment_required' };

/** Decides one workflow step. `actors` are the caller's roles plus 'owner'/'review_unit' when they apply. */
export function transition(
  from: ArticleStatus,
  action: WorkflowAction,
  actors: readonly Actor[],
  facts: WorkflowFacts,
): TransitionResult {
  const rows = WORKFLOW_TABLE.filter((r) => r.action === action && r.from.includes(from));
  if (!rows.length) return { ok: false, reason: 'illegal_transition' };
  const row = rows.find((r) => r.actors.some((a) => actors.includes(a)));
  if (!row) return { ok: false, reason: 'not_allowed' };
  if (row.requiresComment && !facts.hasComment) return { ok: false, reason: 'comment_required' };
  return { ok: true, to: row.to(facts) };
}

/** Actions the caller could take now (for the UI buttons). */
export function availableActions(from: ArticleStatus, actors: readonly Actor[]): WorkflowAction[] {
  return WORKFLOW_TABLE.filter(
    (r) =>
      r.from.includes(from) &&
      r.actors.some((a) => actors.includes(a)) &&
      !r.actors.every((a) => a === 'system'),
  )
    .map((r) => r.action)
    .filter((a, i, all) => all.indexOf(a) === i);
}

/** Content may be edited only while a draft. */
export const isEditable = (s: ArticleStatus): boolean => s === 'draft';
