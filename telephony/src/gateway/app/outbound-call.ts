// Calls the agent's browser starts through the gateway (INVITE over WS, digest-authenticated):
//   - a three-way call to 110/119/120/122 or a configured utility hotline (header X-Hotline-Three-Way-For:
//     <hotline call id> links it to the call in progress; the handoff time is recorded on that call);
//   - a callback (回访) to a ticket's requester (header X-Hotline-Callback-Grant, signed by the server);
//   - a consultation call to another agent (R-URI user "agent-<id>"), for attended transfer.
// Anything else is refused with 403 (toll-fraud protection) and logged. The browser mixes the three
// parties of a three-way call itself (WebAudio); "agent leaves" is a REFER with Replaces (transfer.ts).
import type Srf from 'drachtio-srf';
import { TelephonyError } from '../../errors.ts';
import { CALLBACK_USER, verifyCallbackGrant } from '../domain/callback-grant.ts';
import { HOTLINE_HEADERS } from '../domain/hotline-headers.ts';
import { decideOutbound, type OutboundDecision } from '../domain/outbound-policy.ts';
import { answerCommand, deleteCommand, type LegKind, offerCommand } from '../media/ng-commands.ts';
import type { AgentIdentity } from './agent-auth.ts';
import type { GatewayContext } from './context.ts';
import { asDialog, type Dialog, forwardInfo, hangup } from './srf-types.ts';

export interface OutboundLeg {
  /** SIP Call-ID of the browser's leg (also the rtpengine call id). */
  sipCallId: string;
  agentId: string;
  browserTag: string;
  farTag: string;
  farKind: LegKind;
  browserDialog: Dialog;
  farDialog: Dialog;
  /** Hotline call this three-way call belongs to. */
  threeWayFor?: string;
  /** Set once the far end was connected to a caller: this leg no longer owns the far dialog. */
  handedOff: boolean;
}

let seq = 0;

type Target = { uri: string; kind: LegKind; decision?: OutboundDecision; agentId?: string };

async function resolveTarget(
  ctx: GatewayContext,
  req: Srf.SrfRequest,
  who: AgentIdentity,
): Promise<Target | TelephonyError> {
  const user = /^sips?:([^@;]+)@/.exec(req.uri)?.[1] ?? '';
  const consult = /^agent-([A-Za-z0-9_-]{1,64})$/.exec(user);
  if (consult) {
    const reg = await ctx.regs.lookup(consult[1]!, ctx.now());
    if (!reg) return new TelephonyError('GW_AGENT_UNREACHABLE', `agent ${consult[1]} is not registered`);
    return { uri: reg.contact, kind: 'webrtc', agentId: consult[1]! };
  }
  const grantHeader = req.get(HOTLINE_HEADERS.callbackGrant);
  let decision: OutboundDecision;
  if (grantHeader) {
    const g = verifyCallbackGrant(
      ctx.cfg.callbackGrantSecret ?? ctx.cfg.credentialSecret,
      grantHeader,
      Math.floor(ctx.now() / 1000),
    );
    if (!g.ok) return new TelephonyError('GW_CALLBACK_GRANT_INVALID', `${who.agentId}: grant ${g.reason}`);
    // sip:callback@… dials the sealed number; a number in the URI must be the granted one
    const number = user === CALLBACK_USER ? g.grant.number : user;
    decision = decideOutbound({ kind: 'callback', number, grant: g.grant }, ctx.policy);
  } else {
    decision = decideOutbound({ kind: 'three-way', number: user }, ctx.policy);
  }
  if (!decision.allowed) return new TelephonyError('GW_DESTINATION_REFUSED', `${user}: ${decision.reason}`);
  return { uri: ctx.cfg.trunkOutboundUri.replace('{number}', decision.number), kind: 'plain', decision };
}

