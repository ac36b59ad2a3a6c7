// The operator CLI (npm run -s sla -- …): JSON output, policy, provisional flag, exit code 2 on bad input.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const serverDir = path.join(here, '..', '..');
const cli = path.join(serverDir, 'src', 'cli', 'sla.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'sla-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sla(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      { cwd: serverDir, timeout: 30_000, env: { ...process.env, TZ: 'America/Los_Angeles' } },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('sla CLI', () => {
  it('Art. 13: due with working days and working hours, and between — JSON with policy', async () => {
    const csv = path.join(dir, '2027.csv');
    writeFileSync(csv, 'date,kind,name\n2027-01-01,off,元旦\n');
    const [days, hours, between, civil, provisional, imported] = await Promise.all([
      sla('due', '--from', '2026-09-30T16:00:00+08:00', '--working-days', '5'),
      sla('due', '--from', '2026-02-13T17:00:00+08:00', '--working-hours', '3'),
      sla('between', '--from', '2026-02-13T17:00:00+08:00', '--to', '2026-02-24T10:00:00+08:00'),
      sla(
        'due',
        '--from',
        '2026-09-30T16:00:00+08:00',
        '--working-days',
        '5',
        '--policy',
        'end-of-nth-working-day',
      ),
      sla('due', '--from', '2026-12-28T10:00:00+08:00', '--working-days', '5'),
      sla('due', '--from', '2026-12-28T10:00:00+08:00', '--working-days', '5', '--arrangement', csv),
    ]);
    const d = JSON.parse(days.stdout);
    expect(d).toMatchObject({ due: '2026-10-13T16:00:00+08:00', provisional: false, workingDays: 5 });
    expect(d.policy).toMatchObject({ dayPolicy: 'office-time', fullDayHours: 7, timeZone: 'Asia/Shanghai' });
    expect(JSON.parse(hours.stdout)).toMatchObject({ due: '2026-02-14T11:00:00+08:00', provisional: false });
    expect(JSON.parse(between.stdout)).toMatchObject({ workingHours: 9, provisional: false });
    expect(JSON.parse(civil.stdout)).toMatchObject({
      due: '2026-10-13T18:00:00+08:00',
      policy: { dayPolicy: 'end-of-nth-working-day' },
    });
    const p = JSON.parse(provisional.stdout);
    expect(p).toMatchObject({ due: '2027-01-04T10:00:00+08:00', provisional: true, warning: { year: 2027 } });
    expect(JSON.parse(imported.stdout)).toMatchObject({
      due: '2027-01-05T10:00:00+08:00',
      provisional: false,
    });
  });

  it('bad arguments → a clear message and exit code 2', async () => {
    const cases = await Promise.all([
      sla('due', '--from', 'yesterday', '--working-days', '5'),
      sla('due', '--from', '2026-09-30T16:00:00+08:00'),
      sla('due', '--from', '2026-09-30T16:00:00+08:00', '--working-days=-1'),
      sla('due', '--from', '2026-09-30T16:00:00+08:00', '--working-days', '5', '--policy', 'lunar'),
      sla('frobnicate'),
      sla('due', '--bogus'),
      sla('due', '--from', '2026-09-30T16:00:00+08:00', '--clock', 'nope'),
      sla(
        'due',
        '--from',
        '2026-09-30T16:00:00+08:00',
        '--working-days',
        '1',
        '--arrangement',
        path.join(dir, 'missing.csv'),
      ),
    ]);
    const messages = [
      /Not a valid instant.*"yesterday"/,
      /exactly one of --working-days/,
      /--working-days must be a number ≥ 0/,
      /--policy must be one of office-time, end-of-nth-working-day/,
      /unknown command "frobnicate"/,
      /Unknown option '--bogus'/,
      /unknown --clock "nope"/,
      /ENOENT/,
    ];
    cases.forEach((c, i) => {
      expect(c.code, c.stderr).toBe(2);
      expect(c.stdout).toBe('');
      expect(c.stderr).toMatch(messages[i]!);
    });
  });
});
