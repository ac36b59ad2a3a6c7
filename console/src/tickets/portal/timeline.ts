// Timeline lines from the ticket's event log (GET /api/tickets/:id/events). Pure.
import type { TicketEventView } from '../../../../server/src/contracts/tickets.ts';
import { beijingIso } from '../../domain/beijing-time.ts';

export interface TimelineLine {
  seq: number;
  at: string;
  type: string;
  role: string;
  unitId?: string;
  /** short human text from the payload (reason, reply summary, units, ratings …) */
  detail: string;
}

const s = (v: unknown) => (typeof v === 'string' ? v : '');

export function timelineDetail(
  e: TicketEventView,
  unitName: (id: string) => string,
  roleLabel: (role: string) => string = () => '',
): string {
  const p = e.payload as Record<string, unknown>;
  switch (e.type) {
    case 'created': {
      const i = p.intake as { type?: string; content?: string } | undefined;
      return [i?.type, i?.content].filter(Boolean).join(' · ');
    }
    case 'dispatched': {
      const as = (p.assignments as { unitId: string; role: string }[] | undefined) ?? [];
      return as
        .map((a) =>
          a.role === 'lead' || a.role === 'co'
            ? `${unitName(a.unitId)}（${roleLabel(a.role)}）`
            : unitName(a.unitId),
        )
        .join('、');
    }
    case 'forwarded':
      return unitName(s((p.assignment as { unitId?: string } | undefined)?.unitId));
    case 'replied':
      return s((p.content as { summary?: string } | undefined)?.summary);
    case 'callback_recorded':
      return `${s(p.service)} / ${s(p.result)}`;
    case 'answered_immediately':
      return s(p.answer);
    case 'not_accepted':
      return s(p.guidance);
    case 'input_submitted':
      return s(p.input);
    case 'extension_requested':
      return `${String(p.days ?? '')} · ${s(p.reason)}`;
    case 'return_requested':
      return `${s(p.reason)} → ${unitName(s(p.suggestedUnitId))}`;
    case 'supervision_raised':
      return `${String(p.level ?? '')} · ${s(p.reason)}`;
    case 'sla_warning':
    case 'sla_breached':
      return s(p.clock);
    default:
      return s(p.reason) || s(p.annotation) || s(p.instruction) || s(p.note) || s(p.how) || s(p.opinion);
  }
}

export function timeline(
  events: readonly TicketEventView[],
  unitName: (id: string) => string,
  roleLabel?: (role: string) => string,
): TimelineLine[] {
  return events.map((e) => ({
    seq: e.seq,
    at: e.at,
    type: e.type,
    role: e.actor.role,
    unitId: e.actor.unitId,
    detail: timelineDetail(e, unitName, roleLabel),
  }));
}

/** Shanghai wall-clock for display, independent of the browser's zone: 2026-11-28 14:05. */
export function shanghaiTime(iso: string): string {
  return beijingIso(Date.parse(iso)).slice(0, 16).replace('T', ' ');
}
