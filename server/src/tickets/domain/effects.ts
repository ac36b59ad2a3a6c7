// What must happen after an event is recorded: notifications to receiving units and timers for
// every running clock (SLA warnings/breaches, auto-close, special notification). Pure — the job
// adapter turns these into BullMQ jobs with these deterministic ids (so re-running is harmless).
import type { TicketEvent } from './events.ts';
import type { TicketClock } from './sla-port.ts';
import { type Assignment, OPEN_PHASES, type TicketState } from './state.ts';

export type NotifyKind =
  | 'dispatched'
  | 'forwarded'
  | 'redispatched'
  | 'sent_back'
  | 'sla_breached'
  | 'special';

export interface NotifyEffect {
  kind: 'notify';
  id: string;
  unitId: string;
  ticketId: string;
  seq: number;
  reason: NotifyKind;
}

export type TimerData =
  | {
      type: 'sla';
      ticketId: string;
      clock: TicketClock;
      unitId?: string;
      dueAt: string;
      stage: 'warning' | 'breach';
    }
  | { type: 'auto_close'; ticketId: string; openedAt: string }
  | { type: 'special_notify'; ticketId: string };

export interface TimerEffect {
  kind: 'timer';
  id: string;
  runAt: string;
  data: TimerData;
}

export type Effect = NotifyEffect | TimerEffect;

export interface EffectDeps {
  /** When a clock of this kind started at `start` enters warning (from the SLA table). */
  warningAt(clock: TicketClock, start: Date, ticket: TicketState['intake']): Date;
  /** Due time of a clock (for clocks whose due time is not kept in the state). */
  dueAt(clock: TicketClock, start: Date, ticket: TicketState['intake']): Date;
  callbackWindowMs: number;
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');

function notify(e: TicketEvent, unitId: string, reason: NotifyKind): NotifyEffect {
  return {
    kind: 'notify',
    id: safe(`n.${e.ticketId}.${e.seq}.${unitId}.${reason}`),
    unitId,
    ticketId: e.ticketId,
    seq: e.seq,
    reason,
  };
}

function clockTimers(
  s: TicketState,
  clock: TicketClock,
  start: string,
  dueAt: string,
  deps: EffectDeps,
  unitId?: string,
): TimerEffect[] {
  const base = { type: 'sla' as const, ticketId: s.id, clock, dueAt, ...(unitId ? { unitId } : {}) };
  const key = `${s.id}.${clock}.${unitId ?? ''}.${Date.parse(dueAt)}`;
  const warn = deps.warningAt(clock, new Date(start), s.intake).toISOString();
  return [
    { kind: 'timer', id: safe(`sla.${key}.w`), runAt: warn, data: { ...base, stage: 'warning' } },
    { kind: 'timer', id: safe(`sla.${key}.b`), runAt: dueAt, data: { ...base, stage: 'breach' } },
  ];
}

function newAssignments(e: TicketEvent, s: TicketState): Assignment[] {
  if (e.type === 'dispatched') return (e.payload.assignments as Assignment[]) ?? [];
  if (e.type === 'forwarded') return [e.payload.assignment as Assignment];
  if (e.type === 'redispatched')
    return s.assignments.filter((a) => a.unitId === e.payload.unitId && a.status === 'dispatched');
  return [];
}

export function effectsOf(e: TicketEvent, s: TicketState, deps: EffectDeps): Effect[] {
  const out: Effect[] = [];
  if (e.type === 'created') {
    if (s.dispatchDueAt) out.push(...clockTimers(s, 'dispatch', s.createdAt, s.dispatchDueAt, deps));
    if (s.specialNotifyDueAt) {
      out.push({
        kind: 'timer',
        id: safe(`special.${s.id}`),
        runAt: s.createdAt,
        data: { type: 'special_notify', ticketId: s.id },
      });
      out.push(...clockTimers(s, 'special_notify', s.createdAt, s.specialNotifyDueAt, deps));
    }
  }
  const reason: NotifyKind | undefined =
    e.type === 'dispatched'
      ? 'dispatched'
      : e.type === 'forwarded'
        ? 'forwarded'
        : e.type === 'redispatched'
          ? 'redispatched'
          : undefined;
  for (const a of newAssignments(e, s)) {
    if (reason) out.push(notify(e, a.unitId, reason));
    out.push(...clockTimers(s, 'sign_for', a.dispatchedAt, a.signDueAt, deps, a.unitId));
  }
  if (
    (e.type === 'dispatched' || e.type === 'redispatched' || e.type === 'extension_approved') &&
    s.completionDueAt
  )
    out.push(...clockTimers(s, 'completion', s.dispatchedAt ?? e.at, s.completionDueAt, deps));
  if (e.type === 'dispatched' && s.intake.priority !== 'normal') {
    const start = s.dispatchedAt ?? e.at;
    for (const clock of ['special_first_response', 'special_progress'] as const)
      out.push(
        ...clockTimers(s, clock, start, deps.dueAt(clock, new Date(start), s.intake).toISOString(), deps),
      );
  }
  if (e.type === 'sent_back' && s.replyingUnitId) out.push(notify(e, s.replyingUnitId, 'sent_back'));
  if (e.type === 'sla_breached') {
    out.push(notify(e, 'authority', 'sla_breached'));
    const unit = (e.payload.unitId as string | undefined) ?? s.replyingUnitId;
    if (unit) out.push(notify(e, unit, 'sla_breached'));
  }
  if ((e.type === 'review_passed' || e.type === 'answered_immediately') && s.callbackOpenedAt) {
    const runAt = new Date(Date.parse(s.callbackOpenedAt) + deps.callbackWindowMs).toISOString();
    out.push({
      kind: 'timer',
      id: safe(`close.${s.id}.${Date.parse(s.callbackOpenedAt)}`),
      runAt,
      data: { type: 'auto_close', ticketId: s.id, openedAt: s.callbackOpenedAt },
    });
  }
  return out;
}

/** Is this clock still running in this state (otherwise its timer is stale and does nothing)? */
export function clockRunning(s: TicketState, d: Extract<TimerData, { type: 'sla' }>): boolean {
  if (!OPEN_PHASES.includes(s.phase)) return false;
  switch (d.clock) {
    case 'dispatch':
      return !s.dispatchedAt && (s.phase === 'registered' || s.phase === 'escalated');
    case 'sign_for':
      return s.assignments.some(
        (a) => a.unitId === d.unitId && a.status === 'dispatched' && a.signDueAt === d.dueAt,
      );
    case 'completion':
      return s.phase === 'handling' && s.completionDueAt === d.dueAt;
    case 'special_notify':
      return !s.specialNotifiedAt;
    case 'special_first_response':
      return !s.firstResponseAt && (s.phase === 'handling' || s.phase === 'awaiting_review');
    case 'special_progress':
      return !s.progressReportedAt && s.phase === 'handling';
    case 'return_window':
      return false;
  }
}
