// drachtio-srf's bundled typings leave out some runtime members of Dialog that the gateway uses.
import type Srf from 'drachtio-srf';

export type Dialog = Srf.Dialog & {
  /** drachtio's dialog id (stackDialogId): in-dialog requests can be sent by it. */
  id: string;
  connected: boolean;
  local: { sdp: string; uri: string; contact: string };
  remote: { sdp: string; uri: string };
  sip: { callId: string; localTag: string; remoteTag: string };
};

export function asDialog(d: Srf.Dialog): Dialog {
  return d as Dialog;
}

/** In-dialog request options (drachtio-srf accepts method/headers/body). */
export function inDialog(
  method: Srf.SipMethod,
  headers?: Record<string, string>,
  body?: string,
): Srf.SrfRequest {
  return { method, headers: headers ?? {}, body } as unknown as Srf.SrfRequest;
}

/** A leg INFO can be sent on: an srf Dialog or an adopted one (app/adopt-calls.ts). */
export interface InfoTarget {
  connected: boolean;
  request(req: Srf.SrfRequest): Promise<unknown>;
}

/** Send an INFO received on one leg (DTMF relay) on to another leg; a leg that is gone is not an error. */
export async function forwardInfo(req: Srf.SrfRequest, to: InfoTarget | undefined): Promise<boolean> {
  if (!to?.connected) return false;
  return to.request(inDialog('INFO', { 'Content-Type': req.get('Content-Type') }, req.body)).then(
    () => true,
    () => false,
  );
}

/** BYE a dialog if it is still up; a dialog that vanished meanwhile is not an error. */
export function hangup(d: Dialog | undefined): void {
  if (d?.connected) (d.destroy() as unknown as Promise<void>).catch(() => {});
}
