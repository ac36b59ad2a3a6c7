// Digest authentication of agents' browsers (REGISTER → 401, INVITE → 407) with the short-lived
// HMAC credentials the server issues. Stateless nonces: any gateway instance can verify a retry.
import type Srf from 'drachtio-srf';
import { challengeHeader, makeNonce, verifyDigest } from '../domain/digest-auth.ts';
import type { GatewayContext } from './context.ts';

export type AgentIdentity = { agentId: string; username: string; expiresAt: number };

/** Returns the agent, or answers the request (challenge / 403) and returns undefined. */
export function authenticateAgent(
  ctx: GatewayContext,
  req: Srf.SrfRequest,
  res: Srf.SrfResponse,
): AgentIdentity | undefined {
  const proxy = req.method !== 'REGISTER';
  const header = req.get(proxy ? 'Proxy-Authorization' : 'Authorization') || undefined;
  const v = verifyDigest(header, req.method, ctx.digest, ctx.now());
  if (v.ok) return { agentId: v.agentId, username: v.username, expiresAt: v.expiresAt };
  const challenge = (stale: boolean) => {
    const value = challengeHeader(ctx.digest.realm, makeNonce(ctx.digest.nonceSecret, ctx.now()), stale);
    res.send(proxy ? 407 : 401, { headers: { [proxy ? 'Proxy-Authenticate' : 'WWW-Authenticate']: value } });
  };
  if (v.reason === 'no-credentials' || v.reason === 'bad-nonce') challenge(false);
  else if (v.reason === 'stale-nonce') challenge(true);
  else {
    ctx.log.warn(
      { reason: v.reason, method: req.method, source: req.source_address },
      'agent authentication failed',
    );
    res.send(403, `Forbidden (${v.reason})`, {});
  }
  return undefined;
}
