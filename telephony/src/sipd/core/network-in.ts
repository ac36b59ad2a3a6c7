// SIP from the network: parse (400 or drop on garbage), match transactions and dialogs, answer
// what sipd answers itself (100, 481, 503, CANCEL→200/487, non-2xx ACK), deliver the rest to apps.
import { isTelephonyError } from '../../errors.ts';
import { addrUri, parseVia, setParam, splitList, tagOf } from '../sip/headers.ts';
import { parseAppMessage, parseMessage, type SipMessage } from '../sip/message.ts';
import type { Flow } from '../transport/transports.ts';
import { sipPayload } from '../wire/protocol.ts';
import { localResponse, newTag } from './build.ts';
import type { Context } from './context.ts';
import { branchOf } from './transactions.ts';

export function onNetworkMessage(ctx: Context, buf: Buffer, flow: Flow): void {
  ctx.stats.received++;
  let msg: SipMessage;
  try {
    msg = parseMessage(buf);
  } catch (e) {
    ctx.stats.malformed++;
    if (isTelephonyError(e)) answerMalformed(buf, flow);
    return;
  }
  if (!msg.isRequest) {
    ctx.txns.onResponse(msg, flow, buf.length);
    return;
  }
  stampVia(msg, flow);
  if (msg.method === 'ACK') onAck(ctx, msg, flow, buf.length);
  else if (msg.method === 'CANCEL') onCancel(ctx, msg, flow);
  else if (tagOf(msg.get('to')) !== undefined) onInDialog(ctx, msg, flow, buf.length);
  else onNewRequest(ctx, msg, flow, buf.length);
}

/** Best effort 400 for a request we could not accept; anything less parseable is dropped. */
function answerMalformed(buf: Buffer, flow: Flow): void {
  try {
    const sep = buf.indexOf('\r\n\r\n');
    const head = buf.subarray(0, sep < 0 ? Math.min(buf.length, 8192) : sep).toString('utf8');
    const m = parseAppMessage(head);
    if (!m.isRequest || m.method === 'ACK') return;
    if (!m.get('via') || !m.get('from') || !m.get('to') || !m.get('call-id') || !m.get('cseq')) return;
    if (!parseVia(m.getAll('via')[0] ?? '')) return;
    flow.send(localResponse(m, 400, 'Bad Request', newTag()).toString());
  } catch {
    // not even a request line: drop
  }
}

/** RFC 3581: add received/rport to the top Via. */
function stampVia(msg: SipMessage, flow: Flow): void {
  const h = msg.headers.find((x) => /^(via|v)$/i.test(x.name));
  if (!h) return;
  const list = splitList(h.value);
  const top = list[0] ?? '';
  const via = parseVia(top);
  let v = top;
  if (via && via.host !== flow.remoteAddress) v = setParam(v, 'received', flow.remoteAddress);
  v = setParam(v, 'rport', String(flow.remotePort));
  list[0] = v;
  h.value = list.join(', ');
}

function deliver(
  ctx: Context,
  appId: number | undefined,
  msg: SipMessage,
  flow: Flow,
  bytes: number,
  txnId: string,
  dialogId: string,
  protocol?: string,
  layoutA = false,
): boolean {
  const payload = sipPayload(
    {
      source: 'network',
      bytes,
      protocol: protocol ?? ctx.protoToken(flow),
      address: flow.remoteAddress,
      port: flow.remotePort,
      transactionId: txnId,
      dialogId,
      ...(layoutA ? { receivedOn: { address: ctx.local(flow).host, port: ctx.local(flow).port } } : {}),
    },
    msg.toString(),
  );
  return ctx.toApp(appId, payload);
}

