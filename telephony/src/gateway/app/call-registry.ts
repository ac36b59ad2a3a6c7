// In-memory index of the calls this gateway instance is handling (the SIP dialogs live here; the
// queue state lives in Redis). Lookups by hotline call id and by SIP Call-ID (for REFER/Replaces).
import type { AdoptedBridge } from './adopt-calls.ts';
import type { InboundCall } from './inbound-call.ts';
import type { OutboundLeg } from './outbound-call.ts';

export class CallRegistry {
  readonly inbound = new Map<string, InboundCall>();
  /** Browser-originated legs (three-way, callback) by the browser leg's SIP Call-ID. */
  readonly outbound = new Map<string, OutboundLeg>();
  /** Conversations a previous process bridged, by either leg's SIP Call-ID (adopt-calls.ts). */
  readonly bridges = new Map<string, AdoptedBridge>();

  inboundBySipCallId(sipCallId: string): InboundCall | undefined {
    for (const c of this.inbound.values()) if (c.sipCallId === sipCallId) return c;
    return undefined;
  }

  /** The inbound call whose agent leg has this SIP Call-ID. */
  inboundByAgentLeg(sipCallId: string): InboundCall | undefined {
    for (const c of this.inbound.values()) if (c.agentLegCallId === sipCallId) return c;
    return undefined;
  }
}
