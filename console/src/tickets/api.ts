// Tickets API client (server/src/tickets/http/*, contracts in server/src/contracts/tickets.ts),
// over the console's one HTTP adapter (session cookie + CSRF header, typed ConsoleError).

import type { Me } from '../../../server/src/contracts/auth.ts';
import type { IssuedGrant as CallbackGrant } from '../../../server/src/contracts/callbacks.ts';
import type {
  AttachmentUploaded,
  CallbackTask,
  CategoryNode,
  DuplicateSuggestion,
  NotAcceptedReason,
  Phase,
  RegisterTicketResponse,
  TicketEventView,
  TicketListResponse,
  TicketType,
  TicketView,
} from '../../../server/src/contracts/tickets.ts';
import type { OrgUnit } from '../../../server/src/contracts/users.ts';
import { api } from '../api/http.ts';
import { config } from '../config.ts';
import { ConsoleError } from '../errors.ts';

export type { CallbackGrant, OrgUnit };

/** GET /api/tickets/meta — what the ticket form and the portal need. */
export interface TicketMeta {
  types: TicketType[];
  priorities: string[];
  ratings: string[];
  phases: Phase[];
  categories: CategoryNode[];
  notAcceptedReasons: NotAcceptedReason[];
  replyRequirements: Record<TicketType, string[]>;
  commands: Record<string, { article: string; from: Phase[]; roles: string[] }>;
  callbackWindowHours: number;
}

export interface TicketQuery {
  phase?: Phase[];
  county?: string;
  unitId?: string;
  order?: 'created' | 'deadline';
  limit?: number;
}

function qs(q: TicketQuery): string {
  const p = new URLSearchParams();
  for (const ph of q.phase ?? []) p.append('phase', ph);
  if (q.county) p.set('county', q.county);
  if (q.unitId) p.set('unitId', q.unitId);
  if (q.order) p.set('order', q.order);
  if (q.limit) p.set('limit', String(q.limit));
  const s = p.toString();
  return s ? `?${s}` : '';
}

const id = encodeURIComponent;

export const ticketsApi = {
  meta: () => api<TicketMeta>('GET', '/api/tickets/meta'),
  me: () => api<Me>('GET', '/api/auth/me'),
  orgUnits: () => api<{ items: OrgUnit[] }>('GET', '/api/org-units').then((r) => r.items),
  register: (body: unknown) => api<RegisterTicketResponse>('POST', '/api/tickets', body),
  get: (ticketId: string) => api<TicketView>('GET', `/api/tickets/${id(ticketId)}`),
  events: (ticketId: string) => api<TicketEventView[]>('GET', `/api/tickets/${id(ticketId)}/events`),
  list: (q: TicketQuery = {}) => api<TicketListResponse>('GET', `/api/tickets${qs(q)}`),
  callbacks: () => api<CallbackTask[]>('GET', '/api/tickets/callbacks'),
  /** 回访: a short-lived grant to dial the requester (server/src/callbacks). */
  callbackGrant: (ticketId: string) =>
    api<CallbackGrant>('POST', `/api/tickets/${id(ticketId)}/callback-grant`, {}),
  command: (ticketId: string, command: string, body: Record<string, unknown> = {}) =>
    api<TicketView>('POST', `/api/tickets/${id(ticketId)}/commands/${id(command)}`, body),
  merge: (ticketId: string, primaryId: string) =>
    api<TicketView>('POST', `/api/tickets/${id(ticketId)}/merge`, { primaryId }),
  duplicates: (ticketId: string) =>
    api<DuplicateSuggestion[]>('GET', `/api/tickets/${id(ticketId)}/duplicates`),
  /** multipart upload (field `file`); the CSRF token is read fresh from the session. */
  async upload(file: File): Promise<AttachmentUploaded> {
    const me = await api<{ csrfToken: string }>('GET', '/api/auth/me');
    const form = new FormData();
    form.append('file', file, file.name);
    let res: Response;
    try {
      res = await fetch(`${config.apiBase}/api/tickets/attachments`, {
        method: 'POST',
        body: form,
        credentials: 'include',
        headers: { 'x-csrf-token': me.csrfToken, accept: 'application/json' },
      });
    } catch (e) {
      throw new ConsoleError('NETWORK', { message: (e as Error).message });
    }
    const body = (await res.json().catch(() => null)) as
      | (AttachmentUploaded & { error?: { code?: string; messages?: { 'zh-CN': string; en: string } } })
      | null;
    if (!res.ok)
      throw new ConsoleError(res.status === 403 ? 'FORBIDDEN' : 'BAD_PAYLOAD', {
        status: res.status,
        serverCode: body?.error?.code,
        messages: body?.error?.messages,
      });
    return body as AttachmentUploaded;
  },
};

export type TicketsApi = typeof ticketsApi;

/** The server's localised message for an error, else the console's own. */
export function errorText(e: unknown, lang: string, t: (k: string) => string): string {
  if (e instanceof ConsoleError) {
    const m = e.detail.messages as { 'zh-CN': string; en: string } | undefined;
    const fields = e.detail.fields as { messages?: { 'zh-CN': string; en: string } }[] | undefined;
    const base = m ? (lang === 'en' ? m.en : m['zh-CN']) : t(e.i18nKey);
    const extra = fields
      ?.map((f) => (lang === 'en' ? f.messages?.en : f.messages?.['zh-CN']))
      .filter(Boolean);
    return extra?.length ? `${base}：${extra.join('；')}` : base;
  }
  return t('errors.SERVER_ERROR');
}
