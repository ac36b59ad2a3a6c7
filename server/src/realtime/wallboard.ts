// Wallboard service: a full snapshot every `intervalMs`, and the live part of a queue as soon as a
// queue event changes it (coalesced: at most one read in flight per queue).
import { type Acd, planStaffing } from '@hotline/queue';
import type {
  AgentStateName,
  WallboardInterval,
  WallboardLive,
  WallboardSnapshot,
} from '../contracts/realtime.ts';
import type { QueueEvent } from './stream-entry.ts';
import { loggedIn, staffingQuestion, wallboardQueue } from './wallboard-metrics.ts';

export interface WallboardOptions {
  intervalMs: number;
  answerRateTarget: number;
  /** Queues always shown even before their first call. */
  queues: readonly string[];
  emitSnapshot(s: WallboardSnapshot): void;
  emitLive(l: WallboardLive): void;
  onError(e: unknown): void;
  /** The 2-hour chart's 5-minute intervals ending at `now` (none when absent). */
  intervals?(now: number): Promise<WallboardInterval[]>;
}

const HOUR = 3_600_000;

export class Wallboard {
  private timer: NodeJS.Timeout | undefined;
  private last: WallboardSnapshot | null = null;
  private readonly inflight = new Map<string, QueueEvent | null>();
  private known = new Set<string>();

  constructor(
    private readonly acd: Acd,
    private readonly o: WallboardOptions,
  ) {
    for (const q of o.queues) this.known.add(q);
  }

  latest(): WallboardSnapshot | null {
    return this.last;
  }

  async snapshot(now = Date.now()): Promise<WallboardSnapshot> {
    for (const q of await this.acd.listQueues()) this.known.add(q);
    const cfg = this.acd.config;
    const queues = await Promise.all(
      [...this.known].sort().map(async (queue) => {
        const [live, interval, day, lastHour] = await Promise.all([
          this.acd.metrics.live(queue, now),
          this.acd.metrics.interval(queue, now),
          this.acd.metrics.rolling24h(queue, now),
          this.acd.metrics.range(queue, now - HOUR, now),
        ]);
        const q = staffingQuestion(lastHour, day, {
          answerTarget: this.o.answerRateTarget,
          slSec: cfg.serviceLevelSec,
          slTarget: 0.8,
          defaultAhtSec: cfg.estimatedAhtSec,
          defaultPatienceSec: 60,
        });
        let agentsNeeded: number | null = q ? null : 0;
        if (q) {
          try {
            agentsNeeded = planStaffing(q).agents;
          } catch {
            agentsNeeded = null;
          }
        }
        return wallboardQueue({
          live,
          interval,
          day,
          lastHour,
          agentsNeeded,
          answerRateTarget: this.o.answerRateTarget,
          serviceLevelSec: cfg.serviceLevelSec,
        });
      }),
    );
    const [all, intervals] = await Promise.all([
      this.acd.listAgents(),
      this.o.intervals ? this.o.intervals(now) : Promise.resolve([]),
    ]);
    const agents = all
      .filter((a) => a.state !== 'offline')
      .map((a) => ({ id: a.agentId, name: a.name, state: a.state as AgentStateName, since: a.since }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    this.last = { at: now, queues, agents, intervals };
    return this.last;
  }

  start(): void {
    const tick = () => {
      this.snapshot()
        .then((s) => this.o.emitSnapshot(s))
        .catch(this.o.onError);
    };
    tick();
    this.timer = setInterval(tick, this.o.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Queue events → recompute the live part of the queues they touch. */
  onEvents(events: readonly QueueEvent[]): void {
    const touched = new Map<string, QueueEvent>();
    for (const e of events) {
      if (e.type === 'agent.state') for (const q of this.known) touched.set(q, e);
      else if (typeof e.queue === 'string' && e.type.startsWith('call.')) {
        this.known.add(e.queue);
        touched.set(e.queue, e);
      }
    }
    for (const [q, e] of touched) this.refreshLive(q, e);
  }

  private refreshLive(queue: string, cause: QueueEvent): void {
    if (this.inflight.has(queue)) {
      this.inflight.set(queue, cause); // re-read once the current read is done
      return;
    }
    this.inflight.set(queue, null);
    this.acd.metrics
      .live(queue)
      .then((live) => {
        const byState = live.agentsByState as WallboardLive['agentsByState'];
        this.o.emitLive({
          queue,
          waiting: live.waiting,
          longestWaitSec: Math.round(live.longestWaitMs / 1000),
          agentsByState: byState,
          agentsLoggedIn: loggedIn(byState),
          cause: { eventId: cause.id, eventTs: cause.ts },
        });
      })
      .catch(this.o.onError)
      .finally(() => {
        const again = this.inflight.get(queue);
        this.inflight.delete(queue);
        if (again) this.refreshLive(queue, again);
      });
  }
}
