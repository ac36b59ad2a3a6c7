// Erlang A (M/M/N+M, Palm's model): like Erlang C but callers hang up after an exponential patience
// with mean `patienceSec`. Solved exactly on the birth–death chain of the number of calls in the
// system, in log space (no factorials, no overflow for thousands of agents):
//   π_k ∝ A^k / k!                                   k ≤ N
//   π_k = π_{k−1} · λ / (Nμ + (k−N)θ)                k > N      (μ = 1/AHT, θ = 1/patience)
// A caller who finds n calls waiting is answered with probability Nμ / (Nμ + (n+1)θ); its wait,
// given it is answered, is a sum of exponential stages with rates Nμ + (m+1)θ, m = 0..n, whose
// distribution (for the service level) is computed by uniformization.

import { type LoadInput, offeredLoad } from './erlang-c.ts';

export interface ErlangAResult {
  agents: number;
  offeredLoad: number;
  /** Answered ÷ offered (接通率). */
  answerRate: number;
  /** Abandoned ÷ offered. */
  abandonRate: number;
  /** Answered within slSec ÷ offered. */
  serviceLevel: number;
  /** Average wait of answered calls, seconds. */
  asa: number;
  /** Probability an arriving caller has to wait. */
  probWait: number;
  /** Busy agents ÷ agents. */
  occupancy: number;
}

export interface ErlangAInput extends LoadInput {
  agents: number;
  patienceSec: number;
  slSec: number;
}

const EPS_LOG = Math.log(1e-16);

function logSumExp(xs: number[]): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const x of xs) if (x > m) m = x;
  let s = 0;
  for (const x of xs) s += Math.exp(x - m);
  return m + Math.log(s);
}

/** Stationary distribution of the number of calls in system, truncated where negligible. */
function stationary(n: number, lambda: number, mu: number, theta: number): number[] {
  const logs: number[] = [0];
  for (let k = 1; k <= n; k++) logs.push(logs[k - 1]! + Math.log(lambda / (k * mu)));
  let peak = Math.max(...logs);
  for (let k = n + 1; ; k++) {
    const next = logs[k - 1]! + Math.log(lambda / (n * mu + (k - n) * theta));
    logs.push(next);
    if (next > peak) peak = next;
    else if (next - peak < EPS_LOG && k - n > 10) break;
    if (k - n > 1_000_000) break;
  }
  const z = logSumExp(logs);
  return logs.map((l) => Math.exp(l - z));
}

/** log of Poisson(j; m) probabilities for j = 0.. until the tail is negligible. */
function poissonWeights(m: number): number[] {
  const w: number[] = [];
  const jMax = Math.ceil(m + 12 * Math.sqrt(m) + 30);
  let logP = -m;
  for (let j = 0; j <= jMax; j++) {
    if (j > 0) logP += Math.log(m / j);
    w.push(Math.exp(logP));
  }
  return w;
}

export function erlangA(input: ErlangAInput): ErlangAResult {
  const { agents: n, ahtSec, patienceSec, slSec } = input;
  const a = offeredLoad(input);
  const lambda = input.callsPerHour / 3600;
  const mu = 1 / ahtSec;
  const theta = 1 / patienceSec;
  const pi = stationary(n, lambda, mu, theta);
  const nMu = n * mu;

  let probWait = 0;
  let answered = 0;
  let waitAnswered = 0;
  let busy = 0;
  let meanStages = 0;
  for (let k = 0; k < pi.length; k++) {
    const p = pi[k]!;
    busy += p * Math.min(k, n);
    if (k < n) {
      answered += p;
      continue;
    }
    const q = k - n; // calls already waiting when this caller arrives
    probWait += p;
    const pServed = nMu / (nMu + (q + 1) * theta);
    meanStages += 1 / (nMu + (q + 1) * theta); // Σ_{m=0..q} of the mean stage durations
    answered += p * pServed;
    waitAnswered += p * pServed * meanStages;
  }

  // Service level: P(answered and wait ≤ t) by uniformization of the tagged caller's stage chain.
  let withinSl = pi.slice(0, n).reduce((s, p) => s + p, 0);
  const stages = pi.length - n;
  if (stages > 0 && slSec > 0) {
    const rate = nMu + stages * theta;
    const v = pi.slice(n);
    const weights = poissonWeights(rate * slSec);
    let served = 0;
    let acc = weights[0]! * served;
    for (let j = 1; j < weights.length; j++) {
      served += (v[0]! * nMu) / rate;
      const next = new Array<number>(stages).fill(0);
      for (let m = 0; m < stages; m++) {
        const vm = v[m]!;
        if (vm === 0) continue;
        const progress = nMu + m * theta;
        if (m > 0) next[m - 1]! += (vm * progress) / rate;
        next[m]! += vm * (1 - (progress + theta) / rate);
      }
      for (let m = 0; m < stages; m++) v[m] = next[m]!;
      acc += weights[j]! * served;
    }
    withinSl += acc;
  }

  return {
    agents: n,
    offeredLoad: a,
    answerRate: answered,
    abandonRate: 1 - answered,
    serviceLevel: Math.min(withinSl, answered),
    asa: answered > 0 ? waitAnswered / answered : 0,
    probWait,
    occupancy: busy / n,
  };
}
