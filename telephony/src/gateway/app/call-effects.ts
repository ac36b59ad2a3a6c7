// The effects of the inbound call's transition table (domain/call-flow.ts), run in order inside the
// call's event chain (inbound-call.ts): media, the distributor, the call record and the legs.
import type { Effect } from '../domain/call-flow.ts';
import { startRecordingCommand } from '../media/ng-commands.ts';
import { dropAgentLeg, ringAgent } from './agent-leg.ts';
import type { InboundCall } from './inbound-call.ts';
import { hangup } from './srf-types.ts';

export async function runEffect(call: InboundCall, effect: Effect): Promise<void> {
  const { ctx } = call;
  const { media, acd } = ctx;
  const { sipCallId } = call.init;
  switch (effect) {
    case 'play-greeting':
      return call.prompts.playGreeting();
    case 'enqueue':
      return call.enqueue();
    case 'start-hold-music':
      if (call.state === 'offering') {
        // rung at once: most agents answer within a second or two, so music starts only if the
        // agent's phone is still ringing after ringMusicDelayMs (saves two rtpengine commands)
        call.later(() => {
          if (call.state === 'offering') void call.audio.play('hold-music', 1000);
        }, ctx.cfg.ringMusicDelayMs);
        return;
      }
      await call.audio.play('hold-music', 1000);
      return;
    case 'stop-hold-music':
      return call.audio.stop();
    case 'start-announcements':
      return call.prompts.scheduleAnnouncement();
    case 'stop-announcements':
      call.clearTimers();
      return;
    case 'ring-agent':
      return ringAgent(call);
    case 'cancel-agent-leg':
    case 'end-agent-leg':
      return dropAgentLeg(call.agent);
    case 'requeue-at-head':
      return call.requeue();
    case 'bridge':
      return; // media was connected by ringAgent's answer; nothing left to do
    case 'record-answer':
      await acd.answer(call.acdId, call.agent!.agentId);
      await ctx.records.update(call.id, {
        agentId: call.agent!.agentId,
        answeredAt: ctx.now(),
        // a restarted gateway ends the conversation cleanly with these (adopt-calls.ts)
        ...(call.agent!.dialog
          ? { agentDialogId: call.agent!.dialog.id, agentSipCallId: call.agent!.dialog.sip.callId }
          : {}),
      });
      if (!call.recording) {
        call.recording = true;
        await media.send(startRecordingCommand(sipCallId, `hotline-call-id:${call.id}`));
        await ctx.records.update(call.id, { recording: 'rtpengine-pcap', recordingStartedAt: ctx.now() });
      }
      return;
    case 'play-apology':
      await call.audio.play('apology');
      return;
    case 'end-caller-leg':
      hangup(call.callerDialog);
      return;
    case 'end-far-leg':
      hangup(call.far?.dialog);
      return;
    case 'record-abandon':
      await acd
        .abandon(call.acdId)
        .catch((e) => ctx.log.debug({ callId: call.id, err: String(e) }, 'abandon'));
      await ctx.records.update(call.id, {
        abandonedAt: ctx.now(),
        waitedMs: ctx.now() - call.init.arrivedAt,
      });
      await ctx.history.noteAbandon(call.init.callerNumber).catch(() => {});
      return;
    case 'end-call-in-queue':
      await acd
        .endCall(call.acdId, call.endedBy)
        .catch((e) => ctx.log.debug({ callId: call.id, err: String(e) }, 'endCall'));
      return;
    case 'start-wrap-up':
      await ctx.records.update(call.id, { endedAt: ctx.now(), endedBy: call.endedBy });
      return;
    case 'new-queue-call': {
      const old = call.acdId;
      call.agent = undefined;
      call.agentLegCallId = undefined;
      call.transfers += 1;
      call.acdId = `${call.id}.t${call.transfers}`;
      call.queue = call.transferQueue || call.queue;
      ctx.calls.inbound.delete(old);
      ctx.calls.inbound.set(call.acdId, call);
      await call.repark();
      await ctx.records.update(call.id, { transferredTo: call.queue, acdId: call.acdId });
      return;
    }
    case 'connect-caller-to-far-end':
    case 'record-handoff':
      return; // done by the transfer handler before the event (it owns the far dialog)
    case 'save-callback-request':
      await acd.requestCallback(call.acdId, call.init.callerNumber);
      await call.audio.play('callback-saved');
      await new Promise<void>((r) => call.later(r, 3000));
      return;
  }
}
