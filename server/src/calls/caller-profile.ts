// Pure: the screen-pop flags from a caller's earlier calls and tickets.
export interface PriorCallFact {
  at: number;
  nuisance: boolean;
}
export interface PriorTicketFact {
  at: number;
  county: string | null;
}
export interface CallerRules {
  repeatCalls: number;
  repeatWindowMs: number;
}

/** 重复来电: at least `repeatCalls` earlier calls within the window before `now`. */
export function isRepeatCaller(calls: readonly PriorCallFact[], now: number, r: CallerRules): boolean {
  return calls.filter((c) => c.at <= now && now - c.at <= r.repeatWindowMs).length >= r.repeatCalls;
}

/** 骚扰来电: any earlier call an agent marked nuisance in its wrap-up. */
export function isNuisanceCaller(calls: readonly PriorCallFact[]): boolean {
  return calls.some((c) => c.nuisance);
}

/** The county most of the caller's tickets were registered in; ties go to the most recent. */
export function guessCounty(tickets: readonly PriorTicketFact[]): string | null {
  const score = new Map<string, { n: number; last: number }>();
  for (const t of tickets) {
    if (!t.county) continue;
    const s = score.get(t.county) ?? { n: 0, last: 0 };
    score.set(t.county, { n: s.n + 1, last: Math.max(s.last, t.at) });
  }
  let best: string | null = null;
  let top = { n: 0, last: -1 };
  for (const [county, s] of score) {
    if (s.n > top.n || (s.n === top.n && s.last > top.last)) {
      best = county;
      top = s;
    }
  }
  return best;
}
