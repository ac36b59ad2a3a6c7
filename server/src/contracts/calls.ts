// API contract: call history (GET /api/calls) and the audited unmasking of a caller's number.
import Type, { type Static } from 'typebox';

const Ts = Type.Union([Type.String(), Type.Null()]);
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
  waitMs: Type.Union([Type.Integer(), Type.Null()]),
  talkMs: Type.Union([Type.Integer(), Type.Null()]),
  outcome: Type.String(),
});

export const UnmaskRequestSchema = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);

export type CallRecord = Static<typeof CallRecordSchema>;
export type UnmaskRequest = Static<typeof UnmaskRequestSchema>;
