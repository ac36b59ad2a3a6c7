// A new INVITE from the carrier trunk: ACL check, media anchored in rtpengine, answered, handed to
// an InboundCall (greeting → queue → agent). Anything not from a trunk address gets 403 and a log line.
import { randomBytes } from 'node:crypto';
import type Srf from 'drachtio-srf';
import { isTelephonyError } from '../../errors.ts';
import { arrivalPriority } from '../domain/caller-priority.ts';
import { callerNumber } from '../domain/hotline-headers.ts';
import { deleteCommand } from '../media/ng-commands.ts';
import type { GatewayContext } from './context.ts';
import { InboundCall } from './inbound-call.ts';

/** Hotline call id: sortable by time, unique across instances ("20261128T213712-9f2c4a1b"). */
export function newHotlineCallId(nowMs: number): string {
  const iso = new Date(nowMs).toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `${iso}-${randomBytes(4).toString('hex')}`;
}

export async function onTrunkInvite(
  ctx: GatewayContext,
  req: Srf.SrfRequest,
  res: Srf.SrfResponse,
): Promise<void> {
  if (!ctx.acl.allows(req.source_address)) {
    ctx.log.warn(
      { source: req.source_address, from: req.get('From'), uri: req.uri },
      'INVITE from a non-trunk address refused',
    );
    res.send(403, 'Forbidden', {});
    return;
  }
  const sdp = req.body ?? '';
  if (!/^v=0/m.test(sdp) || !/^m=audio /m.test(sdp)) {
    res.send(488, 'Not Acceptable Here', {});
    return;
  }
  const arrivedAt = ctx.now();
  const number = callerNumber(req.get('P-Asserted-Identity') || req.get('From'));
  const callerTag = /;\s*tag=([^;>\s]+)/.exec(req.get('From'))?.[1] ?? 'caller';
  const id = newHotlineCallId(arrivedAt);
  // the caller's history (one Redis round trip) is looked up while rtpengine anchors the media
  const seenP = ctx.history.noteArrival(number, id, arrivedAt).catch((e: Error) => {
    ctx.log.warn({ callId: id, err: e.message }, 'caller history unavailable');
    return { earlierCalls: 0, abandonedRecently: false };
  });
  const call = new InboundCall(ctx, {
    id,
    sipCallId: req.get('Call-ID'),
    callerTag,
    callerSdp: sdp,
    callerNumber: number,
    priority: 'normal',
    skills: [],
    queue: ctx.cfg.queue,
    arrivedAt,
    earlierCalls: 0,
  });
  let canceled = false;
  req.on('cancel', () => {
    canceled = true;
    ctx.calls.inbound.delete(call.acdId);
    void ctx.media.send(deleteCommand(call.sipCallId)).catch(() => {});
  });
  let localSdp: string;
  try {
    localSdp = await call.anchor();
  } catch (e) {
    ctx.log.error({ callId: call.id, err: (e as Error).message }, 'media anchoring failed');
    if (!canceled) res.send(isTelephonyError(e) ? (e.sipStatus ?? 503) : 503);
    void ctx.media.send(deleteCommand(call.sipCallId)).catch(() => {});
    return;
  }
  const seen = await seenP;
  call.init.priority = arrivalPriority({
    flaggedUrgent: ctx.cfg.urgentCallers.includes(number),
    abandonedRecently: seen.abandonedRecently,
  });
  call.init.earlierCalls = seen.earlierCalls;
  if (canceled) return;
  // rtpengine's port facing the caller: the recording tells the caller's packets apart by it (recordings.ts)
  call.init.callerMediaPort = /^m=audio (\d+)/m.exec(localSdp)?.[1];
  ctx.calls.inbound.set(call.acdId, call);
  try {
    const dialog = await ctx.srf.createUAS(req, res, { localSdp, headers: { 'X-Hotline-Call-Id': call.id } });
    call.start(dialog);
  } catch (e) {
    ctx.calls.inbound.delete(call.acdId);
    void ctx.media.send(deleteCommand(call.sipCallId)).catch(() => {});
    ctx.log.info({ callId: call.id, err: (e as Error).message }, 'caller gone before answer');
  }
}
