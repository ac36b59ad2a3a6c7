// Model-based property test on real Redis: random command sequences against the ACD. Every command
// succeeds exactly when the pure transition tables say it is legal (otherwise a typed error), and
// after every step the Redis state is consistent (indexes, reservations, one call per agent).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AGENT_TRANSITIONS, type AgentAction, type AgentState } from '../../src/domain/agent-state.ts';
import {
  type CallAction,
  type CallKind,
  type CallState,
  nextCallState,
} from '../../src/domain/call-state.ts';
import { isAcdError } from '../../src/index.ts';
import { recomputeFromEvents } from '../../src/metrics/recompute.ts';
import { counterRules } from '../../src/metrics/rules.ts';
import { deleteKeys, type Harness, harness } from '../helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness({ wrapUpSec: 3, offerTimeoutSec: 2, maxMissedOffers: 2, bucketMinutes: 1 });
});
afterAll(async () => {
  await h.close();
});

const AGENTS = ['a0', 'a1', 'a2'];
const CALLS = ['c0', 'c1', 'c2', 'c3', 'c4'];

type Op =
  | { kind: 'agent'; action: 'login' | 'logout' | 'ready' | 'not-ready'; agent: number }
  | {
      kind: 'call';
      action: 'enqueue' | 'abandon' | 'end' | 'hold' | 'resume' | 'callback' | 'requeue';
      call: number;
    }
  | { kind: 'offer'; action: 'answer' | 'reject'; call: number; agent: number }
  | { kind: 'time'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('agent' as const),
    action: fc.constantFrom('login', 'logout', 'ready', 'not-ready') as fc.Arbitrary<'login'>,
    agent: fc.nat(AGENTS.length - 1),
  }),
  fc.record({
    kind: fc.constant('call' as const),
    action: fc.constantFrom(
      'enqueue',
      'abandon',
      'end',
      'hold',
      'resume',
      'callback',
      'requeue',
    ) as fc.Arbitrary<'enqueue'>,
    call: fc.nat(CALLS.length - 1),
  }),
  fc.record({
    kind: fc.constant('offer' as const),
    action: fc.constantFrom('answer', 'reject') as fc.Arbitrary<'answer'>,
    call: fc.nat(CALLS.length - 1),
    agent: fc.nat(AGENTS.length - 1),
  }),
  fc.record({ kind: fc.constant('time' as const), ms: fc.integer({ min: 100, max: 4000 }) }),
);

async function agentState(id: string): Promise<{ state: AgentState; exists: boolean }> {
  const s = await h.redis.hget(`${h.prefix}:agent:${id}`, 'state');
  return { state: (s ?? 'offline') as AgentState, exists: s !== null };
}
async function callState(id: string) {
  const [state, kind, agentId] = await h.redis.hmget(`${h.prefix}:call:${id}`, 'state', 'kind', 'agentId');
  return { state: (state ?? 'none') as CallState | 'none', kind: (kind ?? 'inbound') as CallKind, agentId };
}

/** What the pure tables predict for this command given the current state. */
async function predictLegal(op: Op): Promise<boolean> {
  if (op.kind === 'time') return true;
  if (op.kind === 'agent') {
    const a = await agentState(AGENTS[op.agent]!);
    if (op.action !== 'login' && !a.exists) return false;
    return AGENT_TRANSITIONS[op.action as AgentAction].from.includes(a.state);
  }
  const c = await callState(CALLS[op.call]!);
  const map: Record<string, CallAction> = {
    end: 'end',
    hold: 'hold',
    resume: 'resume',
    callback: 'callback',
  };
  if (op.kind === 'offer') {
    const agent = AGENTS[op.agent]!;
    if (op.action === 'answer' && (c.state === 'connected' || c.state === 'held') && c.agentId === agent)
      return true;
    return nextCallState(c, op.action) !== null && c.agentId === agent;
  }
  if (op.action === 'enqueue') return c.state === 'none';
  return nextCallState(c, map[op.action] ?? (op.action as CallAction)) !== null;
}

