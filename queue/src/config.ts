// The queue workspace's one config module: schema, defaults, parsing (fails fast with a readable
// message) and the only place that reads process.env.

import { z } from 'zod';
import { AcdError } from './errors.ts';

const seconds = z.number().finite().min(0);

export const acdConfigSchema = z
  .object({
    /** 整理 (after-call work) time after every call; 0 = straight back to ready. */
    wrapUpSec: seconds.default(30),
    /** How long an offer rings an agent unless the agent has its own offerTimeoutMs. */
    offerTimeoutSec: z.number().finite().positive().default(15),
    /** After this many consecutive missed offers the agent goes not-ready ("missed-offers"). */
    maxMissedOffers: z.number().int().min(1).default(3),
    /** Queue aging: a priority call is served before normal calls that arrived up to this long before it. */
    priorityBoostSec: z
      .object({ urgent: seconds.default(600), elderly: seconds.default(120), normal: seconds.default(0) })
      .default({ urgent: 600, elderly: 120, normal: 0 }),
    /** Ready agents whose idle start differs by at most this much count as tied; higher skill level wins. */
    idleTieMs: z.number().int().min(0).default(1000),
    /** At most this many tied capable agents are compared (bounds the work per arriving call). */
    tieCandidates: z.number().int().min(1).max(1000).default(8),
    /** Service level threshold (GB/T 33358-2016: 15 s). */
    serviceLevelSec: seconds.default(15),
    /** Abandons before this many seconds are "short abandons", counted separately. */
    shortAbandonSec: seconds.default(5),
    /** Metric interval length. */
    bucketMinutes: z.number().int().min(1).max(1440).default(15),
    /** Handle time used for estimated wait. */
    estimatedAhtSec: z.number().finite().positive().default(180),
    /** Approximate cap of the event stream length (XADD MAXLEN ~). */
    eventsMaxLen: z.number().int().min(1000).default(1_000_000),
    /** Live metric buckets expire after this many days. */
    metricsRetentionDays: z.number().int().min(1).default(35),
    /** Ended/abandoned call records are kept this long (seconds) for getCall, then expire. */
    finishedCallTtlSec: z.number().int().min(1).default(86_400),
    /** Sweeper period (offer expiry, wrap-up end) and batch size per sweep. */
    sweepIntervalMs: z.number().int().min(10).default(200),
    sweepBatch: z.number().int().min(1).max(10_000).default(200),
  })
  .strict();

export type AcdConfigInput = z.input<typeof acdConfigSchema>;
export type AcdConfig = Readonly<z.output<typeof acdConfigSchema>>;

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

export function parseAcdConfig(input: unknown = {}): AcdConfig {
  const r = acdConfigSchema.safeParse(input ?? {});
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new AcdError('CONFIG_INVALID', { problems });
  }
  return deepFreeze(r.data);
}

const envSchema = z.object({
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
});

export interface QueueEnv {
  readonly redisUrl: string;
}

/** Process-level settings (used by the CLI, benchmarks and tests); the library itself takes options. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): QueueEnv {
  const r = envSchema.safeParse({ REDIS_URL: env.REDIS_URL || undefined });
  if (!r.success) {
    throw new AcdError('CONFIG_INVALID', { problems: r.error.issues.map((i) => i.message).join('; ') });
  }
  return Object.freeze({ redisUrl: r.data.REDIS_URL });
}
