// The ONE telephony config module: every setting of the telephony workspace, schema-validated,
// parsed once, frozen. Sections: `sipd` (the embedded SIP server) and `drachtio` (an external
// drachtio-server to use instead of sipd). Add new sections (e.g. `gateway`) beside them in
// `schema` and in `fromEnv`. No other file reads process.env.
import { z } from 'zod';
import { TelephonyError } from './errors.ts';

const port = z.coerce.number().int().min(0).max(65535);

export const sipdSchema = z
  .object({
    /** Address every listener binds to. */
    host: z.string().min(1).default('127.0.0.1'),
    /** Host written into Via/Contact/From; defaults to `host`. */
    advertisedHost: z.string().min(1).optional(),
    udpPort: port.default(5060),
    tcpPort: port.default(5060),
    wsPort: port.default(8088),
    /** WSS listens only when `tls` is configured. */
    wssPort: port.default(8089),
    tls: z.object({ certFile: z.string().min(1), keyFile: z.string().min(1) }).optional(),
    /** drachtio application port (apps connect here). */
    appHost: z.string().min(1).default('127.0.0.1'),
    appPort: port.default(9022),
    secret: z.string().min(1),
    /** Largest SIP message accepted on any transport (bytes). */
    maxMessageBytes: z.coerce.number().int().min(1024).max(1_048_576).default(65_535),
    /** Largest drachtio frame accepted from an app (bytes). */
    maxFrameBytes: z.coerce.number().int().min(1024).max(16_777_216).default(1_048_576),
    /** Per-source-address token bucket: messages per second and burst. 0 disables. */
    rateLimitPerSecond: z.coerce.number().int().min(0).default(5000),
    rateLimitBurst: z.coerce.number().int().min(1).default(10_000),
    /** RFC 3261 timers in ms. */
    t1: z.coerce.number().int().min(10).default(500),
    t2: z.coerce.number().int().min(10).default(4000),
    t4: z.coerce.number().int().min(10).default(5000),
    /** Version announced to apps; srf pings only for >= v0.8.2. */
    version: z
      .string()
      .regex(/^v\d+\.\d+\.\d+/)
      .default('v0.9.10-sipd'),
  })
  .strict();

export const drachtioSchema = z
  .object({ host: z.string().min(1), port: port, secret: z.string().min(1) })
  .strict();

// ---- gateway (owned by the gateway helper; additive section) ----
const csv = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : v,
  z.array(z.string().min(1)),
);

