// The calendar computes in Asia/Shanghai whatever the process time zone: the same probe run in child
// processes with TZ=America/New_York and TZ=Pacific/Kiritimati (UTC+14) gives identical results.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { probe } from './fixtures/tz-probe.ts';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const script = path.join(here, 'fixtures', 'tz-probe.ts');

async function probeIn(tz: string) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, TZ: tz },
    cwd: path.join(here, '..', '..'),
    timeout: 30_000,
  });
  return JSON.parse(stdout) as { tz: string; offsetMinutes: number; results: string[] };
}

describe('process time zone does not matter', () => {
  it('America/New_York and Pacific/Kiritimati children compute exactly what this process computes', async () => {
    const local = probe();
    const [ny, kiritimati] = await Promise.all([probeIn('America/New_York'), probeIn('Pacific/Kiritimati')]);
    // the children really run in those zones
    expect(ny.offsetMinutes).toBe(300);
    expect(kiritimati.offsetMinutes).toBe(-840);
    expect(ny.results).toEqual(local);
    expect(kiritimati.results).toEqual(local);
    expect(local[0]).toContain('2026-02-14T11:00:00+08:00');
  });
});
