// The agent workspace's backend on the real server: socket.io '/agent' namespace for the agent's
// own state (示闲/示忙 through the ACD), the screen-pop caller history (GET /api/callers/:number/history)
// and the 整理 disposition (POST /api/calls/:callId/disposition).
// Capabilities the server does not offer yet (counters, emergency three-way) are left out, so their
// panels stay absent.

import type { Socket } from 'socket.io-client';
import type { CallerHistoryDto } from '../../../server/src/contracts/callers.ts';
import type {
  AgentClientToServer,
  AgentServerToClient,
  AgentStatePush,
  OfferPush,
} from '../../../server/src/contracts/realtime.ts';
import { config } from '../config.ts';
import { type AgentStatus, parseAgentStatus } from '../domain/agent-status.ts';
import type { CallerHistory } from '../domain/screen-pop.ts';
import type { WrapUpRecord } from '../domain/wrap-up.ts';
import { ConsoleError } from '../errors.ts';
import type { AgentBackend } from './agent-backend.ts';
import { api } from './http.ts';
import { connectNamespace } from './socket.ts';

export function toAgentStatus(
  p: Omit<AgentStatePush, 'wrapUpEndsAt'> & { wrapUpEndsAt?: number | null },
): AgentStatus {
  // The server sends the queue's wrap-up end; an older server without it: the configured length.
  const until = p.wrapUpEndsAt ?? p.since + config.wrapUpSeconds * 1000;
  return parseAgentStatus({ state: p.state, reason: p.reason, since: p.since, wrapUpEndsAt: until });
}

/** GET /api/callers/:number/history → the screen-pop's caller history (number already masked). */
export function toCallerHistory(h: CallerHistoryDto): CallerHistory {
  return {
    maskedNumber: h.callerNumber,
    calls: h.calls.map((c) => ({
      callId: c.callId,
      at: Date.parse(c.at),
      answered: c.answered,
      ...(c.ticketNo ? { ticketNo: c.ticketNo } : {}),
    })),
    tickets: h.tickets.map((k) => ({
      ticketNo: k.ticketNo,
      at: Date.parse(k.at),
      county: k.county,
      summary: k.summary,
      status: k.phase,
    })),
    nuisance: h.nuisance,
    repeatCaller: h.repeatCaller,
    ...(h.countyGuess ? { countyGuess: h.countyGuess } : {}),
  };
}

export function callerHistoryPath(callId: string, callerNumber: string): string {
  const n = callerNumber.replace(/[^\d+]/g, '');
  return `/api/callers/${encodeURIComponent(n)}/history?excludeCallId=${encodeURIComponent(callId)}`;
}

/** POST /api/calls/:callId/disposition: the record without its callId (that is in the path). */
export function dispositionRequest(r: WrapUpRecord): { path: string; body: Omit<WrapUpRecord, 'callId'> } {
  const { callId, ...body } = r;
  return { path: `/api/calls/${encodeURIComponent(callId)}/disposition`, body };
}

export function createServerBackend(): AgentBackend {
  const socket = connectNamespace('/agent') as Socket<AgentServerToClient, AgentClientToServer>;
  return {
    status: {
      subscribe(cb) {
        const on = (p: AgentStatePush) => {
          try {
            cb(toAgentStatus(p));
          } catch {
            /* malformed push: keep the last known status */
          }
        };
        socket.on('agent:state', on);
        return () => socket.off('agent:state', on);
      },
      async signIn() {
        return toAgentStatus(await api<AgentStatePush>('POST', '/api/agent/sign-in'));
      },
      act(a) {
        if (a.type === 'extend-wrap-up')
          return Promise.reject(new ConsoleError('ILLEGAL_TRANSITION', { action: a.type }));
        const req =
          a.type === 'ready'
            ? { state: 'ready' as const }
            : { state: 'not-ready' as const, reason: a.reason };
        return new Promise<void>((resolve, reject) => {
          socket.timeout(5000).emit('agent:set-state', req, (err, r) => {
            if (err) reject(new ConsoleError('NETWORK', { message: err.message }));
            else if (!r.ok) reject(new ConsoleError('ILLEGAL_TRANSITION', { serverCode: r.error.code }));
            else resolve();
          });
        });
      },
    },
    offers: {
      subscribe(cb) {
        const on = (p: OfferPush) => cb({ callId: p.callId, maskedNumber: p.callerNumber });
        socket.on('agent:offer', on);
        return () => socket.off('agent:offer', on);
      },
    },
    async callerHistory(callId, callerNumber) {
      return toCallerHistory(await api<CallerHistoryDto>('GET', callerHistoryPath(callId, callerNumber)));
    },
    async wrapUp(r) {
      const { path, body } = dispositionRequest(r);
      await api('POST', path, body);
    },
    close() {
      socket.close();
    },
  };
}