export const gatewaySchema = z
  .object({
    /** Names this gateway instance in Redis (registrations, call records) and in logs. */
    instanceId: z
      .string()
      .regex(/^[\w.-]{1,64}$/)
      .default(`gw-${process.pid}`),
    redisUrl: z.string().min(1).default('redis://127.0.0.1:6379'),
    /** Key prefix of the gateway's own Redis keys (registrations, call records). */
    redisPrefix: z.string().min(1).default('hotline:gw:'),
    /** Key prefix of the call distributor (the queue workspace's createAcd prefix). */
    acdPrefix: z.string().min(1).default('hotline:acd'),
    rtpengine: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: port.default(22222),
        timeoutMs: z.coerce.number().int().min(50).default(2000),
      })
      .default({ host: '127.0.0.1', port: 22222, timeoutMs: 2000 }),
    /** Addresses / CIDR ranges of the carrier trunk (SBC). INVITEs from anywhere else get 403. */
    trunkAllow: csv.default(['127.0.0.1']),
    /** Where outbound calls (emergency/utility three-way, callbacks) go: {number} is replaced. */
    trunkOutboundUri: z.string().includes('{number}').default('sip:{number}@127.0.0.1:5070'),
    /** Caller number the gateway presents on outbound calls (three-way, callbacks). */
    trunkCallerId: z
      .string()
      .regex(/^\+?\d{3,20}$/)
      .default('12345'),
    /** Digest realm for agents' REGISTER/INVITE. */
    realm: z.string().min(1).default('hotline'),
    /** Shared with the server: agents' passwords are HMAC-SHA256(credentialSecret, username). */
    credentialSecret: z.string().min(16),
    /** Shared with the server: signs callback (回访) grants; defaults to credentialSecret. */
    callbackGrantSecret: z.string().min(16).optional(),
    /** The gateway's own secret for digest nonces (all instances must share it). */
    nonceSecret: z.string().min(16),
    nonceTtlSec: z.coerce.number().int().min(5).default(300),
    registerMinSec: z.coerce.number().int().min(10).default(60),
    registerMaxSec: z.coerce.number().int().min(10).default(600),
    registerDefaultSec: z.coerce.number().int().min(10).default(300),
    /** Queue for inbound 12345 calls. */
    queue: z.string().min(1).default('12345'),
    promptsDir: z.string().min(1).default('data/prompts'),
    /** Where rtpengine writes (its recording-dir) and where finished recordings are filed. */
    rtpengineRecordingDir: z.string().min(1).default('data/rtpengine-recordings'),
    recordingsDir: z.string().min(1).default('data/recordings'),
    /** Recordings are kept at least 2 years (regulation). */
    recordingRetentionDays: z.coerce.number().int().min(730).default(1095),
    /** Position / estimated-wait announcement period while queued (seconds); 0 = none. */
    announceEverySec: z.coerce.number().min(0).default(30),
    /** Every Nth announcement also offers a callback (press #). 0 = never. */
    callbackOfferEvery: z.coerce.number().int().min(0).default(2),
    /** When an agent is rung as soon as the greeting ends, hold music starts only if the agent's
     * phone is still ringing after this long (a quick answer needs no music). */
    ringMusicDelayMs: z.coerce.number().int().min(0).default(2000),
    /** In-dialog OPTIONS to the agent's browser during a call; no answer = browser gone. */
    agentPingMs: z.coerce.number().int().min(200).default(5000),
    /** Utility hotlines allowed for three-way calls (水电气暖氧). */
    utilities: z
      .object({
        water: csv.optional(),
        power: csv.optional(),
        gas: csv.optional(),
        heating: csv.optional(),
        oxygen: csv.optional(),
      })
      .default({}),
    /** Numbers flagged special-urgent (特急): their calls get the "urgent" priority. */
    urgentCallers: csv.default([]),
    /** Play the one-level language menu (1 = 藏语, 2 = 四川话) after the greeting. */
    languageMenu: z
      .preprocess((v) => (v === 'false' || v === '0' ? false : v), z.coerce.boolean())
      .default(true),
    /** Calls from the same number within this window make a repeat caller (X-Hotline-Repeat-Caller). */
    repeatCallerWindowSec: z.coerce.number().int().min(60).default(86_400),
    /** A caller who abandoned within this many seconds and calls again is queued as 优先 (priority). */
    abandonedRecallPrioritySec: z.coerce.number().int().min(0).default(1_800),
    /** Where rtpengine sends detected RFC 2833 digits (its dtmf-log-dest); port 0 = any free port. */
    dtmfListen: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: z.coerce.number().int().min(0).max(65_535).default(22_223),
      })
      .default({ host: '127.0.0.1', port: 22_223 }),
    /** Distributor settings (validated by @hotline/queue's parseAcdConfig): wrapUpSec, offerTimeoutSec, … */
    acd: z.record(z.string(), z.unknown()).default({}),
    /** Run the distributor's sweeper (offer expiry, wrap-up end) in this process. */
    runAcdSweeper: z
      .preprocess((v) => (v === 'false' || v === '0' ? false : v), z.coerce.boolean())
      .default(true),
  })
  .strict();

export type GatewayConfig = z.infer<typeof gatewaySchema>;
export type GatewayConfigInput = z.input<typeof gatewaySchema>;

/** Validate an in-process gateway config (defaults filled in), frozen. */
export function parseGatewayConfig(input: GatewayConfigInput): Readonly<GatewayConfig> {
  const r = gatewaySchema.safeParse(input);
  if (!r.success) fail('gateway', r.error);
  return deepFreeze(r.data);
}

export const schema = z.object({
  sipd: sipdSchema.optional(),
  /** An external drachtio-server; when set, tests and the gateway use it instead of sipd. */
  drachtio: drachtioSchema.optional(),
  gateway: gatewaySchema.optional(),
});

export type SipdConfig = z.infer<typeof sipdSchema>;
export type SipdConfigInput = z.input<typeof sipdSchema>;
export type DrachtioTarget = z.infer<typeof drachtioSchema>;
export type TelephonyConfig = z.infer<typeof schema>;

