// The console's one config module: parsed once at load from Vite's build-time env (VITE_*),
// validated, frozen. No other file reads import.meta.env.
export interface ConsoleConfig {
  /** Base URL of the server API; '' means same origin (production: the server serves console/dist). */
  readonly apiBase: string;
  /** ICE gathering cap in ms: on loopback only host candidates exist, so never wait for STUN. */
  readonly iceGatheringTimeoutMs: number;
  /** Default wrap-up (整理) length shown when the server does not say. */
  readonly wrapUpSeconds: number;
  /** Service-level threshold (answered within N s) shown on the wallboard. */
  readonly serviceLevelSeconds: number;
  /** Answer-rate target (接通率) line on the wallboard. */
  readonly answerRateTarget: number;
}

function num(raw: unknown, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new Error(`console config: ${name}=${String(raw)} must be a number in [${min}, ${max}]`);
  }
  return n;
}

export function parseConfig(env: Record<string, unknown>): ConsoleConfig {
  const apiBase = typeof env.VITE_API_BASE === 'string' ? env.VITE_API_BASE.replace(/\/$/, '') : '';
  return Object.freeze({
    apiBase,
    iceGatheringTimeoutMs: num(
      env.VITE_ICE_GATHERING_TIMEOUT_MS,
      'VITE_ICE_GATHERING_TIMEOUT_MS',
      500,
      50,
      10_000,
    ),
    wrapUpSeconds: num(env.VITE_WRAP_UP_SECONDS, 'VITE_WRAP_UP_SECONDS', 30, 0, 3600),
    serviceLevelSeconds: num(env.VITE_SERVICE_LEVEL_SECONDS, 'VITE_SERVICE_LEVEL_SECONDS', 15, 1, 600),
    answerRateTarget: num(env.VITE_ANSWER_RATE_TARGET, 'VITE_ANSWER_RATE_TARGET', 0.95, 0, 1),
  });
}

export const config: ConsoleConfig = parseConfig(import.meta.env as Record<string, unknown>);
