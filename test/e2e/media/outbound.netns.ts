// Scenarios 7 and 8: calls the agent page starts through the gateway. The trunk's outbound side is
// 127.0.0.1:<port> (GATEWAY trunkOutboundUri). 8: dialling numbers that are not allowed (a mobile
// number with no grant, a callback grant for another number, a number that is no emergency or
// utility line) is refused with 403 and nothing reaches the trunk (a UDP socket on its port counts
// every datagram). 7: a callback (回访) from a ticket with the server-signed grant rings the requester
// (baresip, auto-answer, 440 Hz) and they talk: the page's getStats shows RTP both ways with a level,
// the requester hears the agent's 1 kHz tone, and the gateway keeps a callback record with the ticket.
import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCallbackGrant } from '../../../telephony/src/gateway/domain/callback-grant.ts';
import { isSilent, rms } from '../../../telephony/src/gateway/recordings/pcap-to-wav.ts';
import { freeUdpPort } from '../../../telephony/test/gateway/helpers/ports.ts';
import { type AgentPage, heard, type MediaRig, startMediaRig, TONES } from './media-rig.ts';
import { skipUnless } from './tools.ts';
import { tail, toneShares } from './wav.ts';

const skip = skipUnless('outbound calls', ['baresip', 'rtpengine', 'sox', 'espeak-ng', 'chromium']);
const REQUESTER = '13800000077';

describe.skipIf(skip)('7 + 8: calls from the agent page — refused numbers, 回访 callback', () => {
  let m: MediaRig;
  let trunkPort = 0;
  let agent: AgentPage;
  const grant = (number: string) =>
    signCallbackGrant(m.rig.secret, {
      ticketId: 'GZ-2026-000777',
      number,
      expiresAt: Math.floor(Date.now() / 1000) + 600,
    });
  beforeAll(async () => {
    trunkPort = await freeUdpPort();
    m = await startMediaRig({ gateway: { trunkOutboundUri: `sip:{number}@127.0.0.1:${trunkPort}` } });
    agent = await m.agent('media-outbound-a', { ready: false });
  });
  afterAll(async () => {
    await m?.stop();
  });

  it('8: a number that is not allowed is refused (403) and nothing is dialled', async () => {
    const trunk = dgram.createSocket('udp4');
    const received: string[] = [];
    trunk.on('message', (msg) => received.push(msg.toString().split('\r\n')[0]!));
    await new Promise<void>((r) => trunk.bind(trunkPort, '127.0.0.1', r));
    try {
      const attempts = [
        { target: 'sip:13900000000@hotline', headers: [] },
        { target: `sip:13800000078@hotline`, headers: [`X-Hotline-Callback-Grant: ${grant(REQUESTER)}`] },
        { target: 'sip:95598@hotline', headers: [] },
        { target: 'sip:1190@hotline', headers: [] },
      ];
      const outcomes = [];
      for (const a of attempts) {
        const r = await agent.call(a.target, a.headers);
        outcomes.push({ target: a.target, status: r.status, state: await agent.state('out') });
      }
      const stats = await agent.stats('out');
      console.log(`[media e2e refused] ${JSON.stringify({ outcomes, stats, atTrunk: received })}`);
      expect(outcomes.map((o) => o.status)).toEqual([403, 403, 403, 403]);
      expect(outcomes.every((o) => o.state === 'Terminated')).toBe(true);
      expect(stats.outboundPackets + stats.inboundPackets).toBe(0);
      expect(received).toEqual([]); // the trunk saw nothing
    } finally {
      await new Promise<void>((r) => trunk.close(() => r()));
    }
  });

  it('7: a 回访 callback with the ticket grant rings the requester; audio both ways', async () => {
    const requester = await m.phone(REQUESTER, { port: trunkPort });
    // as the console dials it: the requester's number is sealed in the grant, not in the URI
    const r = await agent.call('sip:callback@hotline', [`X-Hotline-Callback-Grant: ${grant(REQUESTER)}`]);
    expect(r.status, requester.out()).toBe(200);
    await expect.poll(() => agent.state('out'), { timeout: 10_000 }).toBe('Established');
    await expect.poll(() => requester.events, { timeout: 10_000 }).toContain('CALL_ESTABLISHED');
    await expect
      .poll(async () => (await agent.stats('out')).inboundPackets, { timeout: 10_000 })
      .toBeGreaterThan(100);
    await expect
      .poll(async () => (await agent.stats('out')).inboundLevel, { timeout: 10_000 })
      .toBeGreaterThan(0.01);
    const from = requester.heardSeconds();
    await expect.poll(() => requester.heardSeconds(), { timeout: 10_000 }).toBeGreaterThan(from + 2);
    const stats = await agent.stats('out');
    await agent.run('hangup', 'out');
    await expect.poll(() => requester.events.includes('CALL_CLOSED'), { timeout: 10_000 }).toBe(true);
    await requester.quit();

    const last = tail(heard(requester), 1.5);
    const record = await m.rig.gw.ctx.records.get(`callback-${r.callId}`);
    const requesterHeard = {
      rms: Math.round(rms(last)),
      tones: toneShares(last, [TONES.caller, TONES.agentA]),
    };
    console.log(
      `[media e2e callback] ${JSON.stringify({ stats, requesterHeard, record, events: requester.events })}`,
    );
    expect(stats.outboundPackets).toBeGreaterThan(100);
    expect(isSilent(last)).toBe(false);
    expect(requesterHeard.tones[TONES.agentA]).toBeGreaterThan(0.5);
    expect(record.ticketId).toBe('GZ-2026-000777');
    expect(record.number).toBe(REQUESTER);
    expect(record.agentId).toBe('media-outbound-a');
  });
});
