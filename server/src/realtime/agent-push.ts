// Pure: which queue events go to which agent, as which push (agent channel).
import type { AgentStateName, AgentStatePush, CallEventPush, OfferPush } from '../contracts/realtime.ts';
import { maskPhone } from '../privacy/mask.ts';
import type { QueueEvent } from './stream-entry.ts';

export type AgentPush =
  | { agentId: string; event: 'agent:state'; payload: AgentStatePush }
  | { agentId: string; event: 'agent:offer'; payload: OfferPush }
  | { agentId: string; event: 'agent:call'; payload: CallEventPush };

const CALL_EVENTS = new Set<CallEventPush['type']>([
  'call.answered',
  'call.offer-rejected',
  'call.offer-expired',
  'call.abandoned',
  'call.held',
  'call.resumed',
  'call.ended',
  'call.requeued',
]);

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** `wrapUpMs`: the ACD's wrap-up time (its Lua sets wrapUpEndsAt = event time + wrapUpMs). */
export function agentPushFor(e: QueueEvent, wrapUpMs: number | null = null): AgentPush | null {
  const agentId = str(e.agentId);
  if (!agentId) return null;
  const cause = { eventId: e.id, eventTs: e.ts };
  if (e.type === 'agent.state') {
    return {
      agentId,
      event: 'agent:state',
      payload: {
        agentId,
        state: str(e.state) as AgentStateName,
        reason: str(e.reason),
        since: e.ts,
        callId:
          e.state === 'ready' || e.state === 'not-ready' || e.state === 'offline'
            ? null
            : str(e.callId) || null,
        wrapUpEndsAt: e.state === 'wrap-up' && wrapUpMs !== null ? e.ts + wrapUpMs : null,
        cause,
      },
    };
  }
  if (e.type === 'call.offered') {
    return {
      agentId,
      event: 'agent:offer',
      payload: {
        offerId: str(e.offerId),
        callId: str(e.callId),
        queue: str(e.queue),
        priority: str(e.priority),
        kind: e.kind === 'callback' ? 'callback' : 'inbound',
        callerNumber: maskPhone(str(e.callbackNumber) || str(e.callerNumber)),
        expiresAt: Number(e.expiresAt ?? 0),
        cause,
      },
    };
  }
  if (CALL_EVENTS.has(e.type as CallEventPush['type'])) {
    return {
      agentId,
      event: 'agent:call',
      payload: { type: e.type as CallEventPush['type'], callId: str(e.callId), queue: str(e.queue), cause },
    };
  }
  return null;
}
