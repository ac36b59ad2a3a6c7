// Consumer-group reader over the event stream. Blocking reads use a dedicated connection so they
// never stall the commands of the shared client.

import type { Redis } from 'ioredis';
import type { ReadEventsOptions } from '../acd/acd.ts';
import { checkId } from '../acd/validate.ts';
import { parseEntry, type StreamEntry } from './parse.ts';
import type { AcdEvent } from './types.ts';

export interface EventReader {
  readEvents(opts: ReadEventsOptions): Promise<AcdEvent[]>;
  ackEvents(group: string, ids: string[]): Promise<number>;
  readEventRange(fromId?: string, toId?: string, count?: number): Promise<AcdEvent[]>;
  close(): Promise<void>;
}

export function createEventReader(redis: Redis, streamKey: string): EventReader {
  const groups = new Set<string>();
  let blocking: Redis | null = null;

  async function ensureGroup(group: string, startId: string): Promise<void> {
    if (groups.has(group)) return;
    try {
      await redis.xgroup('CREATE', streamKey, group, startId, 'MKSTREAM');
    } catch (e) {
      if (!String((e as Error).message).includes('BUSYGROUP')) throw e;
    }
    groups.add(group);
  }

  return {
    async readEvents(opts) {
      const group = checkId('group', opts.group);
      const consumer = checkId('consumer', opts.consumer);
      await ensureGroup(group, opts.startId ?? '0');
      const count = opts.count ?? 100;
      let client = redis;
      const args: (string | number)[] = ['GROUP', group, consumer, 'COUNT', count];
      if (opts.blockMs !== undefined) {
        if (!blocking) {
          blocking = redis.duplicate();
          // connection errors of the extra connection go to the caller's client listeners (ioredis
          // reconnects by itself); without listeners they are dropped instead of crashing the process
          blocking.on('error', (e: unknown) => {
            if (redis.listenerCount('error') > 0) redis.emit('error', e);
          });
        }
        client = blocking;
        args.push('BLOCK', opts.blockMs);
      }
      args.push('STREAMS', streamKey, opts.cursor ?? '>');
      const res = (await (client.xreadgroup as (...a: (string | number)[]) => Promise<unknown>)(...args)) as
        | [string, StreamEntry[]][]
        | null;
      if (!res) return [];
      return res.flatMap(([, entries]) => entries.filter((e) => e[1] !== null).map(parseEntry));
    },
    async ackEvents(group, ids) {
      if (ids.length === 0) return 0;
      return redis.xack(streamKey, group, ...ids);
    },
    async readEventRange(fromId = '-', toId = '+', count) {
      const res = (
        count === undefined
          ? await redis.xrange(streamKey, fromId, toId)
          : await redis.xrange(streamKey, fromId, toId, 'COUNT', count)
      ) as StreamEntry[];
      return res.map(parseEntry);
    },
    async close() {
      if (blocking) {
        blocking.disconnect();
        blocking = null;
      }
    },
  };
}
