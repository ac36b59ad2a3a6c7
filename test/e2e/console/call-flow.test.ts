// The agent's whole call with real parts: sipd + telephony gateway + rtpengine + Redis ACD + the real
// server, the production console build in Debian Chromium (sip.js over WS, WebRTC with fake devices),
// and sipp as the citizen's phone sending G.711 audio.
// Agent logs in → softphone registers with the server-issued credentials → 签入 → a call waits on the
// shift lead's wallboard → agent 示闲 (F6) → offer rings with the screen-pop → F8 answers → in call
// (wallboard: answered) → F9 hangs up (caller gets BYE) → 整理 countdown. Prints offer→ringing-UI and
// answer→in-call times; the audio test asserts RTP both ways (getStats) and prints answer→first-audio.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeTcpPort, freeUdpPort } from '../../../telephony/test/gateway/helpers/ports.ts';
import { type Rig, startRig } from '../../../telephony/test/gateway/helpers/rig.ts';
import { haveRtpengine } from '../../../telephony/test/gateway/helpers/rtpengine.ts';
import { haveSipp, type SippRun, sipp } from '../../../telephony/test/gateway/helpers/sipp.ts';
import { artifact, type ConsoleRig, launchBrowser, startConsoleRig } from './console-rig.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const TELEPHONY_FIXTURES = path.resolve(here, '../../../telephony/test/gateway/fixtures');
const SCENARIO = path.relative(TELEPHONY_FIXTURES, path.join(here, 'fixtures/caller_talks_until_bye.xml'));

type Diag = {
  inboundPackets: number;
  outboundPackets: number;
  inboundLevel: number;
  codec: string;
  ice: string;
  dtls: string;
  candidates: string[];
};
const diag = (page: Page) => page.evaluate<Diag>('globalThis.hotlineDiagnostics.stats()');
const markGap = (page: Page, from: string, to: string) =>
  page.evaluate<number | null>(`(() => {
    const a = performance.getEntriesByName('hotline:${from}').at(-1);
    const b = performance.getEntriesByName('hotline:${to}').at(-1);
    return a && b ? b.startTime - a.startTime : null;
  })()`);

