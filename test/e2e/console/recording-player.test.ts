// 录音 in the console, end to end: the telephony rig (sipd + gateway + rtpengine) records a real call
// (sipp caller playing g711a.pcap, the answering agent's side a 1 kHz tone) into the directory the
// real server reads; the agent registers a ticket linking the call; a shift lead opens the ticket in
// Debian Chromium, chooses 质检, and the <audio> element loads the server's WAV through Range
// requests, seeks and plays; the browser's own decoder finds sound on both channels; the playback is
// in the audit log. Screenshot: test/e2e/console/artifacts/recording-player.png (gitignored).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaint } from '../../../server/test/tickets/support/ticket-app.ts';
import { type Rig, startRig } from '../../../telephony/test/gateway/helpers/rig.ts';
import { sendTone } from '../../../telephony/test/gateway/helpers/rtp-tone.ts';
import { haveRtpengine } from '../../../telephony/test/gateway/helpers/rtpengine.ts';
import { haveSipp, sipp } from '../../../telephony/test/gateway/helpers/sipp.ts';
import { artifact, type ConsoleRig, launchBrowser, startConsoleRig } from './console-rig.ts';

const haveChromium = existsSync('/usr/bin/chromium');
const skip = !haveSipp || !haveRtpengine || !haveChromium;
if (skip) console.warn('[recording player e2e] skipped: needs sipp, rtpengine and /usr/bin/chromium');

describe.skipIf(skip)('录音 player in Chromium on a real recording', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-rec-'));
  const recordingsDir = path.join(dir, 'recordings');
  let rig: ConsoleRig;
  let tel: Rig;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let callId = '';
  let ticketNo = '';

  beforeAll(async () => {
    rig = await startConsoleRig({ recordingsDir });
    tel = await startRig({ recordingsDir });
    const agent = await rig.server.login(['agent']);
    const phone = await tel.agent(agent.userId);
    const caller = await sipp({
      scenario: 'caller_media.xml',
      remote: `${tel.sip.host}:${tel.sip.udp}`,
      durationMs: 3000,
      caller: '13800000095',
    });
    await phone.established();
    const tone = await sendTone(phone.sdps[0]!, { hz: 1000, payloadType: 0 });
    callId = phone.offers[0]!['x-hotline-call-id']!;
    await caller.done;
    await tone.stop();
    for (let i = 0; i < 100 && !(await tel.gw.ctx.records.get(callId)).recordingPath; i++)
      await new Promise((r) => setTimeout(r, 100));
    const t = await agent.inject({
      method: 'POST',
      url: '/api/tickets',
      payload: { ...complaint, callIds: [callId] },
    });
    if (t.statusCode !== 201) throw new Error(`ticket: ${t.statusCode} ${t.body}`);
    ticketNo = t.json().ticket.no;
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await tel?.stop();
    await rig?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(
    roles: Parameters<ConsoleRig['server']['login']>[0],
  ): Promise<{ page: Page; userId: string }> {
    const s = await rig.server.login(roles);
    await browser.ctx.clearCookies(); // one browser profile: sign the previous person out
    const page = await browser.ctx.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${rig.consoleUrl}/#/tickets`);
    await page.getByLabel('工号').fill(s.username);
    await page.getByLabel('密码').fill(s.password);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '全部工单', exact: true }).click();
    await page
      .locator('.portal-row')
      .filter({ has: page.getByText(ticketNo, { exact: true }) })
      .click();
    await page.getByRole('article', { name: `工单编号 ${ticketNo}` }).waitFor();
    return { page, userId: s.userId };
  }

  it('a shift lead plays the linked call for 质检: Range requests, seeking, both channels audible, audited', async () => {
    const { page, userId } = await signedIn(['shift_lead']);
    const audioRequests: { range?: string; status?: number }[] = [];
    page.on('response', (r) => {
      if (r.url().includes(`/api/calls/${callId}/recording?`))
        audioRequests.push({ range: r.request().headers().range, status: r.status() });
    });
    const section = page.getByRole('region', { name: '通话录音' });
    await section.getByRole('button', { name: '▶ 录音' }).click();
    await section.getByText(/时长 00:0\d · 保存至 \d{4}-\d\d-\d\d/).waitFor();
    await section.getByRole('combobox', { name: '收听用途' }).selectOption('quality');
    await section.locator('audio').waitFor();
    // browser code as strings: the root tsconfig has no DOM types (as in the other e2e tests)
    const el = `document.querySelector('[data-testid="recording-audio-${callId}"]')`;
    const loaded = await page.evaluate<{ duration: number; error: number | null }>(`new Promise((resolve) => {
      const el = ${el};
      const done = () => resolve({ duration: el.duration, error: el.error ? el.error.code : null });
      if (el.readyState >= 1) done();
      el.addEventListener('loadedmetadata', done, { once: true });
      el.addEventListener('error', done, { once: true });
    })`);
    expect(loaded.error).toBeNull();
    expect(loaded.duration).toBeGreaterThan(1.5);
    // seek, then play a little (autoplay allowed by the rig's Chromium flags)
    const played = await page.evaluate<{
      currentTime: number;
      error: number | null;
    }>(`new Promise((resolve) => {
      const el = ${el};
      el.addEventListener('seeked', () => {
        void el.play();
        setTimeout(() => {
          el.pause();
          resolve({ currentTime: el.currentTime, error: el.error ? el.error.code : null });
        }, 600);
      }, { once: true });
      el.currentTime = 1;
    })`);
    expect(played.error).toBeNull();
    expect(played.currentTime).toBeGreaterThan(1.2);
    await page.screenshot({ path: artifact('recording-player.png') });
    // the browser's own WAV decoder: both channels carry sound (caller left, agent right)
    const levels = await page.evaluate<number[]>(`(async () => {
      const buf = await (await fetch(${el}.src, { credentials: 'include' })).arrayBuffer();
      const audio = await new OfflineAudioContext(2, 8000, 8000).decodeAudioData(buf);
      const rms = (c) => Math.sqrt(c.reduce((s, x) => s + x * x, 0) / c.length);
      return [0, 1].map((i) => rms(audio.getChannelData(i)));
    })()`);
    console.log(
      `[recording player e2e] ${callId}: duration ${loaded.duration.toFixed(2)} s, requests ${JSON.stringify(audioRequests)}, channel RMS ${levels.map((l) => l.toFixed(3))}`,
    );
    expect(levels[0]).toBeGreaterThan(0.01);
    expect(levels[1]).toBeGreaterThan(0.01);
    expect(audioRequests.some((r) => r.range?.startsWith('bytes=') && r.status === 206)).toBe(true);
    const audited = await rig.server.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'recording.play')
      .where('actor_id', '=', userId)
      .where('object_id', '=', callId)
      .execute();
    expect(audited.length).toBeGreaterThanOrEqual(2); // the player's Range request(s) and the fetch
    await page.close();
  });

  it('a dispatcher sees the ticket but no 录音 player (no recordings.play)', async () => {
    const { page } = await signedIn(['dispatcher']);
    await page.getByRole('article', { name: `工单编号 ${ticketNo}` }).waitFor();
    expect(await page.getByRole('region', { name: '通话录音' }).count()).toBe(0);
    await page.close();
  });
});
