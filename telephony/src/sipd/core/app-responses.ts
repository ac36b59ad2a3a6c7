// Responses the app sends to network requests (`sip|<txnId>|` + `SIP/2.0 …`): complete them from
// the request, create/confirm/end UAS dialogs, retransmit 2xx until the ACK, cache WS/TCP contacts.
import { randomUUID } from 'node:crypto';
import type { AppConn } from '../apps/app-hub.ts';
import { addrParams, addrUri, splitList, tagOf } from '../sip/headers.ts';
import type { SipMessage } from '../sip/message.ts';
import { aorKey, parseUri } from '../sip/uri.ts';
import { type AppMessage, responseEcho, sipPayload } from '../wire/protocol.ts';
import { completeResponse, ensureContentType, newTag } from './build.ts';
import type { Context } from './context.ts';
import type { Dialog } from './dialogs.ts';
import { buildInDialog, dialogFlow, sendClient } from './in-dialog.ts';
import type { ServerTxn } from './transactions.ts';

export function onAppResponse(ctx: Context, app: AppConn, m: AppMessage, res: SipMessage): void {
  const txnId = m.args[0] ?? '';
  if (!txnId) {
    app.nok(m.msgId, 'APP_TXN_MISSING');
    return;
  }
  const txn = ctx.txns.serversById.get(txnId);
  if (!txn || txn.finalStatus >= 200) {
    app.nok(m.msgId, 'APP_TXN_UNKNOWN');
    return;
  }
  if (txn.canceled) {
    app.nok(m.msgId, 'APP_CANCELED');
    return;
  }
  const req = txn.request;
  const inDialog = tagOf(req.get('to')) !== undefined;
  const isInvite = txn.method === 'INVITE';
  const status = res.status;
  if (!inDialog) txn.localTag ??= newTag();
  const dialogCreating = isInvite && !inDialog && status > 100 && status < 300;
  const wire = completeResponse(req, res, inDialog ? undefined : txn.localTag, dialogCreating);
  // like drachtio: Contact on 2xx, and on 1xx only when reliable or carrying a body (c2, f3)
  const reliable1xx = status < 200 && (/100rel/i.test(res.get('require') ?? '') || res.body !== '');
  const wantsContact =
    (isInvite || txn.method === 'SUBSCRIBE' || txn.method === 'UPDATE') &&
    status > 100 &&
    status < 300 &&
    (status >= 200 || reliable1xx);
  if (wantsContact && !wire.has('contact')) wire.set('Contact', ctx.contact(txn.flow));
  if (!ensureContentType(wire)) {
    app.nok(m.msgId, 'APP_MISSING_CONTENT_TYPE');
    return;
  }
  if (status > 100 && status < 200 && /100rel/i.test(wire.get('require') ?? '')) {
    wire.set('RSeq', String(1 + Math.floor(Math.random() * 2 ** 30)));
  }

  let echoDialogId = '';
  if (isInvite && !inDialog) echoDialogId = uasDialog(ctx, app, txn, wire);
  else if (inDialog && txn.dialogId && txn.method !== 'BYE') echoDialogId = txn.dialogId;

  const text = wire.toString();
  ctx.txns.respond(txn, status, text);
  const uas = isInvite ? ctx.dialogs.get(txn.dialogId ?? '') : undefined;
  if (uas && status >= 200) clearTimeout(uas.prackWait);
  if (uas && wire.has('rseq') && !txn.flow.reliable) retransmitReliable(ctx, uas, text, txn.flow);
  if (isInvite && status >= 200 && status < 300) {
    const d = ctx.dialogs.get(txn.dialogId ?? '');
    if (d) awaitAck(ctx, d, inDialog ? randomUUID() : txn.id, text, txn.flow);
  }
  if (txn.method === 'REGISTER' && status >= 200 && status < 300 && txn.flow.reliable)
    cacheContacts(ctx, req, wire, txn);
  app.send(
    responseEcho(
      m.msgId,
      {
        bytes: Buffer.byteLength(text),
        protocol: isInvite ? ctx.protoToken(txn.flow) : '',
        address: txn.flow.remoteAddress,
        port: txn.flow.remotePort,
        transactionId: txn.id,
      },
      echoDialogId,
      text,
    ),
  );
}

