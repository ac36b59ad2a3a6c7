// Pure modules: config parsing, SIP credentials, masking, validation messages, policy table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allPermissions, can, policyMatrix } from '../../src/auth/policy.ts';
import { ROLES } from '../../src/auth/roles.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { toFieldErrors } from '../../src/http/validation-messages.ts';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../src/privacy/mask.ts';
import { issueSipCredentials, sipPassword, verifySipCredentials } from '../../src/sip/sip-credentials.ts';

const SECRET = 'a-test-secret-of-enough-length';
// From openssl (see the test below), not from the code under test.
const KNOWN_ANSWER = 'B_Y8UpiNGLHtsACSNGomTbutWx4dyAAbPIgUWYK8MGQ';

describe('config', () => {
  it('fails fast naming every bad variable, and is frozen', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'http://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', REDIS_URL: 'http://x' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/REDIS_URL/);
      expect((e as Error).message).toMatch(/SIP_CREDENTIAL_SECRET: is required/);
    }
    const c = loadConfig({ SIP_CREDENTIAL_SECRET: SECRET, PORT: '9090', COOKIE_SECURE: 'true' });
    expect(c.port).toBe(9090);
    expect(c.cookieSecure).toBe(true);
    expect(c.host).toBe('127.0.0.1');
    expect(Object.isFrozen(c)).toBe(true);
  });
});

describe('SIP credentials (spec in README)', () => {
  it('matches the documented algorithm: username <agentId>.<expiry>, password base64url(HMAC-SHA256)', () => {
    // Known-answer vector (README), reproducible with:
    //   printf '%s' 'agent-1.2000000000' | openssl dgst -sha256 -hmac secret-shared-with-gateway -binary | basenc --base64url | tr -d =
    expect(sipPassword('secret-shared-with-gateway', 'agent-1.2000000000')).toBe(KNOWN_ANSWER);
    const now = 1_800_000_000;
    const c = issueSipCredentials(SECRET, 'agent-1', now, 3_600);
    expect(c.username).toBe(`agent-1.${now + 3600}`);
    expect(c.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifySipCredentials(SECRET, c.username, c.password, now + 1)).toEqual({
      ok: true,
      agentId: 'agent-1',
      expiresAt: now + 3600,
    });
    expect(verifySipCredentials(SECRET, c.username, c.password, now + 3600)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(verifySipCredentials('other-secret-xxxxxxxx', c.username, c.password, now)).toEqual({
      ok: false,
      reason: 'bad_password',
    });
    expect(verifySipCredentials(SECRET, `agent-1.${now + 7200}`, c.password, now)).toEqual({
      ok: false,
      reason: 'bad_password',
    });
    expect(verifySipCredentials(SECRET, 'agent-1', c.password, now)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(() => issueSipCredentials(SECRET, 'a.b', now, 10)).toThrow();
  });

  it('never verifies a tampered username or password (property)', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.string({ minLength: 1, maxLength: 10 }), (id, junk) => {
        const c = issueSipCredentials(SECRET, id, 1_800_000_000, 100);
        expect(verifySipCredentials(SECRET, c.username, c.password, 1_800_000_050).ok).toBe(true);
        expect(verifySipCredentials(SECRET, c.username, c.password + junk, 1_800_000_050).ok).toBe(false);
        expect(verifySipCredentials(SECRET, `${id}x.${c.expiresAt}`, c.password, 1_800_000_050).ok).toBe(
          false,
        );
      }),
      { numRuns: 50 },
    );
  });
});

describe('masking', () => {
  it('masks phone, name, address and ID numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('083612345678')).toBe('0836****5678');
    expect(maskPhone('1234567')).toBe('123****67');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('卓玛')).toBe('卓*');
    expect(maskAddress('四川省甘孜州康定市炉城镇东大街12号')).toBe('四川省甘孜州****');
    expect(maskIdNumber('513321199001011234')).toBe('513*************34');
  });
  it('never returns the full number (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (p) => {
        const m = maskPhone(p);
        expect(m).not.toBe(p);
        expect(m).toContain('****');
      }),
    );
  });
});

describe('validation messages', () => {
  it('turns ajv errors into field paths with zh-CN and English text', () => {
    const f = toFieldErrors('body', [
      { keyword: 'required', instancePath: '', params: { missingProperty: 'username' } },
      { keyword: 'minLength', instancePath: '/password', params: { limit: 10 } },
    ]);
    expect(f).toEqual([
      {
        field: 'body.username',
        rule: 'required',
        messageKey: 'validation.required',
        messages: { 'zh-CN': '必填', en: 'is required' },
      },
      {
        field: 'body.password',
        rule: 'minLength',
        messageKey: 'validation.minLength',
        messages: { 'zh-CN': '长度至少为 10', en: 'must be at least 10 characters' },
      },
    ]);
  });
});

describe('policy', () => {
  it('is a total role × permission table; unknown permissions are denied', () => {
    const m = policyMatrix();
    expect(Object.keys(m).sort()).toEqual([...ROLES].sort());
    expect(can(['admin'], 'users.create')).toBe(true);
    expect(can(['agent'], 'users.create')).toBe(false);
    expect(can(['agent'], 'public')).toBe(true);
    expect(can([], 'authenticated')).toBe(false);
    expect(can(['admin'], 'no.such.permission' as never)).toBe(false);
    expect(allPermissions().length).toBeGreaterThan(5);
  });
});