describe.skipIf(!haveSipp || !haveRtpengine)('agent call flow with real SIP and media', () => {
  let rig: Rig;
  let cons: ConsoleRig;
  let agentBrowser: Awaited<ReturnType<typeof launchBrowser>>;
  let leadBrowser: Awaited<ReturnType<typeof launchBrowser>>;
  let caller: SippRun | undefined;
  const callers: SippRun[] = [];
  let page: Page;
  let agentId = '';
  let emergencyLine: ChildProcess | undefined;
  let emergencyPort = 0;

  beforeAll(async () => {
    emergencyPort = await freeUdpPort();
    rig = await startRig({
      acd: { wrapUpSec: 5, offerTimeoutSec: 30, sweepIntervalMs: 100 },
      // 110/119/120/122 go to sipp standing in for the emergency line
      trunkOutboundUri: `sip:{number}@127.0.0.1:${emergencyPort}`,
    });
    cons = await startConsoleRig({
      sipSharedSecret: rig.secret,
      sipWsUrl: `ws://127.0.0.1:${rig.sip.ws}`,
      sipDomain: '127.0.0.1',
      queuePrefix: `${rig.prefix}acd`,
      wallboardIntervalMs: 500,
    });
    agentBrowser = await launchBrowser();
    leadBrowser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    for (const c of callers) c.stop();
    emergencyLine?.kill('SIGKILL');
    await agentBrowser?.close();
    await leadBrowser?.close();
    await cons?.close();
    await rig?.stop();
  });

  it('logs in, rings with the screen-pop, answers by keyboard, hangs up, 整理', async () => {
    const agentUser = await cons.server.login(['agent']);
    agentId = agentUser.userId;
    const leadUser = await cons.server.login(['shift_lead']);

    const lead = await leadBrowser.ctx.newPage();
    lead.setDefaultTimeout(20_000);
    await lead.goto(`${cons.consoleUrl}/#/wallboard`);
    await lead.getByLabel('工号').fill(leadUser.username);
    await lead.getByLabel('密码').fill(leadUser.password);
    await lead.keyboard.press('Enter');
    await lead.getByTestId('waiting-12345').waitFor();

    page = await agentBrowser.ctx.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(cons.consoleUrl);
    await page.getByLabel('工号').fill(agentUser.username);
    await page.getByLabel('密码').fill(agentUser.password);
    await page.keyboard.press('Enter');
    // registered with the server-issued SIP credentials, then signed in to the queue (示忙 · 刚登录)
    await expect
      .poll(() => page.getByTestId('phone-state').textContent(), { timeout: 20_000 })
      .toBe('已注册，等待来电');
    await expect
      .poll(() => page.getByTestId('agent-status').textContent(), { timeout: 10_000 })
      .toContain('示忙');
    await page.screenshot({ path: artifact('02-workspace-idle.png') });

    // a citizen calls while nobody is ready: the wallboard shows the call waiting
    caller = await sipp({
      scenario: SCENARIO,
      remote: `127.0.0.1:${rig.sip.udp}`,
      caller: '13812345678',
      timeoutSec: 90,
    });
    callers.push(caller);
    await expect
      .poll(() => lead.getByTestId('waiting-12345').textContent(), { timeout: 15_000 })
      .toContain('1');
    await lead.screenshot({ path: artifact('06-wallboard-waiting.png') });

    // 示闲 by keyboard → the ACD offers the call → the browser rings with the screen-pop
    await page.keyboard.press('F6');
    await expect
      .poll(() => page.getByTestId('phone-state').textContent(), { timeout: 15_000 })
      .toBe('来电振铃');
    await expect.poll(() => page.getByTestId('pop-caller').textContent()).toContain('138');
    await page.screenshot({ path: artifact('03-ringing-screen-pop.png') });
    const offerToRing = await markGap(page, 'offer', 'ringing-ui');
    expect(offerToRing).not.toBeNull();

    // F8 answers; the call is up (SIP 200/ACK through the gateway, ICE connected)
    await page.keyboard.press('F8');
    await expect
      .poll(() => page.getByTestId('phone-state').textContent(), { timeout: 10_000 })
      .toBe('通话中');
    const answerToInCall = await markGap(page, 'answer', 'established');
    expect(answerToInCall).not.toBeNull();
    // the agent's microphone (Chromium's fake device) drives the input level meter
    await expect
      .poll(async () => Number(await page.getByTestId('meter-in').getAttribute('data-level')), {
        timeout: 5000,
      })
      .toBeGreaterThan(0);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: artifact('04-in-call.png') });
    const inCallMedia = await diag(page);
    await expect
      .poll(() => lead.getByTestId('waiting-12345').textContent(), { timeout: 10_000 })
      .toContain('0');
    await lead.screenshot({ path: artifact('06-wallboard-answered.png') });

    // F9 hangs up: the caller gets BYE, the agent goes to 整理 with a countdown
    await page.keyboard.press('F9');
    const { code } = await caller.done;
    expect(code).toBe(0);
    await page.getByTestId('wrap-up-countdown').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: artifact('05-wrap-up.png') });

    console.log(
      JSON.stringify({
        measure: 'console-call-flow',
        offerToRingingUiMs: Math.round(offerToRing ?? -1),
        answerToInCallMs: Math.round(answerToInCall ?? -1),
        inCallMedia,
      }),
    );
  }, 150_000);

  // The gateway re-offers the caller's rtpengine call to the browser with the agent leg's to-tag, so
  // the browser gets its own monologue (DTLS-SRTP completes; before that fix it never did).
  it('audio flows both ways once DTLS completes (inbound/outbound RTP in getStats, answer → first audio), survives hold/resume', async () => {
    await expect
      .poll(() => page.getByTestId('agent-status').textContent(), { timeout: 20_000 })
      .toContain('示闲');
    caller = await sipp({
      scenario: SCENARIO,
      remote: `127.0.0.1:${rig.sip.udp}`,
      caller: '13600003333',
      timeoutSec: 90,
    });
    callers.push(caller);
    await expect
      .poll(() => page.getByTestId('phone-state').textContent(), { timeout: 15_000 })
      .toBe('来电振铃');
    await page.keyboard.press('F8');
    await expect
      .poll(() => page.getByTestId('phone-state').textContent(), { timeout: 10_000 })
      .toBe('通话中');
    // the caller's sipp stream reaches the browser (decrypted SRTP with sound in it) and the agent's
    // fake microphone goes out toward the caller
    await expect
      .poll(
        async () => {
          const m = await diag(page);
          return (
            m.dtls === 'connected' && m.inboundPackets > 0 && m.outboundPackets > 0 && m.inboundLevel > 0
          );
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const first = await diag(page);
    await page.waitForTimeout(1000);
    const later = await diag(page);
    expect(later.inboundPackets).toBeGreaterThan(first.inboundPackets);
    expect(later.outboundPackets).toBeGreaterThan(first.outboundPackets);
    await expect.poll(() => markGap(page, 'answer', 'first-audio'), { timeout: 5000 }).not.toBeNull();
    const answerToFirstAudio = await markGap(page, 'answer', 'first-audio');
    // hold from the browser (re-INVITE over the same DTLS transport) keeps the call; resume brings the
    // caller's audio back
    await page.keyboard.press('Alt+O');
    await expect
      .poll(() => page.getByTestId('phone-state').textContent(), { timeout: 10_000 })
      .toBe('保持中');
    await page.waitForTimeout(500);
    expect((await diag(page)).dtls).toBe('connected');
    await page.keyboard.press('Alt+O');
    await expect
      .poll(() => page.getByTestId('phone-state').textContent(), { timeout: 10_000 })
      .toBe('通话中');
    const resumed = await diag(page);
    await expect
      .poll(async () => (await diag(page)).inboundPackets, { timeout: 10_000 })
      .toBeGreaterThan(resumed.inboundPackets);
    await page.keyboard.press('F9');
    const { code } = await caller.done;
    expect(code).toBe(0);
    console.log(
      JSON.stringify({
        measure: 'console-call-audio',
        answerToFirstAudioMs: Math.round(answerToFirstAudio ?? -1),
        media: later,
      }),
    );
  }, 90_000);

  it('emergency bar: 120 three-way call from the answered call, then the agent leaves and the caller is handed over', async () => {
    const cp = await freeTcpPort();
    const mp = await freeUdpPort();
    const uas = path.join(TELEPHONY_FIXTURES, 'uas_emergency.xml');
    emergencyLine = spawn(
      'sipp',
      [
        '-sf',
        uas,
        '-i',
        '127.0.0.1',
        '-mi',
        '127.0.0.1',
        '-p',
        String(emergencyPort),
        '-mp',
        String(mp),
      ].concat(['-ci', '127.0.0.1', '-cp', String(cp), '-m', '1', '-nostdin', '-timeout', '90s']),
      { stdio: 'ignore' },
    );
    // the agent is back to 示闲 after the short wrap-up; a new citizen calls
    await expect
      .poll(() => page.getByTestId('agent-status').textContent(), { timeout: 20_000 })
      .toContain('示闲');
    caller = await sipp({
      scenario: SCENARIO,
      remote: `127.0.0.1:${rig.sip.udp}`,
      caller: '13900001111',
      timeoutSec: 90,
    });
    callers.push(caller);
    await expect
      .poll(() => page.getByTestId('phone-state').textContent(), { timeout: 15_000 })
      .toBe('来电振铃');
    await page.keyboard.press('F8');
    await expect
      .poll(() => page.getByTestId('phone-state').textContent(), { timeout: 10_000 })
      .toBe('通话中');
    const callId = (await rig.acd.getAgent(agentId))?.callId;
    expect(callId).toBeTruthy();
    // one click + confirm (keyboard: Alt+E focuses the bar, Tab to 120, Enter picks, Enter confirms)
    await page.keyboard.press('Alt+E');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('emergency-phase').textContent(), { timeout: 15_000 })
      .toContain('三方通话中');
    expect(await page.getByTestId('emergency-phase').textContent()).toContain('120');
    await page.screenshot({ path: artifact('07-three-way-120.png') });
    await page.getByRole('button', { name: '退出通话（移交来电人）' }).click();
    await expect
      .poll(() => page.getByTestId('emergency-phase').textContent(), { timeout: 15_000 })
      .toContain('已移交');
    await expect
      .poll(() => page.getByTestId('phone-state').textContent(), { timeout: 10_000 })
      .toBe('已注册，等待来电');
    await page.screenshot({ path: artifact('08-handed-over.png') });
    // the gateway logged the handoff on the caller's call
    const rec = (await rig.gw.ctx.records.get(callId!)) as Record<string, unknown>;
    expect(rec.handedOffTo).toBe('external');
    expect(Number(rec.handedOffMs)).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it('转接: blind transfer of the answered caller back to the queue; the agent leg ends, the call waits again', async () => {
    await expect
      .poll(() => page.getByTestId('agent-status').textContent(), { timeout: 20_000 })
      .toContain('示闲');
    caller = await sipp({
      scenario: SCENARIO,
      remote: `127.0.0.1:${rig.sip.udp}`,
      caller: '13700002222',
      timeoutSec: 90,
    });
    callers.push(caller);
    await expect
      .poll(() => page.getByTestId('phone-state').textContent(), { timeout: 15_000 })
      .toBe('来电振铃');
    await page.keyboard.press('F8');
    await expect
      .poll(() => page.getByTestId('phone-state').textContent(), { timeout: 10_000 })
      .toBe('通话中');
    const callId = (await rig.acd.getAgent(agentId))?.callId;
    expect(callId).toBeTruthy();
    // the caller goes back to queue 12345
    await page.getByRole('textbox', { name: '队列名或坐席工号' }).fill('12345');
    await page.getByRole('button', { name: '转接', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('phone-state').textContent(), { timeout: 10_000 })
      .toBe('已注册，等待来电');
    // the gateway re-queues the caller as `<call id>.t1` (the first ACD entry ends with the agent's part)
    await expect
      .poll(async () => (await rig.acd.getCall(`${callId}.t1`))?.state, { timeout: 10_000 })
      .toMatch(/^(waiting|offered|connected)$/);
    expect((await rig.acd.getCall(callId!))?.state).toBe('ended');
  }, 90_000);
});
