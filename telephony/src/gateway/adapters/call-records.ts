// The gateway's record of each call (for the console, reports and the recording's metadata):
//   <prefix>call:<hotlineCallId>  hash, kept `ttlSec` after the last write.
// Three-way calls add threeWayNumber / threeWayRequestedAt / threeWayAnsweredAt / handoffMs.
import type { Redis } from 'ioredis';

export type CallRecordFields = Record<string, string | number>;

export interface CallRecords {
  update(callId: string, fields: CallRecordFields): Promise<void>;
  get(callId: string): Promise<Record<string, string>>;
}

export function createCallRecords(redis: Redis, prefix: string, ttlSec = 7 * 86_400): CallRecords {
  const key = (id: string) => `${prefix}call:${id}`;
  return {
    async update(callId, fields) {
      const flat = Object.entries(fields).flatMap(([k, v]) => [k, String(v)]);
      if (flat.length === 0) return;
      await redis
        .multi()
        .hset(key(callId), ...flat)
        .expire(key(callId), ttlSec)
        .exec();
    },
    get: (callId) => redis.hgetall(key(callId)),
  };
}
