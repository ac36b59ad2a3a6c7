// What the gateway remembers about a calling number, for routing only (the full history with
// tickets is the server's, GET /api/callers/:number/history):
//   <prefix>caller:<number>:calls      sorted set of hotline call ids by arrival ms, trimmed to the window
//   <prefix>caller:<number>:abandoned  set when the number abandoned a call; expires after the recall window
// One MULTI round trip per arrival.
import type { Redis } from 'ioredis';
import { tracksHistory } from '../domain/caller-priority.ts';

export interface ArrivalHistory {
  /** Calls from this number inside the repeat-caller window, before this one. */
  earlierCalls: number;
  abandonedRecently: boolean;
}

export interface CallerHistory {
  noteArrival(number: string, callId: string, nowMs: number): Promise<ArrivalHistory>;
  noteAbandon(number: string): Promise<void>;
}

export function createCallerHistory(
  redis: Redis,
  prefix: string,
  o: { windowSec: number; abandonedRecallSec: number },
): CallerHistory {
  const calls = (n: string) => `${prefix}caller:${n}:calls`;
  const abandoned = (n: string) => `${prefix}caller:${n}:abandoned`;
  return {
    async noteArrival(number, callId, nowMs) {
      if (!tracksHistory(number)) return { earlierCalls: 0, abandonedRecently: false };
      const r = await redis
        .multi()
        .zremrangebyscore(calls(number), '-inf', nowMs - o.windowSec * 1000)
        .zcard(calls(number))
        .zadd(calls(number), nowMs, callId)
        .pexpire(calls(number), o.windowSec * 1000)
        .exists(abandoned(number))
        .exec();
      const earlier = Number(r?.[1]?.[1] ?? 0);
      return { earlierCalls: earlier, abandonedRecently: Number(r?.[4]?.[1] ?? 0) === 1 };
    },
    async noteAbandon(number) {
      if (!tracksHistory(number) || o.abandonedRecallSec <= 0) return;
      await redis.set(abandoned(number), '1', 'EX', o.abandonedRecallSec);
    },
  };
}
