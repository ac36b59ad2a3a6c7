// Requests inside a dialog (from the app, or sipd's own BYE): R-URI = remote target, Route = route
// set, From/To/Call-ID from the dialog, CSeq from the dialog's counter.
import { randomUUID } from 'node:crypto';
import { normalName } from '../sip/headers.ts';
import { SipMessage } from '../sip/message.ts';
import type { Flow } from '../transport/transports.ts';
import { APP_FORBIDDEN } from './build.ts';
import type { Context } from './context.ts';
import type { Dialog } from './dialogs.ts';
import { type ClientTxn, newBranch } from './transactions.ts';

const CORE = new Set(['from', 'to', 'call-id', 'cseq', 'max-forwards']);

/** Flow to reach the dialog peer: its live connection, else the first route / remote target. */
export async function dialogFlow(ctx: Context, d: Dialog): Promise<Flow> {
  if (d.flow.reliable && d.flow.alive()) return d.flow;
  return ctx.flowFor(d.routeSet[0] ?? d.remoteTarget);
}

/** Build an in-dialog request; `app` supplies extra headers and the body. */
export function buildInDialog(
  ctx: Context,
  d: Dialog,
  method: string,
  flow: Flow,
  app?: SipMessage,
): SipMessage {
  const out = new SipMessage();
  out.method = method;
  out.uri = d.remoteTarget;
  let seq: number;
  if (method === 'ACK') seq = d.inviteSeq;
  else {
    d.localSeq += 1;
    seq = d.localSeq;
    if (method === 'INVITE') d.inviteSeq = seq;
  }
  out.append('Via', ctx.via(flow, newBranch()));
  out.append('Max-Forwards', app?.get('max-forwards') ?? '70');
  for (const r of d.routeSet) out.append('Route', r);
  out.append('From', d.local);
  out.append('To', d.remote);
  out.append('Call-ID', d.callId);
  out.append('CSeq', `${seq} ${method}`);
  const wantsContact =
    method === 'INVITE' || method === 'SUBSCRIBE' || method === 'REFER' || method === 'UPDATE';
  if (wantsContact && !app?.has('contact')) out.append('Contact', d.contact);
  for (const h of app?.headers ?? []) {
    const n = normalName(h.name);
    if (!APP_FORBIDDEN.has(n) && !CORE.has(n)) out.headers.push(h);
  }
  out.body = app?.body ?? '';
  return out;
}

/** Send a request as a client transaction; responses go to `onResponse`. */
export function sendClient(
  ctx: Context,
  msg: SipMessage,
  flow: Flow,
  opts: Pick<ClientTxn, 'onResponse' | 'onTimeout'> & { appId?: number; dialogId?: string },
): ClientTxn {
  const wire = msg.toString();
  const branch = /branch=([^;,\s]+)/.exec(msg.get('via') ?? '')?.[1] ?? '';
  const txn: ClientTxn = {
    id: randomUUID(),
    key: `${branch}|${msg.method}`,
    method: msg.method,
    request: msg,
    wire,
    flow,
    appId: opts.appId,
    dialogId: opts.dialogId,
    provisional: false,
    finalStatus: 0,
    onResponse: opts.onResponse,
    onTimeout: opts.onTimeout,
  };
  ctx.txns.send(txn);
  return txn;
}
