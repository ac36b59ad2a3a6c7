// Emergency bar: one click + confirm for a three-way call with 110/119/120/122 or a configured utility
// hotline; shows the third party's state; "leave call" hands the caller over. Pure transition table.
import { ConsoleError } from '../errors.ts';

export interface EmergencyTarget {
  number: string;
  /** i18n key for the built-in lines, or a plain label for configured utility hotlines. */
  labelKey?: string;
  label?: string;
  kind: 'emergency' | 'utility';
}

export const EMERGENCY_TARGETS: readonly EmergencyTarget[] = [
  { number: '110', labelKey: 'emergency.police', kind: 'emergency' },
  { number: '119', labelKey: 'emergency.fire', kind: 'emergency' },
  { number: '120', labelKey: 'emergency.ambulance', kind: 'emergency' },
  { number: '122', labelKey: 'emergency.traffic', kind: 'emergency' },
];

export type EmergencyPhase =
  | 'idle'
  | 'confirming'
  | 'dialing'
  | 'third-party-ringing'
  | 'three-way'
  | 'leaving'
  | 'handed-over'
  | 'failed';

export interface EmergencyState {
  phase: EmergencyPhase;
  target?: EmergencyTarget;
  failure?: string;
}

export type EmergencyEvent =
  | { type: 'pick'; target: EmergencyTarget }
  | { type: 'cancel' }
  | { type: 'confirm' }
  | { type: 'third-party-ringing' }
  | { type: 'third-party-answered' }
  | { type: 'third-party-failed'; reason: string }
  | { type: 'third-party-hung-up' }
  | { type: 'leave' }
  | { type: 'left' }
  | { type: 'reset' };

const NEXT: Record<EmergencyEvent['type'], Partial<Record<EmergencyPhase, EmergencyPhase>>> = {
  pick: { idle: 'confirming', confirming: 'confirming', 'handed-over': 'confirming', failed: 'confirming' },
  cancel: { confirming: 'idle' },
  confirm: { confirming: 'dialing' },
  'third-party-ringing': { dialing: 'third-party-ringing' },
  'third-party-answered': { dialing: 'three-way', 'third-party-ringing': 'three-way' },
  'third-party-failed': { dialing: 'failed', 'third-party-ringing': 'failed' },
  'third-party-hung-up': { 'three-way': 'idle', leaving: 'failed' },
  leave: { 'three-way': 'leaving' },
  left: { leaving: 'handed-over' },
  reset: { idle: 'idle', 'handed-over': 'idle', failed: 'idle', confirming: 'idle' },
};

export const initialEmergency: EmergencyState = { phase: 'idle' };

export function emergencyTransition(s: EmergencyState, e: EmergencyEvent): EmergencyState {
  const to = NEXT[e.type][s.phase];
  if (!to) throw new ConsoleError('ILLEGAL_TRANSITION', { from: s.phase, event: e.type });
  switch (e.type) {
    case 'pick':
      return { phase: to, target: e.target };
    case 'third-party-failed':
      return { ...s, phase: to, failure: e.reason };
    case 'reset':
    case 'cancel':
      return { phase: to };
    default:
      return { ...s, phase: to };
  }
}

/** Merges the built-in lines with the configured utility hotlines (水电气暖氧), no duplicate numbers. */
export function emergencyTargets(utilities: readonly { number: string; label: string }[]): EmergencyTarget[] {
  const out = [...EMERGENCY_TARGETS];
  for (const u of utilities) {
    if (!/^[0-9*#+]{3,20}$/.test(u.number) || out.some((t) => t.number === u.number)) continue;
    out.push({ number: u.number, label: u.label, kind: 'utility' });
  }
  return out;
}

/** The bar's buttons are enabled only during an answered call and when no handoff is running. */
export function emergencyEnabled(callActive: boolean, s: EmergencyState): boolean {
  return (
    callActive &&
    (s.phase === 'idle' || s.phase === 'failed' || s.phase === 'handed-over' || s.phase === 'confirming')
  );
}
