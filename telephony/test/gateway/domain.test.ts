import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentPassword, checkAgentUsername } from '../../src/gateway/domain/agent-credentials.ts';
import {
  announcementRound,
  languageSkillFor,
  positionPrompt,
  waitPrompt,
} from '../../src/gateway/domain/announcements.ts';
import {
  type CallEvent,
  type CallState,
  canApply,
  IllegalTransitionError,
  TERMINAL,
  TRANSITIONS,
  transition,
} from '../../src/gateway/domain/call-flow.ts';
import { signCallbackGrant, verifyCallbackGrant } from '../../src/gateway/domain/callback-grant.ts';
import { callerNumber, offerHeaders } from '../../src/gateway/domain/hotline-headers.ts';
import { parseReferTo } from '../../src/gateway/domain/refer-target.ts';
import { grantedExpires, pickRegistration } from '../../src/gateway/domain/registration-choice.ts';
import { createTrunkAcl, TrunkAclEntryError } from '../../src/gateway/domain/trunk-acl.ts';

describe('trunk ACL', () => {
  const acl = createTrunkAcl(['10.20.30.40', '192.168.8.0/24', '::1']);
  it('accepts configured addresses and ranges only', () => {
    expect(acl.allows('10.20.30.40')).toBe(true);
    expect(acl.allows('192.168.8.77')).toBe(true);
    expect(acl.allows('::ffff:192.168.8.1')).toBe(true);
    expect(acl.allows('::1')).toBe(true);
    expect(acl.allows('10.20.30.41')).toBe(false);
    expect(acl.allows('192.168.9.1')).toBe(false);
    expect(acl.allows('127.0.0.1')).toBe(false);
    expect(acl.allows('not-an-ip')).toBe(false);
    expect(acl.allows('')).toBe(false);
  });
  it('rejects bad entries at config time', () => {
    expect(() => createTrunkAcl(['10.0.0.0/33'])).toThrow(TrunkAclEntryError);
    expect(() => createTrunkAcl(['carrier.example'])).toThrow(TrunkAclEntryError);
    expect(() => createTrunkAcl(['10.0.0.0/x'])).toThrow(TrunkAclEntryError);
  });
});

