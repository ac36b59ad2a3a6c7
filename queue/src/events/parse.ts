// Stream entry → typed event. Numeric fields are converted; everything else stays a string.

import type { AcdEvent } from './types.ts';

const NUMERIC = new Set([
  'ts',
  'arrivedAt',
  'expiresAt',
  'waitMs',
  'first',
  'talkMs',
  'holdMs',
  'since',
  'durationMs',
  'missed',
  'position',
]);

export type StreamEntry = [id: string, fields: string[]];

export function parseEntry([id, flat]: StreamEntry): AcdEvent {
  const e: Record<string, string | number> = { id };
  for (let i = 0; i < flat.length; i += 2) {
    const k = flat[i]!;
    const v = flat[i + 1]!;
    e[k] = NUMERIC.has(k) ? Number(v) : v;
  }
  return e as unknown as AcdEvent;
}

/** The raw string fields of an event, as the Lua side saw them (used by metric recomputation). */
export function rawFields(e: AcdEvent): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(e)) if (k !== 'id' && v !== undefined) out[k] = String(v);
  return out;
}
