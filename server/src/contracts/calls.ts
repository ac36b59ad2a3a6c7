// API contract: call history (GET /api/calls) and the audited unmasking of a caller's number.
import Type, { type Static } from 'typebox';

const Ts = Type.Union([Type.String(), Type.Null()]);

/** A call's outcome in the history (the history writer's projection of the queue's events). */
export const CALL_OUTCOMES = ['waiting', 'answered', 'abandoned', 'callback', 'completed'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CallRecordSchema = Type.Object({
  callId: Type.String(),
  queue: Type.String(),
  priority: Type.String(),
  kind: Type.String(),
  /** Masked (138****5678) unless unmasked through POST /api/calls/:id/unmask. */
  callerNumber: Type.String(),
  callbackNumber: Type.Union([Type.String(), Type.Null()]),
  arrivedAt: Type.String(),
  answeredAt: Ts,
  abandonedAt: Ts,
  endedAt: Ts,
  agentId: Type.Union([Type.String(), Type.Null()]),
  /** The answering agent's name and 工号 (username); null when unknown or nobody answered. */
  agentName: Ts,
  agentNo: Ts,
  waitMs: Type.Union([Type.Integer(), Type.Null()]),
  talkMs: Type.Union([Type.Integer(), Type.Null()]),
  outcome: Type.String(),
  /** The agent's 整理 disposition (null until recorded, and for calls nobody answered). */
  disposition: Ts,
  /** The 工单 registered from the call (disposition 'ticket-created'). */
  ticketNo: Ts,
});

/** GET /api/calls filters. Times are instants (ISO 8601); the console sends Beijing-time day bounds. */
export const CallListQuerySchema = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    queue: Type.Optional(Type.String({ maxLength: 64 })),
    /** The answering agent: 工号 (username) or user id. */
    agent: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    outcome: Type.Optional(Type.Enum([...CALL_OUTCOMES])),
    /** The caller's full number (exact match); the answer still shows it masked. */
    number: Type.Optional(Type.String({ pattern: '^\\+?[0-9]{3,20}$' })),
    /** Paging: the previous page's `nextBefore` (opaque; the calls after it in the list order). */
    before: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);

export const CallListSchema = Type.Object({
  items: Type.Array(CallRecordSchema),
  /** Set when more calls may follow: pass it as `before` for the next page. */
  nextBefore: Ts,
  /** 'own' when the user sees only the calls they answered (agents); 'all' otherwise. */
  scope: Type.Enum(['own', 'all']),
});

export const UnmaskRequestSchema = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);

export type CallRecord = Static<typeof CallRecordSchema>;
export type CallListQuery = Static<typeof CallListQuerySchema>;
export type CallList = Static<typeof CallListSchema>;
export type UnmaskRequest = Static<typeof UnmaskRequestSchema>;
