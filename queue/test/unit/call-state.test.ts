import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  CALL_TRANSITIONS,
  type CallAction,
  type CallModel,
  nextCallState,
  TERMINAL_CALL_STATES,
} from '../../src/domain/call-state.ts';

const ACTIONS = Object.keys(CALL_TRANSITIONS) as CallAction[];

describe('call transition table', () => {
  test('a callback task cannot be abandoned and keeps its kind through offers', () => {
    let c: CallModel = nextCallState({ state: 'none', kind: 'inbound' }, 'enqueue')!;
    c = nextCallState(c, 'callback')!;
    expect(c).toEqual({ state: 'waiting', kind: 'callback' });
    expect(nextCallState(c, 'abandon')).toBeNull();
    c = nextCallState(c, 'offer')!;
    c = nextCallState(c, 'offer-timeout')!;
    expect(c).toEqual({ state: 'waiting', kind: 'callback' });
  });

  test('property: terminal states are final, answer needs an offer, each call ends at most once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 80 }), (actions) => {
        let c: CallModel = { state: 'none', kind: 'inbound' };
        let ends = 0;
        let answers = 0;
        let offered = false;
        for (const act of actions) {
          const next = nextCallState(c, act);
          if (TERMINAL_CALL_STATES.includes(c.state as never)) expect(next).toBeNull();
          if (next === null) continue;
          if (act === 'answer') {
            expect(offered).toBe(true);
            answers++;
          }
          offered = next.state === 'offered';
          if (TERMINAL_CALL_STATES.includes(next.state as never)) ends++;
          c = next;
        }
        expect(ends).toBeLessThanOrEqual(1);
        if (c.state === 'abandoned') expect(c.kind).toBe('inbound');
        expect(answers).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
