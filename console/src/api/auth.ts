// Sign-in against the server (server/src/contracts/auth.ts): session cookie + CSRF token + SIP credentials.
import type { LoginResponse, Me, SipCredentialsDto } from '../../../server/src/contracts/auth.ts';
import type { SipLogin } from '../phone/phone.ts';
import { api, setCsrfToken } from './http.ts';

export type { Me, SipCredentialsDto };

export async function login(username: string, password: string): Promise<LoginResponse> {
  const r = await api<LoginResponse>('POST', '/api/auth/login', { username, password });
  setCsrfToken(r.user.csrfToken);
  return r;
}

export async function currentUser(): Promise<Me | null> {
  try {
    const me = await api<Me>('GET', '/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch {
    return null;
  }
}

export async function sipCredentials(): Promise<SipCredentialsDto> {
  return api<SipCredentialsDto>('GET', '/api/auth/sip-credentials');
}

export async function logout(): Promise<void> {
  await api('POST', '/api/auth/logout').catch(() => undefined);
  setCsrfToken(null);
}

/** sip.js login from the server-issued credentials (AOR = username@domain). */
export function toSipLogin(c: SipCredentialsDto, displayName?: string): SipLogin {
  return {
    aor: `sip:${c.username}@${c.domain}`,
    wsServer: c.wsUrl,
    username: c.username,
    password: c.password,
    displayName,
  };
}

export const hasRole = (me: Me, role: string) => (me.roles as readonly string[]).includes(role);
