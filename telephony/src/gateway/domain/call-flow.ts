// The life of one inbound 12345 call, as a transition table. Pure: the gateway's adapters run the
// returned effects (play a prompt, ring an agent, bridge media, …) and feed events back in.
//
//   greeting ──greeting-done──▶ queued ──agent-offered──▶ offering ──agent-answered──▶ bridged ⇄ held
//                                 ▲  ▲                      │ offer-timeout / agent-rejected │
//                                 │  └──────────────────────┘ (back to the HEAD of the queue)
//                                 └──── agent-lost (browser vanished: apology, head of queue) ◀─┘
//   bridged/held ──caller-hangup / agent-hangup──▶ wrap-up ──wrap-up-done──▶ ended
//   bridged ──handoff (agent leaves a three-way)──▶ handed-off ──*-hangup──▶ ended
//   greeting/queued/offering ──caller-hangup──▶ abandoned;   queued ──callback-accepted──▶ callback-pending
// Recording is not an effect: it runs from the caller's answer (the gateway's anchor) to the end.

export type CallState =
  | 'greeting'
  | 'queued'
  | 'offering'
  | 'bridged'
  | 'held'
  | 'handed-off'
  | 'wrap-up'
  | 'callback-pending'
  | 'abandoned'
  | 'ended';

export type CallEvent =
  | 'greeting-done'
  | 'agent-offered'
  | 'agent-answered'
  | 'agent-rejected'
  | 'offer-timeout'
  | 'caller-hangup'
  | 'agent-hangup'
  | 'agent-lost'
  | 'hold'
  | 'unhold'
  | 'transfer'
  | 'handoff'
  | 'far-hangup'
  | 'callback-accepted'
  | 'wrap-up-done';

export type Effect =
  | 'play-greeting'
  | 'enqueue'
  | 'start-hold-music'
  | 'stop-hold-music'
  | 'start-announcements'
  | 'stop-announcements'
  | 'ring-agent'
  | 'cancel-agent-leg'
  | 'requeue-at-head'
  | 'bridge'
  | 'play-apology'
  | 'end-caller-leg'
  | 'end-agent-leg'
  | 'end-far-leg'
  | 'record-abandon'
  | 'record-answer'
  | 'start-wrap-up'
  | 'end-call-in-queue'
  | 'connect-caller-to-far-end'
  | 'record-handoff'
  | 'save-callback-request'
  | 'new-queue-call';

export const TERMINAL: ReadonlySet<CallState> = new Set(['abandoned', 'ended', 'callback-pending']);

type Row = Partial<Record<CallEvent, { to: CallState; effects: readonly Effect[] }>>;

const hangupWhileWaiting = {
  to: 'abandoned',
  effects: ['stop-announcements', 'stop-hold-music', 'record-abandon'],
} as const;

export const TRANSITIONS: Readonly<Record<CallState, Row>> = {
  greeting: {
    'greeting-done': { to: 'queued', effects: ['enqueue', 'start-hold-music', 'start-announcements'] },
    'caller-hangup': { to: 'abandoned', effects: ['record-abandon'] },
  },
  queued: {
    'agent-offered': { to: 'offering', effects: ['ring-agent'] },
    'caller-hangup': hangupWhileWaiting,
    'callback-accepted': {
      to: 'callback-pending',
      effects: ['stop-announcements', 'stop-hold-music', 'save-callback-request', 'end-caller-leg'],
    },
  },
  offering: {
    'agent-answered': {
      to: 'bridged',
      effects: ['stop-announcements', 'stop-hold-music', 'bridge', 'record-answer'],
    },
    'agent-rejected': { to: 'queued', effects: ['cancel-agent-leg', 'requeue-at-head'] },
    'offer-timeout': { to: 'queued', effects: ['cancel-agent-leg', 'requeue-at-head'] },
    'caller-hangup': { to: 'abandoned', effects: ['cancel-agent-leg', ...hangupWhileWaiting.effects] },
  },
  bridged: {
    hold: { to: 'held', effects: ['start-hold-music'] },
    'caller-hangup': { to: 'wrap-up', effects: ['end-agent-leg', 'end-call-in-queue', 'start-wrap-up'] },
    'agent-hangup': { to: 'wrap-up', effects: ['end-caller-leg', 'end-call-in-queue', 'start-wrap-up'] },
    'agent-lost': {
      to: 'queued',
      effects: [
        'end-agent-leg',
        'play-apology',
        'requeue-at-head',
        'start-hold-music',
        'start-announcements',
      ],
    },
    transfer: {
      to: 'queued',
      effects: [
        'end-agent-leg',
        'end-call-in-queue',
        'new-queue-call',
        'enqueue',
        'start-hold-music',
        'start-announcements',
      ],
    },
    handoff: {
      to: 'handed-off',
      effects: [
        'connect-caller-to-far-end',
        'end-agent-leg',
        'record-handoff',
        'end-call-in-queue',
        'start-wrap-up',
      ],
    },
  },
  held: {
    unhold: { to: 'bridged', effects: ['stop-hold-music'] },
    'caller-hangup': {
      to: 'wrap-up',
      effects: ['stop-hold-music', 'end-agent-leg', 'end-call-in-queue', 'start-wrap-up'],
    },
    'agent-hangup': {
      to: 'wrap-up',
      effects: ['stop-hold-music', 'end-caller-leg', 'end-call-in-queue', 'start-wrap-up'],
    },
    'agent-lost': {
      to: 'queued',
      effects: [
        'end-agent-leg',
        'play-apology',
        'requeue-at-head',
        'start-hold-music',
        'start-announcements',
      ],
    },
  },
  'handed-off': {
    'caller-hangup': { to: 'ended', effects: ['end-far-leg'] },
    'far-hangup': { to: 'ended', effects: ['end-caller-leg'] },
    'wrap-up-done': { to: 'handed-off', effects: [] },
  },
  'wrap-up': {
    'wrap-up-done': { to: 'ended', effects: [] },
    'caller-hangup': { to: 'wrap-up', effects: [] },
    'agent-hangup': { to: 'wrap-up', effects: [] },
  },
  'callback-pending': {},
  abandoned: {},
  ended: {},
};

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: CallState,
    readonly event: CallEvent,
  ) {
    super(`call event "${event}" is not allowed in state "${from}"`);
    this.name = 'IllegalTransitionError';
  }
}

export function canApply(state: CallState, event: CallEvent): boolean {
  return TRANSITIONS[state][event] !== undefined;
}

/** Apply an event: the next state and the effects to run, or IllegalTransitionError. */
export function transition(
  state: CallState,
  event: CallEvent,
): { to: CallState; effects: readonly Effect[] } {
  const row = TRANSITIONS[state][event];
  if (!row) throw new IllegalTransitionError(state, event);
  return row;
}
