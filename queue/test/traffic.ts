// Simulated contact-center traffic for the integration tests: agents react to call.offered events
// read from the stream (answer / reject / ignore), callers hang up when their patience runs out or
// ask for a callback, several ACD instances share one Redis. Plus the invariant checks.

import type { Acd, AcdEvent } from '../src/index.ts';
import { isAcdError } from '../src/index.ts';
import { seededRandom } from '../src/staffing/simulate.ts';

export interface TrafficOptions {
  instances: Acd[];
  agents: number;
  calls: number;
  queues: string[];
  /** Calls arrive uniformly over this many ms. */
  spreadMs: number;
  seed?: number;
  timeoutMs?: number;
  /** Called every ~100 ms while traffic runs (e.g. to kill connections). */
  chaos?: () => Promise<void>;
}

export interface TrafficReport {
  callIds: string[];
  /** Errors that were NOT expected typed races (must be empty). */
  unexpected: unknown[];
  /** Typed race outcomes (e.g. abandon after answer) by code. */
  typedRaces: Record<string, number>;
  resolved: number;
}

const EXPECTED_RACES = new Set(['ILLEGAL_CALL_TRANSITION', 'OFFER_MISMATCH', 'ILLEGAL_AGENT_TRANSITION']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runTraffic(o: TrafficOptions): Promise<TrafficReport> {
  const rand = seededRandom(o.seed ?? 1);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const report: TrafficReport = { callIds: [], unexpected: [], typedRaces: {}, resolved: 0 };
  const resolved = new Set<string>();
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    const q = p.catch((e: unknown) => {
      if (isAcdError(e) && EXPECTED_RACES.has(e.code))
        report.typedRaces[e.code] = (report.typedRaces[e.code] ?? 0) + 1;
      else report.unexpected.push(e);
    });
    pending.add(q);
    q.finally(() => pending.delete(q));
  };
  const later = (ms: number, fn: () => Promise<unknown>) => track(sleep(ms).then(fn));
  const acd = () => pick(o.instances);

  const first = o.instances[0]!;
  for (let i = 0; i < o.agents; i++) {
    const skills: Record<string, number> = { 'lang:mandarin': 1 + (i % 5) };
    if (i % 3 === 0) skills['lang:tibetan-khams'] = 2 + (i % 4);
    await first.agentLogin(`a${i}`, { name: `agent ${i}`, skills, offerTimeoutMs: 1000 });
    await first.setReady(`a${i}`);
  }

  function onEvent(e: AcdEvent): void {
    if (e.type === 'call.offered') {
      const r = rand();
      if (r < 0.8) {
        later(rand() * 20, async () => {
          await acd().answer(e.callId, e.agentId);
          later(100 + rand() * 300, () => acd().endCall(e.callId, rand() < 0.5 ? 'agent' : 'caller'));
        });
      } else if (r < 0.9) later(rand() * 20, () => acd().reject(e.callId, e.agentId));
      // else: ignore; the offer expires and the sweeper returns the call to the head
    } else if (e.type === 'agent.state' && e.state === 'not-ready' && e.reason === 'missed-offers') {
      later(20, () => acd().setReady(e.agentId));
    } else if (e.type === 'call.ended' || e.type === 'call.abandoned') {
      resolved.add(e.callId);
    }
  }

  let done = false;
  const readers = o.instances.map(async (inst, i) => {
    let round = 0;
    while (!done) {
      try {
        // every 10th round re-read this consumer's pending entries: a reply lost with a killed
        // connection leaves delivered-but-unseen entries there (handling twice is harmless)
        const cursor = round++ % 10 === 9 ? '0' : '>';
        const evs = await inst.readEvents({
          group: 'sim',
          consumer: `c${i}`,
          count: 200,
          blockMs: 50,
          cursor,
        });
        for (const e of evs) onEvent(e);
        if (evs.length)
          await inst.ackEvents(
            'sim',
            evs.map((e) => e.id),
          );
      } catch (e) {
        if (!done) report.unexpected.push(e);
        await sleep(20);
      }
    }
  });
  const sweepers = o.instances.map((inst) => inst.startSweeper((e) => report.unexpected.push(e)));

  for (let i = 0; i < o.calls; i++) {
    const callId = `call${i}`;
    report.callIds.push(callId);
    const at = rand() * o.spreadMs;
    const patience = 300 + rand() * 3000;
    const wantsCallback = rand() < 0.1;
    const skills = rand() < 0.2 ? ['lang:tibetan-khams'] : ['lang:mandarin'];
    const priority = pick(['normal', 'normal', 'normal', 'elderly', 'urgent'] as const);
    later(at, async () => {
      const r = await acd().enqueueCall({
        callId,
        queue: pick(o.queues),
        priority,
        skills,
        callerNumber: `139${i}`,
      });
      if (wantsCallback && !r.offer) later(rand() * 50, () => acd().requestCallback(callId, `139${i}`));
      else later(patience, () => acd().abandon(callId));
    });
  }

  const deadline = Date.now() + (o.timeoutMs ?? 100_000);
  while (resolved.size < o.calls && Date.now() < deadline) {
    await sleep(100);
    if (o.chaos) await o.chaos().catch((e: unknown) => report.unexpected.push(e));
  }
  done = true;
  for (const stop of sweepers) stop();
  await Promise.all(readers);
  while (pending.size) await Promise.all([...pending]);
  report.resolved = resolved.size;
  return report;
}

/** Checks the event history: each call resolved exactly once, answered at most once (first=1),
 *  offers only to free agents, no agent ever holding two calls. Returns violations. */
export function checkInvariants(events: AcdEvent[], callIds: string[]): string[] {
  const bad: string[] = [];
  const terminal = new Map<string, number>();
  const answered = new Map<string, number>();
  const holding = new Map<string, string>(); // agent → call currently reserved / talked / wrapped
  for (const e of events) {
    switch (e.type) {
      case 'call.offered':
        if (holding.has(e.agentId))
          bad.push(`${e.agentId} offered ${e.callId} while holding ${holding.get(e.agentId)}`);
        holding.set(e.agentId, e.callId);
        break;
      case 'call.offer-rejected':
      case 'call.offer-expired':
      case 'call.requeued':
        if (holding.get(e.agentId) !== e.callId) bad.push(`${e.type} ${e.callId} not held by ${e.agentId}`);
        holding.delete(e.agentId);
        break;
      case 'call.answered':
        if (holding.get(e.agentId) !== e.callId)
          bad.push(`answer of ${e.callId} by ${e.agentId} without offer`);
        if (e.first === 1) answered.set(e.callId, (answered.get(e.callId) ?? 0) + 1);
        break;
      case 'call.abandoned':
        terminal.set(e.callId, (terminal.get(e.callId) ?? 0) + 1);
        if (e.agentId) holding.delete(e.agentId);
        break;
      case 'call.ended':
        terminal.set(e.callId, (terminal.get(e.callId) ?? 0) + 1);
        if (!answered.has(e.callId)) bad.push(`${e.callId} ended without answer`);
        break;
      case 'agent.state':
        if (e.state === 'ready' || e.state === 'not-ready' || e.state === 'offline')
          holding.delete(e.agentId);
        break;
    }
  }
  for (const id of callIds) {
    if (terminal.get(id) !== 1) bad.push(`${id} resolved ${terminal.get(id) ?? 0} times`);
    if ((answered.get(id) ?? 0) > 1) bad.push(`${id} answered ${answered.get(id)} times`);
  }
  return bad;
}
