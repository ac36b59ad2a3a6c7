// Toll-fraud protection: the gateway dials out only to
//   - the emergency lines 110 (police), 119 (fire), 120 (ambulance), 122 (traffic accidents);
//   - the configured utility hotlines (water, power, gas, heating, oxygen);
//   - a ticket requester's number, only for a callback (回访) started from that ticket, proven by a
//     grant the server signed for exactly that ticket and number (see callback-grant.ts).
// Everything else is refused. Pure: no I/O.

export const EMERGENCY_NUMBERS = {
  '110': 'police',
  '119': 'fire',
  '120': 'ambulance',
  '122': 'traffic',
} as const;
export type EmergencyService = (typeof EMERGENCY_NUMBERS)[keyof typeof EMERGENCY_NUMBERS];
export const UTILITY_KINDS = ['water', 'power', 'gas', 'heating', 'oxygen'] as const;
export type UtilityKind = (typeof UTILITY_KINDS)[number];

export interface OutboundPolicy {
  /** Utility hotline numbers by kind, e.g. { water: '96166', power: '95598' }. */
  utilities: Partial<Record<UtilityKind, readonly string[]>>;
}

/** What the agent asked for. */
export type OutboundIntent =
  | { kind: 'three-way'; number: string }
  | { kind: 'callback'; number: string; grant?: { ticketId: string; number: string } | undefined };

export type OutboundDecision =
  | { allowed: true; number: string; category: 'emergency'; service: EmergencyService }
  | { allowed: true; number: string; category: 'utility'; service: UtilityKind }
  | { allowed: true; number: string; category: 'callback'; ticketId: string }
  | { allowed: false; number: string; reason: OutboundRefusal };

export type OutboundRefusal =
  | 'malformed-number'
  | 'not-an-emergency-or-utility-line'
  | 'callback-without-ticket'
  | 'callback-number-mismatch';

/**
 * Canonical digits of a dialled number: spaces, dashes and brackets dropped; "+86" / "0086" country
 * prefix dropped. Returns undefined for anything that is not a plain phone number (letters, '#', '*',
 * ',' pauses, '@', empty, too long): those would let a caller smuggle extra digits past the check.
 */
export function normalizeNumber(raw: string): string | undefined {
  const compact = raw.replace(/[\s\-()]/g, '');
  if (!/^\+?\d{3,20}$/.test(compact)) return undefined;
  let digits = compact.startsWith('+') ? compact.slice(1) : compact;
  if (compact.startsWith('+') && !digits.startsWith('86')) return undefined; // foreign numbers: never
  if (compact.startsWith('+86')) digits = digits.slice(2);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  return digits.length >= 3 ? digits : undefined;
}

function emergencyOf(n: string): EmergencyService | undefined {
  return Object.hasOwn(EMERGENCY_NUMBERS, n)
    ? EMERGENCY_NUMBERS[n as keyof typeof EMERGENCY_NUMBERS]
    : undefined;
}

function utilityOf(n: string, policy: OutboundPolicy): UtilityKind | undefined {
  for (const kind of UTILITY_KINDS) {
    if ((policy.utilities[kind] ?? []).some((u) => normalizeNumber(u) === n)) return kind;
  }
  return undefined;
}

export function decideOutbound(intent: OutboundIntent, policy: OutboundPolicy): OutboundDecision {
  const number = normalizeNumber(intent.number);
  if (!number) return { allowed: false, number: intent.number, reason: 'malformed-number' };
  if (intent.kind === 'three-way') {
    const service = emergencyOf(number);
    if (service) return { allowed: true, number, category: 'emergency', service };
    const utility = utilityOf(number, policy);
    if (utility) return { allowed: true, number, category: 'utility', service: utility };
    return { allowed: false, number, reason: 'not-an-emergency-or-utility-line' };
  }
  if (!intent.grant) return { allowed: false, number, reason: 'callback-without-ticket' };
  if (normalizeNumber(intent.grant.number) !== number) {
    return { allowed: false, number, reason: 'callback-number-mismatch' };
  }
  return { allowed: true, number, category: 'callback', ticketId: intent.grant.ticketId };
}
