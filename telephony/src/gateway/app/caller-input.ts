// Keys the caller presses, whichever way the phone sends them: RFC 2833 telephone-events in RTP
// (detected by rtpengine, reported through media/dtmf-events.ts — what carrier trunks send) or SIP
// INFO (application/dtmf-relay). One handler decides what a key means in the call's state:
//   greeting / language menu: 1 = 藏语 seats, 2 = 四川话 seats (one level, no deep IVR);
//   queued: # = leave a callback number and keep the place in the queue;
//   talking to an agent: passed to the agent (RTP digits pass through rtpengine by themselves; INFO
//   digits are relayed as INFO).
import type Srf from 'drachtio-srf';
import { languageSkillFor } from '../domain/announcements.ts';
import type { InboundCall } from './inbound-call.ts';
import { forwardInfo } from './srf-types.ts';

export type DigitVia = 'rtp' | 'info';

/** The digit in an application/dtmf-relay (or dtmf) INFO body, if any. */
export function digitInInfo(body: string | undefined): string | undefined {
  return /Signal\s*=\s*([0-9*#A-D])/i.exec(body ?? '')?.[1]?.toUpperCase();
}

export async function onCallerInfo(
  call: InboundCall,
  req: Srf.SrfRequest,
  res: Srf.SrfResponse,
): Promise<void> {
  res.send(200);
  const digit = digitInInfo(req.body);
  if (!digit) return;
  const used = await onCallerDigit(call, digit, 'info');
  if (!used && (call.state === 'bridged' || call.state === 'held'))
    await forwardInfo(req, call.agent?.dialog);
}

/** Act on one key from the caller; false when the key means nothing to the gateway in this state. */
export async function onCallerDigit(call: InboundCall, digit: string, via: DigitVia): Promise<boolean> {
  const { ctx } = call;
  ctx.log.debug({ callId: call.id, digit, via, state: call.state }, 'caller pressed a key');
  const lang = languageSkillFor(digit);
  if (call.state === 'greeting' && lang) {
    await call.chooseLanguage(lang, via);
    return true;
  }
  if (call.state === 'queued' && digit === '#' && ctx.cfg.callbackOfferEvery > 0) {
    await call.fire('callback-accepted', 'caller');
    return true;
  }
  return false;
}
