import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePrompts } from '../../src/gateway/prompts/generate-prompts.ts';
import { spokenPrompts } from '../../src/gateway/prompts/prompt-catalogue.ts';

const haveTools = ['espeak-ng', 'sox'].every((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status === 0);
const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-prompts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function stat(file: string): {
  rate: number;
  channels: number;
  seconds: number;
  rms: number;
  encoding: string;
} {
  const info = execFileSync('soxi', [file]).toString();
  const st = spawnSync('sox', [file, '-n', 'stat']).stderr.toString();
  return {
    rate: Number(/Sample Rate\s*:\s*(\d+)/.exec(info)?.[1]),
    channels: Number(/Channels\s*:\s*(\d+)/.exec(info)?.[1]),
    seconds: Number(/Length \(seconds\):\s*([\d.]+)/.exec(st)?.[1]),
    rms: Number(/RMS\s+amplitude:\s*([\d.]+)/.exec(st)?.[1]),
    encoding: /Sample Encoding\s*:\s*(.+)/.exec(info)?.[1]?.trim() ?? '',
  };
}

describe.skipIf(!haveTools)('prompt generation (espeak-ng + sox)', () => {
  it('writes every prompt and the hold music as audible 8 kHz mono WAV, keeping existing recordings', async () => {
    writeFileSync(path.join(dir, 'greeting.wav'), 'a recorded prompt placed by the center');
    const r = await generatePrompts(dir);
    expect(r.kept).toEqual(['greeting']);
    expect(r.generated.length).toBe(spokenPrompts().length); // all spoken but greeting, plus hold music
    const files = readdirSync(dir).filter((f) => f.endsWith('.wav'));
    expect(files.length).toBe(spokenPrompts().length + 1);
    for (const name of ['position-3', 'wait-2', 'apology', 'hold-music']) {
      const s = stat(path.join(dir, `${name}.wav`));
      // G.711 A-law: what rtpengine plays without decoding 16-bit PCM on every play
      expect(s).toMatchObject({ rate: 8000, channels: 1, encoding: '8-bit A-law' });
      expect(s.seconds).toBeGreaterThan(0.5);
      expect(s.rms).toBeGreaterThan(0.01);
    }
  });

  it('remakes files it generated in an older format, never a center recording', async () => {
    const d2 = mkdtempSync(path.join(os.tmpdir(), 'gw-prompts-old-'));
    try {
      writeFileSync(path.join(d2, 'greeting.wav'), 'a recorded prompt placed by the center');
      // an older generator: 16-bit PCM hold music listed in a manifest with another format
      execFileSync('sox', [
        '-n',
        '-r',
        '8000',
        '-c',
        '1',
        '-b',
        '16',
        '-e',
        'signed-integer',
        path.join(d2, 'hold-music.wav'),
        'synth',
        '1',
        'sine',
        '440',
      ]);
      writeFileSync(
        path.join(d2, 'generated.json'),
        JSON.stringify({ format: 'pcm16', names: ['hold-music'] }),
      );
      const r = await generatePrompts(d2);
      expect(r.generated).toContain('hold-music');
      expect(r.kept).toEqual(['greeting']);
      expect(stat(path.join(d2, 'hold-music.wav')).encoding).toBe('8-bit A-law');
      const again = await generatePrompts(d2);
      expect(again.generated).toEqual([]); // up to date now
    } finally {
      rmSync(d2, { recursive: true, force: true });
    }
  });
});
