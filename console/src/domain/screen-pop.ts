// Screen-pop view model on an offer: the call's headers plus the caller's history from the server.
// The server masks the number per role; the console shows what it is given.
import type { CallInfo } from './softphone-state.ts';

export interface PriorCall {
  /** The server's call id (plays the call's 录音 for users allowed to). */
  callId?: string;
  at: number;
  answered: boolean;
  ticketNo?: string;
}
export interface PriorTicket {
  ticketNo: string;
  at: number;
  county?: string;
  summary: string;
  status: string;
}
export interface CallerHistory {
  maskedNumber?: string;
  calls: PriorCall[];
  tickets: PriorTicket[];
  nuisance: boolean;
  /** The server's 重复来电 flag (its configured count and window); the console's own rule otherwise. */
  repeatCaller?: boolean;
  /** The server's county guess over all of the caller's tickets. */
  countyGuess?: string;
}

export interface ScreenPop {
  callerNumber: string;
  queue?: string;
  priority: Priority;
  language?: string;
  waitSeconds: number;
  repeatCaller: boolean;
  nuisance: boolean;
  countyGuess?: string;
  recentCalls: PriorCall[];
  recentTickets: PriorTicket[];
}

/** A caller is a repeat caller with at least this many earlier calls in the window. */
export const REPEAT_CALLS = 2;
export const REPEAT_WINDOW_MS = 7 * 24 * 3600 * 1000;

/** special-urgent: the queue's 'urgent' (header 2); elderly: the queue's priority line for older callers (header 1). */
export type Priority = 'normal' | 'elderly' | 'special' | 'special-urgent';

export function normalisePriority(p: string | undefined): Priority {
  const v = (p ?? '').toLowerCase();
  if (v === 'special-urgent' || v === 'urgent' || v === '2') return 'special-urgent';
  if (v === 'elderly' || v === '1') return 'elderly';
  if (v === 'special') return 'special';
  return 'normal';
}

/** Most frequent county among prior tickets; ties go to the most recent. */
export function guessCounty(tickets: readonly PriorTicket[]): string | undefined {
  const score = new Map<string, { n: number; last: number }>();
  for (const t of tickets) {
    if (!t.county) continue;
    const cur = score.get(t.county) ?? { n: 0, last: 0 };
    score.set(t.county, { n: cur.n + 1, last: Math.max(cur.last, t.at) });
  }
  let best: string | undefined;
  let bestScore = { n: 0, last: 0 };
  for (const [county, s] of score) {
    if (s.n > bestScore.n || (s.n === bestScore.n && s.last > bestScore.last)) {
      best = county;
      bestScore = s;
    }
  }
  return best;
}

/**
 * Display fallback until the server's masked number (agent:offer push / caller history) arrives: the SIP
 * header carries the full number, which an agent's screen never shows unmasked by default.
 */
export function maskForDisplay(n: string): string {
  const d = n.replace(/\s/g, '');
  if (d.length <= 4 || d.includes('*')) return d;
  const keepHead = Math.min(3, Math.max(0, d.length - 7)); // at least 3 digits hidden
  return `${d.slice(0, keepHead)}${'*'.repeat(d.length - keepHead - 4)}${d.slice(-4)}`;
}

export function buildScreenPop(
  info: CallInfo,
  history: CallerHistory | null,
  now: number,
  maskedNumber?: string,
): ScreenPop {
  const calls = [...(history?.calls ?? [])].sort((a, b) => b.at - a.at);
  const tickets = [...(history?.tickets ?? [])].sort((a, b) => b.at - a.at);
  const inWindow = calls.filter((c) => now - c.at <= REPEAT_WINDOW_MS).length;
  return {
    callerNumber: maskedNumber ?? history?.maskedNumber ?? maskForDisplay(info.callerNumber),
    queue: info.queue,
    priority: normalisePriority(info.priority),
    waitSeconds: info.enqueuedAt ? Math.max(0, Math.round((now - info.enqueuedAt) / 1000)) : 0,
    repeatCaller: info.repeatCaller === true || (history?.repeatCaller ?? inWindow >= REPEAT_CALLS),
    language: info.language,
    nuisance: history?.nuisance ?? false,
    countyGuess: history?.countyGuess ?? guessCounty(tickets),
    recentCalls: calls.slice(0, 5),
    recentTickets: tickets.slice(0, 5),
  };
}
