// 录音 playback through the server on a REAL recording: the telephony rig (sipd + gateway + rtpengine,
// telephony/test/gateway/helpers/rig.ts) takes a sipp caller playing g711a.pcap; the answering agent is
// a server user whose side sends a 1 kHz tone into rtpengine. The gateway files the call into the
// directory this server reads (GATEWAY_RECORDINGS_DIR), then: the WAV is served (both channels not
// silent), Range requests work, every role gets what the policy says (403 and nothing audited as
// played for the others), agents only their own calls, 404 for unknown / expired / purged, 400 for
// malformed ids — real PGlite and Redis via startTestApp.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeRecordings } from '../../../telephony/src/gateway/app/recordings.ts';
import { isSilent, rms } from '../../../telephony/src/gateway/recordings/pcap-to-wav.ts';
import { type Rig, startRig } from '../../../telephony/test/gateway/helpers/rig.ts';
import { sendTone } from '../../../telephony/test/gateway/helpers/rtp-tone.ts';
import { haveRtpengine } from '../../../telephony/test/gateway/helpers/rtpengine.ts';
import { haveSipp, sipp } from '../../../telephony/test/gateway/helpers/sipp.ts';
import { can } from '../../src/auth/policy.ts';
import { ROLES, type Role } from '../../src/auth/roles.ts';
import { startTestApp, type TestApp, type TestSession } from '../support/app.ts';

const skip = !haveSipp || !haveRtpengine;
if (skip) console.warn('[recordings api] skipped: needs sipp and rtpengine (npm test installs them as root)');

/** Fail with a message instead of hanging until the hook timeout. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** audit_log.detail: jsonb (an object on PGlite/PostgreSQL). */
const detail = (a: { detail: unknown }) =>
  (typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail) as Record<string, unknown>;

function wavChannels(buf: Buffer): Int16Array[] {
  const n = buf.readUInt16LE(22);
  const frames = buf.readUInt32LE(40) / (2 * n);
  const out = Array.from({ length: n }, () => new Int16Array(frames));
  for (let f = 0; f < frames; f++)
    for (let c = 0; c < n; c++) out[c]![f] = buf.readInt16LE(44 + (f * n + c) * 2);
  return out;
}

