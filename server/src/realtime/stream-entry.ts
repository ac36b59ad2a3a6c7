// Pure: a raw Redis stream entry of the queue's event stream → a flat event object.
// (Field names and types per queue/README.md "Events"; numeric fields become numbers.)
const NUMERIC = new Set([
  'ts',
  'arrivedAt',
  'expiresAt',
  'waitMs',
  'talkMs',
  'holdMs',
  'durationMs',
  'since',
  'missed',
  'position',
  'first',
]);

export interface QueueEvent {
  id: string;
  type: string;
  ts: number;
  [field: string]: string | number | undefined;
}

export function parseStreamEntry(id: string, fields: readonly string[]): QueueEvent | null {
  const ev: Record<string, string | number> = { id };
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const k = fields[i]!;
    const v = fields[i + 1]!;
    ev[k] = NUMERIC.has(k) && v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
  }
  if (typeof ev.type !== 'string' || typeof ev.ts !== 'number') return null;
  return ev as QueueEvent;
}
