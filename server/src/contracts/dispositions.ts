// API contract: the agent's 整理 (wrap-up) disposition of a call (POST /api/calls/:callId/disposition).
import Type, { type Static } from 'typebox';
import { DISPOSITIONS, type Disposition } from '../calls/disposition-rules.ts';

export type { Disposition };

export const DispositionRequestSchema = Type.Object(
  {
    /** 即办 / 已建工单 / 不予受理 / 转紧急热线 / 骚扰来电 */
    disposition: Type.Enum([...DISPOSITIONS]),
    /** ticket-created only: the new ticket's id or number (must exist). */
    ticketNo: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** not-accepted only: the regulation's reason 1–8 (Art. 11). */
    notAcceptedReason: Type.Optional(Type.Integer({ minimum: 1, maximum: 8 })),
    /** emergency-transfer only: 110 / 119 / 120 / 122 or a configured utility line. */
    emergencyLine: Type.Optional(Type.String({ pattern: '^[0-9]{3,20}$' })),
    /** immediate only: the knowledge-base article the answer came from. */
    kbArticleId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

const S = Type.Union([Type.String(), Type.Null()]);
export const DispositionSchema = Type.Object({
  callId: Type.String(),
  agentId: Type.String(),
  disposition: Type.Enum([...DISPOSITIONS]),
  ticketNo: S,
  notAcceptedReason: Type.Union([Type.Integer(), Type.Null()]),
  emergencyLine: S,
  kbArticleId: S,
  note: Type.String(),
  recordedAt: Type.String(),
});

export type DispositionRequest = Static<typeof DispositionRequestSchema>;
export type DispositionDto = Static<typeof DispositionSchema>;