function onAck(ctx: Context, msg: SipMessage, flow: Flow, bytes: number): void {
  const txn = ctx.txns.findServer(msg);
  if (txn && txn.finalStatus >= 300) {
    ctx.txns.ackNon2xx(txn);
    return;
  }
  const d = ctx.dialogs.byLocalTag(msg.callId, tagOf(msg.get('to')) ?? '');
  if (!d?.ackWait) return; // unmatched or retransmitted ACK: discard
  const txnId = d.ackWait.txnId;
  clearTimeout(d.ackWait.timer);
  clearTimeout(d.ackWait.deadline);
  d.ackWait = undefined;
  if (flow.reliable) d.flow = flow;
  deliver(ctx, d.appId, msg, flow, bytes, txnId, d.id, '');
}

function onCancel(ctx: Context, msg: SipMessage, flow: Flow): void {
  const inv = ctx.txns.servers.get(`${branchOf(msg)}|INVITE`);
  if (!inv) {
    flow.send(localResponse(msg, 481, 'Call/Transaction Does Not Exist', newTag()).toString());
    return;
  }
  flow.send(localResponse(msg, 200, 'OK', inv.localTag ?? newTag()).toString());
  if (inv.finalStatus || inv.canceled) return;
  inv.canceled = true;
  inv.localTag ??= newTag();
  ctx.txns.respond(inv, 487, localResponse(inv.request, 487, 'Request Terminated', inv.localTag).toString());
  const dialogId = inv.dialogId ?? '';
  if (dialogId) {
    const d = ctx.dialogs.get(dialogId);
    if (d && !d.confirmed) ctx.dialogs.delete(d);
    ctx.dialogs.markRejected(dialogId);
  }
  deliver(ctx, inv.appId, msg, flow, Buffer.byteLength(msg.toString()), inv.id, dialogId);
}

function onInDialog(ctx: Context, msg: SipMessage, flow: Flow, bytes: number): void {
  const txn = ctx.txns.createServer(msg, flow, bytes);
  if (!txn) return;
  const d = ctx.dialogs.byLocalTag(msg.callId, tagOf(msg.get('to')) ?? '');
  let app = d ? ctx.hub.get(d.appId) : undefined;
  if (d && !app) {
    // Dialog adoption: the app that owned this dialog is gone (restarted or crashed). The app that
    // now takes INVITEs inherits it, so a restarted gateway hears the BYE of a caller who was waiting
    // (drachtio-server answers 481 here instead; documented in telephony/README.md).
    app = ctx.hub.pick('invite');
    if (app) d.appId = app.id;
  }
  if (!d || !app) {
    if (d && msg.method === 'BYE') ctx.dialogs.delete(d);
    ctx.txns.respond(txn, 481, localResponse(msg, 481, 'Call/Transaction Does Not Exist').toString());
    return;
  }
  if (msg.method === 'INVITE') ctx.txns.respond(txn, 100, localResponse(msg, 100, 'Trying').toString());
  txn.appId = d.appId;
  txn.dialogId = d.id;
  if (flow.reliable) d.flow = flow;
  const contact = msg.get('contact');
  if (contact && (msg.method === 'INVITE' || msg.method === 'UPDATE'))
    d.remoteTarget = addrUri(splitList(contact)[0] ?? contact);
  if (msg.method === 'PRACK') clearTimeout(d.prackWait);
  if (msg.method === 'BYE') ctx.dialogs.delete(d);
  deliver(ctx, d.appId, msg, flow, bytes, txn.id, d.id);
}

function onNewRequest(ctx: Context, msg: SipMessage, flow: Flow, bytes: number): void {
  const txn = ctx.txns.createServer(msg, flow, bytes);
  if (!txn) return;
  if (msg.method === 'INVITE') ctx.txns.respond(txn, 100, localResponse(msg, 100, 'Trying').toString());
  const app = ctx.hub.pick(msg.method.toLowerCase());
  if (!app) {
    ctx.txns.respond(txn, 503, localResponse(msg, 503, 'Service Unavailable', newTag()).toString());
    return;
  }
  txn.appId = app.id;
  txn.localTag = newTag();
  deliver(ctx, app.id, msg, flow, bytes, txn.id, '', undefined, true);
}
