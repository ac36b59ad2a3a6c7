import { describe, expect, it } from 'vitest';
import {
  callSeconds,
  formatDuration,
  initialPhoneState,
  type PhoneEvent,
  type PhoneState,
  phoneControls,
  phoneTransition,
  phoneView,
} from '../src/domain/softphone-state.ts';
import { ConsoleError } from '../src/errors.ts';

const run = (events: PhoneEvent[], s: PhoneState = initialPhoneState) => events.reduce(phoneTransition, s);
const incoming: PhoneEvent = {
  type: 'incoming',
  info: { callId: 'c1', callerNumber: '138****0000' },
  at: 1000,
};

describe('softphone state machine', () => {
  it('goes registering → registered → ringing → connecting → in call → hold → ended', () => {
    let s = run([{ type: 'register-start' }]);
    expect(phoneView(s)).toBe('registering');
    s = run([{ type: 'registered' }, { type: 'mic-ok' }, incoming], s);
    expect(phoneView(s)).toBe('ringing');
    expect(phoneControls(s)).toMatchObject({ answer: true, hangup: true, hold: false, dtmf: false });
    s = run([{ type: 'answer' }], s);
    expect(phoneView(s)).toBe('connecting');
    s = run([{ type: 'established', at: 5000 }], s);
    expect(phoneView(s)).toBe('in-call');
    expect(callSeconds(s, 65_000)).toBe(60);
    expect(phoneControls(s)).toMatchObject({ hold: true, mute: true, dtmf: true, answer: false });
    s = run([{ type: 'hold', on: true }], s);
    expect(phoneView(s)).toBe('on-hold');
    expect(phoneControls(s).dtmf).toBe(false);
    s = run(
      [
        { type: 'hold', on: false },
        { type: 'mute', on: true },
      ],
      s,
    );
    expect(phoneView(s)).toBe('muted');
    s = run([{ type: 'ended', reason: 'local-bye' }], s);
    expect(s.call).toBeNull();
    expect(s.lastEnd).toBe('local-bye');
    expect(phoneView(s)).toBe('registered');
  });

  it('shows reconnecting on network loss and lets an active call recover', () => {
    let s = run([{ type: 'registered' }, incoming, { type: 'answer' }, { type: 'established', at: 2000 }]);
    s = phoneTransition(s, { type: 'transport-lost' });
    expect(s.registration).toBe('reconnecting');
    expect(phoneView(s)).toBe('recovering');
    s = run([{ type: 'registered' }, { type: 'media-recovered' }], s);
    expect(phoneView(s)).toBe('in-call');
    expect(s.call?.answeredAt).toBe(2000);
    const idle = run([{ type: 'registered' }, { type: 'transport-lost' }]);
    expect(phoneView(idle)).toBe('reconnecting');
  });

  it('shows microphone blocked above everything and disables answer', () => {
    const s = run([{ type: 'registered' }, { type: 'mic-blocked' }, incoming]);
    expect(phoneView(s)).toBe('mic-blocked');
    expect(phoneControls(s).answer).toBe(false);
    expect(phoneControls(s).hangup).toBe(true);
  });

  it('rejects illegal events with a typed error and keeps the state', () => {
    const s = run([{ type: 'registered' }]);
    expect(() => phoneTransition(s, { type: 'answer' })).toThrow(ConsoleError);
    expect(() => phoneTransition(s, { type: 'hold', on: true })).toThrow(/ILLEGAL_TRANSITION/);
    const ringing = run([incoming], s);
    expect(() => phoneTransition(ringing, incoming)).toThrow(/ILLEGAL_TRANSITION/);
    expect(ringing.call?.info.callId).toBe('c1');
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(75)).toBe('01:15');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});