/** Create/confirm/end the UAS dialog of an initial INVITE; returns its id. */
function uasDialog(ctx: Context, app: AppConn, txn: ServerTxn, wire: SipMessage): string {
  const req = txn.request;
  const fromTag = tagOf(req.get('from')) ?? '';
  const id = `${req.callId};from-tag=${fromTag}`;
  txn.dialogId = id;
  let d = ctx.dialogs.get(id);
  if (wire.status >= 300) {
    if (d) ctx.dialogs.delete(d);
    ctx.dialogs.markRejected(id);
    return id;
  }
  if (!d) {
    const contact = splitList(req.get('contact') ?? '')[0];
    d = {
      id,
      role: 'uas',
      callId: req.callId,
      localTag: txn.localTag ?? '',
      remoteTag: fromTag,
      local: wire.get('to') ?? '',
      remote: req.get('from') ?? '',
      remoteTarget: contact ? addrUri(contact) : (req.get('from') ?? ''),
      routeSet: req.getAll('record-route'),
      localSeq: Math.floor(Math.random() * 10_000),
      inviteSeq: 0,
      flow: txn.flow,
      appId: app.id,
      confirmed: false,
      contact: wire.get('contact') ?? ctx.contact(txn.flow),
    };
    ctx.dialogs.add(d);
  }
  if (wire.status >= 200) d.confirmed = true;
  return id;
}

/** Retransmit the 2xx (UDP, T1 doubling to T2) until the ACK; BYE after 64·T1 without one. */
function awaitAck(ctx: Context, d: Dialog, txnId: string, wire: string, flow: ServerTxn['flow']): void {
  const t = ctx.cfg;
  const wait: NonNullable<Dialog['ackWait']> = {
    txnId,
    deadline: setTimeout(() => ackTimeout(ctx, d), 64 * t.t1),
  };
  if (!flow.reliable) {
    let interval = t.t1;
    const tick = () => {
      flow.send(wire);
      interval = Math.min(interval * 2, t.t2);
      wait.timer = setTimeout(tick, interval);
    };
    wait.timer = setTimeout(tick, interval);
  }
  d.ackWait = wait;
}

/** RFC 3262 §3: retransmit a reliable provisional (T1 doubling) until its PRACK, for 64·T1. */
function retransmitReliable(ctx: Context, d: Dialog, wire: string, flow: ServerTxn['flow']): void {
  clearTimeout(d.prackWait);
  const until = Date.now() + 64 * ctx.cfg.t1;
  let interval = ctx.cfg.t1;
  const tick = () => {
    if (Date.now() > until) return;
    flow.send(wire);
    interval *= 2;
    d.prackWait = setTimeout(tick, interval);
  };
  d.prackWait = setTimeout(tick, interval);
}

function ackTimeout(ctx: Context, d: Dialog): void {
  if (d.ackWait) clearTimeout(d.ackWait.timer);
  d.ackWait = undefined;
  ctx.dialogs.delete(d);
  void sendOwnBye(ctx, d, 'SIP;cause=200;text="ACK timeout"');
}

/** sipd's own BYE (ACK timeout): sent to the peer and reported to the app as `unsolicited`. */
export async function sendOwnBye(ctx: Context, d: Dialog, reason: string): Promise<void> {
  try {
    const flow = await dialogFlow(ctx, d);
    const bye = buildInDialog(ctx, d, 'BYE', flow);
    bye.append('Reason', reason);
    sendClient(ctx, bye, flow, { onResponse: () => {}, onTimeout: () => {} });
    const l = ctx.local(flow);
    ctx.toApp(
      d.appId,
      sipPayload(
        {
          source: 'application',
          bytes: Buffer.byteLength(bye.toString()),
          protocol: ctx.protoToken(flow),
          address: l.host,
          port: l.port,
          transactionId: 'unsolicited',
          dialogId: d.id,
        },
        bye.toString(),
      ),
    );
  } catch {
    // peer unreachable: the dialog is gone anyway
  }
}

/** Bind each REGISTER Contact to the client's connection for the expiry the app granted. */
function cacheContacts(ctx: Context, req: SipMessage, res: SipMessage, txn: ServerTxn): void {
  const granted = new Map<string, number>();
  for (const c of res.getAll('contact')) {
    const e = addrParams(c).get('expires');
    if (e !== undefined) granted.set(addrUri(c), Number(e));
  }
  const headerExpires = res.get('expires');
  for (const c of req.getAll('contact')) {
    const uri = parseUri(addrUri(c));
    if (!uri) continue;
    const e = granted.get(addrUri(c)) ?? (headerExpires === undefined ? 0 : Number(headerExpires));
    ctx.contacts.set(aorKey(uri), txn.flow, Number.isFinite(e) ? e : 0);
  }
}
