// Erlang C (M/M/N): Poisson arrivals, exponential handle times, infinitely patient callers.
// Computed through the Erlang B recursion  B(0) = 1,  B(k) = A·B(k−1) / (k + A·B(k−1))  — no
// factorials or powers, stable for tens of thousands of agents.

export interface LoadInput {
  /** Arrival rate, calls per hour. */
  callsPerHour: number;
  /** Average handle time (talk + hold + wrap-up), seconds. */
  ahtSec: number;
}

export interface ErlangCResult {
  agents: number;
  /** Offered load A = λ·AHT (erlangs). */
  offeredLoad: number;
  /** Probability that a caller has to wait (Erlang C formula). */
  probWait: number;
  /** P(wait ≤ slSec) = 1 − C·e^{−(N−A)·t/AHT}. */
  serviceLevel: number;
  /** Average speed of answer, seconds = C·AHT / (N − A). */
  asa: number;
  /** Agent occupancy A / N. */
  occupancy: number;
}

export function offeredLoad({ callsPerHour, ahtSec }: LoadInput): number {
  return (callsPerHour / 3600) * ahtSec;
}

/** Erlang B blocking probability for N servers and A erlangs (recursive, stable). */
export function erlangB(agents: number, load: number): number {
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (load * b) / (k + load * b);
  return b;
}

export function erlangC(input: LoadInput & { agents: number; slSec: number }): ErlangCResult {
  const { agents: n, ahtSec, slSec } = input;
  const a = offeredLoad(input);
  if (n <= a) {
    return {
      agents: n,
      offeredLoad: a,
      probWait: 1,
      serviceLevel: 0,
      asa: Number.POSITIVE_INFINITY,
      occupancy: 1,
    };
  }
  const b = erlangB(n, a);
  const c = (n * b) / (n - a * (1 - b));
  return {
    agents: n,
    offeredLoad: a,
    probWait: c,
    serviceLevel: 1 - c * Math.exp((-(n - a) * slSec) / ahtSec),
    asa: (c * ahtSec) / (n - a),
    occupancy: a / n,
  };
}
