// Discrete-event simulation of a call center queue (shipped to check the Erlang formulas and to
// answer what-if questions they cannot): Poisson arrivals, N agents, FIFO queue, handle times and
// caller patience drawn from given samplers (exponential by default), seeded and reproducible.

export interface SimulationInput {
  agents: number;
  callsPerHour: number;
  ahtSec: number;
  /** Mean patience (exponential); Infinity = nobody abandons (Erlang C). */
  patienceSec: number;
  slSec: number;
  /** Number of simulated calls (after warm-up). */
  calls: number;
  seed?: number;
  /** Optional handle-time sampler (seconds), given a U(0,1) source. */
  handleTime?: (rand: () => number) => number;
}

export interface SimulationResult {
  offered: number;
  answered: number;
  abandoned: number;
  answerRate: number;
  abandonRate: number;
  serviceLevel: number;
  asa: number;
  occupancy: number;
}

/** mulberry32: small, fast, seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const exp = (rand: () => number, mean: number): number => -Math.log(1 - rand()) * mean;

/** Binary min-heap of agent free times. */
class MinHeap {
  private readonly a: number[] = [];
  push(x: number): void {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! <= x) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = x;
  }
  peek(): number {
    return this.a[0]!;
  }
  replaceTop(x: number): void {
    const a = this.a;
    const n = a.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && a[r]! < a[l]! ? r : l;
      if (a[c]! >= x) break;
      a[i] = a[c]!;
      i = c;
    }
    a[i] = x;
  }
}

/**
 * FIFO with abandonment: a caller arriving at time t with patience τ is answered at
 * s = max(t, earliest agent free time) if s − t ≤ τ, otherwise abandons (the agent stays free).
 * Because service is FIFO and abandoners never take an agent, processing callers in arrival order
 * with a heap of agent free times is an exact simulation.
 */
export function simulateQueue(input: SimulationInput): SimulationResult {
  const rand = seededRandom(input.seed ?? 12345);
  const lambda = input.callsPerHour / 3600;
  const handle = input.handleTime ?? ((r: () => number) => exp(r, input.ahtSec));
  const free = new MinHeap();
  for (let i = 0; i < input.agents; i++) free.push(0);
  const warmup = Math.ceil(input.calls / 10);
  let t = 0;
  let offered = 0;
  let answered = 0;
  let withinSl = 0;
  let waitSum = 0;
  let busyTime = 0;
  let startT = 0;
  for (let i = 0; i < warmup + input.calls; i++) {
    t += exp(rand, 1 / lambda);
    if (i === warmup) startT = t;
    const patience = Number.isFinite(input.patienceSec)
      ? exp(rand, input.patienceSec)
      : Number.POSITIVE_INFINITY;
    const h = handle(rand);
    const start = Math.max(t, free.peek());
    const counted = i >= warmup;
    if (counted) offered += 1;
    if (start - t <= patience) {
      free.replaceTop(start + h);
      if (counted) {
        answered += 1;
        waitSum += start - t;
        if (start - t <= input.slSec) withinSl += 1;
        busyTime += h;
      }
    }
  }
  const span = t - startT;
  return {
    offered,
    answered,
    abandoned: offered - answered,
    answerRate: answered / offered,
    abandonRate: (offered - answered) / offered,
    serviceLevel: withinSl / offered,
    asa: answered ? waitSum / answered : 0,
    occupancy: span > 0 ? Math.min(1, busyTime / (span * input.agents)) : 0,
  };
}
