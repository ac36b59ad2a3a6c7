// Use case: the agent sets 示闲 (ready) / 示忙 (not-ready with a reason) — through the queue package.
import type { Acd } from '@hotline/queue';
import type { AgentStatePush, SetAgentStateRequest } from '../contracts/realtime.ts';
import { AppError } from '../errors.ts';
import { viaAcd } from './acd-errors.ts';
import { agentViewToPush } from './agent-view.ts';

export const NOT_READY_REASONS = [
  'break',
  'meal',
  'training',
  'meeting',
  'after-call-work',
  'other',
] as const;

export async function changeAgentState(
  acd: Acd,
  agentId: string,
  req: SetAgentStateRequest,
): Promise<AgentStatePush> {
  if (!req || (req.state !== 'ready' && req.state !== 'not-ready')) throw new AppError('VALIDATION_FAILED');
  if (req.state === 'ready') {
    const r = await viaAcd(() => acd.setReady(agentId));
    return agentViewToPush(r.value, agentId);
  }
  const reason = req.reason ?? 'break';
  if (!(NOT_READY_REASONS as readonly string[]).includes(reason)) throw new AppError('VALIDATION_FAILED');
  return agentViewToPush(await viaAcd(() => acd.setNotReady(agentId, reason)), agentId);
}
