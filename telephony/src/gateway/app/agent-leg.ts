// The agent leg of an inbound call: ring the agent's registered browser (its own rtpengine branch,
// WebRTC flags), bridge media on answer, watch the browser with in-dialog OPTIONS, answer its
// re-INVITEs (hold / unhold) and hang it up. Every function runs inside the call's event chain
// (app/inbound-call.ts) and reports back with call events.
import type Srf from 'drachtio-srf';
import { TelephonyError } from '../../errors.ts';
import { offerHeaders } from '../domain/hotline-headers.ts';
import { answerCommand, offerCommand } from '../media/ng-commands.ts';
import type { InboundCall } from './inbound-call.ts';
import { asDialog, type Dialog, forwardInfo, hangup, inDialog } from './srf-types.ts';

export interface AgentLeg {
  agentId: string;
  offerId: string | null;
  tag: string;
  req?: Srf.SrfRequest;
  dialog?: Dialog;
  canceled: boolean;
  lost?: boolean;
  earlyBye?: boolean;
  ping?: NodeJS.Timeout;
}

const PRIORITY_HEADER = { urgent: 2, elderly: 1, normal: 0 } as const;

/** Send the INVITE to the agent's browser; the answer or failure comes back as a call event. */
export async function ringAgent(call: InboundCall): Promise<void> {
  const { ctx } = call;
  const leg = call.agent!;
  const { sipCallId, callerTag, callerSdp } = call.init;
  // The to-tag gives the agent its own rtpengine monologue. Without it rtpengine reuses the parked
  // branch (plain RTP, hold music) for this offer and only creates the agent's monologue at the
  // answer: the browser then talks ICE/DTLS to a port whose DTLS/SRTP state belongs to the park
  // branch ("DTLS error: unexpected message", "SRTP output wanted, but no crypto suite").
  // The registration lookup (Redis) and the rtpengine offer do not depend on each other.
  const [reg, o] = await Promise.all([
    ctx.regs.lookup(leg.agentId, ctx.now()),
    ctx.media.send(
      offerCommand({
        callId: sipCallId,
        fromTag: callerTag,
        toTag: leg.tag,
        sdp: callerSdp,
        target: 'webrtc',
      }),
    ),
  ]);
  if (!reg) throw new TelephonyError('GW_AGENT_UNREACHABLE', `agent ${leg.agentId} is not registered`);
  const headers = offerHeaders({
    callId: call.id,
    caller: call.init.callerNumber,
    queue: call.queue,
    waitSeconds: (ctx.now() - call.init.arrivedAt) / 1000,
    priority: PRIORITY_HEADER[call.init.priority],
    language: call.skills.find((s) => s.startsWith('lang:'))?.slice(5) ?? 'mandarin',
    repeatCaller: call.init.earlierCalls > 0,
    kind: call.transfers > 0 ? 'transfer' : 'inbound',
  });
  // Ring in the background: the answer (or failure) comes back as an event.
  ctx.srf
    .createUAC(
      reg.contact,
      { localSdp: o.sdp!, headers: { ...headers, From: `<sip:${call.init.callerNumber}@localhost>` } },
      {
        // srf calls cbRequest(err, req) although its typings say (req)
        cbRequest: ((_e: unknown, req: Srf.SrfRequest) => {
          leg.req = req;
          call.agentLegCallId = req.get('Call-ID');
        }) as never,
      },
    )
    .then((dialog) => void onAgentAnswered(call, leg, asDialog(dialog)))
    .catch((err: { status?: number; message?: string }) => {
      if (leg.canceled || call.agent !== leg) return;
      ctx.log.info(
        { callId: call.id, agentId: leg.agentId, status: err.status ?? err.message },
        'agent did not answer',
      );
      call.requeueHow =
        err.status === undefined || err.status === 408 || err.status === 480 || err.status >= 500
          ? 'unreachable'
          : 'rejected';
      void call.fire('agent-rejected');
    });
}

