// Filing rtpengine's pcap recordings under the hotline call id, with metadata and a retention date:
//   <recordingsDir>/<YYYY>/<MM>/<DD>/<callId>.pcap (+ -2.pcap … when recording restarted) and <callId>.json
// and deleting recordings whose retention has passed (purgeRecordings). The server plays them to
// permitted roles (pcap → WAV: see media/pcap-to-wav.ts).
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
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

export interface RecordingMeta {
  callId: string;
  sipCallId: string;
  files: string[];
  bytes: number;
  filedAt: number;
  retainUntil: number;
  call: Record<string, string>;
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
  const d = new Date(now);
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
  const meta: RecordingMeta = {
    callId,
    sipCallId,
    files,
    bytes,
    filedAt: now,
    retainUntil: now + ctx.cfg.recordingRetentionDays * DAY,
    call: await ctx.records.get(callId),
  };
  await writeFile(path.join(dir, `${callId}.json`), `${JSON.stringify(meta, null, 2)}\n`);
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
        for (const f of meta.files ?? []) await rm(path.join(dir, path.basename(f)), { force: true });
        await rm(p, { force: true });
        removed.push(meta.callId);
      }
    }
  };
  await walk(recordingsDir);
  return removed;
}
