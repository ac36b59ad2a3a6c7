// Pure projections: queue events → agent pushes, history ops; wallboard figures and the staffing question.
import { type IntervalMetrics, planStaffing, queueMetrics } from '@hotline/queue';
import { describe, expect, it } from 'vitest';
import { projectEvent } from '../../src/history/project-event.ts';
import { agentPushFor } from '../../src/realtime/agent-push.ts';
import { parseStreamEntry } from '../../src/realtime/stream-entry.ts';
import { staffingQuestion, wallboardQueue } from '../../src/realtime/wallboard-metrics.ts';

const counters = (o: Partial<Record<string, number>>) => ({
  entered: 0,
  callbacks: 0,
  answered: 0,
  answeredInSL: 0,
  waitAnsweredMs: 0,
  abandoned: 0,
  shortAbandoned: 0,
  abandonWaitMs: 0,
  callbacksHandled: 0,
  handled: 0,
  talkMs: 0,
  holdMs: 0,
  wrapMs: 0,
  ...o,
});
const interval = (o: Partial<Record<string, number>>): IntervalMetrics => {
  const c = counters(o) as IntervalMetrics['counters'];
  return { queue: '12345', from: 0, to: 1, counters: c, metrics: queueMetrics(c) };
};
const byState = { offline: 3, ready: 2, 'not-ready': 1, reserved: 0, 'on-call': 4, 'wrap-up': 1 };

describe('stream entries and agent pushes', () => {
  it('parses numeric fields and routes an offer to its agent with the number masked', () => {
    const e = parseStreamEntry('1-0', [
      'type',
      'call.offered',
      'ts',
      '1000',
      'callId',
      'c1',
      'queue',
      '12345',
      'priority',
      'normal',
      'kind',
      'inbound',
      'callerNumber',
      '13812345678',
      'arrivedAt',
      '900',
      'agentId',
      'a1',
      'offerId',
      '7',
      'expiresAt',
      '16000',
    ]);
    expect(e).toMatchObject({
      id: '1-0',
      type: 'call.offered',
      ts: 1000,
      expiresAt: 16000,
      callerNumber: '13812345678',
    });
    const p = agentPushFor(e!);
    expect(p).toMatchObject({
      agentId: 'a1',
      event: 'agent:offer',
      payload: { callerNumber: '138****5678', offerId: '7' },
    });
    expect(parseStreamEntry('2-0', ['ts', '1'])).toBeNull();
    expect(
      agentPushFor(parseStreamEntry('3-0', ['type', 'call.enqueued', 'ts', '5', 'callId', 'c'])!),
    ).toBeNull();
  });
});

describe('history projection', () => {
  const base = {
    id: '1-0',
    ts: 2000,
    callId: 'c1',
    queue: '12345',
    priority: 'normal' as const,
    kind: 'inbound' as const,
    callerNumber: '138',
    arrivedAt: 1000,
  };
  it('answer sets the agent and closes the offer; abandon while ringing closes the open offer', () => {
    const a = projectEvent({
      ...base,
      type: 'call.answered',
      agentId: 'a1',
      offerId: '5',
      waitMs: 1000,
      first: 1,
    });
    expect(a.call?.set).toMatchObject({ agent_id: 'a1', wait_ms: 1000, outcome: 'answered' });
    expect(a.offerClose).toMatchObject({ offer_id: '5', outcome: 'answered' });
    const ab = projectEvent({ ...base, type: 'call.abandoned', waitMs: 3000, phase: 'offered' });
    expect(ab.offerClose).toMatchObject({ offer_id: null, outcome: 'abandoned' });
    expect(
      projectEvent({ ...base, type: 'call.abandoned', waitMs: 3000, phase: 'waiting' }).offerClose,
    ).toBeUndefined();
  });
});

describe('wallboard figures', () => {
  it('answer rate vs the 95% target, agents logged in, agents needed from the staffing maths', () => {
    const day = interval({
      entered: 200,
      answered: 188,
      answeredInSL: 150,
      handled: 188,
      talkMs: 188 * 150_000,
      abandoned: 12,
      abandonWaitMs: 12 * 40_000,
    });
    const lastHour = interval({ entered: 60, answered: 58, handled: 58, talkMs: 58 * 150_000 });
    const q = staffingQuestion(lastHour, day, {
      answerTarget: 0.95,
      slSec: 15,
      slTarget: 0.8,
      defaultAhtSec: 180,
      defaultPatienceSec: 60,
    });
    expect(q).toMatchObject({ callsPerHour: 60, ahtSec: 150, patienceSec: 40, answerTarget: 0.95 });
    const needed = planStaffing(q!).agents;
    expect(needed).toBeGreaterThanOrEqual(Math.ceil((60 * 150) / 3600)); // at least the offered load in erlangs
    const w = wallboardQueue({
      live: { queue: '12345', waiting: 3, longestWaitMs: 42_400, agentsByState: byState },
      interval: interval({ entered: 10, answered: 8, answeredInSL: 6 }),
      day,
      lastHour,
      agentsNeeded: needed,
      answerRateTarget: 0.95,
      serviceLevelSec: 15,
    });
    expect(w).toMatchObject({
      waiting: 3,
      longestWaitSec: 42,
      serviceLevel: 0.6,
      answerRate24h: 0.94,
      answerRateMet: false,
      agentsLoggedIn: 8,
    });
    expect(
      staffingQuestion(interval({}), day, {
        answerTarget: 0.95,
        slSec: 15,
        slTarget: 0.8,
        defaultAhtSec: 180,
        defaultPatienceSec: 60,
      }),
    ).toBeNull();
  });
});
