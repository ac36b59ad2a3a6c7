import { describe, expect, it } from 'vitest';
import { agentPassword } from '../../src/gateway/domain/agent-credentials.ts';
import {
  challengeHeader,
  digestResponse,
  makeNonce,
  parseDigestHeader,
  verifyDigest,
} from '../../src/gateway/domain/digest-auth.ts';

const s = { realm: 'hotline', credentialSecret: 'shared', nonceSecret: 'gw', nonceTtlMs: 60_000 };
const now = 1_900_000_000_000;
const username = 'agent1.2000000000';

function authHeader(
  over: Partial<Record<string, string>> = {},
  password = agentPassword('shared', username),
) {
  const p = {
    username,
    realm: 'hotline',
    nonce: makeNonce('gw', now),
    uri: 'sip:hotline',
    qop: 'auth',
    nc: '00000001',
    cnonce: 'abc',
    ...over,
  };
  const response = over.response ?? digestResponse(p, 'REGISTER', password);
  return `Digest username="${p.username}", realm="${p.realm}", nonce="${p.nonce}", uri="${p.uri}", response="${response}", qop=${p.qop}, nc=${p.nc}, cnonce="${p.cnonce}", algorithm=MD5`;
}

describe('digest verification with HMAC agent credentials', () => {
  it('accepts the right password and names the agent', () => {
    expect(verifyDigest(authHeader(), 'REGISTER', s, now + 1000)).toEqual({
      ok: true,
      agentId: 'agent1',
      username,
      expiresAt: 2_000_000_000,
    });
  });
  it('refuses wrong password, other method, foreign nonce, wrong realm, stale nonce, expired credential', () => {
    expect(verifyDigest(authHeader({}, 'nope'), 'REGISTER', s, now)).toEqual({
      ok: false,
      reason: 'wrong-password',
    });
    expect(verifyDigest(authHeader(), 'INVITE', s, now)).toEqual({ ok: false, reason: 'wrong-password' });
    expect(verifyDigest(authHeader({ nonce: makeNonce('other', now) }), 'REGISTER', s, now)).toMatchObject({
      reason: 'bad-nonce',
    });
    expect(verifyDigest(authHeader({ realm: 'x' }), 'REGISTER', s, now)).toMatchObject({
      reason: 'wrong-realm',
    });
    expect(verifyDigest(authHeader(), 'REGISTER', s, now + 120_000)).toMatchObject({ reason: 'stale-nonce' });
    expect(verifyDigest(authHeader(), 'REGISTER', s, 2_000_000_001_000)).toMatchObject({ reason: 'expired' });
    expect(verifyDigest(undefined, 'REGISTER', s, now)).toMatchObject({ reason: 'no-credentials' });
    expect(verifyDigest('Basic abc', 'REGISTER', s, now)).toMatchObject({ reason: 'malformed' });
    expect(verifyDigest('Digest username="x"', 'REGISTER', s, now)).toMatchObject({ reason: 'malformed' });
  });
  it('parses a challenge it issued', () => {
    const h = challengeHeader('hotline', 'n1', true);
    expect(h).toContain('stale=true');
    expect(parseDigestHeader(authHeader())?.username).toBe(username);
  });
});
