import { describe, expect, it } from 'vitest';
import {
  type AgentStatus,
  canDo,
  checkAction,
  parseAgentStatus,
  secondsInState,
  wrapUpRemaining,
} from '../src/domain/agent-status.ts';
import { ConsoleError } from '../src/errors.ts';

describe('agent status (示闲 / 示忙 / 整理)', () => {
  const ready: AgentStatus = { kind: 'ready', since: 1000 };
  const wrap: AgentStatus = { kind: 'wrap-up', since: 0, until: 30_000 };

  it('allows 示忙 from 示闲 and 示闲 from 整理, never from a call', () => {
    expect(canDo(ready, 'not-ready')).toBe(true);
    expect(canDo(wrap, 'ready')).toBe(true);
    expect(canDo({ kind: 'on-call', since: 0 }, 'ready')).toBe(false);
    expect(canDo({ kind: 'on-call', since: 0 }, 'not-ready')).toBe(false);
    expect(canDo(ready, 'ready')).toBe(false);
  });

  it('rejects an illegal action with a typed error', () => {
    try {
      checkAction({ kind: 'on-call', since: 0 }, { type: 'ready' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConsoleError);
      expect((e as ConsoleError).code).toBe('ILLEGAL_TRANSITION');
      expect((e as ConsoleError).detail).toEqual({ from: 'on-call', action: 'ready' });
    }
  });

  it('rejects an unknown 示忙 reason', () => {
    expect(() => checkAction(ready, { type: 'not-ready', reason: 'nap' as never })).toThrow(/BAD_PAYLOAD/);
    expect(checkAction(ready, { type: 'not-ready', reason: 'meal' })).toEqual({
      type: 'not-ready',
      reason: 'meal',
    });
  });

  it('counts the 整理 countdown down in whole seconds and stops at zero', () => {
    expect(wrapUpRemaining(wrap, 0)).toBe(30);
    expect(wrapUpRemaining(wrap, 29_001)).toBe(1);
    expect(wrapUpRemaining(wrap, 45_000)).toBe(0);
    expect(wrapUpRemaining(ready, 0)).toBeNull();
    expect(secondsInState(ready, 62_000)).toBe(61);
  });

  it('parses server payloads and rejects unknown states', () => {
    expect(parseAgentStatus({ state: 'not-ready', reason: 'missed-offers', since: 5 })).toEqual({
      kind: 'not-ready',
      reason: 'missed-offers',
      since: 5,
    });
    expect(parseAgentStatus({ kind: 'wrap-up', since: 1, until: 9 })).toEqual({
      kind: 'wrap-up',
      since: 1,
      until: 9,
    });
    expect(() => parseAgentStatus({ state: 'dancing' })).toThrow(ConsoleError);
    expect(() => parseAgentStatus(null)).toThrow(ConsoleError);
  });
});
