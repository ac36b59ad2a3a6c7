// Agent state machine: the one transition table. The Lua scripts receive this table verbatim
// (see redis/prelude.ts), so Redis and the pure model cannot disagree about what is legal.

export const AGENT_STATES = ['offline', 'ready', 'not-ready', 'reserved', 'on-call', 'wrap-up'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export type AgentAction =
  | 'login'
  | 'logout'
  | 'ready'
  | 'not-ready'
  | 'offer'
  | 'answer'
  | 'reject'
  | 'offer-timeout'
  | 'offer-cancelled'
  | 'end'
  | 'wrap-timeout'
  | 'connection-lost';

export interface Transition<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
}

/**
 * Two documented refinements are applied on top of the table by `nextAgentState`:
 * - `offer-timeout` ends in `not-ready` (reason "missed-offers") once the agent missed N offers in a row;
 * - `end` goes straight to `ready` when the wrap-up time is 0.
 */
export const AGENT_TRANSITIONS: Readonly<Record<AgentAction, Transition<AgentState>>> = {
  login: { from: ['offline'], to: 'not-ready' },
  logout: { from: ['ready', 'not-ready', 'wrap-up', 'reserved'], to: 'offline' },
  ready: { from: ['ready', 'not-ready', 'wrap-up'], to: 'ready' },
  'not-ready': { from: ['ready', 'not-ready', 'wrap-up'], to: 'not-ready' },
  offer: { from: ['ready'], to: 'reserved' },
  answer: { from: ['reserved'], to: 'on-call' },
  reject: { from: ['reserved'], to: 'ready' },
  'offer-timeout': { from: ['reserved'], to: 'ready' },
  'offer-cancelled': { from: ['reserved'], to: 'ready' },
  end: { from: ['on-call'], to: 'wrap-up' },
  'wrap-timeout': { from: ['wrap-up'], to: 'ready' },
  'connection-lost': { from: ['reserved', 'on-call'], to: 'not-ready' },
};

export const MISSED_OFFERS_REASON = 'missed-offers';
export const CONNECTION_LOST_REASON = 'connection-lost';
export const LOGIN_REASON = 'login';

export interface AgentModel {
  readonly state: AgentState;
  readonly missed: number;
  readonly reason: string;
}

export interface AgentRules {
  readonly maxMissedOffers: number;
  readonly wrapUpMs: number;
}

/** Pure transition: returns the next agent model, or null when the action is illegal in this state. */
export function nextAgentState(
  agent: AgentModel,
  action: AgentAction,
  rules: AgentRules,
  reason = '',
): AgentModel | null {
  const t = AGENT_TRANSITIONS[action];
  if (!t.from.includes(agent.state)) return null;
  switch (action) {
    case 'offer-timeout': {
      const missed = agent.missed + 1;
      return missed >= rules.maxMissedOffers
        ? { state: 'not-ready', missed, reason: MISSED_OFFERS_REASON }
        : { state: 'ready', missed, reason: '' };
    }
    case 'answer':
      return { state: 'on-call', missed: 0, reason: '' };
    case 'end':
      return rules.wrapUpMs > 0
        ? { state: 'wrap-up', missed: agent.missed, reason: '' }
        : { state: 'ready', missed: agent.missed, reason: '' };
    case 'ready':
      return { state: 'ready', missed: 0, reason: '' };
    case 'login':
      return { state: 'not-ready', missed: 0, reason: LOGIN_REASON };
    case 'not-ready':
      return { state: 'not-ready', missed: agent.missed, reason };
    case 'connection-lost':
      return { state: 'not-ready', missed: agent.missed, reason: CONNECTION_LOST_REASON };
    default:
      return { state: t.to, missed: agent.missed, reason: t.to === 'not-ready' ? reason : '' };
  }
}
