// Percentiles of the server bench's latency samples (nearest rank).
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Latency samples (ms) of a phase where `expected` deliveries were due: count, lost, p50/p99/max. */
export function latencySummary(samples: number[], expected: number) {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    samples: s.length,
    lost: expected - s.length,
    p50Ms: r(percentile(s, 50)),
    p99Ms: r(percentile(s, 99)),
    maxMs: r(s.at(-1) ?? Number.NaN),
  };
}