function fail(section: string, err: z.ZodError): never {
  const lines = err.issues.map((i) => `  ${section}.${i.path.join('.')}: ${i.message}`);
  throw new TelephonyError('CONFIG_INVALID', `invalid telephony configuration:\n${lines.join('\n')}`);
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** Validate an in-process sipd config (defaults filled in), frozen. */
export function parseSipdConfig(input: SipdConfigInput): Readonly<SipdConfig> {
  const r = sipdSchema.safeParse(input);
  if (!r.success) fail('sipd', r.error);
  return deepFreeze(r.data);
}

type Env = Record<string, string | undefined>;

function pick(env: Env, map: Record<string, string>): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [key, name] of Object.entries(map)) {
    const v = env[name];
    if (v !== undefined && v !== '') out[key] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Build the raw config object from environment variables (names documented in telephony/README.md). */
function fromEnv(env: Env): unknown {
  const sipd: Record<string, unknown> | undefined = pick(env, {
    host: 'SIPD_HOST',
    advertisedHost: 'SIPD_ADVERTISED_HOST',
    udpPort: 'SIPD_UDP_PORT',
    tcpPort: 'SIPD_TCP_PORT',
    wsPort: 'SIPD_WS_PORT',
    wssPort: 'SIPD_WSS_PORT',
    appHost: 'SIPD_APP_HOST',
    appPort: 'SIPD_APP_PORT',
    secret: 'SIPD_SECRET',
    maxMessageBytes: 'SIPD_MAX_MESSAGE_BYTES',
    rateLimitPerSecond: 'SIPD_RATE_LIMIT_PER_SECOND',
    rateLimitBurst: 'SIPD_RATE_LIMIT_BURST',
  });
  const tls = pick(env, { certFile: 'SIPD_TLS_CERT', keyFile: 'SIPD_TLS_KEY' });
  const drachtio = pick(env, { host: 'DRACHTIO_HOST', port: 'DRACHTIO_PORT', secret: 'DRACHTIO_SECRET' });
  const gateway: Record<string, unknown> | undefined = pick(env, {
    instanceId: 'GATEWAY_INSTANCE_ID',
    redisUrl: 'REDIS_URL',
    redisPrefix: 'GATEWAY_REDIS_PREFIX',
    acdPrefix: 'ACD_PREFIX',
    trunkAllow: 'GATEWAY_TRUNK_ALLOW',
    trunkOutboundUri: 'GATEWAY_TRUNK_OUTBOUND_URI',
    realm: 'GATEWAY_REALM',
    credentialSecret: 'SIP_CREDENTIAL_SECRET',
    callbackGrantSecret: 'CALLBACK_GRANT_SECRET',
    nonceSecret: 'GATEWAY_NONCE_SECRET',
    queue: 'GATEWAY_QUEUE',
    promptsDir: 'GATEWAY_PROMPTS_DIR',
    rtpengineRecordingDir: 'RTPENGINE_RECORDING_DIR',
    recordingsDir: 'GATEWAY_RECORDINGS_DIR',
    recordingRetentionDays: 'GATEWAY_RECORDING_RETENTION_DAYS',
    urgentCallers: 'GATEWAY_URGENT_CALLERS',
    languageMenu: 'GATEWAY_LANGUAGE_MENU',
    repeatCallerWindowSec: 'GATEWAY_REPEAT_CALLER_WINDOW_SEC',
    abandonedRecallPrioritySec: 'GATEWAY_ABANDONED_RECALL_PRIORITY_SEC',
  });
  const rtp = pick(env, { host: 'RTPENGINE_HOST', port: 'RTPENGINE_PORT' });
  const dtmf = pick(env, { host: 'GATEWAY_DTMF_HOST', port: 'GATEWAY_DTMF_PORT' });
  const utilities = pick(env, {
    water: 'GATEWAY_UTILITY_WATER',
    power: 'GATEWAY_UTILITY_POWER',
    gas: 'GATEWAY_UTILITY_GAS',
    heating: 'GATEWAY_UTILITY_HEATING',
    oxygen: 'GATEWAY_UTILITY_OXYGEN',
  });
  const wantGateway = env.SIP_CREDENTIAL_SECRET !== undefined || env.GATEWAY_NONCE_SECRET !== undefined;
  return {
    ...(sipd || tls ? { sipd: { ...sipd, ...(tls ? { tls } : {}) } } : {}),
    ...(drachtio ? { drachtio } : {}),
    ...(wantGateway
      ? {
          gateway: {
            ...gateway,
            ...(rtp ? { rtpengine: rtp } : {}),
            ...(utilities ? { utilities } : {}),
            ...(dtmf ? { dtmfListen: dtmf } : {}),
          },
        }
      : {}),
  };
}

let cached: Readonly<TelephonyConfig> | undefined;

/** Parse the environment once (fails fast with a readable message) and return the frozen config. */
export function loadTelephonyConfig(env: Env = process.env): Readonly<TelephonyConfig> {
  if (cached && env === process.env) return cached;
  const r = schema.safeParse(fromEnv(env));
  if (!r.success) fail('telephony', r.error);
  const cfg = deepFreeze(r.data);
  if (env === process.env) cached = cfg;
  return cfg;
}
