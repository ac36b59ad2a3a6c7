// Pure: what one queue event changes in the call history (calls, offers, agent state intervals).
import type { AcdEvent } from '@hotline/queue';

export type CallOutcome = 'waiting' | 'answered' | 'abandoned' | 'callback' | 'completed';

export interface CallBase {
  call_id: string;
  queue: string;
  priority: string;
  kind: string;
  caller_number: string;
  arrived_at: Date;
}

export interface HistoryOps {
  /** Insert the call if new, then set these columns. */
  call?: { base: CallBase; set: Partial<Record<string, unknown>> };
  offerOpen?: { offer_id: string; call_id: string; agent_id: string; offered_at: Date; expires_at: Date };
  offerClose?: {
    offer_id: string | null;
    call_id: string;
    outcome: 'answered' | 'rejected' | 'expired' | 'abandoned';
    closed_at: Date;
  };
  /** Close the agent's open interval at `at` and open a new one. */
  agentState?: { agent_id: string; state: string; reason: string; at: Date };
}

const d = (ms: number) => new Date(ms);

export function projectEvent(e: AcdEvent): HistoryOps {
  if (e.type === 'agent.state') {
    return { agentState: { agent_id: e.agentId, state: e.state, reason: e.reason ?? '', at: d(e.ts) } };
  }
  const base: CallBase = {
    call_id: e.callId,
    queue: e.queue,
    priority: e.priority,
    kind: e.kind,
    caller_number: e.callerNumber,
    arrived_at: d(e.arrivedAt),
  };
  switch (e.type) {
    case 'call.enqueued':
      return { call: { base, set: {} } };
    case 'call.offered':
      return {
        call: { base, set: {} },
        offerOpen: {
          offer_id: e.offerId,
          call_id: e.callId,
          agent_id: e.agentId,
          offered_at: d(e.ts),
          expires_at: d(e.expiresAt),
        },
      };
    case 'call.offer-rejected':
    case 'call.offer-expired':
      return {
        call: { base, set: {} },
        offerClose: {
          offer_id: e.offerId,
          call_id: e.callId,
          outcome: e.type === 'call.offer-rejected' ? 'rejected' : 'expired',
          closed_at: d(e.ts),
        },
      };
    case 'call.answered':
      return {
        call: {
          base,
          set: { answered_at: d(e.ts), agent_id: e.agentId, wait_ms: e.waitMs, outcome: 'answered' },
        },
        offerClose: { offer_id: e.offerId, call_id: e.callId, outcome: 'answered', closed_at: d(e.ts) },
      };
    case 'call.abandoned':
      return {
        call: { base, set: { abandoned_at: d(e.ts), wait_ms: e.waitMs, outcome: 'abandoned' } },
        ...(e.phase === 'offered'
          ? {
              offerClose: {
                offer_id: null,
                call_id: e.callId,
                outcome: 'abandoned' as const,
                closed_at: d(e.ts),
              },
            }
          : {}),
      };
    case 'call.callback-requested':
      return {
        call: { base, set: { callback_number: e.callbackNumber, wait_ms: e.waitMs, outcome: 'callback' } },
      };
    case 'call.ended':
      return {
        call: {
          base,
          set: {
            ended_at: d(e.ts),
            talk_ms: e.talkMs,
            hold_ms: e.holdMs,
            ended_by: e.by,
            agent_id: e.agentId,
            outcome: 'completed',
          },
        },
      };
    case 'call.requeued':
      return { call: { base, set: { outcome: 'waiting' } } };
    default:
      return { call: { base, set: {} } };
  }
}
