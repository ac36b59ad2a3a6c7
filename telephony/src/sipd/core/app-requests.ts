// Requests the app sends: new (`sip||`), in-dialog (`sip||<dialogId>`, including ACK) and CANCEL
// (`sip|<INVITE txnId>|`). sipd fills in Via/From/To/Call-ID/CSeq/Contact, sends them as client
// transactions, echoes `Msg sent:` and forwards every response >100 on the txnId.
import { randomUUID } from 'node:crypto';
import { isTelephonyError } from '../../errors.ts';
import type { AppConn } from '../apps/app-hub.ts';
import { addrUri, normalName, splitList, tagOf } from '../sip/headers.ts';
import { SipMessage } from '../sip/message.ts';
import { bareUri, parseUri } from '../sip/uri.ts';
import type { Flow } from '../transport/transports.ts';
import { type AppMessage, requestEcho, sipPayload } from '../wire/protocol.ts';
import {
  APP_FORBIDDEN,
  asNameAddr,
  ensureContentType,
  localResponse,
  newTag,
  replaceLocalhost,
} from './build.ts';
import type { Context } from './context.ts';
import type { Dialog } from './dialogs.ts';
import { buildInDialog, dialogFlow, sendClient } from './in-dialog.ts';
import { type ClientTxn, newBranch } from './transactions.ts';

const METHODS = new Set([
  'INVITE',
  'ACK',
  'BYE',
  'CANCEL',
  'OPTIONS',
  'REGISTER',
  'INFO',
  'PRACK',
  'UPDATE',
  'SUBSCRIBE',
  'NOTIFY',
  'REFER',
  'MESSAGE',
  'PUBLISH',
]);
const CORE = new Set(['from', 'to', 'call-id', 'cseq', 'max-forwards', 'contact', 'content-type']);

export async function onAppRequest(
  ctx: Context,
  app: AppConn,
  m: AppMessage,
  req: SipMessage,
): Promise<void> {
  const [txnId = '', dialogId = '', routeUrl = ''] = m.args;
  try {
    if (req.method === 'CANCEL' && txnId && !dialogId) {
      cancel(ctx, app, m, txnId);
      return;
    }
    if (dialogId) return await inDialog(ctx, app, m, req, dialogId);
    return await newRequest(ctx, app, m, req, routeUrl);
  } catch (e) {
    app.nok(m.msgId, isTelephonyError(e) && e.code.startsWith('APP_') ? e.code : 'APP_NO_TRANSPORT');
  }
}

function echo(ctx: Context, app: AppConn, msgId: string, flow: Flow, txnId: string, text: string): void {
  const l = ctx.local(flow);
  app.send(
    requestEcho(
      msgId,
      {
        bytes: Buffer.byteLength(text),
        protocol: ctx.protoToken(flow),
        address: flow.reliable ? flow.remoteAddress : l.host,
        port: flow.reliable ? flow.remotePort : l.port,
        transactionId: txnId,
      },
      text,
    ),
  );
}

/** Forward a network response to the app that sent the request. */
function forward(ctx: Context, txn: ClientTxn, res: SipMessage, flow: Flow, bytes: number): void {
  ctx.toApp(
    txn.appId,
    sipPayload(
      {
        source: 'network',
        bytes,
        protocol: bytes ? ctx.protoToken(flow) : 'udp',
        address: bytes ? flow.remoteAddress : '',
        port: bytes ? flow.remotePort : 0,
        transactionId: txn.id,
        dialogId: txn.dialogId ?? '',
      },
      res.toString(),
    ),
  );
}

/** ACK for a non-2xx final (RFC 3261 §17.1.1.3), sent inside the INVITE client transaction. */
function ackNon2xx(txn: ClientTxn, res: SipMessage): void {
  const inv = txn.request;
  const ack = new SipMessage();
  ack.method = 'ACK';
  ack.uri = inv.uri;
  ack.append('Via', inv.getAll('via')[0] ?? '');
  for (const r of inv.getAll('route')) ack.append('Route', r);
  ack.append('Max-Forwards', '70');
  ack.append('From', inv.get('from') ?? '');
  ack.append('To', res.get('to') ?? '');
  ack.append('Call-ID', inv.callId);
  ack.append('CSeq', `${inv.cseq.seq} ACK`);
  txn.ackWire = ack.toString();
  txn.flow.send(txn.ackWire);
}