async function onAgentAnswered(call: InboundCall, leg: AgentLeg, dialog: Dialog): Promise<void> {
  if (leg.canceled || call.agent !== leg || call.state !== 'offering') {
    hangup(dialog);
    return;
  }
  leg.dialog = dialog;
  // handlers first: the browser may send INFO/BYE right after its ACK
  dialog.on('destroy', () => {
    call.enqueueStep(async () => {
      if (call.agent !== leg) return;
      if (call.state !== 'offering') return call.applyNow('agent-hangup', 'agent');
      leg.earlyBye = true; // answered and hung up before media was bridged: handled after the answer
    });
  });
  dialog.on('info', (req, res) => {
    res.send(200);
    void forwardInfo(req, call.callerDialog);
  });
  dialog.on('modify', (req, res) => void onAgentModify(call, req, res));
  dialog.on('refer', (req, res) => void call.ctx.onRefer?.(call, req, res));
  try {
    await call.ctx.media.send(
      answerCommand({
        callId: call.sipCallId,
        fromTag: call.init.callerTag,
        toTag: leg.tag,
        sdp: dialog.remote.sdp,
        target: 'plain',
      }),
    );
  } catch (e) {
    call.ctx.log.error({ callId: call.id, err: (e as Error).message }, 'bridging media failed');
    hangup(dialog);
    call.requeueHow = 'rejected';
    await call.fire('agent-rejected');
    return;
  }
  startAgentPing(call, leg);
  await call.fire('agent-answered');
  if (leg.earlyBye) await call.fire('agent-hangup', 'agent');
}

function startAgentPing(call: InboundCall, leg: AgentLeg): void {
  leg.ping = setInterval(() => {
    if (!leg.dialog || call.agent !== leg || call.ctx.stopping) return;
    leg.dialog
      .request(inDialog('OPTIONS'))
      .then((res) => {
        if ([408, 410, 480, 481, 503].includes(res.status)) {
          call.ctx.log.info({ callId: call.id, status: res.status }, 'agent ping failed');
          agentLost(call, leg);
        }
      })
      .catch((e: Error) => {
        call.ctx.log.info({ callId: call.id, err: e.message }, 'agent ping failed');
        agentLost(call, leg);
      });
  }, call.ctx.cfg.agentPingMs);
}

function agentLost(call: InboundCall, leg: AgentLeg): void {
  if (call.agent !== leg || leg.lost || call.ctx.stopping) return;
  leg.lost = true;
  call.ctx.log.warn(
    { callId: call.id, agentId: leg.agentId },
    "agent's browser is gone: caller back to the head of the queue",
  );
  call.requeueHow = 'unreachable';
  void call.fire('agent-lost');
}

/** CANCEL a ringing agent leg or BYE an answered one. */
export function dropAgentLeg(leg: AgentLeg | undefined): void {
  if (!leg) return;
  leg.canceled = true;
  if (leg.ping) clearInterval(leg.ping);
  if (leg.dialog) hangup(leg.dialog);
  else if (leg.req) leg.req.cancel(() => {});
}

/** re-INVITE from the agent (hold / unhold): answered through rtpengine; the caller hears hold music. */
async function onAgentModify(call: InboundCall, req: Srf.SrfRequest, res: Srf.SrfResponse): Promise<void> {
  const leg = call.agent;
  if (!leg) return void res.send(481);
  const hold = /^a=(sendonly|inactive)\s*$/m.test(req.body ?? '');
  const { sipCallId, callerTag, callerSdp } = call.init;
  try {
    await call.ctx.media.send(
      offerCommand({ callId: sipCallId, fromTag: leg.tag, toTag: callerTag, sdp: req.body, target: 'plain' }),
    );
    const callerAnswer = hold ? callerSdp.replace(/^a=(sendrecv|sendonly)\s*$/m, 'a=recvonly') : callerSdp;
    const a = await call.ctx.media.send(
      answerCommand({
        callId: sipCallId,
        fromTag: leg.tag,
        toTag: callerTag,
        sdp: callerAnswer,
        target: 'webrtc',
        browserOriginated: true,
      }),
    );
    res.send(200, { body: a.sdp, headers: { 'Content-Type': 'application/sdp' } });
  } catch (e) {
    call.ctx.log.error({ callId: call.id, err: (e as Error).message }, 're-INVITE from agent failed');
    res.send(488);
    return;
  }
  if (hold && call.state === 'bridged') {
    await call.fire('hold');
    await call.ctx.acd.hold(call.acdId).catch(() => {});
  } else if (!hold && call.state === 'held') {
    await call.fire('unhold');
    await call.ctx.acd.resume(call.acdId).catch(() => {});
  }
}
