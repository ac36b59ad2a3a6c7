import { describe, expect, it } from 'vitest';
import { dispositionRequest, toAgentStatus } from '../src/api/server-backend.ts';
import { mergeLive, toSnapshot } from '../src/api/wallboard-feed.ts';
import { config } from '../src/config.ts';
import { ConsoleError } from '../src/errors.ts';

const counts = { offline: 0, 'not-ready': 1, ready: 2, reserved: 0, 'on-call': 3, 'wrap-up': 1 };

describe('server push adapters', () => {
  it('maps agent:state pushes, with the wrap-up end from the push or the configured length', () => {
    const base = { agentId: 'a1', reason: '', callId: null, cause: null };
    expect(toAgentStatus({ ...base, state: 'wrap-up', since: 1000, wrapUpEndsAt: 9000 })).toEqual({
      kind: 'wrap-up',
      since: 1000,
      until: 9000,
    });
    expect(toAgentStatus({ ...base, state: 'wrap-up', since: 1000 })).toEqual({
      kind: 'wrap-up',
      since: 1000,
      until: 1000 + config.wrapUpSeconds * 1000,
    });
    expect(toAgentStatus({ ...base, state: 'not-ready', reason: 'login', since: 5 })).toEqual({
      kind: 'not-ready',
      reason: 'login',
      since: 5,
    });
    expect(() => toAgentStatus({ ...base, state: 'sleeping' as never, since: 0 })).toThrow(ConsoleError);
  });

  it('posts the wrap-up record to the call disposition endpoint without repeating the call id', () => {
    expect(
      dispositionRequest({ callId: 'c/1', disposition: 'not-accepted', notAcceptedReason: 2, note: '' }),
    ).toEqual({
      path: '/api/calls/c%2F1/disposition',
      body: { disposition: 'not-accepted', notAcceptedReason: 2, note: '' },
    });
  });

  it('maps wallboard snapshots and merges live pushes into the right queue only', () => {
    const q = {
      queue: '12345',
      waiting: 1,
      longestWaitSec: 4,
      serviceLevel: null,
      serviceLevelSec: 15,
      answerRate24h: 0.96,
      answerRateTarget: 0.95,
      answerRateMet: true,
      offered24h: 100,
      answered24h: 96,
      agentsByState: counts,
      agentsLoggedIn: 7,
      agentsNeeded: null,
    };
    const snap = toSnapshot({ at: 1, queues: [q, { ...q, queue: 'tibetan' }] });
    expect(snap.queues[0]).toMatchObject({
      queue: '12345',
      agentsNeeded: 0,
      abandonRate24h: null,
      stateCounts: counts,
    });
    expect(snap.intervals).toBeUndefined();
    const full = toSnapshot({
      at: 2,
      queues: [{ ...q, abandonRate24h: 0.04 }],
      agents: [{ id: 'a1', name: '卓玛', state: 'on-call', since: 1 }],
      intervals: [{ start: 0, offered: 3, answered: 2, abandoned: 1 }],
    });
    expect(full.queues[0]?.abandonRate24h).toBe(0.04);
    expect(full.agents).toEqual([{ id: 'a1', name: '卓玛', state: 'on-call', since: 1 }]);
    expect(full.intervals).toEqual([{ start: 0, offered: 3, answered: 2, abandoned: 1 }]);
    const merged = mergeLive(snap, {
      queue: 'tibetan',
      waiting: 5,
      longestWaitSec: 40,
      agentsByState: { ...counts, ready: 0 },
      agentsLoggedIn: 5,
      cause: { eventId: '1-0', eventTs: 2 },
    });
    expect(merged.queues[0]?.waiting).toBe(1);
    expect(merged.queues[1]).toMatchObject({ waiting: 5, longestWaitSec: 40, agentsLoggedIn: 5 });
  });
});