/** Responses to an INVITE: learn the remote tag/target/route set, auto-ACK non-2xx, end dialogs. */
function inviteResponse(
  ctx: Context,
  txn: ClientTxn,
  d: Dialog | undefined,
  res: SipMessage,
  retrans: boolean,
): boolean {
  if (retrans) {
    if (res.status < 300 && d?.lastAck) d.flow.send(d.lastAck);
    return false;
  }
  if (res.status >= 300) {
    ackNon2xx(txn, res);
    if (d && !d.confirmed) {
      ctx.dialogs.delete(d);
      ctx.dialogs.markRejected(d.id);
    }
    return true;
  }
  if (d && !d.confirmed) {
    const tag = tagOf(res.get('to'));
    if (tag) {
      d.remoteTag = tag;
      d.remote = res.get('to') ?? d.remote;
      const contact = splitList(res.get('contact') ?? '')[0];
      if (contact) d.remoteTarget = addrUri(contact);
      d.routeSet = res.getAll('record-route').reverse();
    }
    if (res.status >= 200) d.confirmed = true;
  } else if (d && res.status >= 200) {
    const contact = splitList(res.get('contact') ?? '')[0];
    if (contact) d.remoteTarget = addrUri(contact);
  }
  return true;
}

function send(
  ctx: Context,
  app: AppConn,
  msg: SipMessage,
  flow: Flow,
  dialogId: string | undefined,
): ClientTxn {
  const method = msg.method;
  const txn: ClientTxn = sendClient(ctx, msg, flow, {
    appId: app.id,
    dialogId,
    onResponse: (res, rflow, bytes, retrans) => {
      const d = dialogId ? ctx.dialogs.get(dialogId) : undefined;
      if (method === 'INVITE' && !inviteResponse(ctx, txn, d, res, retrans)) return;
      if (retrans || res.status === 100) return;
      if (method === 'BYE' && res.status >= 200 && d) ctx.dialogs.delete(d);
      forward(ctx, txn, res, rflow, bytes);
    },
    onTimeout: (status) => {
      if (method === 'INVITE' && dialogId) {
        const d = ctx.dialogs.get(dialogId);
        if (d && !d.confirmed) ctx.dialogs.delete(d);
        ctx.dialogs.markRejected(dialogId);
      }
      if (method === 'BYE' && dialogId) {
        const d = ctx.dialogs.get(dialogId);
        if (d) ctx.dialogs.delete(d);
      }
      const reason = status === 503 ? 'Service Unavailable' : 'Request Timeout';
      forward(ctx, txn, localResponse(msg, status, reason, newTag()), flow, 0);
    },
  });
  return txn;
}

async function newRequest(
  ctx: Context,
  app: AppConn,
  m: AppMessage,
  req: SipMessage,
  routeUrl: string,
): Promise<void> {
  if (!parseUri(req.uri) || !METHODS.has(req.method)) {
    app.nok(m.msgId, 'APP_BAD_REQUEST_URI', 'NOK', `${req.method} ${req.uri} SIP/2.0`);
    return;
  }
  const flow = await ctx.flowFor(req.uri, routeUrl || undefined);
  const l = ctx.local(flow);
  replaceLocalhost(req.headers, `${l.host}:${l.port}`);
  const out = new SipMessage();
  out.method = req.method;
  out.uri = req.uri;
  out.append('Via', ctx.via(flow, newBranch()));
  out.append('Max-Forwards', req.get('max-forwards') ?? '70');
  const from = req.get('from') ? asNameAddr(req.get('from') ?? '') : `<sip:${l.host}:${l.port}>`;
  const fromTag = tagOf(from) ?? newTag();
  out.append('From', tagOf(from) ? from : `${from};tag=${fromTag}`);
  out.append('To', req.get('to') ? asNameAddr(req.get('to') ?? '') : `<${bareUri(req.uri)}>`);
  const callId = req.get('call-id') ?? randomUUID();
  out.append('Call-ID', callId);
  const cseq = req.get('cseq') ? req.cseq.seq : ctx.nextCSeq();
  out.append('CSeq', `${cseq} ${req.method}`);
  const contact = req.get('contact');
  if (contact) out.append('Contact', asNameAddr(contact));
  else if (['INVITE', 'SUBSCRIBE', 'REFER'].includes(req.method)) out.append('Contact', ctx.contact(flow));
  copyAppHeaders(req, out);
  if (!ensureContentType(out)) {
    app.nok(m.msgId, 'APP_MISSING_CONTENT_TYPE');
    return;
  }
  let dialogId: string | undefined;
  if (req.method === 'INVITE') {
    dialogId = `${callId};from-tag=${fromTag}`;
    const old = ctx.dialogs.get(dialogId);
    if (old) ctx.dialogs.delete(old);
    ctx.dialogs.add({
      id: dialogId,
      role: 'uac',
      callId,
      localTag: fromTag,
      remoteTag: undefined,
      local: out.get('from') ?? '',
      remote: out.get('to') ?? '',
      remoteTarget: req.uri,
      routeSet: [],
      localSeq: cseq,
      inviteSeq: cseq,
      flow,
      appId: app.id,
      confirmed: false,
      contact: out.get('contact') ?? ctx.contact(flow),
    });
  }
  const txn = send(ctx, app, out, flow, dialogId);
  echo(ctx, app, m.msgId, flow, txn.id, txn.wire);
}

