// Queue priority of a new inbound call (pure). 特急 numbers flagged by the center come first; a
// caller who gave up waiting (abandoned) a short while ago and calls again is queued as 优先 so the
// second attempt is not another long wait (the distributor's "elderly" level is its 优先 level);
// everyone else is normal. Aging in the distributor keeps any of these from starving the others.
import type { Priority } from '@hotline/queue';

export interface ArrivalFacts {
  /** The number is on the center's special-urgent (特急) list. */
  flaggedUrgent: boolean;
  /** The same number abandoned a call within the configured recall window. */
  abandonedRecently: boolean;
}

export function arrivalPriority(f: ArrivalFacts): Priority {
  if (f.flaggedUrgent) return 'urgent';
  if (f.abandonedRecently) return 'elderly';
  return 'normal';
}

/** Numbers whose history is not tracked (withheld / unknown callers all share "anonymous"). */
export function tracksHistory(number: string): boolean {
  return number !== 'anonymous' && /^\+?\d{3,32}$/.test(number);
}
