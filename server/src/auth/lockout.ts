// Pure login-lockout rule: after `maxFailures` failed logins in the window the account is locked
// for the rest of the window (window = lock duration; the counter key expires with it).
export interface LockoutState {
  failures: number;
  ttlSeconds: number;
}

export function isLocked(s: LockoutState, maxFailures: number): boolean {
  return s.failures >= maxFailures && s.ttlSeconds > 0;
}
