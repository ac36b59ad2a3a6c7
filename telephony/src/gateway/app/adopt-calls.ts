// After a restart (deploy, crash) a gateway instance takes back the callers that were waiting in
// the distributor under its instance id. Their places never left Redis; what the new process lacks is
// the SIP side: the caller's dialog belongs to the old, gone connection. sipd hands such dialogs to
// the app that now takes INVITEs (sipd/core/network-in.ts, "dialog adoption"), so:
//   - in-dialog requests from those callers (BYE, INFO) reach this process as requests for a dialog
//     srf does not know: onStrayRequest routes them to the adopted call;
//   - this process sends in-dialog requests (BYE, INFO) by the stored dialog id (AdoptedDialog).
// rtpengine keeps the media session across the gateway restart, so the agent leg is bridged as usual.
// Conversations the old process had bridged keep flowing through rtpengine; they are adopted as
// bridges: when either side hangs up, the other gets a BYE, the distributor ends the call (wrap-up)
// and rtpengine forgets it. Calls with no stored dialog or owned by another instance are left alone.
import { EventEmitter } from 'node:events';
import type Srf from 'drachtio-srf';
import { deleteCommand } from '../media/ng-commands.ts';
import { onCallerInfo } from './caller-input.ts';
import type { GatewayContext } from './context.ts';
import { InboundCall } from './inbound-call.ts';
import { type Dialog, forwardInfo } from './srf-types.ts';

/** The caller's dialog as seen by a process that did not create it: enough for InboundCall. */
export class AdoptedDialog extends EventEmitter {
  connected = true;
  readonly local: { sdp: string; uri: string; contact: string };
  readonly remote: { sdp: string; uri: string };
  readonly sip: { callId: string; localTag: string; remoteTag: string };

  constructor(
    private readonly srf: Srf,
    readonly id: string,
    o: { sipCallId: string; callerTag: string; callerSdp: string; localSdp: string },
  ) {
    super();
    this.local = { sdp: o.localSdp, uri: '', contact: '' };
    this.remote = { sdp: o.callerSdp, uri: '' };
    this.sip = { callId: o.sipCallId, localTag: '', remoteTag: o.callerTag };
  }

  /** An in-dialog request by dialog id; resolves with the final response. */
  request(req: {
    method: string;
    headers?: Record<string, string>;
    body?: string;
  }): Promise<Srf.SrfResponse> {
    // srf's typings leave out the (uri, opts, callback) form used for in-dialog requests by dialog id
    const request = this.srf.request.bind(this.srf) as unknown as (
      uri: string,
      opts: object,
      cb: (err: Error | undefined, sent: Srf.SrfRequest) => void,
    ) => void;
    return new Promise((resolve, reject) => {
      request(
        'sip:placeholder',
        { method: req.method, stackDialogId: this.id, headers: req.headers ?? {}, body: req.body },
        (err, sent) => {
          if (err) return reject(err);
          sent.on('response', (res) => (res ? resolve(res) : reject(new Error('no response'))));
        },
      );
    });
  }

  /** BYE (we hang up). Like srf's Dialog, no 'destroy' event for our own BYE. */
  destroy(): Promise<void> {
    if (!this.connected) return Promise.resolve();
    this.connected = false;
    return this.request({ method: 'BYE' }).then(
      () => undefined,
      () => undefined,
    );
  }

  /** The caller hung up (a stray BYE routed here). */
  remoteBye(): void {
    if (!this.connected) return;
    this.connected = false;
    this.emit('destroy');
  }
}

/** A conversation bridged by the previous process: both legs by dialog id. */
export interface AdoptedBridge {
  hotlineId: string;
  acdId: string;
  sipCallId: string;
  agentSipCallId: string;
  caller: AdoptedDialog;
  agent: AdoptedDialog;
}

function dialogFor(ctx: GatewayContext, rec: Record<string, string>): AdoptedDialog {
  return new AdoptedDialog(ctx.srf, rec.dialogId!, {
    sipCallId: rec.sipCallId!,
    callerTag: rec.callerTag!,
    callerSdp: rec.callerSdp!,
    localSdp: rec.localSdp ?? '',
  });
}

