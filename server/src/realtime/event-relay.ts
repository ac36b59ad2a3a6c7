// Tails the queue's event stream (XREAD BLOCK on a dedicated connection, from "now") and hands each
// batch to `onEvents`. Every server instance tails it and pushes to ITS OWN sockets, so an event
// reaches clients in one hop whichever instance they are connected to.
import type { Redis } from 'ioredis';
import { parseStreamEntry, type QueueEvent } from './stream-entry.ts';

export interface EventRelay {
  stop(): Promise<void>;
}

type XReadReply = [string, [string, string[]][]][] | null;

export function startEventRelay(
  redis: Redis,
  streamKey: string,
  onEvents: (events: QueueEvent[]) => void,
  onError: (e: unknown) => void,
): EventRelay {
  const conn = redis.duplicate({ connectionName: 'hotline-event-relay' });
  let running = true;
  // Start after the newest entry; never XREAD with "$" in a loop (entries between two reads would be lost).
  let lastId = '';
  const loop = (async () => {
    while (running) {
      if (!lastId) {
        try {
          const newest = (await conn.xrevrange(streamKey, '+', '-', 'COUNT', 1)) as [string, string[]][];
          lastId = newest[0]?.[0] ?? '0-0';
        } catch (e) {
          if (!running) break;
          onError(e);
          await new Promise((r) => setTimeout(r, 500));
          continue;
        }
      }
      try {
        const res = (await conn.xread(
          'COUNT',
          1000,
          'BLOCK',
          1000,
          'STREAMS',
          streamKey,
          lastId,
        )) as XReadReply;
        if (!res) continue;
        const events: QueueEvent[] = [];
        for (const [, entries] of res) {
          for (const [id, fields] of entries) {
            lastId = id;
            const ev = parseStreamEntry(id, fields);
            if (ev) events.push(ev);
          }
        }
        if (events.length) onEvents(events);
      } catch (e) {
        if (!running) break;
        onError(e);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();
  return {
    async stop() {
      running = false;
      conn.disconnect();
      await loop;
    },
  };
}
