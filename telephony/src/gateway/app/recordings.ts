// Filing rtpengine's pcap recordings under the hotline call id, with metadata and a retention date,
// and deleting recordings whose retention has passed (purgeRecordings). Layout (YYYY/MM/DD = the
// call's arrival date, UTC — the date in its call id):
//   <recordingsDir>/<YYYY>/<MM>/<DD>/<callId>.pcap  rtpengine's capture (+ -2.pcap … when recording restarted)
//                                    <callId>.wav   stereo 8 kHz PCM: left the caller, right the hotline side
//                                    <callId>.json  RecordingMeta (below), written last
// The server (server/src/recordings) plays the WAV to permitted roles; it finds a recording through
// this metadata file and needs nothing else of telephony/. The WAV is made here, once, at filing
// (recordings/call-wav.ts), so playback is a plain file read with HTTP Range.
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type CallWavStream,
  type CallWavSummary,
  WAV_CHANNELS,
  WAV_SAMPLE_RATE,
  writeCallWav,
} from '../recordings/call-wav.ts';
import type { GatewayContext } from './context.ts';

const DAY = 86_400_000;

/** rtpengine percent-escapes the Call-ID in file names ("1-4194@h" → "1-4194%40h-<hex>.pcap"). */
function decodeName(file: string): string {
  try {
    return decodeURIComponent(file);
  } catch {
    return file;
  }
}

async function findPcaps(dir: string, sipCallId: string): Promise<string[]> {
  const pcaps = path.join(dir, 'pcaps');
  if (!existsSync(pcaps)) return [];
  const prefix = `${sipCallId}-`;
  return (await readdir(pcaps))
    .filter((f) => f.endsWith('.pcap') && decodeName(f).startsWith(prefix))
    .map((f) => path.join(pcaps, f));
}

export interface RecordingWav {
  /** File name in the same directory as the metadata. */
  file: string;
  bytes: number;
  durationMs: number;
  sampleRate: number;
  /** Channel order: ['caller', 'hotline']. */
  channels: string[];
  /** How the caller's streams were told apart (see recordings/call-wav.ts). */
  callerBy: CallWavSummary['callerBy'];
  streams: CallWavStream[];
}

export interface RecordingMeta {
  callId: string;
  sipCallId: string;
  /** The pcaps, file names in the same directory. */
  files: string[];
  bytes: number;
  filedAt: number;
  retainUntil: number;
  /** The gateway's call record at filing (caller, agentId, arrivedAt, answeredAt, endedAt, …). */
  call: Record<string, string>;
  /** The playable WAV; absent when the pcaps held no G.711 audio (then `wavError` says why). */
  wav?: RecordingWav;
  wavError?: string;
}

/** Write via a temporary name and rename, so a reader never sees half a file. */
async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** Decode the filed pcaps into <callId>.wav beside them. `callerPorts`: rtpengine's ports facing the caller. */
async function writeWav(
  dir: string,
  callId: string,
  files: readonly string[],
  callerPorts: number[],
): Promise<Pick<RecordingMeta, 'wav' | 'wavError'>> {
  const file = `${callId}.wav`;
  const tmp = path.join(dir, `${file}.${process.pid}.tmp`);
  try {
    const pcaps = await Promise.all(files.map((f) => readFile(path.join(dir, f))));
    // decoded in small steps with a pause between them and written chunk by chunk: a long call
    // neither blocks the gateway's event loop nor sits in memory as one WAV
    const fh = await open(tmp, 'w');
    let made: CallWavSummary;
    try {
      made = await writeCallWav(
        pcaps,
        { callerPorts },
        async (chunk) => void (await fh.write(chunk)),
        () => new Promise((r) => setImmediate(r)),
      );
    } finally {
      await fh.close();
    }
    await rename(tmp, path.join(dir, file));
    return {
      wav: {
        file,
        bytes: made.bytes,
        durationMs: made.durationMs,
        sampleRate: WAV_SAMPLE_RATE,
        channels: [...WAV_CHANNELS],
        callerBy: made.callerBy,
        streams: made.streams,
      },
    };
  } catch (e) {
    await rm(tmp, { force: true });
    return { wavError: (e as Error).message };
  }
}

/** Move a finished call's pcaps to the archive; returns the metadata, or undefined when nothing was recorded. */
export async function fileRecording(
  ctx: GatewayContext,
  callId: string,
  sipCallId: string,
): Promise<RecordingMeta | undefined> {
  let found: string[] = [];
  // rtpengine closes the pcap right after "delete": look a few times with growing pauses (a
  // directory scan per look, so not too often under load)
  for (const pause of [100, 400, 1500]) {
    await new Promise((r) => setTimeout(r, pause));
    found = await findPcaps(ctx.cfg.rtpengineRecordingDir, sipCallId);
    if (found.length) break;
  }
  if (found.length === 0) {
    const pcaps = path.join(ctx.cfg.rtpengineRecordingDir, 'pcaps');
    const have = existsSync(pcaps) ? (await readdir(pcaps)).slice(0, 5) : [];
    ctx.log.debug({ callId, sipCallId, have }, 'no recording found');
    return undefined;
  }
  const now = ctx.now();
  const call = await ctx.records.get(callId);
  const d = new Date(Number(call.arrivedAt) || now);
  const dir = path.join(
    ctx.cfg.recordingsDir,
    String(d.getUTCFullYear()),
    String(d.getUTCMonth() + 1).padStart(2, '0'),
    String(d.getUTCDate()).padStart(2, '0'),
  );
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (const [i, src] of found.sort().entries()) {
    const dest = path.join(dir, `${callId}${i === 0 ? '' : `-${i + 1}`}.pcap`);
    try {
      bytes += (await stat(src)).size;
      await rename(src, dest);
    } catch {
      continue; // rtpengine still closing it, or another filer took it
    }
    files.push(path.basename(dest));
  }
  if (files.length === 0) return undefined;
  const callerPorts = (call.callerMediaPort ?? '').split(',').map(Number).filter(Boolean);
  const wav = await writeWav(dir, callId, files, callerPorts);
  if (wav.wavError) ctx.log.warn({ callId, err: wav.wavError }, 'recording filed without a playable WAV');
  const meta: RecordingMeta = {
    callId,
    sipCallId,
    files,
    bytes,
    filedAt: now,
    retainUntil: now + ctx.cfg.recordingRetentionDays * DAY,
    call,
    ...wav,
  };
  await writeAtomic(path.join(dir, `${callId}.json`), `${JSON.stringify(meta, null, 2)}\n`);
  await ctx.records.update(callId, { recordingPath: path.join(dir, files[0]!), recordingBytes: bytes });
  return meta;
}

/** Delete archived recordings whose retainUntil has passed. Returns the call ids removed. */
export async function purgeRecordings(recordingsDir: string, nowMs: number): Promise<string[]> {
  const removed: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    if (!existsSync(dir)) return;
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.json')) {
        let meta: RecordingMeta;
        try {
          meta = JSON.parse(await readFile(p, 'utf8')) as RecordingMeta;
        } catch {
          continue;
        }
        if (!(meta.retainUntil < nowMs)) continue;
        const files = [...(meta.files ?? []), ...(meta.wav?.file ? [meta.wav.file] : [])];
        for (const f of files) await rm(path.join(dir, path.basename(f)), { force: true });
        await rm(p, { force: true });
        removed.push(meta.callId);
      }
    }
  };
  await walk(recordingsDir);
  return removed;
}
