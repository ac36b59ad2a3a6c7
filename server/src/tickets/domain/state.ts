// The ticket's current state — always DERIVED from its event log by the reducer (reduce.ts).
import type { Rating, TicketIntake } from './fields.ts';

export const PHASES = [
  'registered', // 已受理, awaiting 转办 (or 即办 / 不予受理 / 批办)
  'escalated', // 批办: waiting for the prefecture government's instruction
  'handling', // 转办: units sign for (签收) and handle
  'awaiting_review', // lead unit replied (答复); center reviews
  'awaiting_callback', // 回访
  'awaiting_decision', // first callback 不满意: center decides 重派 or 备注办结
  'closed', // 办结 (archived)
  'terminated', // 终结 (archived)
  'not_accepted', // 不予受理 (archived)
  'merged', // 并单 into another ticket (archived)
] as const;
export type Phase = (typeof PHASES)[number];
export const ARCHIVED_PHASES: readonly Phase[] = ['closed', 'terminated', 'not_accepted', 'merged'];
export const OPEN_PHASES: readonly Phase[] = PHASES.filter((p) => !ARCHIVED_PHASES.includes(p));

/** sole: the only unit; lead 主办; co 协办; subordinate: a unit's subordinate body (the unit still replies). */
export type AssignmentRole = 'sole' | 'lead' | 'co' | 'subordinate';
export type AssignmentStatus =
  | 'dispatched'
  | 'signed'
  | 'input_submitted'
  | 'forwarded'
  | 'return_requested'
  | 'return_signed'
  | 'returned'
  | 'withdrawn'
  /** replaced by a fresh assignment on 重派 (kept for the sign-for KPI). */
  | 'superseded';
export const ACTIVE_ASSIGNMENT: readonly AssignmentStatus[] = [
  'dispatched',
  'signed',
  'input_submitted',
  'return_requested',
  'return_signed',
];

export interface ReturnRequest {
  reason: string;
  policyBasis: string;
  suggestedUnitId: string;
  requestedBy: string;
  signedOffBy?: string;
}

export interface Assignment {
  unitId: string;
  role: AssignmentRole;
  /** The county office (territorial) or parent unit that forwarded it here. */
  forwardedBy?: string;
  status: AssignmentStatus;
  dispatchedAt: string;
  signDueAt: string;
  signedAt?: string;
  returnRequest?: ReturnRequest;
  statusBeforeReturn?: AssignmentStatus;
}

export interface Extension {
  days: number;
  reason: string;
  lawBasis?: string;
  status: 'requested' | 'approved' | 'rejected';
  requestedAt: string;
  requesterInformed: boolean;
}

export interface Callback {
  round: number;
  at: string;
  method: 'phone' | 'sms' | 'in_person' | 'auto';
  service: Rating;
  result: Rating;
  dissatisfiedCause?: 'poor_handling' | 'objective';
  note?: string;
}

export interface Review {
  at: string;
  passed: boolean;
  reason?: string;
  by: string;
}

export interface TicketState {
  id: string;
  version: number;
  phase: Phase;
  intake: TicketIntake;
  createdAt: string;
  createdBy: string;
  dispatchDueAt: string;
  specialNotifyDueAt?: string;
  specialNotifiedAt?: string;
  /** Art. 13 (2): the unit's first response and progress report on a special / special-urgent matter. */
  firstResponseAt?: string;
  progressReportedAt?: string;
  instruction?: string;
  dispatchedAt?: string;
  dispatchMode?: 'single' | 'multi' | 'territorial';
  /** Art. 12 (5): a unit designated by the authority may not return similar matters. */
  designatedByAuthority: boolean;
  assignments: Assignment[];
  /** The unit that replies: sole / lead / the local unit a county office forwarded to. */
  replyingUnitId?: string;
  completionDueAt?: string;
  extensions: Extension[];
  replies: { at: string; unitId: string; onTime: boolean; content: Record<string, unknown> }[];
  reviews: Review[];
  callbackOpenedAt?: string;
  callbacks: Callback[];
  redispatches: number;
  supervisionLevel: number;
  slaWarnings: string[];
  slaBreaches: string[];
  immediate?: { answer: string; kbArticleId?: string };
  notAccepted?: { reasonCode: number; guidance: string };
  closedAt?: string;
  closure?: 'satisfied' | 'auto' | 'annotated' | 'final' | 'terminated' | 'not_accepted' | 'merged';
  annotation?: string;
  termination?: { opinion: string; signedBy: string; priorTicketIds: string[] };
  mergedInto?: string;
  linkedTickets: { ticketId: string; requester: TicketIntake['requester'] }[];
  dispute?: { status: 'pending' | 'upheld' | 'rejected'; reason: string; unitId: string; note?: string };
  /** Every unit that ever held this ticket (for unit scoping of reads). */
  unitIds: string[];
}

export function activeAssignment(s: TicketState, unitId: string | undefined): Assignment | undefined {
  if (!unitId) return undefined;
  return s.assignments.find((a) => a.unitId === unitId && ACTIVE_ASSIGNMENT.includes(a.status));
}

export function isArchived(s: TicketState): boolean {
  return ARCHIVED_PHASES.includes(s.phase);
}
