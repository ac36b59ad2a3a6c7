import { describe, expect, it } from 'vitest';
import {
  EMERGENCY_TARGETS,
  emergencyEnabled,
  emergencyTargets,
  emergencyTransition,
  initialEmergency,
} from '../src/domain/emergency-bar.ts';
import { matchHotkey } from '../src/domain/hotkeys.ts';
import { toWrapUpRecord, validateWrapUp } from '../src/domain/wrap-up.ts';
import { ConsoleError } from '../src/errors.ts';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; code: string }> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('emergency bar (三方通话 with 110/119/120/122)', () => {
  const police = EMERGENCY_TARGETS[0]!;
  it('needs a confirm, shows the third party, and hands the caller over on leave', () => {
    let s = emergencyTransition(initialEmergency, { type: 'pick', target: police });
    expect(s).toEqual({ phase: 'confirming', target: police });
    s = emergencyTransition(s, { type: 'confirm' });
    s = emergencyTransition(s, { type: 'third-party-ringing' });
    s = emergencyTransition(s, { type: 'third-party-answered' });
    expect(s.phase).toBe('three-way');
    s = emergencyTransition(s, { type: 'leave' });
    s = emergencyTransition(s, { type: 'left' });
    expect(s).toEqual({ phase: 'handed-over', target: police });
  });

  it('cancel returns to idle; leaving before the third party answered is illegal', () => {
    const s = emergencyTransition(initialEmergency, { type: 'pick', target: police });
    expect(emergencyTransition(s, { type: 'cancel' })).toEqual({ phase: 'idle' });
    const dialing = emergencyTransition(s, { type: 'confirm' });
    expect(() => emergencyTransition(dialing, { type: 'leave' })).toThrow(ConsoleError);
    const failed = emergencyTransition(dialing, { type: 'third-party-failed', reason: '486' });
    expect(failed).toMatchObject({ phase: 'failed', failure: '486' });
  });

  it('adds configured utility hotlines once and rejects malformed numbers', () => {
    const t = emergencyTargets([
      { number: '95598', label: '供电' },
      { number: '95598', label: 'dup' },
      { number: '110', label: 'dup' },
      { number: 'rm -rf', label: 'bad' },
    ]);
    expect(t.map((x) => x.number)).toEqual(['110', '119', '120', '122', '95598']);
    expect(emergencyEnabled(false, initialEmergency)).toBe(false);
    expect(emergencyEnabled(true, initialEmergency)).toBe(true);
  });
});

describe('wrap-up form', () => {
  it('requires a disposition and the fields that belong to it', () => {
    expect(validateWrapUp({ callId: 'c', note: '' })).toEqual({ disposition: 'wrapUp.err.disposition' });
    expect(validateWrapUp({ callId: 'c', note: '', disposition: 'not-accepted' })).toEqual({
      notAcceptedReason: 'wrapUp.err.reason',
    });
    expect(
      validateWrapUp({ callId: 'c', note: '', disposition: 'not-accepted', notAcceptedReason: 9 as never }),
    ).toEqual({
      notAcceptedReason: 'wrapUp.err.reason',
    });
    expect(validateWrapUp({ callId: 'c', note: '', disposition: 'ticket-created', ticketNo: ' ' })).toEqual({
      ticketNo: 'wrapUp.err.ticketNo',
    });
  });

  it('builds a record with only the chosen disposition fields', () => {
    expect(
      toWrapUpRecord({
        callId: 'c',
        note: ' ok ',
        disposition: 'not-accepted',
        notAcceptedReason: 3,
        ticketNo: 'x',
      }),
    ).toEqual({ callId: 'c', disposition: 'not-accepted', notAcceptedReason: 3, note: 'ok' });
    expect(toWrapUpRecord({ callId: 'c', note: '', disposition: 'emergency-transfer' })).toBeNull();
  });
});

describe('hotkeys', () => {
  it('maps function keys and Alt chords, ignores Ctrl', () => {
    expect(matchHotkey(key('F8'))).toBe('answer');
    expect(matchHotkey(key('F9'))).toBe('hangup');
    expect(matchHotkey(key('å', { altKey: true, code: 'KeyA' }))).toBe('answer');
    expect(matchHotkey(key('m', { altKey: true }))).toBe('mute');
    expect(matchHotkey(key('a', { ctrlKey: true }))).toBeNull();
    expect(matchHotkey(key('a'))).toBeNull();
  });
});
