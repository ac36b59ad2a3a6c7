// Operator CLI for the working calendar and SLA clocks; prints JSON. Usage: npm run -s sla -- help
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  createWorkingCalendar,
  type DueResult,
  formatShanghai,
  type OfficialArrangement,
  parseArrangementCsv,
  parseInstant,
  WORKING_DAY_POLICIES,
  type WorkingCalendar,
  type WorkingDayPolicy,
} from '../calendar/index.ts';
import { computeDue, isCalendarSlaError, SLA_CLOCKS } from '../sla/index.ts';

const USAGE = `usage: npm run -s sla -- <command> [options]
commands:
  due --from <ISO> (--working-days N | --working-hours N | --wall-hours N | --clock ID) [--extension N]...
  between --from <ISO> --to <ISO>        working time between two instants
  next --at <ISO>                        next office-hours instant
  day --date YYYY-MM-DD                  how the calendar sees one day
  warnings [--now <ISO>]                 provisional-data warnings for administrators
  clocks                                 the SLA clock table (Art. 13, 17)
options:
  --policy office-time|end-of-nth-working-day   working-day policy (default office-time)
  --arrangement <file.csv>               import an official year (date,off|work,name); repeatable
Instants without an offset are read as Asia/Shanghai. Output is JSON; bad arguments exit with code 2.`;

class UsageError extends Error {}

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new UsageError(`--${name} must be a number ≥ 0, got ${JSON.stringify(v)}`);
  return n;
}

function need(name: string, v: string | undefined): string {
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
}

function policyView(cal: WorkingCalendar) {
  const p = cal.policy;
  return {
    dayPolicy: p.dayPolicy,
    fullDayHours: p.fullDayHours,
    timeZone: p.timeZone,
    officeHours: p.officeHours,
    officialYears: p.officialYears,
  };
}

function dueView(r: DueResult) {
  return {
    due: formatShanghai(r.due),
    provisional: r.provisional,
    ...(r.warning ? { warning: r.warning } : {}),
  };
}

function run(argv: string[]): unknown {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      at: { type: 'string' },
      now: { type: 'string' },
      date: { type: 'string' },
      'working-days': { type: 'string' },
      'working-hours': { type: 'string' },
      'wall-hours': { type: 'string' },
      clock: { type: 'string' },
      extension: { type: 'string', multiple: true },
      policy: { type: 'string' },
      arrangement: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || command === 'help') return USAGE;
  if (positionals.length !== 1)
    throw new UsageError(
      command ? `unexpected argument ${JSON.stringify(positionals[1])}` : 'missing command',
    );
  const policy = values.policy as WorkingDayPolicy | undefined;
  if (policy !== undefined && !WORKING_DAY_POLICIES.includes(policy)) {
    throw new UsageError(`--policy must be one of ${WORKING_DAY_POLICIES.join(', ')}`);
  }
  const arrangements: OfficialArrangement[] = (values.arrangement ?? []).map((file) =>
    parseArrangementCsv(readFileSync(file, 'utf8'), `import ${file}`),
  );
  const cal = createWorkingCalendar({ ...(policy ? { dayPolicy: policy } : {}), arrangements });

  switch (command) {
    case 'due': {
      const from = parseInstant(need('from', values.from));
      const days = num('working-days', values['working-days']);
      const hours = num('working-hours', values['working-hours']);
      const wall = num('wall-hours', values['wall-hours']);
      const given = [days, hours, wall, values.clock].filter((v) => v !== undefined).length;
      if (given !== 1)
        throw new UsageError('give exactly one of --working-days, --working-hours, --wall-hours, --clock');
      const extensions = (values.extension ?? []).map((e) => num('extension', e)!);
      if (extensions.length && !values.clock) throw new UsageError('--extension only applies with --clock');
      let r: DueResult;
      let amount: Record<string, number | string>;
      if (values.clock) {
        if (!SLA_CLOCKS.some((c) => c.id === values.clock)) {
          throw new UsageError(
            `unknown --clock ${JSON.stringify(values.clock)}; have ${SLA_CLOCKS.map((c) => c.id).join(', ')}`,
          );
        }
        r = computeDue(cal, values.clock, from, extensions);
        amount = { clock: values.clock };
      } else if (days !== undefined) {
        r = cal.addWorkingDays(from, days);
        amount = { workingDays: days };
      } else if (hours !== undefined) {
        r = cal.addWorkingHours(from, hours);
        amount = { workingHours: hours };
      } else {
        r = cal.addWallClockHours(from, wall!);
        amount = { wallClockHours: wall! };
      }
      return {
        command,
        from: formatShanghai(from),
        ...amount,
        ...(extensions.length ? { extensions } : {}),
        ...dueView(r),
        policy: policyView(cal),
      };
    }
    case 'between': {
      const from = parseInstant(need('from', values.from));
      const to = parseInstant(need('to', values.to));
      const r = cal.workingTimeBetween(from, to);
      return {
        command,
        from: formatShanghai(from),
        to: formatShanghai(to),
        workingMs: r.ms,
        workingHours: r.hours,
        workingDays: r.ms / (cal.policy.fullDayHours * 3_600_000),
        provisional: r.provisional,
        ...(r.warning ? { warning: r.warning } : {}),
        policy: policyView(cal),
      };
    }
    case 'next': {
      const at = parseInstant(need('at', values.at));
      return {
        command,
        at: formatShanghai(at),
        working: cal.isWorkingTime(at),
        next: dueView(cal.nextWorkingInstant(at)),
      };
    }
    case 'day':
      return { command, ...cal.day(need('date', values.date)) };
    case 'warnings': {
      const now = values.now ? parseInstant(values.now) : new Date();
      return {
        command,
        now: formatShanghai(now),
        officialYears: cal.policy.officialYears,
        warnings: cal.warnings(now),
      };
    }
    case 'clocks':
      return { command, clocks: SLA_CLOCKS };
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

try {
  const out = run(process.argv.slice(2));
  process.stdout.write(typeof out === 'string' ? `${out}\n` : `${JSON.stringify(out, null, 2)}\n`);
} catch (e) {
  const known =
    e instanceof UsageError ||
    isCalendarSlaError(e) ||
    (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  if (!known && !(e as { code?: string }).code?.startsWith('ENOENT')) throw e;
  const code = isCalendarSlaError(e) ? e.code : 'USAGE';
  process.stderr.write(
    `sla: ${(e as Error).message}\n${JSON.stringify({ error: { code, message: (e as Error).message } })}\n\n${USAGE}\n`,
  );
  process.exit(2);
}
