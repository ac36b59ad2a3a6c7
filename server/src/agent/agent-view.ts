import type { AgentView } from '@hotline/queue';
import type { AgentStateName, AgentStatePush } from '../contracts/realtime.ts';

export function agentViewToPush(a: AgentView | null, agentId: string): AgentStatePush {
  if (!a)
    return { agentId, state: 'offline', reason: '', since: 0, callId: null, wrapUpEndsAt: null, cause: null };
  return {
    agentId,
    state: a.state as AgentStateName,
    reason: a.reason,
    since: a.since,
    callId: a.callId,
    wrapUpEndsAt: a.state === 'wrap-up' ? a.wrapUpEndsAt : null,
    cause: null,
  };
}