export async function onAgentInvite(
  ctx: GatewayContext,
  req: Srf.SrfRequest,
  res: Srf.SrfResponse,
  who: AgentIdentity,
): Promise<void> {
  const requestedAt = ctx.now();
  const target = await resolveTarget(ctx, req, who);
  if (target instanceof TelephonyError) {
    ctx.log.warn(
      { agentId: who.agentId, uri: req.uri, code: target.code, detail: target.detail },
      'outbound call refused',
    );
    res.send(target.sipStatus ?? 403, target.message, {});
    return;
  }
  const sipCallId = req.get('Call-ID');
  const browserTag = /;\s*tag=([^;>\s]+)/.exec(req.get('From'))?.[1] ?? `b${++seq}`;
  const farTag = `far-${++seq}`;
  const threeWayFor = req.get(HOTLINE_HEADERS.threeWayFor) || undefined;
  let canceled = false;
  let uacReq: Srf.SrfRequest | undefined;
  req.on('cancel', () => {
    canceled = true;
    uacReq?.cancel(() => {});
    void ctx.media.send(deleteCommand(sipCallId)).catch(() => {});
  });
  try {
    const o = await ctx.media.send(
      offerCommand({ callId: sipCallId, fromTag: browserTag, sdp: req.body, target: target.kind }),
    );
    const decision = target.decision;
    const headers: Record<string, string> = { From: `<sip:${ctx.cfg.trunkCallerId}@localhost>` };
    if (threeWayFor) headers[HOTLINE_HEADERS.callId] = threeWayFor;
    const far = asDialog(
      await ctx.srf.createUAC(
        target.uri,
        { localSdp: o.sdp!, headers },
        { cbRequest: ((_e: unknown, r: Srf.SrfRequest) => (uacReq = r)) as never },
      ),
    );
    if (canceled) {
      hangup(far);
      return;
    }
    const answeredAt = ctx.now();
    const a = await ctx.media.send(
      answerCommand({
        callId: sipCallId,
        fromTag: browserTag,
        toTag: farTag,
        sdp: far.remote.sdp,
        target: 'webrtc',
        browserOriginated: true,
      }),
    );
    const browser = asDialog(await ctx.srf.createUAS(req, res, { localSdp: a.sdp! }));
    const leg: OutboundLeg = {
      sipCallId,
      agentId: who.agentId,
      browserTag,
      farTag,
      farKind: target.kind,
      browserDialog: browser,
      farDialog: far,
      handedOff: false,
      ...(threeWayFor ? { threeWayFor } : {}),
    };
    ctx.calls.outbound.set(sipCallId, leg);
    const end = () => {
      ctx.calls.outbound.delete(sipCallId);
      void ctx.media.send(deleteCommand(sipCallId)).catch(() => {});
    };
    browser.on('destroy', () => {
      if (!leg.handedOff) hangup(far);
      end();
    });
    far.on('destroy', () => {
      if (leg.handedOff) return;
      hangup(browser);
      end();
    });
    browser.on('info', (r, s) => {
      s.send(200);
      if (!leg.handedOff) void forwardInfo(r, far);
    });
    if (threeWayFor && decision?.allowed) {
      await ctx.records.update(threeWayFor, {
        threeWayNumber: decision.number,
        threeWayService: decision.category === 'callback' ? 'callback' : decision.service,
        threeWayRequestedAt: requestedAt,
        threeWayAnsweredAt: answeredAt,
        handoffMs: answeredAt - requestedAt,
      });
    }
    if (decision?.allowed && decision.category === 'callback') {
      await ctx.records.update(`callback-${sipCallId}`, {
        ticketId: decision.ticketId,
        agentId: who.agentId,
        number: decision.number,
        startedAt: requestedAt,
        answeredAt,
      });
    }
    ctx.log.info(
      { agentId: who.agentId, to: target.uri, threeWayFor, ms: answeredAt - requestedAt },
      'outbound call connected',
    );
  } catch (e) {
    void ctx.media.send(deleteCommand(sipCallId)).catch(() => {});
    if (canceled || res.finalResponseSent) return;
    const status = (e as { status?: number }).status;
    const err = e instanceof TelephonyError ? e : undefined;
    ctx.log.info(
      { agentId: who.agentId, uri: req.uri, status, err: (e as Error).message },
      'outbound call failed',
    );
    res.send(err?.sipStatus ?? (status && status >= 300 ? status : 503));
  }
}
