import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  AGENT_STATES,
  AGENT_TRANSITIONS,
  type AgentAction,
  type AgentModel,
  nextAgentState,
} from '../../src/domain/agent-state.ts';

const ACTIONS = Object.keys(AGENT_TRANSITIONS) as AgentAction[];
const rules = { maxMissedOffers: 3, wrapUpMs: 30_000 };

describe('agent transition table', () => {
  test('answer without an offer is illegal', () => {
    expect(nextAgentState({ state: 'ready', missed: 0, reason: '' }, 'answer', rules)).toBeNull();
    expect(nextAgentState({ state: 'offline', missed: 0, reason: '' }, 'ready', rules)).toBeNull();
  });

  test('three missed offers in a row put the agent not-ready "missed-offers"', () => {
    let a: AgentModel = { state: 'ready', missed: 0, reason: '' };
    for (let i = 1; i <= 3; i++) {
      a = nextAgentState(a, 'offer', rules)!;
      a = nextAgentState(a, 'offer-timeout', rules)!;
      expect(a.missed).toBe(i);
    }
    expect(a).toEqual({ state: 'not-ready', missed: 3, reason: 'missed-offers' });
    expect(nextAgentState(a, 'ready', rules)).toEqual({ state: 'ready', missed: 0, reason: '' });
  });

  test('end goes to wrap-up, or to ready when wrap-up time is 0', () => {
    const onCall: AgentModel = { state: 'on-call', missed: 0, reason: '' };
    expect(nextAgentState(onCall, 'end', rules)!.state).toBe('wrap-up');
    expect(nextAgentState(onCall, 'end', { ...rules, wrapUpMs: 0 })!.state).toBe('ready');
  });

  test('property: any action sequence keeps the model consistent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ACTIONS), { maxLength: 60 }),
        fc.integer({ min: 1, max: 5 }),
        (actions, n) => {
          const r = { maxMissedOffers: n, wrapUpMs: 1000 };
          let a: AgentModel = { state: 'offline', missed: 0, reason: '' };
          for (const act of actions) {
            const next = nextAgentState(a, act, r, 'break');
            if (next === null) {
              expect(AGENT_TRANSITIONS[act].from).not.toContain(a.state);
              continue;
            }
            expect(AGENT_STATES).toContain(next.state);
            // the miss counter never exceeds N while the agent still gets offers
            if (next.state === 'ready' || next.state === 'reserved') expect(next.missed).toBeLessThan(n);
            if (act === 'answer') expect(next.missed).toBe(0);
            if (next.state === 'not-ready') expect(next.reason).not.toBe('');
            if (next.state !== 'not-ready') expect(next.reason).toBe('');
            a = next;
          }
        },
      ),
    );
  });
});
