// The ONLY module in server/ that reads process.env. Parsed once, schema-validated, frozen.
// To add a key: add one line to FIELDS (env name, TypeBox schema with a default unless required).
// `Config` is derived from FIELDS, so the type follows automatically.
import { hostname } from 'node:os';
import Type, { type Static, type TSchema } from 'typebox';
import Value from 'typebox/value';

const Port = Type.Integer({ minimum: 0, maximum: 65535 });
const Secret = Type.String({ minLength: 16 });

const FIELDS = {
  nodeEnv: {
    env: 'NODE_ENV',
    schema: Type.Enum(['development', 'production', 'test'], { default: 'development' }),
  },
  host: { env: 'HOST', schema: Type.String({ default: '127.0.0.1' }) },
  port: { env: 'PORT', schema: Type.Integer({ ...Port, default: 8080 }) },
  logLevel: {
    env: 'LOG_LEVEL',
    schema: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  },
  /** PostgreSQL URL; when unset the embedded PGlite in `pgliteDir` is used. */
  databaseUrl: { env: 'DATABASE_URL', schema: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })) },
  /** PostgreSQL schema to use (search_path); tests use a random one per file. */
  databaseSchema: {
    env: 'DATABASE_SCHEMA',
    schema: Type.String({ pattern: '^[a-z_][a-z0-9_]*$', default: 'public' }),
  },
  /** PGlite data directory, or `memory://` for an in-memory database. */
  pgliteDir: { env: 'PGLITE_DIR', schema: Type.String({ default: './data' }) },
  redisUrl: {
    env: 'REDIS_URL',
    schema: Type.String({ pattern: '^rediss?://', default: 'redis://127.0.0.1:6379' }),
  },
  /** Prefix of every Redis key this server writes (sessions, login counters, socket.io adapter). */
  redisPrefix: { env: 'REDIS_PREFIX', schema: Type.String({ default: 'hotline:' }) },
  /** Key prefix the queue package (@hotline/queue) uses (its event stream is `<prefix>:events`). */
  queuePrefix: { env: 'QUEUE_PREFIX', schema: Type.String({ default: 'acd' }) },
  sessionTtlSeconds: { env: 'SESSION_TTL_SECONDS', schema: Type.Integer({ minimum: 60, default: 8 * 3600 }) },
  cookieSecure: { env: 'COOKIE_SECURE', schema: Type.Boolean({ default: false }) },
  loginMaxFailures: { env: 'LOGIN_MAX_FAILURES', schema: Type.Integer({ minimum: 1, default: 5 }) },
  loginLockSeconds: { env: 'LOGIN_LOCK_SECONDS', schema: Type.Integer({ minimum: 1, default: 900 }) },
  loginRateMax: { env: 'LOGIN_RATE_MAX', schema: Type.Integer({ minimum: 1, default: 20 }) },
  loginRateWindowSeconds: {
    env: 'LOGIN_RATE_WINDOW_SECONDS',
    schema: Type.Integer({ minimum: 1, default: 60 }),
  },
  /** Secret shared with the telephony gateway for SIP credentials (see README "SIP credentials"). */
  sipSharedSecret: { env: 'SIP_CREDENTIAL_SECRET', schema: Secret },
  sipCredentialTtlSeconds: {
    env: 'SIP_CREDENTIAL_TTL_SECONDS',
    schema: Type.Integer({ minimum: 60, default: 4 * 3600 }),
  },
  /** Callback (回访) grants for the gateway (telephony README "Callback"); default: sipSharedSecret. */
  callbackGrantSecret: { env: 'CALLBACK_GRANT_SECRET', schema: Type.Optional(Secret) },
  callbackGrantTtlSeconds: {
    env: 'CALLBACK_GRANT_TTL_SECONDS',
    schema: Type.Integer({ minimum: 10, maximum: 3600, default: 120 }),
  },
  sipDomain: { env: 'SIP_DOMAIN', schema: Type.String({ default: '127.0.0.1' }) },
  sipWsUrl: { env: 'SIP_WS_URL', schema: Type.String({ default: 'ws://127.0.0.1:8088' }) },
  /** Wallboard snapshot period. */
  wallboardIntervalMs: { env: 'WALLBOARD_INTERVAL_MS', schema: Type.Integer({ minimum: 50, default: 1000 }) },
  /** Queues always on the wallboard (comma-separated), besides those the queue package knows. */
  wallboardQueues: { env: 'WALLBOARD_QUEUES', schema: Type.String({ default: '12345' }) },
  /** Answer-rate target shown on the wallboard (regulation: ≥ 95%). */
  answerRateTarget: {
    env: 'ANSWER_RATE_TARGET',
    schema: Type.Number({ minimum: 0, maximum: 1, default: 0.95 }),
  },
  /** Screen-pop: a repeat caller (重复来电) has at least this many earlier calls within the window. */
  callerRepeatCalls: { env: 'CALLER_REPEAT_CALLS', schema: Type.Integer({ minimum: 1, default: 2 }) },
  callerRepeatWindowDays: {
    env: 'CALLER_REPEAT_WINDOW_DAYS',
    schema: Type.Integer({ minimum: 1, default: 7 }),
  },
  /** Screen-pop: how far back a caller's calls, tickets and nuisance marks are looked up. */
  callerHistoryDays: { env: 'CALLER_HISTORY_DAYS', schema: Type.Integer({ minimum: 1, default: 180 }) },
  /** When set (by `npm run up`), demo users for every role are (re)seeded with this password at start. */
  demoPassword: { env: 'DEMO_PASSWORD', schema: Type.Optional(Type.String({ minLength: 10 })) },
  /** Run the history writer (queue events → DB) in this process. */
  historyWriter: { env: 'HISTORY_WRITER', schema: Type.Boolean({ default: true }) },
  /** Consumer name in the `history` group: keep it stable per instance so a restart resumes its pending entries. */
  historyConsumer: {
    env: 'HISTORY_CONSUMER',
    schema: Type.String({
      pattern: '^[A-Za-z0-9._:-]{1,64}$',
      default:
        hostname()
          .replace(/[^A-Za-z0-9._:-]/g, '-')
          .slice(0, 64) || 'server',
    }),
  },
  // tickets (server/src/tickets)
  ticketAttachmentDir: {
    env: 'TICKET_ATTACHMENT_DIR',
    schema: Type.String({ default: './data/attachments' }),
  },
  ticketAttachmentMaxBytes: {
    env: 'TICKET_ATTACHMENT_MAX_BYTES',
    schema: Type.Integer({ minimum: 1, default: 20 * 1024 * 1024 }),
  },
  /** Allowed attachment types (photos, video, audio, documents), comma-separated MIME types. */
  ticketAttachmentTypes: {
    env: 'TICKET_ATTACHMENT_TYPES',
    schema: Type.String({
      default:
        'image/jpeg,image/png,image/webp,video/mp4,audio/mpeg,audio/wav,application/pdf,text/plain,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    }),
  },
  /** Art. 16: no rating within this many hours → 基本满意 and auto-close. */
  ticketCallbackWindowHours: {
    env: 'TICKET_CALLBACK_WINDOW_HOURS',
    schema: Type.Number({ exclusiveMinimum: 0, default: 72 }),
  },
  /** 并单: look back this many hours for duplicates, and the token-similarity threshold. */
  ticketDuplicateWindowHours: {
    env: 'TICKET_DUPLICATE_WINDOW_HOURS',
    schema: Type.Number({ exclusiveMinimum: 0, default: 168 }),
  },
  ticketDuplicateSimilarity: {
    env: 'TICKET_DUPLICATE_SIMILARITY',
    schema: Type.Number({ minimum: 0, maximum: 1, default: 0.5 }),
  },
  /** Master secret for unit webhook signatures (HMAC); webhooks are off without it. */
  ticketWebhookSecret: { env: 'TICKET_WEBHOOK_SECRET', schema: Type.Optional(Secret) },
  /** Hosts unit webhooks may call (comma-separated); nothing else is contacted. */
  ticketWebhookAllowedHosts: { env: 'TICKET_WEBHOOK_ALLOWED_HOSTS', schema: Type.String({ default: '' }) },
  ticketWebhookAttempts: { env: 'TICKET_WEBHOOK_ATTEMPTS', schema: Type.Integer({ minimum: 1, default: 6 }) },
  ticketWebhookBackoffMs: {
    env: 'TICKET_WEBHOOK_BACKOFF_MS',
    schema: Type.Integer({ minimum: 1, default: 2000 }),
  },
  ticketWebhookTimeoutMs: {
    env: 'TICKET_WEBHOOK_TIMEOUT_MS',
    schema: Type.Integer({ minimum: 100, default: 5000 }),
  },
  /** Run the ticket job workers (dispatch, webhooks, SLA timers, auto-close) in this process. */
  ticketWorkers: { env: 'TICKET_WORKERS', schema: Type.Boolean({ default: true }) },
  ticketWorkerConcurrency: {
    env: 'TICKET_WORKER_CONCURRENCY',
    schema: Type.Integer({ minimum: 1, default: 8 }),
  },
  /** A job of a crashed worker is taken over after this lock expires. */
  ticketJobLockMs: { env: 'TICKET_JOB_LOCK_MS', schema: Type.Integer({ minimum: 200, default: 30000 }) },
  /** Knowledge base: working days a unit has to answer an error report (纠错). */
  kbCorrectionDays: {
    env: 'KB_CORRECTION_DAYS',
    schema: Type.Integer({ minimum: 1, maximum: 30, default: 3 }),
  },
  /** Knowledge base: how often scheduled publication/expiry, index sync and snapshots run. */
  kbScheduleIntervalMs: {
    env: 'KB_SCHEDULE_INTERVAL_MS',
    schema: Type.Integer({ minimum: 1000, default: 60_000 }),
  },
  /** Knowledge base: write a search-index snapshot after this many article changes. */
  kbSnapshotMinChanges: {
    env: 'KB_SNAPSHOT_MIN_CHANGES',
    schema: Type.Integer({ minimum: 1, default: 200 }),
  },
  /**
   * Call recordings, as filed by the telephony gateway (<dir>/<YYYY>/<MM>/<DD>/<callId>.json + .wav).
   * The SAME variable the gateway reads (telephony config `recordingsDir`): both must see one directory.
   */
  recordingsDir: {
    env: 'GATEWAY_RECORDINGS_DIR',
    schema: Type.String({ minLength: 1, default: './data/recordings' }),
  },
  /** Knowledge base seed articles: 'auto' = into an empty KB in development, 'always', 'never'. */
  kbSeed: { env: 'KB_SEED', schema: Type.Enum(['auto', 'always', 'never'], { default: 'auto' }) },
} as const satisfies Record<string, { env: string; schema: TSchema }>;

type Fields = typeof FIELDS;
export type Config = Readonly<{ [K in keyof Fields]: Static<Fields[K]['schema']> }>;

const ConfigSchema = Type.Object(
  Object.fromEntries(Object.entries(FIELDS).map(([k, f]) => [k, f.schema])) as {
    [K in keyof Fields]: Fields[K]['schema'];
  },
);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type EnvSource = Record<string, string | undefined>;

/**
 * Build the configuration from environment variables (default: process.env) plus optional
 * overrides already in their typed form (tests). Throws ConfigError listing every bad variable.
 */
export function loadConfig(env: EnvSource = process.env, overrides: Partial<Config> = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(FIELDS)) {
    const v = env[field.env];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  Object.assign(raw, overrides);
  const withDefaults = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, raw));
  if (!Value.Check(ConfigSchema, withDefaults)) {
    const lines = Value.Errors(ConfigSchema, withDefaults).map((e) => {
      const key = (e.instancePath.split('/')[1] ?? '') as keyof Fields;
      const name =
        FIELDS[key]?.env ??
        (e.params as { requiredProperties?: string[] }).requiredProperties
          ?.map((p) => FIELDS[p as keyof Fields]?.env ?? p)
          .join(', ') ??
        key;
      return `  ${name}: ${e.keyword === 'required' ? 'is required' : e.message}`;
    });
    throw new ConfigError(`invalid server configuration:\n${[...new Set(lines)].join('\n')}`);
  }
  return Object.freeze(withDefaults as Config);
}

/** Environment variable names, for documentation and the `up` script. */
export const CONFIG_ENV_NAMES = Object.fromEntries(Object.entries(FIELDS).map(([k, f]) => [k, f.env]));
