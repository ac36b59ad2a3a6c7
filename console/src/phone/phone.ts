// The phone interface the UI drives. The real one is sip.js (sipjs-phone.ts); a fake exists only in
// unit tests of pure UI logic.
import type { PhoneEvent } from '../domain/softphone-state.ts';
import type { TransferTarget } from '../domain/transfer.ts';

export interface SipLogin {
  /** SIP address of record, e.g. sip:1001.1764000000@hotline */
  aor: string;
  /** WebSocket URL of the SIP server (ws:// or wss://) */
  wsServer: string;
  username: string;
  password: string;
  displayName?: string;
}

export interface DeviceChoice {
  micId?: string;
  speakerId?: string;
}

export interface Phone {
  start(login: SipLogin): Promise<void>;
  stop(): Promise<void>;
  answer(): Promise<void>;
  hangup(): Promise<void>;
  setHold(on: boolean): Promise<void>;
  setMute(on: boolean): void;
  sendDtmf(tone: string): Promise<void>;
  /** 三方通话 with 110/119/120/122 or a utility line; absent when the phone cannot do it. */
  startThreeWay?(number: string): Promise<void>;
  /** Hand the caller over to the third party and leave (the handoff is logged by the gateway). */
  leaveThreeWay?(): Promise<void>;
  /** 咨询转接: hold the caller and call another agent (gateway: INVITE sip:agent-<id>@…). */
  startConsult?(agentId: string): Promise<void>;
  /** Attended transfer: REFER with Replaces joins the caller and the consulted agent; our legs end. */
  completeConsult?(): Promise<void>;
  /** Hang up the consultation and take the caller off hold. */
  cancelConsult?(): Promise<void>;
  /** Blind transfer (转接): REFER the caller to a queue or an agent; the gateway then ends our leg. */
  transfer?(target: TransferTarget): Promise<void>;
  /** 回访: call a ticket's requester with the server's grant (header X-Hotline-Callback-Grant). */
  dialCallback?(call: { dialUri: string; grant: string; ticketId: string; label: string }): Promise<void>;
  setDevices(choice: DeviceChoice): Promise<void>;
  /** Local (microphone) and remote (caller) streams of the current call, for level meters. */
  streams(): { local: MediaStream | null; remote: MediaStream | null };
  stats(): Promise<RTCStatsReport | null>;
  subscribe(listener: (e: PhoneEvent) => void): () => void;
}

export const DTMF_TONES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
