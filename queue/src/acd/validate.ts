// Input validation for the public commands: bad input becomes AcdError INVALID_INPUT before any
// Redis work is done.

import { PRIORITIES, type Priority } from '../domain/priority.ts';
import { AcdError } from '../errors.ts';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:@+-]{0,127}$/;
const QUEUE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const NUMBER = /^[0-9A-Za-z+*#._@-]{1,64}$/;

function bad(field: string, problem: string): never {
  throw new AcdError('INVALID_INPUT', { field, problem });
}

export function checkId(field: string, v: unknown): string {
  if (typeof v !== 'string' || !ID.test(v)) bad(field, 'expected an id of 1..128 letters, digits or _.:@+-');
  return v;
}

export function checkQueue(v: unknown): string {
  if (typeof v !== 'string' || !QUEUE.test(v)) bad('queue', 'expected 1..64 letters, digits or _.:-');
  return v;
}

export function checkNumber(field: string, v: unknown): string {
  if (typeof v !== 'string' || !NUMBER.test(v))
    bad(field, 'expected a phone number / SIP user (1..64 chars)');
  return v;
}

export function checkText(field: string, v: unknown, max: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (typeof v !== 'string' || v.length === 0 || v.length > max || /[\u0000-\u001f,|]/.test(v)) {
    bad(field, `expected 1..${max} characters without control characters, commas or |`);
  }
  return v;
}

export function checkPriority(v: unknown): Priority {
  if (v === undefined) return 'normal';
  if (typeof v !== 'string' || !(PRIORITIES as readonly string[]).includes(v)) {
    bad('priority', `expected one of ${PRIORITIES.join(', ')}`);
  }
  return v as Priority;
}

export function checkTimeoutMs(v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1000 || v > 600_000) {
    bad('offerTimeoutMs', 'expected an integer between 1000 and 600000');
  }
  return v;
}

export function checkQueues(v: unknown): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) bad('queues', 'expected an array of queue names');
  return v.map(checkQueue);
}

export function checkMeta(v: unknown): Record<string, string> {
  if (v === undefined) return {};
  if (!v || typeof v !== 'object' || Array.isArray(v)) bad('meta', 'expected an object of strings');
  for (const [k, val] of Object.entries(v))
    if (typeof val !== 'string') bad(`meta.${k}`, 'expected a string');
  const meta = v as Record<string, string>;
  if (JSON.stringify(meta).length > 4096) bad('meta', 'larger than 4 KiB');
  return meta;
}
