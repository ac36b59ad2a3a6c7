// What each lifecycle command asks for in the portal, as data (one row per command), and the pure
// validation that turns typed-in values into the command's body. The server's transition table stays
// the authority; this only keeps obviously incomplete forms from being sent (Art. 13, 14, 17, 19).
import type { TicketView } from '../../../../server/src/contracts/tickets.ts';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'number'
  | 'yesno'
  | 'select'
  | 'unit'
  | 'units'
  | 'rating'
  | 'attachments';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** select options (values); labels come from portal.opt.<name>.<value> */
  options?: readonly string[];
  /** which org units the unit pickers offer */
  units?: 'departments' | 'county_offices' | 'returning';
  /** shown only when this returns true for the current values */
  when?: (v: Values) => boolean;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

export interface CommandSpec {
  /** 'primary' commands get a coloured button; 'danger' a red one */
  tone: 'primary' | 'plain' | 'danger';
  fields: readonly FieldSpec[];
}

const unhappy = (v: Values) => v.service === '不满意' || v.result === '不满意';

/** Reply fields required per ticket type come from the server (GET /api/tickets/meta replyRequirements). */
const REPLY_FIELDS: Record<string, FieldKind> = {
  policyBasis: 'textarea',
  contactMethod: 'text',
  investigation: 'textarea',
  requesterSatisfied: 'yesno',
  adopted: 'yesno',
};

export function commandSpec(
  command: string,
  ticket: Pick<TicketView, 'intake'>,
  replyRequirements: Record<string, readonly string[]> = {},
): CommandSpec {
  switch (command) {
    case 'dispatched':
      return {
        tone: 'primary',
        fields: [
          { name: 'mode', kind: 'select', required: true, options: ['single', 'multi', 'territorial'] },
          {
            name: 'unitId',
            kind: 'unit',
            required: true,
            units: 'departments',
            when: (v) => v.mode !== 'territorial',
          },
          {
            name: 'countyOfficeId',
            kind: 'unit',
            required: true,
            units: 'county_offices',
            when: (v) => v.mode === 'territorial',
          },
          {
            name: 'coUnitIds',
            kind: 'units',
            required: true,
            units: 'departments',
            when: (v) => v.mode === 'multi',
          },
        ],
      };
    case 'replied': {
      const req = new Set(replyRequirements[ticket.intake.type] ?? []);
      const optional = ['policyBasis'].filter((f) => !req.has(f));
      return {
        tone: 'primary',
        fields: [
          { name: 'handler', kind: 'text', required: true },
          { name: 'summary', kind: 'textarea', required: true },
          ...[...req, ...optional].map((f) => ({
            name: f,
            kind: REPLY_FIELDS[f] ?? 'text',
            required: req.has(f),
          })),
          { name: 'attachmentIds', kind: 'attachments', required: false },
        ],
      };
    }
    case 'return_requested':
      return {
        tone: 'danger',
        fields: [
          { name: 'reason', kind: 'textarea', required: true },
          { name: 'policyBasis', kind: 'textarea', required: true },
          { name: 'suggestedUnitId', kind: 'unit', required: true, units: 'departments' },
        ],
      };
    case 'extension_requested':
      return {
        tone: 'plain',
        fields: [
          { name: 'days', kind: 'number', required: true },
          { name: 'reason', kind: 'textarea', required: true },
          { name: 'lawBasis', kind: 'text', required: false },
        ],
      };
    case 'callback_recorded':
      return {
        tone: 'primary',
        fields: [
          { name: 'method', kind: 'select', required: true, options: ['phone', 'sms', 'in_person'] },
          { name: 'service', kind: 'rating', required: true },
          { name: 'result', kind: 'rating', required: true },
          {
            name: 'dissatisfiedCause',
            kind: 'select',
            required: true,
            options: ['poor_handling', 'objective'],
            when: unhappy,
          },
          { name: 'note', kind: 'text', required: false },
        ],
      };
    case 'forwarded':
      return {
        tone: 'plain',
        fields: [{ name: 'toUnitId', kind: 'unit', required: true, units: 'departments' }],
      };
    case 'input_submitted':
      return { tone: 'primary', fields: [{ name: 'input', kind: 'textarea', required: true }] };
    case 'requester_informed':
      return { tone: 'plain', fields: [{ name: 'how', kind: 'text', required: true }] };
    case 'sent_back':
    case 'extension_rejected':
    case 'escalated':
    case 'rating_disputed':
      return {
        tone: command === 'sent_back' ? 'danger' : 'plain',
        fields: [{ name: 'reason', kind: 'textarea', required: true }],
      };
    case 'return_approved':
      return {
        tone: 'plain',
        fields: [{ name: 'unitId', kind: 'unit', required: true, units: 'returning' }],
      };
    case 'return_rejected':
      return {
        tone: 'plain',
        fields: [
          { name: 'unitId', kind: 'unit', required: true, units: 'returning' },
          { name: 'reason', kind: 'textarea', required: true },
        ],
      };
    case 'annotated_closed':
      return { tone: 'plain', fields: [{ name: 'annotation', kind: 'textarea', required: true }] };
    case 'instruction_recorded':
      return { tone: 'primary', fields: [{ name: 'instruction', kind: 'textarea', required: true }] };
    case 'dispute_screened':
      return {
        tone: 'plain',
        fields: [
          { name: 'upheld', kind: 'yesno', required: true },
          { name: 'note', kind: 'textarea', required: true },
        ],
      };
    case 'supervision_raised':
      return {
        tone: 'danger',
        fields: [
          { name: 'level', kind: 'select', required: true, options: ['1', '2', '3', '4'] },
          { name: 'reason', kind: 'textarea', required: true },
        ],
      };
    case 'terminated':
      return {
        tone: 'danger',
        fields: [
          { name: 'opinion', kind: 'textarea', required: true },
          { name: 'signedBy', kind: 'text', required: true },
          { name: 'priorTicketIds', kind: 'text', required: true },
          { name: 'explainedToRequester', kind: 'yesno', required: true },
        ],
      };
    default:
      // signed_for, return_signed_off, review_passed, extension_approved, redispatched: one click
      return {
        tone: command === 'signed_for' || command === 'review_passed' ? 'primary' : 'plain',
        fields: [],
      };
  }
}