describe('call flow state machine', () => {
  const states = Object.keys(TRANSITIONS) as CallState[];
  const events = [...new Set(states.flatMap((s) => Object.keys(TRANSITIONS[s])))] as CallEvent[];

  it('runs the happy path greeting → queued → offering → bridged → wrap-up → ended', () => {
    let s: CallState = 'greeting';
    const seen: string[] = [];
    for (const e of [
      'greeting-done',
      'agent-offered',
      'agent-answered',
      'agent-hangup',
      'wrap-up-done',
    ] as const) {
      const r = transition(s, e);
      seen.push(...r.effects);
      s = r.to;
    }
    expect(s).toBe('ended');
    expect(seen).toEqual(
      expect.arrayContaining([
        'enqueue',
        'start-hold-music',
        'ring-agent',
        'bridge',
        'record-answer',
        'end-caller-leg',
      ]),
    );
  });
  it('sends an unanswered offer back to the head of the queue', () => {
    expect(transition('offering', 'offer-timeout')).toEqual({
      to: 'queued',
      effects: ['cancel-agent-leg', 'requeue-at-head'],
    });
    expect(transition('offering', 'agent-rejected').to).toBe('queued');
  });
  it('records an abandon when the caller hangs up while waiting or ringing', () => {
    for (const s of ['greeting', 'queued', 'offering'] as const) {
      const r = transition(s, 'caller-hangup');
      expect(r.to).toBe('abandoned');
      expect(r.effects).toContain('record-abandon');
    }
    expect(transition('offering', 'caller-hangup').effects).toContain('cancel-agent-leg');
  });
  it('puts the caller back at the head with an apology when the agent browser vanishes', () => {
    const r = transition('bridged', 'agent-lost');
    expect(r.to).toBe('queued');
    expect(r.effects).toEqual(expect.arrayContaining(['play-apology', 'requeue-at-head']));
  });
  it('keeps caller and emergency line connected on handoff', () => {
    const r = transition('bridged', 'handoff');
    expect(r.to).toBe('handed-off');
    expect(r.effects).toEqual(
      expect.arrayContaining(['connect-caller-to-far-end', 'end-agent-leg', 'record-handoff']),
    );
    expect(transition('handed-off', 'far-hangup').to).toBe('ended');
  });
  it('throws a typed error for every illegal event, and terminal states accept nothing', () => {
    expect(() => transition('queued', 'agent-answered')).toThrow(IllegalTransitionError);
    fc.assert(
      fc.property(fc.constantFrom(...states), fc.constantFrom(...events), (s, e) => {
        if (canApply(s, e)) expect(states).toContain(transition(s, e).to);
        else expect(() => transition(s, e)).toThrow(IllegalTransitionError);
        if (TERMINAL.has(s)) expect(canApply(s, e)).toBe(false);
      }),
    );
  });
  it('every state is reachable from greeting', () => {
    const seen = new Set<CallState>(['greeting']);
    const todo: CallState[] = ['greeting'];
    while (todo.length) {
      const s = todo.pop()!;
      for (const r of Object.values(TRANSITIONS[s])) {
        if (r && !seen.has(r.to)) {
          seen.add(r.to);
          todo.push(r.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...states].sort());
  });
});

describe('registrations', () => {
  const reg = (contact: string, firstSeenMs: number, expiresAtMs: number) => ({
    agentId: 'a1',
    contact,
    firstSeenMs,
    expiresAtMs,
    instance: 'gw1',
  });
  it('newest unexpired registration wins', () => {
    const regs = [reg('old', 1000, 90_000), reg('new', 2000, 90_000), reg('newest-expired', 3000, 5000)];
    expect(pickRegistration(regs, 10_000)?.contact).toBe('new');
    expect(pickRegistration(regs, 100_000)).toBeUndefined();
    expect(pickRegistration([], 0)).toBeUndefined();
  });
  it('clamps expiry to limits and to the credential lifetime', () => {
    const lim = { minSec: 60, maxSec: 600, defaultSec: 300 };
    expect(grantedExpires(undefined, lim, 10_000, 0)).toBe(300);
    expect(grantedExpires(30, lim, 10_000, 0)).toBe(60);
    expect(grantedExpires(3600, lim, 10_000, 0)).toBe(600);
    expect(grantedExpires(600, lim, 100, 0)).toBe(100);
    expect(grantedExpires(0, lim, 100, 0)).toBe(0);
  });
});

describe('agent credentials and callback grants', () => {
  it('parses usernames and rejects expired or malformed ones', () => {
    expect(checkAgentUsername('agent_7.2000000000', 1_900_000_000)).toEqual({
      ok: true,
      agentId: 'agent_7',
      expiresAt: 2_000_000_000,
    });
    expect(checkAgentUsername('agent_7.1000000000', 1_900_000_000)).toEqual({ ok: false, reason: 'expired' });
    expect(checkAgentUsername('agent 7.2000000000', 0).ok).toBe(false);
    expect(checkAgentUsername('agent7', 0).ok).toBe(false);
    expect(agentPassword('s', 'a.2000000000')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
  it('seals the number in callback grants and verifies them by authenticity, expiry and shape', () => {
    const g = signCallbackGrant('k', {
      ticketId: 'T-2026-1',
      number: '13800000000',
      expiresAt: 2_000_000_000,
    });
    expect(verifyCallbackGrant('k', g, 1_900_000_000)).toEqual({
      ok: true,
      grant: { ticketId: 'T-2026-1', number: '13800000000', expiresAt: 2_000_000_000 },
    });
    expect(verifyCallbackGrant('other', g, 0)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(g).not.toContain('13800000000'); // the browser carrying it never sees the number
    // neither the ticket, the expiry nor the sealed number can be changed
    expect(verifyCallbackGrant('k', g.replace('T-2026-1', 'T-2026-2'), 0)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyCallbackGrant('k', g.replace('2000000000', '2100000000'), 0)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    const sealed = g.split('.')[2]!;
    const flipped = `${sealed.slice(0, 20)}${sealed[20] === 'A' ? 'B' : 'A'}${sealed.slice(21)}`;
    expect(verifyCallbackGrant('k', g.replace(sealed, flipped), 0)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    // a fresh IV each time: two grants for the same call differ
    expect(
      signCallbackGrant('k', { ticketId: 'T-2026-1', number: '13800000000', expiresAt: 2_000_000_000 }),
    ).not.toBe(g);
    expect(verifyCallbackGrant('k', g, 2_000_000_001)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyCallbackGrant('k', 'garbage', 0)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('headers, announcements, REFER targets', () => {
  it('builds console headers with safe values', () => {
    const h = offerHeaders({
      callId: 'c-1\r\nEvil: x',
      caller: '13800000000',
      queue: 'general',
      waitSeconds: 12.4,
      priority: 5,
      language: 'bo',
      repeatCaller: true,
      kind: 'inbound',
    });
    expect(h['X-Hotline-Call-Id']).toBe('c-1Evil:x');
    expect(h['X-Hotline-Wait-Seconds']).toBe('12');
    expect(h['X-Hotline-Repeat-Caller']).toBe('1');
    expect(callerNumber('"x" <sip:13800000000@10.0.0.1>;tag=1')).toBe('13800000000');
    expect(callerNumber('<sip:evil;x@h>')).toBe('anonymous');
  });
  it('chooses position / wait prompts within the generated range', () => {
    expect(positionPrompt(3)).toBe('position-3');
    expect(positionPrompt(99)).toBe('position-many');
    expect(positionPrompt(0)).toBe('position-next');
    expect(waitPrompt(61)).toBe('wait-2');
    expect(waitPrompt(5)).toBe('wait-1');
    expect(waitPrompt(99_999)).toBe('wait-long');
    expect(waitPrompt(undefined)).toBeUndefined();
    expect(announcementRound(2, 4, 120, 3)).toEqual(['position-4', 'wait-2', 'callback-offer']);
    expect(announcementRound(0, 4, undefined, 3)).toEqual(['position-4']);
    expect(languageSkillFor('1')).toBe('lang:tibetan-khams');
    expect(languageSkillFor('2')).toBe('lang:sichuanese');
    expect(languageSkillFor('9')).toBeUndefined();
    expect(languageSkillFor('constructor')).toBeUndefined();
  });
  it('parses REFER targets', () => {
    expect(parseReferTo('<sip:agent-a7@hotline>')).toEqual({ kind: 'agent', agentId: 'a7' });
    expect(parseReferTo('<sip:queue-tibetan@hotline>')).toEqual({ kind: 'queue', queueId: 'tibetan' });
    expect(parseReferTo('<sip:119@gw?Replaces=abc%40h%3Bto-tag%3Dt1%3Bfrom-tag%3Df1>')).toEqual({
      kind: 'replaces',
      callId: 'abc@h',
      toTag: 't1',
      fromTag: 'f1',
    });
    expect(parseReferTo('<sip:someone@h>')).toBeUndefined();
    expect(parseReferTo('<sip:x@h?Replaces=abc>')).toBeUndefined();
    expect(parseReferTo(undefined)).toBeUndefined();
  });
});
