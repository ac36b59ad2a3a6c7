// Ticket form (工单登记) logic, pure: initial values from the current call, validation, the intake
// payload for POST /api/tickets and the follow-up command for 即办 / 不予受理 (Art. 10, 11, 12).
import type {
  CategoryNode,
  NotAcceptedReason,
  Priority,
  TicketIntake,
  TicketType,
} from '../../../server/src/contracts/tickets.ts';

export type Disposition = 'dispatch' | 'immediate' | 'not_accepted';
export const DISPOSITIONS: readonly Disposition[] = ['dispatch', 'immediate', 'not_accepted'];

export interface CitedArticle {
  id: string;
  title: string;
}

export interface TicketFormState {
  callId?: string;
  name: string;
  phone: string;
  anonymous: boolean;
  confidential: boolean;
  type: TicketType | '';
  categoryId: string;
  county: string;
  township: string;
  address: string;
  /** datetime-local value (China time as typed), '' = not given */
  occurredAt: string;
  content: string;
  priority: Priority;
  disposition: Disposition;
  answer: string;
  cited: CitedArticle | null;
  reasonCode: number | null;
  guidance: string;
}

export type FormErrors = Partial<Record<keyof TicketFormState, string>>;

export interface CallContext {
  callId: string;
  callerNumber: string;
  /** from the screen-pop: the county of the caller's earlier tickets */
  countyGuess?: string;
  /** the queue's priority as the screen-pop normalised it (special / special-urgent; others are normal) */
  priority?: string;
}

const PRIORITY_OF: Record<string, Priority> = { special: '特殊事项', 'special-urgent': '特殊紧急事项' };

export function initialForm(call?: CallContext): TicketFormState {
  return {
    callId: call?.callId,
    name: '',
    phone: call && /^[0-9+\-\s]{3,32}$/.test(call.callerNumber) ? call.callerNumber : '',
    anonymous: false,
    confidential: false,
    type: '',
    categoryId: '',
    county: call?.countyGuess ?? '',
    township: '',
    address: '',
    occurredAt: '',
    content: '',
    priority: PRIORITY_OF[call?.priority ?? ''] ?? 'normal',
    disposition: 'dispatch',
    answer: '',
    cited: null,
    reasonCode: null,
    guidance: '',
  };
}

/** Shows a phone number the way the server masks it for roles without plain-text access: 138****5678. */
export function maskPhone(phone: string, plain: boolean): string {
  if (plain || !phone) return phone;
  const d = phone.replace(/\s/g, '');
  if (d.length <= 4) return '*'.repeat(d.length);
  if (d.length < 8) return `${d.slice(0, 1)}${'*'.repeat(d.length - 3)}${d.slice(-2)}`;
  return `${d.slice(0, 3)}${'*'.repeat(d.length - 7)}${d.slice(-4)}`;
}

/** Choosing a 不予受理 reason fills in its guidance text (the agent may edit it). */
export function chooseReason(
  f: TicketFormState,
  code: number | null,
  reasons: readonly NotAcceptedReason[],
): TicketFormState {
  const r = reasons.find((x) => x.code === code);
  return { ...f, reasonCode: r ? r.code : null, guidance: r ? r.guidanceZh : '' };
}

/** One click in the KB panel: cite the article and make the ticket a 即办. */
export function citeArticle(f: TicketFormState, a: CitedArticle, snippet = ''): TicketFormState {
  return {
    ...f,
    disposition: 'immediate',
    cited: a,
    answer: f.answer.trim() ? f.answer : snippet ? `${a.title}：${snippet}` : a.title,
  };
}

