import type { AcdEvent } from '../events/types.ts';
export function recomputeFromEvents(_events: AcdEvent[]): never {
  throw new Error('not implemented yet');
}