async function apply(op: Op): Promise<void> {
  const acd = h.acd;
  if (op.kind === 'time') {
    h.clock.advance(op.ms);
    await acd.tick();
    return;
  }
  if (op.kind === 'agent') {
    const id = AGENTS[op.agent]!;
    if (op.action === 'login')
      await acd.agentLogin(id, { name: id, skills: { 'lang:mandarin': op.agent + 1 } });
    else if (op.action === 'logout') await acd.agentLogout(id);
    else if (op.action === 'ready') await acd.setReady(id);
    else await acd.setNotReady(id, 'break');
    return;
  }
  const callId = CALLS[op.call]!;
  if (op.kind === 'offer') {
    if (op.action === 'answer') await acd.answer(callId, AGENTS[op.agent]!);
    else await acd.reject(callId, AGENTS[op.agent]!);
    return;
  }
  switch (op.action) {
    case 'enqueue':
      await acd.enqueueCall({
        callId,
        queue: 'q',
        callerNumber: '1',
        priority: op.call % 2 ? 'elderly' : 'normal',
      });
      return;
    case 'abandon':
      await acd.abandon(callId);
      return;
    case 'end':
      await acd.endCall(callId);
      return;
    case 'hold':
      await acd.hold(callId);
      return;
    case 'resume':
      await acd.resume(callId);
      return;
    case 'callback':
      await acd.requestCallback(callId, '139');
      return;
    case 'requeue':
      await acd.requeueToHead(callId);
      return;
  }
}

async function checkConsistency(): Promise<void> {
  const p = h.prefix;
  const ready = new Set(await h.redis.zrange(`${p}:ready`, 0, -1));
  const queued = new Set(await h.redis.zrange(`${p}:q:q`, 0, -1));
  const offers = new Set(await h.redis.zrange(`${p}:offers`, 0, -1));
  const holders = new Map<string, string>();
  for (const id of AGENTS) {
    const a = await h.redis.hgetall(`${p}:agent:${id}`);
    if (!a.state) continue;
    expect(ready.has(id)).toBe(a.state === 'ready');
    if (['reserved', 'on-call', 'wrap-up'].includes(a.state)) {
      expect(a.callId).not.toBe('');
      if (a.state !== 'wrap-up') {
        expect(holders.has(a.callId!)).toBe(false);
        holders.set(a.callId!, id);
      }
    } else expect(a.callId).toBe('');
  }
  for (const id of CALLS) {
    const c = await h.redis.hgetall(`${p}:call:${id}`);
    if (!c.state) continue;
    expect(queued.has(id)).toBe(c.state === 'waiting');
    expect(offers.has(id)).toBe(c.state === 'offered');
    if (['offered', 'connected', 'held'].includes(c.state)) expect(holders.get(id)).toBe(c.agentId);
    else expect(holders.has(id)).toBe(false);
  }
  // a waiting call and a ready agent who could take it never coexist (matching is eager)
  if (queued.size > 0) expect(ready.size).toBe(0);
}

/** Live interval counters equal the ones recomputed from the event stream. */
async function checkMetricsMatchStream(): Promise<void> {
  const events = await h.acd.readEventRange();
  const re = recomputeFromEvents(events, counterRules(h.acd.config), 60_000);
  for (const [b, byQueue] of re.queues) {
    for (const [q, counters] of byQueue)
      expect(await h.acd.metrics.counters(q, b, b + 60_000)).toEqual(counters);
  }
  for (const [b, time] of re.agents)
    expect((await h.acd.metrics.agentTime(b, b + 60_000)).time).toEqual(time);
}

describe('agent and call state machines on Redis', () => {
  test('commands succeed exactly when legal; state stays consistent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 40 }), async (ops) => {
        await deleteKeys(h.redis, h.prefix);
        for (const op of ops) {
          const legal = await predictLegal(op);
          let ok = true;
          try {
            await apply(op);
          } catch (e) {
            if (!isAcdError(e)) throw e;
            ok = false;
          }
          expect({ op, ok }).toEqual({ op, ok: legal });
          await checkConsistency();
        }
        await checkMetricsMatchStream();
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