/** Commands the portal never offers as buttons (jobs or the ticket form do them). */
export const HIDDEN_COMMANDS: readonly string[] = [
  'answered_immediately',
  'merged_into',
  'requester_linked',
  'sla_warning',
  'sla_breached',
  'special_notified',
  'auto_rated',
  'not_accepted',
];

export type BuildResult = { ok: true; body: Record<string, unknown> } | { ok: false; missing: string[] };

const empty = (v: unknown) =>
  v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && v.length === 0);

/** Validates the values against the spec and builds the body the server expects. */
export function buildBody(command: string, spec: CommandSpec, values: Values): BuildResult {
  const missing: string[] = [];
  const body: Record<string, unknown> = {};
  for (const f of spec.fields) {
    if (f.when && !f.when(values)) continue;
    const v = values[f.name];
    if (empty(v)) {
      if (f.required) missing.push(f.name);
      continue;
    }
    if (f.kind === 'number') {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) missing.push(f.name);
      else body[f.name] = n;
    } else if (f.kind === 'yesno') body[f.name] = v === true || v === 'yes';
    else if (typeof v === 'string') body[f.name] = v.trim();
    else body[f.name] = v;
  }
  if (missing.length) return { ok: false, missing };
  if (command === 'dispatched' && body.mode === 'territorial') {
    body.unitId = body.countyOfficeId;
    delete body.countyOfficeId;
  }
  if (command === 'dispatched' && Array.isArray(body.coUnitIds) && body.coUnitIds.includes(body.unitId))
    return { ok: false, missing: ['coUnitIds'] };
  if (command === 'supervision_raised') body.level = Number(body.level);
  if (command === 'terminated' && typeof body.priorTicketIds === 'string')
    body.priorTicketIds = body.priorTicketIds.split(/[\s,，、]+/).filter(Boolean);
  return { ok: true, body };
}

/**
 * Of the commands the server allows this user in the ticket's phase, those that make sense for the
 * user's own unit now (its assignment's state, pending requests), so the portal shows no dead buttons.
 * The server still decides; this only hides what it would certainly refuse.
 */
export function relevantCommands(
  t: Pick<
    TicketView,
    'allowedCommands' | 'assignments' | 'replyingUnitId' | 'extensions' | 'callbacks' | 'dispute'
  >,
  orgUnitId: string,
): string[] {
  const mine = t.assignments.filter((a) => a.unitId === orgUnitId);
  const has = (...statuses: string[]) => mine.some((a) => statuses.includes(a.status));
  const replying = t.replyingUnitId === orgUnitId;
  const pendingExt = t.extensions.some((x) => x.status === 'requested');
  const uninformed = t.extensions.some((x) => x.status === 'approved' && !x.requesterInformed);
  const last = t.callbacks[t.callbacks.length - 1];
  const unhappy = last !== undefined && (last.service === '不满意' || last.result === '不满意');
  const anyReturn = (...statuses: string[]) => t.assignments.some((a) => statuses.includes(a.status));
  const keep: Record<string, () => boolean> = {
    signed_for: () => has('dispatched'),
    forwarded: () => has('signed'),
    input_submitted: () => mine.some((a) => a.role === 'co' && a.status === 'signed'),
    replied: () => replying && has('signed'),
    return_requested: () => has('dispatched', 'signed'),
    return_signed_off: () => has('return_requested'),
    extension_requested: () => replying && has('signed') && !pendingExt,
    requester_informed: () => replying && uninformed,
    terminated: () => replying && has('signed'),
    return_approved: () => anyReturn('return_signed'),
    return_rejected: () => anyReturn('return_requested', 'return_signed'),
    extension_approved: () => pendingExt,
    extension_rejected: () => pendingExt,
    redispatched: () => last?.dissatisfiedCause === 'poor_handling',
    annotated_closed: () => last?.dissatisfiedCause !== 'poor_handling',
    rating_disputed: () => replying && unhappy && !t.dispute,
    dispute_screened: () => t.dispute?.status === 'pending',
  };
  return t.allowedCommands.filter((c) => !HIDDEN_COMMANDS.includes(c) && (keep[c]?.() ?? true));
}
