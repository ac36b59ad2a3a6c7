// Integration (real sipd, rtpengine with dtmf-log-dest, Redis, sipp callers, sip.js agents): the
// language menu after the greeting, a keypad press sent as RFC 2833 telephone-event in RTP (what
// carrier trunks send), repeat callers and the 优先 priority of a caller who abandoned and calls back.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Rig, startRig } from './helpers/rig.ts';
import { haveRtpengine } from './helpers/rtpengine.ts';
import { haveSipp, sipp } from './helpers/sipp.ts';

const skip = !haveSipp || !haveRtpengine;
if (skip) console.warn('[caller keys] skipped: sipp or rtpengine not installed');
let rig: Rig;

beforeAll(async () => {
  if (!skip) rig = await startRig({ languageMenu: true });
}, 60_000);
afterEach(async () => {
  await rig?.retireAll();
});
afterAll(async () => {
  await rig?.stop();
});

const trunk = () => `${rig.sip.host}:${rig.sip.udp}`;

/** Length of a prompt the rig generated (seconds), read with sox's soxi. */
function promptSeconds(name: string): number {
  const file = path.join(String(rig.cfg.promptsDir), `${name}.wav`);
  return Number(execFileSync('soxi', ['-D', file]).toString().trim());
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 15_000) {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(skip)('caller keys, language menu and repeat callers', () => {
  it('1 pressed as an RFC 2833 event during the language menu ends the menu and queues for a 藏语 seat', async () => {
    const menuSec = promptSeconds('language-menu');
    expect(menuSec).toBeGreaterThan(2); // the spoken menu; the key must cut it short
    const mandarin = await rig.agent('k1');
    const khams = await rig.agent('k2', { skills: { 'lang:tibetan-khams': 5 } });
    const t0 = Date.now();
    const caller = await sipp({
      scenario: 'caller_lang_2833.xml',
      remote: trunk(),
      durationMs: 800,
      caller: '13800000031',
    });
    await khams.established();
    const offeredAfterMs = Date.now() - t0;
    expect(khams.offers[0]!['x-hotline-language']).toBe('tibetan-khams');
    expect(mandarin.invitations.length).toBe(0);
    // greeting 0.3 s + the key at 1.2 s: offered well before the menu would have ended
    expect(offeredAfterMs).toBeLessThan((0.3 + menuSec) * 1000);
    const rec = await rig.gw.ctx.records.get(khams.offers[0]!['x-hotline-call-id']!);
    expect(rec.languageKeyVia).toBe('rtp');
    expect((await caller.done).code).toBe(0);
  });

  it('without a key the whole menu plays, then the call goes to any agent', async () => {
    const menuSec = promptSeconds('language-menu');
    const agent = await rig.agent('k3');
    const t0 = Date.now();
    const caller = await sipp({
      scenario: 'caller.xml',
      remote: trunk(),
      durationMs: Math.ceil(menuSec * 1000) + 1500,
      caller: '13800000032',
    });
    await agent.established();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(Math.floor(menuSec * 1000));
    expect(agent.offers[0]!['x-hotline-language']).toBe('mandarin');
    expect((await caller.done).code).toBe(0);
  });

  it('a second call from the same number is flagged as a repeat caller', async () => {
    // caller_lang.xml presses 1 by SIP INFO during the greeting: the menu is skipped
    const agent = await rig.agent('k4', { skills: { 'lang:tibetan-khams': 5 } });
    for (const n of [1, 2]) {
      const c = await sipp({
        scenario: 'caller_lang.xml',
        remote: trunk(),
        durationMs: 1500,
        caller: '13800000033',
      });
      await waitFor(`offer ${n}`, () => (agent.offers.length >= n ? true : undefined));
      expect((await c.done).code).toBe(0);
    }
    expect(agent.offers.map((o) => o['x-hotline-repeat-caller'])).toEqual(['0', '1']);
    const rec = await rig.gw.ctx.records.get(agent.offers[1]!['x-hotline-call-id']!);
    expect(rec.earlierCalls).toBe('1');
  });

  it('a caller who abandoned and calls again is queued as 优先 (priority 1); others stay normal', async () => {
    // nobody ready: the caller gives up in the queue (hangs up 0.4 s after the answer)
    const gaveUp = await sipp({
      scenario: 'caller_lang.xml',
      remote: trunk(),
      durationMs: 400,
      caller: '13800000034',
    });
    expect((await gaveUp.done).code).toBe(0);
    const agent = await rig.agent('k5', { skills: { 'lang:tibetan-khams': 5 } });
    const again = await sipp({
      scenario: 'caller_lang.xml',
      remote: trunk(),
      durationMs: 1500,
      caller: '13800000034',
    });
    await waitFor('the recall offer', () => (agent.offers.length >= 1 ? true : undefined));
    expect((await again.done).code).toBe(0);
    const other = await sipp({
      scenario: 'caller_lang.xml',
      remote: trunk(),
      durationMs: 1500,
      caller: '13800000035',
    });
    await waitFor('the other offer', () => (agent.offers.length >= 2 ? true : undefined));
    expect((await other.done).code).toBe(0);
    expect(agent.offers.map((o) => o['x-hotline-priority'])).toEqual(['1', '0']);
  });
});
