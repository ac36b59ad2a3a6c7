// Agents' registrations: an agent may be registered from several browsers (a reload, a second tab);
// calls go to the NEWEST registration (the one first seen last) that has not expired. Pure.

export interface Registration {
  agentId: string;
  /** The Contact URI of the browser (…invalid;transport=ws). */
  contact: string;
  /** When this contact registered for the first time (refreshes keep it). */
  firstSeenMs: number;
  expiresAtMs: number;
  /** The gateway instance that took the REGISTER (diagnostics only). */
  instance: string;
}

export function pickRegistration(regs: readonly Registration[], nowMs: number): Registration | undefined {
  let best: Registration | undefined;
  for (const r of regs) {
    if (r.expiresAtMs <= nowMs) continue;
    if (!best || r.firstSeenMs > best.firstSeenMs) best = r;
  }
  return best;
}

/** Seconds granted for a REGISTER: what was asked, clamped to [min, max] and to the credential's life. */
export function grantedExpires(
  requested: number | undefined,
  limits: { minSec: number; maxSec: number; defaultSec: number },
  credentialExpiresAtSec: number,
  nowSec: number,
): number {
  const asked = requested === undefined || Number.isNaN(requested) ? limits.defaultSec : requested;
  if (asked <= 0) return 0;
  const clamped = Math.min(Math.max(asked, limits.minSec), limits.maxSec);
  return Math.max(1, Math.min(clamped, credentialExpiresAtSec - nowSec));
}
