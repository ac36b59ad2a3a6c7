// Type-only contracts of the tickets API (/api/tickets…) for the console. See server/README.md "Tickets".
import type { DuplicateSuggestion } from '../tickets/domain/duplicates.ts';
import type { NotifyKind } from '../tickets/domain/effects.ts';
import type { Actor } from '../tickets/domain/events.ts';
import type { Requester, TicketIntake } from '../tickets/domain/fields.ts';
import type { Kpis } from '../tickets/domain/kpi.ts';
import type { TicketState } from '../tickets/domain/state.ts';

export type { CategoryNode } from '../tickets/domain/categories.ts';
export type { DuplicateSuggestion } from '../tickets/domain/duplicates.ts';
export type { Actor, TicketRole } from '../tickets/domain/events.ts';
export type {
  AttachmentMeta,
  Channel,
  Location,
  Priority,
  Rating,
  Requester,
  TicketIntake,
  TicketType,
  UpperPlatform,
} from '../tickets/domain/fields.ts';
export type { KpiGroupBy, Kpis, Ratio } from '../tickets/domain/kpi.ts';
export type { NotAcceptedReason } from '../tickets/domain/not-accepted.ts';
export type { ReplyContent } from '../tickets/domain/reply-content.ts';
export type { Assignment, Callback, Extension, Phase, Review, TicketState } from '../tickets/domain/state.ts';

/** Requester as shown to the caller: masked by role; for a confidential tip-off, withheld from units. */
export interface RequesterView extends Omit<Requester, 'name' | 'phone'> {
  name: string | null;
  phone: string | null;
  /** True when the identity is withheld from this viewer (confidential tip-off, Art. 22 / 29). */
  withheld: boolean;
}

/** GET /api/tickets/:id and every command's answer. */
export interface TicketView extends Omit<TicketState, 'intake' | 'linkedTickets'> {
  no: string;
  intake: Omit<TicketIntake, 'requester'> & { requester: RequesterView };
  linkedTickets: { ticketId: string; requester: RequesterView }[];
  /** Commands this user may try in the current phase (POST /api/tickets/:id/commands/:command). */
  allowedCommands: string[];
}

/** POST /api/tickets → 201 */
export interface RegisterTicketResponse {
  ticket: TicketView;
  duplicates: DuplicateSuggestion[];
}

/** GET /api/tickets → rows */
export interface TicketSummary {
  id: string;
  no: string;
  phase: TicketState['phase'];
  type: string;
  priority: string;
  channel: string;
  county: string;
  township: string | null;
  categoryId: string;
  replyingUnitId: string | null;
  content: string;
  supervisionLevel: number;
  createdAt: string;
  dispatchDueAt: string | null;
  completionDueAt: string | null;
  callbackOpenedAt: string | null;
  /** For units: the sign-for deadline of their own assignment, when not signed yet. */
  mySignDueAt: string | null;
}

export interface TicketListResponse {
  items: TicketSummary[];
  nextBefore: string | null;
}

/** GET /api/tickets/:id/events */
export interface TicketEventView {
  seq: number;
  type: string;
  actor: Actor;
  at: string;
  payload: Record<string, unknown>;
}

/** GET /api/tickets/callbacks — the agents' callback list (回访). */
export interface CallbackTask {
  ticketId: string;
  no: string;
  type: string;
  round: number;
  openedAt: string;
  autoCloseAt: string;
  requesters: (RequesterView & { ticketId: string })[];
}

/** GET /api/tickets/kpis */
export type KpiResponse = Record<string, Kpis>;

/** GET /api/tickets/notifications and the socket.io `/tickets` event `ticket:notification`. */
export interface TicketNotification {
  id: string;
  unitId: string;
  ticketId: string;
  ticketNo?: string;
  seq: number;
  reason: NotifyKind;
  type?: string;
  priority?: string;
  phase?: string;
  signDueAt?: string;
  completionDueAt?: string;
  createdAt: string;
  readAt: string | null;
}

/** POST /api/tickets/attachments (multipart, field `file`) → 201 */
export interface AttachmentUploaded {
  id: string;
  name: string;
  mime: string;
  size: number;
}