function copyAppHeaders(from: SipMessage, to: SipMessage): void {
  for (const h of from.headers) {
    const n = normalName(h.name);
    if (!APP_FORBIDDEN.has(n) && !CORE.has(n)) to.headers.push(h);
  }
  const ct = from.get('content-type');
  if (ct) to.append('Content-Type', ct);
  to.body = from.body;
}

async function inDialog(
  ctx: Context,
  app: AppConn,
  m: AppMessage,
  req: SipMessage,
  dialogId: string,
): Promise<void> {
  const d = ctx.dialogs.get(dialogId);
  if (!d) {
    const rejected = req.method === 'ACK' && ctx.dialogs.wasRejected(dialogId);
    app.nok(m.msgId, rejected ? 'APP_ACK_NON_2XX' : 'APP_NO_DIALOG');
    return;
  }
  const flow = await dialogFlow(ctx, d);
  const l = ctx.local(flow);
  replaceLocalhost(req.headers, `${l.host}:${l.port}`);
  const out = buildInDialog(ctx, d, req.method, flow, req);
  if (!ensureContentType(out)) {
    app.nok(m.msgId, 'APP_MISSING_CONTENT_TYPE');
    return;
  }
  if (req.method === 'ACK') {
    d.lastAck = out.toString();
    flow.send(d.lastAck);
    echo(ctx, app, m.msgId, flow, randomUUID(), d.lastAck);
    return;
  }
  const txn = send(ctx, app, out, flow, d.id);
  echo(ctx, app, m.msgId, flow, txn.id, txn.wire);
}

/** CANCEL an INVITE the app sent: same Via/R-URI/Call-ID/From/To/Route, CSeq n CANCEL. */
function cancel(ctx: Context, app: AppConn, m: AppMessage, inviteTxnId: string): void {
  const inv = ctx.txns.clientsById.get(inviteTxnId);
  if (inv?.method !== 'INVITE') {
    app.nok(m.msgId, 'APP_TXN_UNKNOWN');
    return;
  }
  const r = inv.request;
  const c = new SipMessage();
  c.method = 'CANCEL';
  c.uri = r.uri;
  c.append('Via', r.getAll('via')[0] ?? '');
  for (const x of r.getAll('route')) c.append('Route', x);
  c.append('Max-Forwards', '70');
  c.append('From', r.get('from') ?? '');
  c.append('To', r.get('to') ?? '');
  c.append('Call-ID', r.callId);
  c.append('CSeq', `${r.cseq.seq} CANCEL`);
  const id = randomUUID();
  const go = () => {
    if (inv.finalStatus) return;
    // responses to the CANCEL are not passed up (as with drachtio)
    sendClient(ctx, c, inv.flow, { onResponse: () => {}, onTimeout: () => {} });
  };
  if (inv.provisional) go();
  else inv.pendingCancel = go;
  echo(ctx, app, m.msgId, inv.flow, id, c.toString());
}
