// The wallboard's live feed on the real server: socket.io '/wallboard' (server/src/contracts/realtime.ts).
// 1 Hz snapshots plus 'wallboard:live' pushes between them, merged into the last snapshot.
import type { Socket } from 'socket.io-client';
import type {
  WallboardSnapshot as ServerSnapshot,
  WallboardLive,
  WallboardQueue,
  WallboardServerToClient,
} from '../../../server/src/contracts/realtime.ts';
import type { QueueMetrics, WallboardSnapshot } from '../domain/wallboard-model.ts';
import { connectNamespace } from './socket.ts';
import type { WallboardFeed } from './wallboard-backend.ts';

type Extra = Partial<{ abandonRate24h: number | null; specialUrgentWaiting: number; name: string }>;

/** Older servers sent no abandonRate24h / agents / intervals: those parts are then absent. */
export function toQueueMetrics(q: Omit<WallboardQueue, 'abandonRate24h'> & Extra): QueueMetrics {
  return {
    queue: q.queue,
    name: q.name,
    waiting: q.waiting,
    longestWaitSec: q.longestWaitSec,
    serviceLevel: q.serviceLevel,
    answerRate24h: q.answerRate24h,
    abandonRate24h: q.abandonRate24h ?? null,
    agentsNeeded: q.agentsNeeded ?? 0,
    agentsLoggedIn: q.agentsLoggedIn,
    specialUrgentWaiting: q.specialUrgentWaiting ?? 0,
    stateCounts: { ...q.agentsByState },
  };
}

export function toSnapshot(
  s: Omit<ServerSnapshot, 'agents' | 'intervals' | 'queues'> & {
    queues: (Omit<WallboardQueue, 'abandonRate24h'> & Extra)[];
  } & Partial<Pick<ServerSnapshot, 'agents' | 'intervals'>>,
): WallboardSnapshot {
  return { at: s.at, queues: s.queues.map(toQueueMetrics), agents: s.agents, intervals: s.intervals };
}

export function mergeLive(s: WallboardSnapshot, l: WallboardLive): WallboardSnapshot {
  return {
    ...s,
    queues: s.queues.map((q) =>
      q.queue === l.queue
        ? {
            ...q,
            waiting: l.waiting,
            longestWaitSec: l.longestWaitSec,
            agentsLoggedIn: l.agentsLoggedIn,
            stateCounts: { ...l.agentsByState },
          }
        : q,
    ),
  };
}

export function createWallboardFeed(): WallboardFeed {
  const socket = connectNamespace('/wallboard') as Socket<WallboardServerToClient>;
  let last: WallboardSnapshot | null = null;
  const cbs = new Set<(s: WallboardSnapshot) => void>();
  const push = (s: WallboardSnapshot) => {
    last = s;
    for (const cb of cbs) cb(s);
  };
  socket.on('wallboard:snapshot', (s) => push(toSnapshot(s)));
  socket.on('wallboard:live', (l) => {
    if (last) push(mergeLive(last, l));
  });
  return {
    subscribe(cb) {
      cbs.add(cb);
      if (last) cb(last);
      return () => cbs.delete(cb);
    },
    close() {
      socket.close();
    },
  };
}
