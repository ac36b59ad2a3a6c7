// Generates the voice prompts (espeak-ng, Mandarin) and the hold music (a sox-synthesised tone
// sequence) into a directory outside git, as 8 kHz mono G.711 A-law WAV files (China's PSTN codec).
// Why G.711 and not 16-bit PCM: rtpengine decodes the whole file on every `play media`, in its
// control thread; for the 8 s hold music that took 11 ms with 16-bit PCM and 0.8 ms with A-law on
// this machine (rtpengine 10.5), and at 100 calls/s the PCM version alone saturated rtpengine.
// Existing files are kept (a center's recorded prompts win — record them as 8 kHz A-law WAV too);
// files this generator made in an older format (generated.json) are made again; `force` regenerates all.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { HOLD_MUSIC, spokenPrompts } from './prompt-catalogue.ts';

const run = promisify(execFile);

export class PromptToolMissingError extends Error {
  constructor(tool: string) {
    super(`${tool} is not installed (Debian: apt-get install espeak-ng sox)`);
    this.name = 'PromptToolMissingError';
  }
}

async function tool(bin: string): Promise<void> {
  try {
    await run('sh', ['-c', `command -v ${bin}`]);
  } catch {
    throw new PromptToolMissingError(bin);
  }
}

const TO_8K = ['-r', '8000', '-c', '1', '-b', '16', '-e', 'signed-integer'];
/** The format of every prompt file: what rtpengine plays cheapest (see above). */
export const PROMPT_SOX_FORMAT = ['-r', '8000', '-c', '1', '-e', 'a-law'];
const FORMAT_ID = 'g711a-8k-mono';
const MANIFEST = 'generated.json';

async function speak(text: string, out: string): Promise<void> {
  const raw = `${out}.raw.wav`;
  await run('espeak-ng', ['-v', 'cmn', '-s', '150', '-w', raw, text]);
  // lower the volume a little: espeak-ng output clips after resampling
  await run('sox', [raw, ...PROMPT_SOX_FORMAT, out, 'vol', '0.7']);
  rmSync(raw, { force: true });
}

async function holdMusic(out: string): Promise<void> {
  // A calm 8-second loop: four soft chords, each two tones, with fades.
  const notes = [
    ['C4', 'E4'],
    ['A3', 'C4'],
    ['F3', 'A3'],
    ['G3', 'B3'],
  ];
  const parts: string[] = [];
  for (const [i, [a, b]] of notes.entries()) {
    const p = `${out}.${i}.wav`;
    await run('sox', [
      '-n',
      ...TO_8K,
      p,
      'synth',
      '2',
      'sine',
      a!,
      'sine',
      b!,
      'remix',
      '-',
      'fade',
      '0.2',
      '2',
      '0.4',
      'vol',
      '0.25',
    ]);
    parts.push(p);
  }
  await run('sox', [...parts, ...PROMPT_SOX_FORMAT, out]);
  for (const p of parts) rmSync(p, { force: true });
}

export interface GenerateResult {
  dir: string;
  generated: string[];
  kept: string[];
}

export async function generatePrompts(dir: string, opts: { force?: boolean } = {}): Promise<GenerateResult> {
  await tool('espeak-ng');
  await tool('sox');
  mkdirSync(dir, { recursive: true });
  const generated: string[] = [];
  const kept: string[] = [];
  // names this generator made before, and in which format (a center's own files are never listed)
  const manifestFile = path.join(dir, MANIFEST);
  let before: { format?: string; names?: string[] } = {};
  try {
    before = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    // no manifest: an empty dir, or a center's own prompts
  }
  const outdated = new Set(before.format === FORMAT_ID ? [] : (before.names ?? []));
  const jobs: Array<{ name: string; make: (out: string) => Promise<void> }> = [
    ...spokenPrompts().map((p) => ({ name: p.name, make: (out: string) => speak(p.text, out) })),
    { name: HOLD_MUSIC, make: holdMusic },
  ];
  for (const job of jobs) {
    const file = path.join(dir, `${job.name}.wav`);
    if (existsSync(file) && !opts.force && !outdated.has(job.name)) {
      kept.push(job.name);
      continue;
    }
    const tmp = `${file}.tmp.wav`;
    await job.make(tmp);
    renameSync(tmp, file);
    generated.push(job.name);
  }
  const ours = [...new Set([...(before.names ?? []), ...generated])];
  writeFileSync(manifestFile, `${JSON.stringify({ format: FORMAT_ID, names: ours }, null, 2)}\n`);
  return { dir, generated, kept };
}

export function promptFile(dir: string, name: string): string {
  return path.join(dir, `${name}.wav`);
}
