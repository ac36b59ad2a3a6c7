// The caller's side of the media in rtpengine: parking it (the far side points at the gateway's UDP
// sink while nobody talks with the caller) and playing prompts / hold music to the caller, knowing
// whether something is still playing (so "stop media" is sent only when it is needed).
import { answerCommand, offerCommand, playMediaCommand, stopMediaCommand } from '../media/ng-commands.ts';
import type { GatewayContext } from './context.ts';

export interface CallerLeg {
  /** Hotline call id (logs only). */
  id: string;
  sipCallId: string;
  callerTag: string;
  callerSdp: string;
}

/** Offer the caller's SDP and answer it with the park SDP; returns the SDP for the caller's 200.
 * Used when the call arrives and again whenever an agent leg went away (back to the queue). */
export async function parkCaller(ctx: GatewayContext, leg: CallerLeg, parkTag: string): Promise<string> {
  const { sipCallId, callerTag, callerSdp } = leg;
  await ctx.media.send(
    offerCommand({ callId: sipCallId, fromTag: callerTag, sdp: callerSdp, target: 'plain' }),
  );
  const a = await ctx.media.send(
    answerCommand({
      callId: sipCallId,
      fromTag: callerTag,
      toTag: parkTag,
      sdp: ctx.sink.parkSdp(),
      target: 'plain',
    }),
  );
  if (!a.sdp) throw new Error('rtpengine answer without SDP');
  return a.sdp;
}

export class CallerAudio {
  /** Until when something is playing to the caller (ms; Infinity for looped hold music). */
  private playingUntil = 0;

  constructor(
    private readonly ctx: GatewayContext,
    private readonly leg: CallerLeg,
  ) {}

  /** Play a prompt; resolves with its length in ms (0 when it could not be played). */
  async play(name: string, repeat = 1): Promise<number> {
    try {
      const r = await this.ctx.media.send(
        playMediaCommand(this.leg.sipCallId, this.leg.callerTag, this.ctx.prompt(name), repeat),
      );
      const ms = typeof r.duration === 'number' ? r.duration : 0;
      this.playingUntil = repeat > 1 || ms === 0 ? Number.POSITIVE_INFINITY : this.ctx.now() + ms;
      return ms;
    } catch (e) {
      this.ctx.log.warn(
        { callId: this.leg.id, prompt: name, err: (e as Error).message },
        'prompt not played',
      );
      return 0;
    }
  }

  /** Stop whatever plays to the caller; no rtpengine command when nothing does. */
  async stop(): Promise<void> {
    if (this.ctx.now() >= this.playingUntil) return;
    this.playingUntil = 0;
    await this.ctx.media.send(stopMediaCommand(this.leg.sipCallId, this.leg.callerTag)).catch(() => {});
  }
}
