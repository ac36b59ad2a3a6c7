// Locating a filed recording. The telephony gateway writes, per call (telephony/src/gateway/app/recordings.ts):
//   <recordingsDir>/<YYYY>/<MM>/<DD>/<callId>.json   metadata (this schema), YYYY/MM/DD = arrival date, UTC
//                                    <callId>.wav    stereo 8 kHz PCM, named by the metadata's wav.file
// The server reads only these two files. The call id is validated by the route (no path characters);
// the directory comes from dates (the id's own date, the call record's arrival), the WAV's name from
// the metadata, and the result must stay inside recordingsDir.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { AppError } from '../errors.ts';

const MetaSchema = Type.Object({
  callId: Type.String(),
  filedAt: Type.Number(),
  retainUntil: Type.Number(),
  call: Type.Record(Type.String(), Type.String()),
  wav: Type.Optional(
    Type.Object({
      file: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*\\.wav$' }),
      bytes: Type.Integer(),
      durationMs: Type.Integer(),
      sampleRate: Type.Integer(),
      channels: Type.Array(Type.String()),
    }),
  ),
  wavError: Type.Optional(Type.String()),
});
export type GatewayRecordingMeta = Static<typeof MetaSchema>;

export interface FoundRecording {
  meta: GatewayRecordingMeta;
  /** Directory of the metadata (absolute). */
  dir: string;
}

const DAY = 86_400_000;
const ymd = (d: Date) =>
  path.join(
    String(d.getUTCFullYear()),
    String(d.getUTCMonth() + 1).padStart(2, '0'),
    String(d.getUTCDate()).padStart(2, '0'),
  );

/** Day directories to look in: each known date and the day after (a recording filed after midnight). */
export function candidateDays(callId: string, arrivedAt: Date | undefined): string[] {
  const days: Date[] = [];
  const m = /^(\d{4})(\d{2})(\d{2})T\d{6}/.exec(callId);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (!Number.isNaN(d.getTime()) && d.getUTCDate() === Number(m[3])) days.push(d);
  }
  if (arrivedAt && !Number.isNaN(arrivedAt.getTime())) days.push(arrivedAt);
  return [...new Set(days.flatMap((d) => [ymd(d), ymd(new Date(d.getTime() + DAY))]))];
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * The recording filed under `callId` (already validated), or RECORDING_NOT_FOUND — also when its
 * retention date has passed (the gateway's purge may not have run yet; it is not played any more).
 */
export async function findRecording(
  recordingsDir: string,
  callId: string,
  arrivedAt: Date | undefined,
  now: number,
): Promise<FoundRecording> {
  const root = path.resolve(recordingsDir);
  for (const day of candidateDays(callId, arrivedAt)) {
    const file = path.join(root, day, `${callId}.json`);
    if (!inside(root, file)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      continue; // not there (or being written: the gateway renames it into place when complete)
    }
    if (!Value.Check(MetaSchema, raw) || raw.callId !== callId) continue;
    if (raw.retainUntil <= now) throw new AppError('RECORDING_NOT_FOUND', { callId });
    return { meta: raw, dir: path.dirname(file) };
  }
  throw new AppError('RECORDING_NOT_FOUND', { callId });
}

/** The WAV of a found recording: its absolute path and size. RECORDING_NOT_PLAYABLE / _NOT_FOUND. */
export async function recordingWav(
  found: FoundRecording,
): Promise<{ file: string; name: string; bytes: number }> {
  const wav = found.meta.wav;
  if (!wav) throw new AppError('RECORDING_NOT_PLAYABLE', { callId: found.meta.callId });
  const name = path.basename(wav.file);
  const file = path.join(found.dir, name);
  if (!inside(found.dir, file)) throw new AppError('RECORDING_NOT_FOUND', { callId: found.meta.callId });
  try {
    return { file, name, bytes: (await stat(file)).size };
  } catch {
    throw new AppError('RECORDING_NOT_FOUND', { callId: found.meta.callId }); // purged meanwhile
  }
}
