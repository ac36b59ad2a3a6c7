import { hash, verify } from '@node-rs/argon2';

// argon2id with the library defaults (m=19 MiB, t=2, p=1: OWASP minimum).
export function hashPassword(plain: string): Promise<string> {
  return hash(plain);
}

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

/** Pure policy: at least 10 characters with a letter and a digit. */
export function isStrongPassword(p: string): boolean {
  return p.length >= 10 && /[A-Za-z]/.test(p) && /\d/.test(p);
}
