// API contract: the screen-pop caller history (GET /api/callers/:number/history).
import Type, { type Static } from 'typebox';

const S = Type.Union([Type.String(), Type.Null()]);
export const CallerHistorySchema = Type.Object({
  /** Masked per role (138****5678) unless the role reads personal data in plain. */
  callerNumber: Type.String(),
  /** 重复来电: ≥ repeatCalls earlier calls in repeatWindowDays (server config). */
  repeatCaller: Type.Boolean(),
  repeatCalls: Type.Integer(),
  repeatWindowDays: Type.Integer(),
  /** An earlier call's wrap-up was 骚扰来电. */
  nuisance: Type.Boolean(),
  /** Most frequent county of the caller's earlier tickets. */
  countyGuess: S,
  calls: Type.Array(
    Type.Object({
      callId: Type.String(),
      at: Type.String(),
      answered: Type.Boolean(),
      outcome: Type.String(),
      disposition: S,
      ticketNo: S,
    }),
  ),
  tickets: Type.Array(
    Type.Object({
      ticketId: Type.String(),
      ticketNo: Type.String(),
      at: Type.String(),
      county: Type.String(),
      phase: Type.String(),
      /** First 60 characters of the content; confidential tickets show no content. */
      summary: Type.String(),
    }),
  ),
});

export const CallerHistoryQuerySchema = Type.Object(
  {
    /** The current call, left out of the list and of the repeat count. */
    excludeCallId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
  },
  { additionalProperties: false },
);

export type CallerHistoryDto = Static<typeof CallerHistorySchema>;