describe.skipIf(skip)('call recordings through the server (real rtpengine recording)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'srv-rec-'));
  const recordingsDir = path.join(dir, 'recordings');
  let rig: Rig;
  let t: TestApp;
  let agent: TestSession;
  let otherAgent: TestSession;
  let lead: TestSession;
  const sessions = new Map<Role, TestSession>();
  let callId = '';
  let wavPath = '';
  const url = (id: string, purpose = 'quality') => `/api/calls/${id}/recording?purpose=${purpose}`;
  const plays = async (id: string) =>
    t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'recording.play')
      .where('object_id', '=', id)
      .execute();

  beforeAll(async () => {
    t = await startTestApp({ name: 'pglite' }, { recordingsDir });
    agent = await t.login(['agent']);
    otherAgent = await t.login(['agent']);
    lead = await t.login(['shift_lead']);
    for (const r of ROLES) sessions.set(r, await t.login([r]));
    rig = await startRig({ recordingsDir });
    // the answering agent's ACD id is the server user's id, as in production (agent-routes.ts)
    const phone = await rig.agent(agent.userId);
    const caller = await sipp({
      scenario: 'caller_media.xml',
      remote: `${rig.sip.host}:${rig.sip.udp}`,
      durationMs: 3000,
      caller: '13800000094',
    });
    await within(phone.established(), 20_000, 'the agent did not get the call');
    const tone = await sendTone(phone.sdps[0]!, { hz: 1000, payloadType: 0 });
    callId = phone.offers[0]!['x-hotline-call-id']!;
    expect((await caller.done).code).toBe(0);
    await tone.stop();
    // filing waits for rtpengine to close the pcap (recordings.ts), then decodes the WAV
    for (let i = 0; i < 100 && !(await rig.gw.ctx.records.get(callId)).recordingPath; i++)
      await new Promise((r) => setTimeout(r, 100));
    wavPath = (await rig.gw.ctx.records.get(callId)).recordingPath!.replace(/\.pcap$/, '.wav');
  }, 120_000);
  afterAll(async () => {
    await rig?.stop();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the filed call as a stereo WAV: caller and agent both audible; the playback is audited', async () => {
    const res = await lead.inject({ method: 'GET', url: url(callId) });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('audio/wav');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const body = res.rawPayload;
    expect(body.equals(readFileSync(wavPath))).toBe(true);
    expect(body.subarray(0, 4).toString()).toBe('RIFF');
    const [caller, hotline] = wavChannels(body) as [Int16Array, Int16Array];
    console.log(
      `[recordings api] ${callId}: ${body.length} bytes, ${(caller.length / 8000).toFixed(2)} s; ` +
        `caller RMS ${rms(caller).toFixed(0)}, agent RMS ${rms(hotline).toFixed(0)}`,
    );
    expect(caller.length / 8000).toBeGreaterThan(1.5);
    expect(isSilent(caller)).toBe(false);
    expect(isSilent(hotline)).toBe(false);
    const audit = await plays(callId);
    expect(audit.filter((a) => a.actor_id === lead.userId)).toHaveLength(1);
    expect(detail(audit[0]!)).toMatchObject({
      purpose: 'quality',
      range: null,
      status: 200,
    });
  });

  it('answers Range requests with 206 and the exact bytes, so <audio> can seek; 416 past the end', async () => {
    const full = readFileSync(wavPath);
    const r = await lead.inject({ method: 'GET', url: url(callId), headers: { range: 'bytes=8044-16043' } });
    expect(r.statusCode).toBe(206);
    expect(r.headers['content-range']).toBe(`bytes 8044-16043/${full.length}`);
    expect(r.headers['content-type']).toBe('audio/wav');
    expect(r.rawPayload.equals(full.subarray(8044, 16044))).toBe(true);
    const tail = await lead.inject({ method: 'GET', url: url(callId), headers: { range: 'bytes=-100' } });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(full.subarray(full.length - 100))).toBe(true);
    const past = await lead.inject({
      method: 'GET',
      url: url(callId),
      headers: { range: `bytes=${full.length + 10}-` },
    });
    expect(past.statusCode).toBe(416);
    expect(past.json().error.code).toBe('RECORDING_RANGE_NOT_SATISFIABLE');
    expect(past.headers['content-range']).toBe(`bytes */${full.length}`);
    const ranges = (await plays(callId)).map((a) => detail(a).range);
    expect(ranges).toEqual(expect.arrayContaining(['bytes=8044-16043', 'bytes=-100']));
    expect(ranges).not.toContain(`bytes=${full.length + 10}-`); // nothing was played
  });

  it('meta: duration, size, retention, filing time; the caller number masked; the read audited', async () => {
    const res = await agent.inject({ method: 'GET', url: `/api/calls/${callId}/recording/meta` });
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({
      callId,
      bytes: readFileSync(wavPath).length,
      sampleRate: 8000,
      channels: ['caller', 'hotline'],
      callerNumber: '138****0094',
      agentId: agent.userId,
      queue: '12345',
    });
    expect(m.durationMs).toBeGreaterThan(1500);
    const days = (Date.parse(m.retainUntil) - Date.parse(m.filedAt)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(730);
    const pii = await t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'pii.read')
      .where('object_id', '=', callId)
      .where('actor_id', '=', agent.userId)
      .execute();
    expect(pii).toHaveLength(1);
  });

  it('role matrix: permitted roles play and are audited; every other role gets 403 and no playback entry', async () => {
    const outcome: Record<string, number> = {};
    for (const role of ROLES) {
      const s = sessions.get(role)!;
      const res = await s.inject({ method: 'GET', url: url(callId, 'supervision') });
      outcome[role] = res.statusCode;
      const audited = (await plays(callId)).filter((a) => a.actor_id === s.userId);
      if (can([role], 'recordings.play_any')) {
        expect(res.statusCode, role).toBe(200);
        expect(audited, role).toHaveLength(1);
      } else {
        expect(res.statusCode, role).toBe(403);
        expect(audited, role).toHaveLength(0);
      }
    }
    expect(outcome).toEqual({
      agent: 403, // not this agent's call (next test)
      shift_lead: 200,
      dispatcher: 403,
      authority: 200,
      county_office: 403,
      unit_staff: 403,
      unit_leader: 403,
      kb_editor: 403,
      auditor: 200,
      admin: 403,
    });
  });

  it('an agent plays only the calls they answered (also by a transfer id); others are denied and logged', async () => {
    const own = await agent.inject({ method: 'GET', url: url(callId, 'callback') });
    expect(own.statusCode).toBe(200);
    const viaTransfer = await agent.inject({ method: 'GET', url: url(`${callId}.t1`, 'ticket') });
    expect(viaTransfer.statusCode).toBe(200);
    const mine = (await plays(callId)).filter((a) => a.actor_id === agent.userId);
    expect(mine.map((a) => detail(a).purpose).sort()).toEqual(['callback', 'ticket']);

    const other = await otherAgent.inject({ method: 'GET', url: url(callId) });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('RECORDING_NOT_YOURS');
    const otherMeta = await otherAgent.inject({ method: 'GET', url: `/api/calls/${callId}/recording/meta` });
    expect(otherMeta.statusCode).toBe(403);
    expect((await plays(callId)).filter((a) => a.actor_id === otherAgent.userId)).toHaveLength(0);
    const denied = await t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'recording.denied')
      .where('actor_id', '=', otherAgent.userId)
      .execute();
    expect(denied).toHaveLength(2);
  });

  it('400 for malformed call ids and a missing or unknown purpose; never a path outside the archive', async () => {
    for (const bad of [
      '..%2F..%2Fetc%2Fpasswd',
      '.hidden',
      'a%2Fb',
      '%E2%98%83',
      `${'x'.repeat(80)}`,
      'a.b',
    ]) {
      for (const u of [`/api/calls/${bad}/recording?purpose=quality`, `/api/calls/${bad}/recording/meta`]) {
        const res = await lead.inject({ method: 'GET', url: u });
        expect([400, 404], `${u}: ${res.body}`).toContain(res.statusCode);
        if (res.statusCode === 404)
          expect(res.json().error.code).toBe('ROUTE_NOT_FOUND'); // '/' splits the route
        else expect(res.json().error.code).toBe('VALIDATION_FAILED');
      }
    }
    for (const q of ['', '?purpose=fun', `?purpose=quality&file=${encodeURIComponent('../../x')}`]) {
      const res = await lead.inject({ method: 'GET', url: `/api/calls/${callId}/recording${q}` });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('404 with RECORDING_NOT_FOUND for an unknown call, an expired one, a WAV name leaving the directory, and after purge', async () => {
    const unknown = await lead.inject({ method: 'GET', url: url('20200101T000000-deadbeef') });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'RECORDING_NOT_FOUND', message: expect.any(String) });

    // copies of the real recording under other ids: one past its retention date, one whose metadata
    // names a file outside its directory
    const dayDir = path.dirname(wavPath);
    const meta = JSON.parse(readFileSync(wavPath.replace(/\.wav$/, '.json'), 'utf8'));
    const fake = (id: string, patch: Record<string, unknown>) => {
      cpSync(wavPath, path.join(dayDir, `${id}.wav`));
      writeFileSync(path.join(dayDir, `${id}.json`), JSON.stringify({ ...meta, callId: id, ...patch }));
    };
    const prefix = callId.slice(0, 16);
    fake(`${prefix}expired1`, { retainUntil: Date.now() - 1000 });
    fake(`${prefix}escape01`, { wav: { ...meta.wav, file: '../../../../etc/passwd.wav' } });
    for (const id of [`${prefix}expired1`, `${prefix}escape01`]) {
      const res = await lead.inject({ method: 'GET', url: url(id) });
      expect(res.statusCode, id).toBe(404);
      expect(res.json().error.code).toBe('RECORDING_NOT_FOUND');
    }
    expect(await plays(`${prefix}expired1`)).toHaveLength(0);

    // the gateway's purge after the retention date removes it: then 404 as well
    expect(await purgeRecordings(recordingsDir, meta.retainUntil + 1)).toEqual(
      expect.arrayContaining([callId, `${prefix}expired1`]),
    );
    const gone = await lead.inject({ method: 'GET', url: url(callId) });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('RECORDING_NOT_FOUND');
    const goneMeta = await lead.inject({ method: 'GET', url: `/api/calls/${callId}/recording/meta` });
    expect(goneMeta.statusCode).toBe(404);
  });
});
