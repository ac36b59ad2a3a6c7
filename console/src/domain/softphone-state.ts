// Softphone state machine as a transition table. Pure: the phone adapter (sip.js) emits PhoneEvents,
// the UI reads the derived view. Illegal events raise a typed error and leave the state unchanged.
import { ConsoleError } from '../errors.ts';

export type Registration = 'unregistered' | 'registering' | 'registered' | 'reconnecting' | 'failed';
export type CallPhase = 'ringing' | 'connecting' | 'active' | 'recovering';

export interface CallInfo {
  callId: string;
  callerNumber: string;
  queue?: string;
  priority?: string;
  /** ms epoch when the caller entered the queue (for the wait time). */
  enqueuedAt?: number;
  /** the gateway's repeat-caller flag */
  repeatCaller?: boolean;
  language?: string;
  /** inbound | transfer | callback | three-way */
  kind?: string;
}

export interface CallState {
  phase: CallPhase;
  info: CallInfo;
  offeredAt: number;
  answeredAt?: number;
  held: boolean;
  muted: boolean;
}

export interface PhoneState {
  registration: Registration;
  mic: 'unknown' | 'ok' | 'blocked';
  call: CallState | null;
  /** Reason of the last ended call / failure, as an i18n key suffix. */
  lastEnd?: string;
}

export type PhoneEvent =
  | { type: 'register-start' }
  | { type: 'registered' }
  | { type: 'register-failed' }
  | { type: 'transport-lost' }
  | { type: 'unregistered' }
  | { type: 'mic-ok' }
  | { type: 'mic-blocked' }
  | { type: 'incoming'; info: CallInfo; at: number }
  | { type: 'answer' }
  | { type: 'established'; at: number }
  | { type: 'hold'; on: boolean }
  | { type: 'mute'; on: boolean }
  | { type: 'media-lost' }
  | { type: 'media-recovered' }
  | { type: 'ended'; reason: string }
  /** the far party of a three-way call; does not change the softphone's own state */
  | { type: 'third-party'; state: 'ringing' | 'answered' | 'failed' | 'hung-up'; reason?: string }
  /** the consulted agent of an attended transfer (咨询转接); does not change the softphone's own state */
  | { type: 'consult'; state: ConsultState };

export type ConsultState = 'ringing' | 'answered' | 'failed' | 'hung-up' | 'transferred';

export const initialPhoneState: PhoneState = { registration: 'unregistered', mic: 'unknown', call: null };

type Handler = (s: PhoneState, e: PhoneEvent) => PhoneState;
type CallPhaseOrNone = CallPhase | 'none';

/** Which call phases accept each event ('none' = no call). Registration events are accepted always. */
const CALL_EVENTS: Record<string, readonly CallPhaseOrNone[]> = {
  incoming: ['none'],
  answer: ['ringing'],
  established: ['connecting', 'ringing', 'recovering'],
  hold: ['active'],
  mute: ['active', 'connecting'],
  'media-lost': ['active'],
  'media-recovered': ['recovering'],
  ended: ['ringing', 'connecting', 'active', 'recovering'],
};

const setCall = (s: PhoneState, patch: Partial<CallState>): PhoneState =>
  s.call ? { ...s, call: { ...s.call, ...patch } } : s;

const HANDLERS: Record<PhoneEvent['type'], Handler> = {
  'register-start': (s) => ({ ...s, registration: 'registering' }),
  registered: (s) => ({ ...s, registration: 'registered' }),
  'register-failed': (s) => ({ ...s, registration: 'failed' }),
  // Network loss: the UA re-registers by itself; an active call tries to recover.
  'transport-lost': (s) => ({
    ...s,
    registration: s.registration === 'unregistered' ? 'unregistered' : 'reconnecting',
    call: s.call && s.call.phase === 'active' ? { ...s.call, phase: 'recovering' } : s.call,
  }),
  unregistered: (s) => ({ ...s, registration: 'unregistered' }),
  'mic-ok': (s) => ({ ...s, mic: 'ok' }),
  'mic-blocked': (s) => ({ ...s, mic: 'blocked' }),
  incoming: (s, e) => {
    const ev = e as Extract<PhoneEvent, { type: 'incoming' }>;
    return {
      ...s,
      lastEnd: undefined,
      call: { phase: 'ringing', info: ev.info, offeredAt: ev.at, held: false, muted: false },
    };
  },
  answer: (s) => setCall(s, { phase: 'connecting' }),
  established: (s, e) =>
    setCall(s, { phase: 'active', answeredAt: s.call?.answeredAt ?? (e as { at: number }).at }),
  hold: (s, e) => setCall(s, { held: (e as { on: boolean }).on }),
  mute: (s, e) => setCall(s, { muted: (e as { on: boolean }).on }),
  'media-lost': (s) => setCall(s, { phase: 'recovering' }),
  'media-recovered': (s) => setCall(s, { phase: 'active' }),
  ended: (s, e) => ({ ...s, call: null, lastEnd: (e as { reason: string }).reason }),
  'third-party': (s) => s,
  consult: (s) => s,
};

export function phoneTransition(s: PhoneState, e: PhoneEvent): PhoneState {
  const allowed = CALL_EVENTS[e.type];
  if (allowed) {
    const phase: CallPhaseOrNone = s.call?.phase ?? 'none';
    if (!allowed.includes(phase))
      throw new ConsoleError('ILLEGAL_TRANSITION', { from: phase, event: e.type });
  }
  return HANDLERS[e.type](s, e);
}

/** The single state the softphone header shows, most important first. */
export type PhoneView =
  | 'mic-blocked'
  | 'registering'
  | 'reconnecting'
  | 'unregistered'
  | 'failed'
  | 'ringing'
  | 'connecting'
  | 'in-call'
  | 'on-hold'
  | 'muted'
  | 'recovering'
  | 'registered';

export function phoneView(s: PhoneState): PhoneView {
  if (s.mic === 'blocked') return 'mic-blocked';
  if (s.call) {
    switch (s.call.phase) {
      case 'ringing':
        return 'ringing';
      case 'connecting':
        return 'connecting';
      case 'recovering':
        return 'recovering';
      case 'active':
        return s.call.held ? 'on-hold' : s.call.muted ? 'muted' : 'in-call';
    }
  }
  if (s.registration === 'registered') return 'registered';
  return s.registration;
}

/** Which buttons are enabled. */
export function phoneControls(s: PhoneState) {
  const phase = s.call?.phase;
  return {
    answer: phase === 'ringing' && s.mic !== 'blocked',
    hangup: phase !== undefined,
    hold: phase === 'active',
    mute: phase === 'active' || phase === 'connecting',
    dtmf: phase === 'active' && !s.call?.held,
  };
}

/** Call timer (seconds since answered; 0 before). */
export function callSeconds(s: PhoneState, now: number): number {
  const at = s.call?.answeredAt;
  return at === undefined ? 0 : Math.max(0, Math.floor((now - at) / 1000));
}

export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(sec).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
