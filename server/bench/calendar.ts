// Benchmark: 1,000,000 due-date computations with the working calendar, beside two same-run baselines.
// Run: npm run bench -w server -- calendar   (prints one JSON document)
import { performance } from 'node:perf_hooks';
import { createWorkingCalendar, HOUR_MS, parseInstant } from '../src/calendar/index.ts';
import { naiveAddWorkingMinutes } from '../test/calendar/naive-calendar.ts';

const N = 1_000_000;
const NAIVE_N = 500;

// Deterministic pseudo-random inputs (xorshift), instants spread over 2025–2026, minute-aligned.
let seed = 0x9e3779b9;
const rand = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const from = parseInstant('2025-01-01T00:00:00+08:00').getTime();
const span = parseInstant('2026-12-01T00:00:00+08:00').getTime() - from;
const starts = new Float64Array(N);
const days = new Uint8Array(N);
for (let i = 0; i < N; i++) {
  starts[i] = from + Math.floor((rand() * span) / 60_000) * 60_000;
  days[i] = [2, 5, 1][i % 3]!; // consultation, help/complaint/report/suggestion, return window
}

const t0 = performance.now();
const cal = createWorkingCalendar();
const civil = createWorkingCalendar({ dayPolicy: 'end-of-nth-working-day' });
const buildMs = performance.now() - t0;

function time(fn: () => number): { ms: number; check: number } {
  const s = performance.now();
  const check = fn();
  return { ms: performance.now() - s, check };
}

// warm-up (JIT) on a slice
for (let i = 0; i < 50_000; i++) cal.addWorkingDays(starts[i]!, days[i]!);

const officeTime = time(() => {
  let x = 0;
  for (let i = 0; i < N; i++) x += cal.addWorkingDays(starts[i]!, days[i]!).due.getTime() % 7;
  return x;
});
const civilRun = time(() => {
  let x = 0;
  for (let i = 0; i < N; i++) x += civil.addWorkingDays(starts[i]!, days[i]!).due.getTime() % 7;
  return x;
});
const hours = time(() => {
  let x = 0;
  for (let i = 0; i < N; i++) x += cal.addWorkingHours(starts[i]!, 3).due.getTime() % 7;
  return x;
});
// Baseline 1: the same number of plain Date additions (calendar-blind, an allocation + an add).
const plain = time(() => {
  let x = 0;
  for (let i = 0; i < N; i++) x += new Date(starts[i]! + days[i]! * 24 * HOUR_MS).getTime() % 7;
  return x;
});
// Baseline 2: a naive minute-stepping implementation over a smaller count, scaled.
let mismatches = 0;
const naive = time(() => {
  let x = 0;
  for (let i = 0; i < NAIVE_N; i++) {
    const due = naiveAddWorkingMinutes(starts[i]!, days[i]! * 7 * 60);
    if (due !== cal.addWorkingDays(starts[i]!, days[i]!).due.getTime()) mismatches++;
    x += due % 7;
  }
  return x;
});

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
const out = {
  benchmark: 'calendar',
  computations: N,
  input:
    'due = start + {2, 5, 1} working days; starts uniformly random, minute-aligned, 2025-01-01..2026-12-01 (Asia/Shanghai)',
  calendarBuildMs: Number(buildMs.toFixed(1)),
  officeTimePolicy: {
    elapsedMs: Math.round(officeTime.ms),
    computationsPerSecond: perSecond(N, officeTime.ms),
  },
  endOfNthWorkingDayPolicy: {
    elapsedMs: Math.round(civilRun.ms),
    computationsPerSecond: perSecond(N, civilRun.ms),
  },
  addWorkingHours3: { elapsedMs: Math.round(hours.ms), computationsPerSecond: perSecond(N, hours.ms) },
  baselines: {
    plainDateAddition: {
      explanation: `the same ${N} starts + n×24 h with new Date(): the floor cost of producing a Date, no calendar`,
      elapsedMs: Math.round(plain.ms),
      computationsPerSecond: perSecond(N, plain.ms),
    },
    naiveMinuteStepping: {
      explanation: `a naive reference that steps minute by minute through office hours and holidays (test/calendar/naive-calendar.ts), run on the first ${NAIVE_N} inputs and scaled`,
      count: NAIVE_N,
      elapsedMs: Math.round(naive.ms),
      computationsPerSecond: perSecond(NAIVE_N, naive.ms),
      projectedMsFor1M: Math.round((naive.ms / NAIVE_N) * N),
      mismatchesWithCalendar: mismatches,
    },
  },
  ratios: {
    calendarVsPlainDate: Number((officeTime.ms / plain.ms).toFixed(2)),
    speedupVsNaive: Math.round(((naive.ms / NAIVE_N) * N) / officeTime.ms),
  },
  checksum: officeTime.check + civilRun.check + hours.check + plain.check + naive.check,
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
if (mismatches) process.exitCode = 1;
