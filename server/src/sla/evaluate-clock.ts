// Evaluate one SLA clock of the table: due time, warning time, state and elapsed time. Pure.
import type { CalendarWarning, Instant, WorkingCalendar } from '../calendar/index.ts';
import { HOUR_MS, MINUTE_MS } from '../calendar/index.ts';
import { DEFAULT_WARNING_SHARE, type SlaClockDefinition } from './clocks.ts';
import { CalendarSlaError } from './errors.ts';
import { clockById } from './select-clocks.ts';

export type ClockState = 'running' | 'met' | 'breached' | 'paused';

/** A pause of the clock; `to` absent = still paused. */
export interface PauseInterval {
  readonly from: Instant;
  readonly to?: Instant | null;
}

export interface EvaluateClockInput {
  readonly calendar: WorkingCalendar;
  readonly clock: SlaClockDefinition | string;
  readonly startedAt: Instant;
  /** When the stopping event happened (null/absent = not yet). */
  readonly stoppedAt?: Instant | null;
  readonly now: Instant;
  /** Approved extensions (延期), in working days, in order. */
  readonly extensionsWorkingDays?: readonly number[];
  readonly pauses?: readonly PauseInterval[];
  /** Share of the limit after which the clock is in warning (预警); default 0.75. */
  readonly warningShare?: number;
}

export interface ClockStatus {
  readonly clockId: string;
  readonly kind: SlaClockDefinition['kind'];
  readonly article: string;
  readonly nameZh: string;
  readonly measure: 'working-time' | 'wall-clock';
  readonly startedAt: Date;
  readonly stoppedAt: Date | null;
  /** Due time (moved by extensions and pauses; while paused: the due time if it resumed now). */
  readonly due: Date;
  readonly warningAt: Date;
  readonly state: ClockState;
  /** Running and past the warning time. */
  readonly inWarning: boolean;
  /** How long the clock ran (working ms for working-time clocks), pauses excluded. */
  readonly elapsedMs: number;
  /** The allowed amount in the same measure, extensions included. */
  readonly limitMs: number;
  /** limitMs − elapsedMs (negative once overdue). */
  readonly remainingMs: number;
  readonly extendedByWorkingDays: number;
  readonly provisional: boolean;
  readonly warnings: readonly CalendarWarning[];
}

interface Measure {
  between(a: number, b: number): number;
  add(a: number, x: number): number;
}

interface Span {
  from: number;
  to: number;
}

const ms = (t: Instant) => (typeof t === 'number' ? t : t.getTime());

function invalid(detail: string): never {
  throw new CalendarSlaError('SLA_INVALID_CLOCK_INPUT', detail);
}

/** Sorted, merged pauses clipped to [start, end]; open pauses end at `end`. */
function normalisePauses(pauses: readonly PauseInterval[], start: number, end: number): Span[] {
  const spans = pauses
    .map((p) => {
      const from = ms(p.from);
      const to = p.to == null ? end : ms(p.to);
      if (!Number.isFinite(from) || !Number.isFinite(to) || to < from)
        invalid(`pause ${String(p.from)}..${String(p.to)}`);
      return { from: Math.max(from, start), to: Math.min(to, end) };
    })
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
}

/** The instant at which `amount` of the measure has elapsed since start, skipping the pauses. */
function advance(m: Measure, start: number, amount: number, pauses: readonly Span[]): number {
  let pos = start;
  let rem = amount;
  for (const p of pauses) {
    const candidate = m.add(pos, rem);
    if (p.from >= candidate) return candidate;
    rem -= m.between(pos, p.from);
    pos = p.to;
  }
  return m.add(pos, rem);
}

export function evaluateClock(input: EvaluateClockInput): ClockStatus {
  const { calendar: cal } = input;
  const def = typeof input.clock === 'string' ? clockById(input.clock) : input.clock;
  const start = ms(input.startedAt);
  const now = ms(input.now);
  const stop = input.stoppedAt == null ? null : ms(input.stoppedAt);
  if (!Number.isFinite(start) || !Number.isFinite(now)) invalid('startedAt/now must be valid instants');
  if (stop !== null && (!Number.isFinite(stop) || stop < start))
    invalid('stoppedAt must not precede startedAt');
  const share = input.warningShare ?? DEFAULT_WARNING_SHARE;
  if (!(share > 0 && share <= 1)) invalid(`warningShare ${share} must be in (0, 1]`);
  const extensions = input.extensionsWorkingDays ?? [];
  if (extensions.length && !def.extendable) invalid(`clock ${def.id} is not extendable`);
  for (const e of extensions) if (!(Number.isFinite(e) && e > 0)) invalid(`extension ${e} working days`);

  const warnings = new Set<CalendarWarning>();
  const note = (r: { provisional: boolean; warning: CalendarWarning | undefined }) => {
    if (r.warning) warnings.add(r.warning);
  };
  const working = def.limit.unit === 'working-hours' || def.limit.unit === 'working-days';
  const m: Measure = working
    ? {
        between: (a, b) => {
          const r = cal.workingTimeBetween(a, b);
          note(r);
          return r.ms;
        },
        add: (a, x) => {
          const r = cal.addWorkingMs(a, x);
          note(r);
          return r.due.getTime();
        },
      }
    : { between: (a, b) => b - a, add: (a, x) => a + x };

  // Due time without pauses: the limit, then each approved extension in working days.
  let plainDue: number;
  switch (def.limit.unit) {
    case 'working-hours':
      plainDue = m.add(start, Math.round(def.limit.amount * HOUR_MS));
      break;
    case 'working-days': {
      const r = cal.addWorkingDays(start, def.limit.amount);
      note(r);
      plainDue = r.due.getTime();
      break;
    }
    case 'wall-clock-hours':
      plainDue = start + Math.round(def.limit.amount * HOUR_MS);
      break;
    case 'wall-clock-minutes':
      plainDue = start + Math.round(def.limit.amount * MINUTE_MS);
      break;
  }
  for (const days of extensions) {
    const r = cal.addWorkingDays(plainDue, days);
    note(r);
    plainDue = r.due.getTime();
  }
  const limitMs = m.between(start, plainDue);

  const end = stop ?? Math.max(now, start);
  const pauses = normalisePauses(input.pauses ?? [], start, end);
  const due = advance(m, start, limitMs, pauses);
  const warningAt = advance(m, start, Math.round(limitMs * share), pauses);
  const paused = pauses.reduce((sum, p) => sum + m.between(p.from, p.to), 0);
  const elapsedMs = m.between(start, end) - paused;

  const openPause = stop === null && (input.pauses ?? []).some((p) => p.to == null && ms(p.from) <= now);
  let state: ClockState;
  if (stop !== null) state = stop <= due ? 'met' : 'breached';
  else if (openPause) state = 'paused';
  else state = now > due ? 'breached' : 'running';

  return {
    clockId: def.id,
    kind: def.kind,
    article: def.article,
    nameZh: def.nameZh,
    measure: working ? 'working-time' : 'wall-clock',
    startedAt: new Date(start),
    stoppedAt: stop === null ? null : new Date(stop),
    due: new Date(due),
    warningAt: new Date(warningAt),
    state,
    inWarning: state === 'running' && now >= warningAt,
    elapsedMs,
    limitMs,
    remainingMs: limitMs - elapsedMs,
    extendedByWorkingDays: extensions.reduce((a, b) => a + b, 0),
    provisional: warnings.size > 0,
    warnings: [...warnings],
  };
}