/** Take back this instance's bridged conversations (see the top of the file); returns how many. */
export async function adoptBridgedCalls(ctx: GatewayContext): Promise<number> {
  let adopted = 0;
  for (const a of await ctx.acd.listAgents()) {
    if (!a.callId || ctx.calls.inbound.has(a.callId)) continue;
    const view = await ctx.acd.getCall(a.callId);
    if (view?.kind !== 'inbound' || view.meta.instance !== ctx.cfg.instanceId) continue;
    if (view.state !== 'connected' && view.state !== 'held') continue;
    const hotlineId = a.callId.replace(/\.t\d+$/, '');
    const rec = await ctx.records.get(hotlineId);
    if (!rec.dialogId || !rec.sipCallId || !rec.agentDialogId || !rec.agentSipCallId) continue;
    const bridge: AdoptedBridge = {
      hotlineId,
      acdId: a.callId,
      sipCallId: rec.sipCallId,
      agentSipCallId: rec.agentSipCallId,
      caller: dialogFor(ctx, rec),
      agent: new AdoptedDialog(ctx.srf, rec.agentDialogId, {
        sipCallId: rec.agentSipCallId,
        callerTag: '',
        callerSdp: '',
        localSdp: '',
      }),
    };
    ctx.calls.bridges.set(bridge.sipCallId, bridge);
    ctx.calls.bridges.set(bridge.agentSipCallId, bridge);
    await ctx.records.update(hotlineId, { adoptedAt: ctx.now(), instance: ctx.cfg.instanceId });
    adopted++;
  }
  return adopted;
}

/** One side of an adopted conversation hung up: BYE the other, end the call everywhere. */
async function endBridge(ctx: GatewayContext, b: AdoptedBridge, by: 'caller' | 'agent'): Promise<void> {
  ctx.calls.bridges.delete(b.sipCallId);
  ctx.calls.bridges.delete(b.agentSipCallId);
  await (by === 'caller' ? b.agent : b.caller).destroy();
  await ctx.acd
    .endCall(b.acdId, by)
    .catch((e) => ctx.log.debug({ callId: b.hotlineId, err: String(e) }, 'endCall'));
  await ctx.media.send(deleteCommand(b.sipCallId)).catch(() => {});
  await ctx.records
    .update(b.hotlineId, { endedAt: ctx.now(), endedBy: by, state: 'wrap-up' })
    .catch(() => {});
}

/** Take back this instance's waiting inbound calls; returns how many were adopted. */
export async function adoptWaitingCalls(ctx: GatewayContext): Promise<number> {
  let adopted = 0;
  for (const queue of await ctx.acd.listQueues()) {
    const snap = await ctx.acd.queueSnapshot(queue);
    for (const c of snap.calls) {
      if (ctx.calls.inbound.has(c.callId)) continue;
      const view = await ctx.acd.getCall(c.callId);
      if (view?.kind !== 'inbound' || view.meta.instance !== ctx.cfg.instanceId) continue;
      if (view.state !== 'waiting' && view.state !== 'offered') continue;
      const hotlineId = c.callId.replace(/\.t\d+$/, '');
      const rec = await ctx.records.get(hotlineId);
      if (!rec.dialogId || !rec.callerTag || !rec.callerSdp || !rec.sipCallId) continue;
      const dialog = dialogFor(ctx, rec);
      const call = new InboundCall(ctx, {
        id: hotlineId,
        sipCallId: rec.sipCallId,
        callerTag: rec.callerTag,
        callerSdp: rec.callerSdp,
        callerNumber: view.callerNumber,
        priority: view.priority,
        skills: rec.skills ? rec.skills.split(',').filter(Boolean) : [],
        queue: view.queue,
        arrivedAt: Number(rec.arrivedAt) || view.arrivedAt,
        earlierCalls: Number(rec.earlierCalls) || 0,
      });
      call.queue = view.queue;
      await call.adopt(dialog as unknown as Dialog, c.callId);
      await ctx.records.update(hotlineId, { adoptedAt: ctx.now(), instance: ctx.cfg.instanceId });
      adopted++;
    }
  }
  return adopted;
}

/** In-dialog requests for dialogs srf does not know: an adopted caller's BYE / INFO, else 481. */
export function onStrayRequest(ctx: GatewayContext, req: Srf.SrfRequest, res: Srf.SrfResponse): void {
  const bridge = ctx.calls.bridges.get(req.get('Call-ID'));
  if (bridge) {
    const fromCaller = req.get('Call-ID') === bridge.sipCallId;
    res.send(200);
    if (req.method === 'BYE') void endBridge(ctx, bridge, fromCaller ? 'caller' : 'agent');
    else if (req.method === 'INFO') void forwardInfo(req, fromCaller ? bridge.agent : bridge.caller);
    return;
  }
  const call = ctx.calls.inboundBySipCallId(req.get('Call-ID'));
  const dialog = call?.callerDialog as unknown as AdoptedDialog | undefined;
  if (!call || !(dialog instanceof AdoptedDialog)) {
    res.send(481);
    return;
  }
  if (req.method === 'BYE') {
    res.send(200);
    dialog.remoteBye();
  } else if (req.method === 'INFO') {
    void onCallerInfo(call, req, res);
  } else res.send(req.method === 'INVITE' ? 488 : 200);
}
