// REFER from an agent on a caller's call:
//   Refer-To: queue-<id>            blind transfer: the caller waits in that queue (agent leaves now)
//   Refer-To: agent-<id>            transfer to that agent: rung directly; when they answer the caller is
//                                   connected to them and the referring agent leaves
//   Refer-To: …?Replaces=<leg>      attended transfer / leaving a three-way call: the caller is connected
//                                   to the far end of the agent's other call (a consulted agent or the
//                                   110/119/120/122/utility line); both agent legs end.
// Outcome reported to the agent with a NOTIFY (message/sipfrag), as RFC 3515 asks.
import type Srf from 'drachtio-srf';
import { parseReferTo } from '../domain/refer-target.ts';
import { answerCommand, deleteCommand, type LegKind, offerCommand } from '../media/ng-commands.ts';
import type { GatewayContext } from './context.ts';
import type { InboundCall } from './inbound-call.ts';
import { asDialog, type Dialog, hangup, inDialog } from './srf-types.ts';

let seq = 0;

async function notify(dialog: Dialog | undefined, status: string): Promise<void> {
  if (!dialog?.connected) return;
  await dialog
    .request(
      inDialog(
        'NOTIFY',
        {
          Event: 'refer',
          'Subscription-State': 'terminated;reason=noresource',
          'Content-Type': 'message/sipfrag;version=2.0',
        },
        `SIP/2.0 ${status}\r\n`,
      ),
    )
    .catch(() => {});
}

/** Re-point the far side of the caller's rtpengine session at `far` (a re-INVITE to it); returns its SDP. */
async function connectCallerTo(
  ctx: GatewayContext,
  call: InboundCall,
  far: Dialog,
  kind: LegKind,
): Promise<string> {
  const { sipCallId, callerTag, callerSdp } = call.init;
  const o = await ctx.media.send(
    offerCommand({ callId: sipCallId, fromTag: callerTag, sdp: callerSdp, target: kind }),
  );
  const farSdp = (await far.modify(o.sdp!)) as string;
  await ctx.media.send(
    answerCommand({
      callId: sipCallId,
      fromTag: callerTag,
      toTag: `far-${++seq}`,
      sdp: farSdp,
      target: 'plain',
    }),
  );
  return farSdp;
}

export async function onRefer(
  ctx: GatewayContext,
  call: InboundCall,
  req: Srf.SrfRequest,
  res: Srf.SrfResponse,
): Promise<void> {
  const target = parseReferTo(req.get('Refer-To'));
  if (!target) {
    res.send(400, 'Bad Refer-To', {});
    return;
  }
  if (call.state !== 'bridged') {
    res.send(491, 'Request Pending', {});
    return;
  }
  res.send(202);
  const agentDialog = call.agent?.dialog;
  try {
    if (target.kind === 'queue') {
      await notify(agentDialog, '200 OK');
      await call.transferToQueue(target.queueId);
      return;
    }
    const startedAt = ctx.now();
    if (target.kind === 'agent') {
      const reg = await ctx.regs.lookup(target.agentId, ctx.now());
      if (!reg) {
        await notify(agentDialog, '480 Temporarily Unavailable');
        return;
      }
      const { sipCallId, callerTag, callerSdp } = call.init;
      // The new agent leg gets its own rtpengine monologue (to-tag on the offer, as when ringing an
      // agent): without it rtpengine reuses the first agent's branch for this offer and the second
      // browser's DTLS/SRTP never comes up (connected, but no audio either way).
      const toTag = `agent-x${++seq}`;
      const o = await ctx.media.send(
        offerCommand({ callId: sipCallId, fromTag: callerTag, toTag, sdp: callerSdp, target: 'webrtc' }),
      );
      const other = asDialog(
        await ctx.srf.createUAC(reg.contact, {
          localSdp: o.sdp!,
          headers: {
            'X-Hotline-Call-Id': call.id,
            'X-Hotline-Call-Kind': 'transfer',
            'X-Hotline-Caller': call.init.callerNumber,
          },
        }),
      );
      await ctx.media.send(
        answerCommand({
          callId: sipCallId,
          fromTag: callerTag,
          toTag,
          sdp: other.remote.sdp,
          target: 'plain',
        }),
      );
      await notify(agentDialog, '200 OK');
      await call.handOffTo(
        { dialog: other, sdp: other.remote.sdp },
        { transferredToAgent: target.agentId, transferredAt: ctx.now() },
      );
      return;
    }
    const leg = ctx.calls.outbound.get(target.callId);
    if (!leg || leg.agentId !== call.agent?.agentId) {
      await notify(agentDialog, '481 Call/Transaction Does Not Exist');
      return;
    }
    const farSdp = await connectCallerTo(ctx, call, leg.farDialog, leg.farKind);
    leg.handedOff = true;
    ctx.calls.outbound.delete(leg.sipCallId);
    await ctx.media.send(deleteCommand(leg.sipCallId)).catch(() => {});
    hangup(leg.browserDialog);
    await notify(agentDialog, '200 OK');
    await call.handOffTo(
      { dialog: leg.farDialog, sdp: farSdp },
      {
        handedOffAt: ctx.now(),
        handedOffMs: ctx.now() - startedAt,
        handedOffTo: leg.farKind === 'plain' ? 'external' : 'agent',
      },
    );
  } catch (e) {
    ctx.log.error({ callId: call.id, err: (e as Error).message }, 'transfer failed');
    await notify(agentDialog, '503 Service Unavailable');
  }
}
