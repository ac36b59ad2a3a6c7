// Call state machine: the one transition table, shared with the Lua scripts (redis/prelude.ts).

import type { Transition } from './agent-state.ts';

export const CALL_STATES = ['waiting', 'offered', 'connected', 'held', 'abandoned', 'ended'] as const;
export type CallState = (typeof CALL_STATES)[number];

/** inbound: the caller is on the line; callback: the caller asked to be called back (outbound task). */
export type CallKind = 'inbound' | 'callback';

export type CallAction =
  | 'enqueue'
  | 'callback'
  | 'offer'
  | 'answer'
  | 'reject'
  | 'offer-timeout'
  | 'abandon'
  | 'hold'
  | 'resume'
  | 'end'
  | 'requeue';

/** `enqueue` starts from the pseudo-state "none" (the call does not exist yet). */
export const CALL_TRANSITIONS: Readonly<Record<CallAction, Transition<CallState | 'none'>>> = {
  enqueue: { from: ['none'], to: 'waiting' },
  callback: { from: ['waiting'], to: 'waiting' },
  offer: { from: ['waiting'], to: 'offered' },
  answer: { from: ['offered'], to: 'connected' },
  reject: { from: ['offered'], to: 'waiting' },
  'offer-timeout': { from: ['offered'], to: 'waiting' },
  abandon: { from: ['waiting', 'offered'], to: 'abandoned' },
  hold: { from: ['connected'], to: 'held' },
  resume: { from: ['held'], to: 'connected' },
  end: { from: ['connected', 'held'], to: 'ended' },
  requeue: { from: ['offered', 'connected', 'held'], to: 'waiting' },
};

export interface CallModel {
  readonly state: CallState | 'none';
  readonly kind: CallKind;
}

/** Pure transition; null when illegal. A callback task cannot be abandoned (nobody is on the line)
 *  and cannot ask for a second callback. */
export function nextCallState(call: CallModel, action: CallAction): CallModel | null {
  const t = CALL_TRANSITIONS[action];
  if (!t.from.includes(call.state)) return null;
  if (call.kind === 'callback' && (action === 'abandon' || action === 'callback')) return null;
  return { state: t.to, kind: action === 'callback' ? 'callback' : call.kind };
}

export const TERMINAL_CALL_STATES: readonly CallState[] = ['abandoned', 'ended'];