export function validateForm(f: TicketFormState, now: Date = new Date()): FormErrors {
  const e: FormErrors = {};
  if (!f.type) e.type = 'tickets.err.type';
  if (!f.categoryId) e.categoryId = 'tickets.err.categoryId';
  if (!f.county) e.county = 'tickets.err.county';
  if (!f.content.trim()) e.content = 'tickets.err.content';
  if (f.phone.trim() && !/^[0-9+\-\s]{3,32}$/.test(f.phone.trim())) e.phone = 'tickets.err.phone';
  if (f.occurredAt && Date.parse(toIsoShanghai(f.occurredAt)) > now.getTime())
    e.occurredAt = 'tickets.err.occurredAt';
  if (f.disposition === 'immediate' && !f.answer.trim()) e.answer = 'tickets.err.answer';
  if (f.disposition === 'not_accepted' && f.reasonCode === null) e.reasonCode = 'tickets.err.reasonCode';
  return e;
}

/** datetime-local text is China time (UTC+08:00, no DST): give it an explicit offset. */
export function toIsoShanghai(local: string): string {
  return /[zZ]|[+-]\d{2}:\d{2}$/.test(local) ? local : `${local.length === 16 ? `${local}:00` : local}+08:00`;
}

type IntakeBody = Omit<TicketIntake, 'attachments' | 'recordingIds' | 'requester'> & {
  requester: { name?: string; phone?: string; anonymous: boolean; confidential: boolean };
  attachmentIds: string[];
};

/** The body of POST /api/tickets. */
export function toIntake(f: TicketFormState, attachmentIds: readonly string[] = []): IntakeBody {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    channel: 'phone',
    requester: {
      name: f.anonymous ? undefined : opt(f.name),
      phone: opt(f.phone),
      anonymous: f.anonymous,
      confidential: f.confidential,
    },
    content: f.content.trim(),
    occurredAt: f.occurredAt ? toIsoShanghai(f.occurredAt) : undefined,
    location: { county: f.county, township: opt(f.township), address: opt(f.address) },
    type: f.type as TicketType,
    categoryId: f.categoryId,
    priority: f.priority,
    callIds: f.callId ? [f.callId] : [],
    attachmentIds: [...attachmentIds],
  };
}

/** The command that follows registration (POST /api/tickets/:id/commands/:command), if any. */
export function followUp(f: TicketFormState): { command: string; body: Record<string, unknown> } | null {
  if (f.disposition === 'immediate')
    return {
      command: 'answered_immediately',
      body: { answer: f.answer.trim(), ...(f.cited ? { kbArticleId: f.cited.id } : {}) },
    };
  if (f.disposition === 'not_accepted')
    return {
      command: 'not_accepted',
      body: { reasonCode: f.reasonCode, ...(f.guidance.trim() ? { guidance: f.guidance.trim() } : {}) },
    };
  return null;
}

export interface CategoryOption {
  id: string;
  /** path label, e.g. 公共服务 / 供水 */
  label: string;
  zh: string;
  en: string;
  leaf: boolean;
}

export function flattenCategories(tree: readonly CategoryNode[], lang: string): CategoryOption[] {
  const out: CategoryOption[] = [];
  const walk = (nodes: readonly CategoryNode[], trail: string[]) => {
    for (const n of nodes) {
      const name = lang === 'en' ? n.en : n.zh;
      const path = [...trail, name];
      out.push({ id: n.id, label: path.join(' / '), zh: n.zh, en: n.en, leaf: !n.children?.length });
      if (n.children) walk(n.children, path);
    }
  };
  walk(tree, []);
  return out;
}

/** Leaves first, then exact-prefix matches; matches Chinese names, English names and ids. */
export function searchCategories(options: readonly CategoryOption[], q: string, max = 8): CategoryOption[] {
  const s = q.trim().toLowerCase();
  if (!s) return options.filter((o) => o.leaf).slice(0, max);
  const score = (o: CategoryOption) => {
    const hay = [o.zh, o.en.toLowerCase(), o.id, o.label.toLowerCase()];
    if (!hay.some((h) => h.includes(s))) return -1;
    return (o.leaf ? 2 : 0) + (o.zh.startsWith(s) || o.en.toLowerCase().startsWith(s) ? 1 : 0);
  };
  return options
    .map((o) => ({ o, sc: score(o) }))
    .filter((x) => x.sc >= 0)
    .sort((a, b) => b.sc - a.sc)
    .slice(0, max)
    .map((x) => x.o);
}
