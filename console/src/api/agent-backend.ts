// What the agent workspace needs from the server. Each capability is optional: a panel whose
// capability the server does not offer yet is absent (never faked). server-backend.ts fills it
// from the real HTTP API and socket.io agent channel.
import type { AgentAction, AgentStatus } from '../domain/agent-status.ts';
import type { CallerHistory } from '../domain/screen-pop.ts';
import type { WrapUpRecord } from '../domain/wrap-up.ts';

export interface TodayCounters {
  handled: number;
  avgHandleSec: number;
}

export interface AgentBackend {
  status?: {
    subscribe(cb: (s: AgentStatus) => void): () => void;
    act(a: AgentAction): Promise<void>;
    /** 签入: join the queue (→ 示忙 "login"); the workspace does it once the softphone is registered. */
    signIn(): Promise<AgentStatus>;
  };
  counters?: { subscribe(cb: (c: TodayCounters) => void): () => void };
  /** The server's masked caller number per call id (agent:offer push). */
  offers?: { subscribe(cb: (o: { callId: string; maskedNumber: string }) => void): () => void };
  callerHistory?: (callId: string, callerNumber: string) => Promise<CallerHistory>;
  wrapUp?: (r: WrapUpRecord) => Promise<void>;
  /** Configured utility hotlines (水电气暖氧) for the emergency bar; 110/119/120/122 are built in. */
  utilities?: { number: string; label: string }[];
  close(): void;
}
