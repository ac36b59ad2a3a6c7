// Integration: the call flows around the happy path — no answer / reject → next agent, abandon
// while queued and while ringing, recording filed with retention, hold/unhold, DTMF relay,
// blind transfer to a queue and to an agent, callback request keeps the place.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Session, SessionState } from 'sip.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readPcapUdp } from '../../src/gateway/recordings/pcap-to-wav.ts';
import { waitState } from './helpers/agent.ts';
import { type Rig, startRig } from './helpers/rig.ts';
import { haveRtpengine } from './helpers/rtpengine.ts';
import { haveSipp, sipp } from './helpers/sipp.ts';

const skip = !haveSipp || !haveRtpengine;
let rig: Rig;

beforeAll(async () => {
  if (!skip) rig = await startRig();
});
afterEach(async () => {
  await rig?.retireAll();
});
afterAll(async () => {
  await rig?.stop();
});

const trunk = () => `${rig.sip.host}:${rig.sip.udp}`;
const state = async (id: string) => (await rig.acd.getCall(id))?.state;
type Reinvitable = Session & {
  invite(o: object): Promise<unknown>;
  info(o: object): Promise<unknown>;
  refer(t: unknown): Promise<unknown>;
  bye(): Promise<unknown>;
};

describe.skipIf(skip)('call flows', () => {
  it('an unanswered offer goes back to the head of the queue and to the next agent', async () => {
    const slow = await rig.agent('nr1', { answer: 'manual', offerTimeoutMs: 1200 });
    const caller = await sipp({
      scenario: 'caller.xml',
      remote: trunk(),
      durationMs: 5000,
      caller: '13800000011',
    });
    await expect.poll(() => slow.invitations.length, { timeout: 5000 }).toBe(1);
    const callId = slow.offers[0]!['x-hotline-call-id']!;
    const fast = await rig.agent('nr2');
    const s = await fast.established();
    expect(fast.offers[0]!['x-hotline-call-id']).toBe(callId);
    await waitState(slow.invitations[0]!, SessionState.Terminated); // the first agent's ringing was canceled
    expect(s.state).toBe(SessionState.Established);
    expect((await caller.done).code).toBe(0);
    await expect.poll(() => state(callId)).toBe('ended');
    await rig.retire('nr1', 'nr2');
  });

  it('a rejected offer goes to the next agent', async () => {
    const no = await rig.agent('rj1', { answer: 'reject', offerTimeoutMs: 1000 });
    const caller = await sipp({ scenario: 'caller_wait_bye.xml', remote: trunk(), caller: '13800000012' });
    await expect.poll(() => no.invitations.length, { timeout: 5000 }).toBeGreaterThanOrEqual(1);
    const callId = no.offers[0]!['x-hotline-call-id']!;
    await rig.retire('rj1');
    const yes = await rig.agent('rj2');
    const s = (await yes.established()) as Reinvitable;
    expect(yes.offers[0]!['x-hotline-call-id']).toBe(callId);
    await s.bye();
    expect((await caller.done).code).toBe(0);
    await rig.retire('rj2');
  });

  it('a caller who hangs up while queued is recorded as abandoned with the time waited', async () => {
    const caller = await sipp({
      scenario: 'caller.xml',
      remote: trunk(),
      durationMs: 1200,
      caller: '13800000013',
    });
    expect((await caller.done).code).toBe(0);
    const mine = async () => {
      const ids = await rig.redis.keys(`${rig.prefix}call:*`);
      const recs = await Promise.all(ids.map((k) => rig.redis.hgetall(k)));
      return recs.find((r) => r.caller === '13800000013');
    };
    await expect.poll(async () => (await mine())?.state).toBe('abandoned');
    const rec = (await mine())!;
    expect(Number(rec.waitedMs)).toBeGreaterThan(500);
  });

  it('a caller who hangs up while an agent is ringing cancels the ringing', async () => {
    const ringing = await rig.agent('ab1', { answer: 'manual', offerTimeoutMs: 10_000 });
    const caller = await sipp({
      scenario: 'caller.xml',
      remote: trunk(),
      durationMs: 1200,
      caller: '13800000014',
    });
    await expect.poll(() => ringing.invitations.length, { timeout: 5000 }).toBe(1);
    const callId = ringing.offers[0]!['x-hotline-call-id']!;
    expect((await caller.done).code).toBe(0);
    await waitState(ringing.invitations[0]!, SessionState.Terminated);
    await expect.poll(() => state(callId)).toBe('abandoned');
    await expect.poll(async () => (await rig.acd.getAgent('ab1'))?.state).toBe('ready');
    await rig.retire('ab1');
  });

  it('records the call (pcap with audio) under the hotline call id with a retention date', async () => {
    const agent = await rig.agent('rec1');
    const caller = await sipp({
      scenario: 'caller_media.xml',
      remote: trunk(),
      durationMs: 2500,
      caller: '13800000015',
    });
    await agent.established();
    const callId = agent.offers[0]!['x-hotline-call-id']!;
    expect((await caller.done).code).toBe(0);
    await expect
      .poll(async () => (await rig.gw.ctx.records.get(callId)).recordingPath, { timeout: 8000 })
      .toBeTruthy();
    const file = (await rig.gw.ctx.records.get(callId)).recordingPath!;
    expect(path.basename(file)).toBe(`${callId}.pcap`);
    const pcap = readFileSync(file);
    expect(pcap.length).toBeGreaterThan(10_000); // ~2 s of G.711 from the caller
    // recording starts when the agent answers: the conversation
    const rec = await rig.gw.ctx.records.get(callId);
    expect(Number(rec.recordingStartedAt)).toBeGreaterThanOrEqual(Number(rec.answeredAt));
    const firstPacketAt = Math.min(...readPcapUdp(pcap).map((d) => d.atMs));
    expect(firstPacketAt).toBeGreaterThanOrEqual(Number(rec.answeredAt) - 50);
    const meta = JSON.parse(readFileSync(file.replace(/\.pcap$/, '.json'), 'utf8'));
    expect(meta.callId).toBe(callId);
    expect(meta.call.caller).toBe('13800000015');
    const days = (meta.retainUntil - meta.filedAt) / 86_400_000;
    expect(days).toBe(1095);
    await rig.retire('rec1');
  });

  it('hold and unhold from the agent (re-INVITE answered through rtpengine) are reported to the distributor', async () => {
    const agent = await rig.agent('h1');
    const caller = await sipp({
      scenario: 'caller.xml',
      remote: trunk(),
      durationMs: 3000,
      caller: '13800000016',
    });
    const s = (await agent.established()) as Reinvitable;
    const callId = agent.offers[0]!['x-hotline-call-id']!;
    await expect.poll(() => state(callId)).toBe('connected');
    await s.invite({ sessionDescriptionHandlerOptions: { hold: true } });
    await expect.poll(() => state(callId)).toBe('held');
    expect(agent.sdps.at(-1)).toMatch(/a=recvonly/);
    await s.invite({ sessionDescriptionHandlerOptions: { hold: false } });
    await expect.poll(() => state(callId)).toBe('connected');
    expect((await caller.done).code).toBe(0);
    await rig.retire('h1');
  });

  it('relays DTMF sent by the agent as SIP INFO to the caller', async () => {
    const agent = await rig.agent('d1');
    const caller = await sipp({ scenario: 'caller_dtmf.xml', remote: trunk(), caller: '13800000017' });
    const s = (await agent.established()) as Reinvitable;
    await s.info({
      requestOptions: {
        body: {
          contentDisposition: 'render',
          contentType: 'application/dtmf-relay',
          content: 'Signal=5\r\nDuration=160\r\n',
        },
      },
    });
    await s.bye();
    expect((await caller.done).code).toBe(0); // the scenario requires the INFO before the BYE
    await rig.retire('d1');
  });

  it('blind transfer to a queue: the agent leaves, the caller is offered in that queue', async () => {
    const first = await rig.agent('t1');
    const caller = await sipp({
      scenario: 'caller.xml',
      remote: trunk(),
      durationMs: 4000,
      caller: '13800000018',
    });
    const s = (await first.established()) as Reinvitable;
    await rig.retire('t1');
    const second = await rig.agent('t2');
    await s.refer(rig.gw.ctx.srf && (await import('sip.js')).UserAgent.makeURI('sip:queue-tibetan@hotline'));
    await second.established();
    expect(second.offers[0]!['x-hotline-queue']).toBe('tibetan');
    expect(second.offers[0]!['x-hotline-call-id']).toBe(first.offers[0]!['x-hotline-call-id']);
    await waitState(s, SessionState.Terminated);
    expect((await caller.done).code).toBe(0);
    await rig.retire('t2');
  });

  it('transfer to a named agent: that agent is rung and connected, the first agent leaves', async () => {
    const first = await rig.agent('x1');
    const caller = await sipp({
      scenario: 'caller.xml',
      remote: trunk(),
      durationMs: 4000,
      caller: '13800000019',
    });
    const s = (await first.established()) as Reinvitable;
    const target = await rig.agent('x2', { ready: false });
    await s.refer((await import('sip.js')).UserAgent.makeURI('sip:agent-x2@hotline'));
    const t = await target.established();
    expect(target.offers[0]!['x-hotline-call-kind']).toBe('transfer');
    await waitState(s, SessionState.Terminated);
    expect((await caller.done).code).toBe(0); // caller hangs up while talking to x2
    await waitState(t, SessionState.Terminated);
    await rig.retire('x1');
  });

  it('a caller who presses 1 during the greeting waits for a Tibetan (Khams) speaking agent', async () => {
    const mandarin = await rig.agent('l1');
    const khams = await rig.agent('l2', { skills: { 'lang:tibetan-khams': 5 } });
    const caller = await sipp({
      scenario: 'caller_lang.xml',
      remote: trunk(),
      durationMs: 1500,
      caller: '13800000021',
    });
    await khams.established();
    expect(khams.offers[0]!['x-hotline-language']).toBe('tibetan-khams');
    expect(mandarin.invitations.length).toBe(0); // l1 was idle longer but cannot take the call
    expect((await caller.done).code).toBe(0);
  });

  it('a caller who presses # while waiting asks for a callback and keeps the place', async () => {
    const caller = await sipp({
      scenario: 'caller_callback.xml',
      remote: trunk(),
      durationMs: 800,
      caller: '13800000020',
      extra: [],
    });
    expect((await caller.done).code).toBe(0); // # sent, then the gateway ended the call after the prompt
    const snap = await rig.acd.queueSnapshot('12345');
    const cb = snap.calls.find((c) => c.kind === 'callback');
    expect(cb).toBeDefined();
    const view = await rig.acd.getCall(cb!.callId);
    expect(view?.callbackNumber).toBe('13800000020');
    await rig.acd.abandon(cb!.callId).catch(() => {});
  });
});

describe.skipIf(skip)('recording retention', () => {
  it('deletes only recordings past their retention date', async () => {
    const { purgeRecordings } = await import('../../src/gateway/app/recordings.ts');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const dir = path.join(rig.dir, 'retention', '2024', '01', '02');
    mkdirSync(dir, { recursive: true });
    for (const [id, until] of [
      ['old', 1000],
      ['young', Date.now() + 1e9],
    ] as const) {
      writeFileSync(path.join(dir, `${id}.pcap`), 'x');
      writeFileSync(
        path.join(dir, `${id}.json`),
        JSON.stringify({ callId: id, files: [`${id}.pcap`], retainUntil: until }),
      );
    }
    expect(await purgeRecordings(path.join(rig.dir, 'retention'), Date.now())).toEqual(['old']);
    expect(existsSync(path.join(dir, 'old.pcap'))).toBe(false);
    expect(existsSync(path.join(dir, 'young.pcap'))).toBe(true);
  });
});
