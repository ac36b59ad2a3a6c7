// Per-source token bucket: `rate` messages per second, bursts up to `burst`.

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private sweepAt = 0;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {}

  /** True when the message from `source` may be processed. */
  allow(source: string, now = Date.now()): boolean {
    if (this.rate <= 0) return true;
    if (now > this.sweepAt) this.sweep(now);
    const b = this.buckets.get(source) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) * this.rate) / 1000);
    b.at = now;
    this.buckets.set(source, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  private sweep(now: number): void {
    this.sweepAt = now + 10_000;
    for (const [k, b] of this.buckets) if (now - b.at > 60_000) this.buckets.delete(k);
  }
}
