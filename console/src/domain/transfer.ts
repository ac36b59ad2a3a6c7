// Blind transfer (转接) of the caller to a queue or to another agent, as the gateway's REFER targets
// (telephony transfer.ts: Refer-To user `queue-<id>` / `agent-<id>`). Pure.
import { ConsoleError } from '../errors.ts';

export type TransferKind = 'queue' | 'agent';
export interface TransferTarget {
  kind: TransferKind;
  id: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseTransferTarget(kind: TransferKind, raw: string): TransferTarget {
  const id = raw.trim();
  if (!ID.test(id)) throw new ConsoleError('BAD_PAYLOAD', { what: 'transfer target', id });
  return { kind, id };
}

/** The SIP URI the REFER points at. */
export function referToUri(t: TransferTarget, domain: string): string {
  return `sip:${t.kind}-${t.id}@${domain}`;
}

export type TransferPhase = 'idle' | 'transferring' | 'done' | 'failed';
