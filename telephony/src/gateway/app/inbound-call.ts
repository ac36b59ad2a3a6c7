// One inbound 12345 call on this gateway instance: the caller's SIP dialog, its rtpengine session
// and the agent leg, driven by the pure transition table in domain/call-flow.ts. Every event is
// applied in order (a per-call promise chain), so SIP, queue and timer events never interleave.
import type { Offer, Priority } from '@hotline/queue';
import type Srf from 'drachtio-srf';
import { isTelephonyError, TelephonyError } from '../../errors.ts';
import { announcementRound, languageSkillFor } from '../domain/announcements.ts';
import { type CallEvent, type CallState, type Effect, TERMINAL, transition } from '../domain/call-flow.ts';
import { offerHeaders } from '../domain/hotline-headers.ts';
import {
  answerCommand,
  deleteCommand,
  offerCommand,
  playMediaCommand,
  startRecordingCommand,
  stopMediaCommand,
} from '../media/ng-commands.ts';
import type { GatewayContext } from './context.ts';
import { fileRecording } from './recordings.ts';
import { asDialog, type Dialog, hangup, inDialog } from './srf-types.ts';

export interface InboundInit {
  id: string;
  sipCallId: string;
  callerTag: string;
  callerSdp: string;
  callerNumber: string;
  priority: Priority;
  skills: string[];
  queue: string;
  arrivedAt: number;
}

interface AgentLeg {
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

/** The far end the caller stays with after the agent leaves a three-way call. */
export interface FarEnd {
  dialog: Dialog;
  sdp: string;
}

export type RequeueHow = 'rejected' | 'expired' | 'unreachable';

let legSeq = 0;

export class InboundCall {
  state: CallState = 'greeting';
  callerDialog?: Dialog;
  agent?: AgentLeg;
  far?: FarEnd;
  /** The SIP Call-ID of the current agent leg (REFER/Replaces lookups). */
  agentLegCallId?: string;
  private chain: Promise<void> = Promise.resolve();
  private timers = new Set<NodeJS.Timeout>();
  private announceRound = 0;
  private requeueHow: RequeueHow = 'rejected';
  private endedBy: 'agent' | 'caller' | 'system' = 'system';
  private seenOffers = new Set<string>();
  private parkTag: string;

  constructor(
    private readonly ctx: GatewayContext,
    readonly init: InboundInit,
  ) {
    this.parkTag = `park-${init.id}`;
    this.acdId = init.id;
    this.skills = [...init.skills];
    this.queue = init.queue;
  }

  get id(): string {
    return this.init.id;
  }
  /** The distributor's id for this call: changes when a transfer re-queues it as a new queue call. */
  acdId: string = '';
  queue: string = '';
  get sipCallId(): string {
    return this.init.sipCallId;
  }

  /** Anchor the caller's media (parked until an agent answers); returns the SDP for the caller's 200. */
  async anchor(): Promise<string> {
    const { media } = this.ctx;
    const { sipCallId, callerTag, callerSdp } = this.init;
    await media.send(
      offerCommand({ callId: sipCallId, fromTag: callerTag, sdp: callerSdp, target: 'plain' }),
    );
    const a = await media.send(
      answerCommand({
        callId: sipCallId,
        fromTag: callerTag,
        toTag: this.parkTag,
        sdp: this.ctx.sink.parkSdp(),
        target: 'plain',
      }),
    );
    if (!a.sdp) throw new Error('rtpengine answer without SDP');
    return a.sdp;
  }

  /** Called once the caller's dialog exists. */
  start(srfDialog: Srf.Dialog): void {
    const dialog = asDialog(srfDialog);
    this.callerDialog = dialog;
    dialog.on('destroy', () => this.fire('caller-hangup', 'caller'));
    dialog.on('info', (req, res) => void this.onCallerInfo(req, res));
    dialog.on('modify', (_req, res) => res.send(200, { body: dialog.local.sdp }));
    void this.ctx.records.update(this.id, {
      sipCallId: this.sipCallId,
      caller: this.init.callerNumber,
      queue: this.init.queue,
      instance: this.ctx.cfg.instanceId,
      arrivedAt: this.init.arrivedAt,
      state: this.state,
    });
    void this.playGreeting();
  }

  /** Queue every event; effects run in order. */
  fire(event: CallEvent, by?: 'agent' | 'caller' | 'system'): Promise<void> {
    this.chain = this.chain.then(() => this.apply(event, by));
    return this.chain;
  }

  /** The distributor offered this call to an agent (from enqueue's result or the event stream). */
  onOffer(offer: Offer): Promise<void> {
    if (this.seenOffers.has(offer.offerId)) return this.chain;
    this.seenOffers.add(offer.offerId);
    this.chain = this.chain.then(async () => {
      if (this.state === 'offering') {
        // events can arrive out of order (a new offer before the old one's expiry): keep it
        this.pendingOffer = offer;
        return;
      }
      if (this.state !== 'queued') return;
      await this.takeOffer(offer);
    });
    return this.chain;
  }

  private pendingOffer: Offer | undefined;

  private async takeOffer(offer: Offer): Promise<void> {
    this.pendingOffer = undefined;
    const leg: AgentLeg = {
      agentId: offer.agentId,
      offerId: offer.offerId,
      tag: `agent-${++legSeq}`,
      canceled: false,
    };
    this.agent = leg;
    // backstop: if the distributor's expiry event is lost, expire the offer ourselves
    const ms = Math.max(0, offer.expiresAt - this.ctx.now()) + 1500;
    this.later(() => {
      if (this.agent === leg && this.state === 'offering') void this.onOfferExpired(offer.offerId);
    }, ms);
    await this.apply('agent-offered');
  }

  /** The distributor expired the offer (no answer in time). */
  onOfferExpired(offerId: string): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (this.state !== 'offering' || this.agent?.offerId !== offerId) return;
      this.requeueHow = 'expired';
      await this.apply('offer-timeout');
    });
    return this.chain;
  }

  private async apply(event: CallEvent, by?: 'agent' | 'caller' | 'system'): Promise<void> {
    if (TERMINAL.has(this.state)) return;
    let step: ReturnType<typeof transition>;
    try {
      step = transition(this.state, event);
    } catch (e) {
      this.ctx.log.debug({ callId: this.id, state: this.state, event }, String((e as Error).message));
      return;
    }
    if (by) this.endedBy = by;
    const from = this.state;
    this.state = step.to;
    this.ctx.log.debug({ callId: this.id, from, event, to: step.to }, 'call transition');
    for (const effect of step.effects) {
      try {
        await this.run(effect);
      } catch (e) {
        this.ctx.log.error({ callId: this.id, effect, err: (e as Error).message }, 'call effect failed');
        if (effect === 'ring-agent') {
          this.requeueHow = isTelephonyError(e, 'GW_AGENT_UNREACHABLE') ? 'unreachable' : 'rejected';
          this.chain = this.chain.then(() => this.apply('agent-rejected'));
        }
      }
    }
    void this.ctx.records.update(this.id, { state: this.state }).catch(() => {});
    if (TERMINAL.has(this.state) || this.state === 'wrap-up') await this.finish();
  }

  private async run(effect: Effect): Promise<void> {
    const { ctx } = this;
    const { media, acd } = ctx;
    const { sipCallId, callerTag } = this.init;
    switch (effect) {
      case 'play-greeting':
        return this.playGreeting();
      case 'enqueue':
        return this.enqueue();
      case 'start-hold-music':
        await media.send(playMediaCommand(sipCallId, callerTag, ctx.prompt('hold-music'), 1000));
        return;
      case 'stop-hold-music':
        await media.send(stopMediaCommand(sipCallId, callerTag)).catch(() => {});
        return;
      case 'start-announcements':
        return this.scheduleAnnouncement();
      case 'stop-announcements':
        this.clearTimers();
        return;
      case 'ring-agent':
        return this.ringAgent();
      case 'cancel-agent-leg':
      case 'end-agent-leg':
        return this.dropAgentLeg();
      case 'requeue-at-head':
        return this.requeue();
      case 'bridge':
        return; // media was connected by ringAgent's answer; nothing left to do
      case 'start-recording':
        await media.send(startRecordingCommand(sipCallId, `hotline-call-id:${this.id}`));
        await ctx.records.update(this.id, { recording: 'rtpengine-pcap', recordingStartedAt: ctx.now() });
        return;
      case 'record-answer':
        await acd.answer(this.acdId, this.agent!.agentId);
        await ctx.records.update(this.id, { agentId: this.agent!.agentId, answeredAt: ctx.now() });
        return;
      case 'play-apology':
        await media.send(playMediaCommand(sipCallId, callerTag, ctx.prompt('apology'), 1));
        return;
      case 'end-caller-leg':
        hangup(this.callerDialog);
        return;
      case 'end-far-leg':
        hangup(this.far?.dialog);
        return;
      case 'record-abandon':
        await acd
          .abandon(this.acdId)
          .catch((e) => ctx.log.debug({ callId: this.id, err: String(e) }, 'abandon'));
        await ctx.records.update(this.id, {
          abandonedAt: ctx.now(),
          waitedMs: ctx.now() - this.init.arrivedAt,
        });
        return;
      case 'end-call-in-queue':
        await acd
          .endCall(this.acdId, this.endedBy)
          .catch((e) => ctx.log.debug({ callId: this.id, err: String(e) }, 'endCall'));
        return;
      case 'start-wrap-up':
        await ctx.records.update(this.id, { endedAt: ctx.now(), endedBy: this.endedBy });
        return;
      case 'new-queue-call': {
        const old = this.acdId;
        this.agent = undefined;
        this.agentLegCallId = undefined;
        this.transfers += 1;
        this.acdId = `${this.id}.t${this.transfers}`;
        this.queue = this.transferQueue || this.queue;
        ctx.calls.inbound.delete(old);
        ctx.calls.inbound.set(this.acdId, this);
        await this.repark();
        await ctx.records.update(this.id, { transferredTo: this.queue, acdId: this.acdId });
        return;
      }
      case 'connect-caller-to-far-end':
      case 'record-handoff':
        return; // done by the transfer handler before the event (it owns the far dialog)
      case 'save-callback-request':
        await acd.requestCallback(this.acdId, this.init.callerNumber);
        await media
          .send(playMediaCommand(sipCallId, callerTag, ctx.prompt('callback-saved'), 1))
          .catch(() => {});
        await new Promise<void>((r) => this.later(r, 3000));
        return;
    }
  }

  private later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async playGreeting(): Promise<void> {
    let ms = 0;
    try {
      const r = await this.ctx.media.send(
        playMediaCommand(this.sipCallId, this.init.callerTag, this.ctx.prompt('greeting')),
      );
      ms = typeof r.duration === 'number' ? r.duration : 0;
    } catch (e) {
      this.ctx.log.warn({ callId: this.id, err: (e as Error).message }, 'greeting not played');
    }
    this.later(() => void this.fire('greeting-done'), ms);
  }

  private async enqueue(): Promise<void> {
    const r = await this.ctx.acd.enqueueCall({
      callId: this.acdId,
      queue: this.queue,
      priority: this.init.priority,
      skills: this.skills,
      callerNumber: this.init.callerNumber,
      meta: { sipCallId: this.sipCallId, instance: this.ctx.cfg.instanceId },
    });
    await this.ctx.records.update(this.id, { enqueuedAt: this.ctx.now(), position: r.position });
    if (r.offer) void this.onOffer(r.offer);
  }

  private scheduleAnnouncement(): void {
    const every = this.ctx.cfg.announceEverySec * 1000;
    if (every <= 0) return;
    this.later(() => void this.announce(), every);
  }

  private async announce(): Promise<void> {
    if (this.state !== 'queued') return;
    const { media } = this.ctx;
    try {
      const pos = await this.ctx.acd.position(this.acdId);
      const names = announcementRound(
        this.announceRound++,
        pos.position,
        pos.estimatedWaitSec,
        this.ctx.cfg.callbackOfferEvery,
      );
      for (const name of names) {
        if (this.state !== 'queued') return;
        const r = await media.send(
          playMediaCommand(this.sipCallId, this.init.callerTag, this.ctx.prompt(name)),
        );
        await new Promise<void>((res) => this.later(res, typeof r.duration === 'number' ? r.duration : 1000));
      }
      if (this.state === 'queued') await this.run('start-hold-music');
    } catch (e) {
      this.ctx.log.debug({ callId: this.id, err: (e as Error).message }, 'announcement skipped');
    }
    this.scheduleAnnouncement();
  }

  private async ringAgent(): Promise<void> {
    const { ctx } = this;
    const leg = this.agent!;
    const reg = await ctx.regs.lookup(leg.agentId, ctx.now());
    if (!reg) throw new TelephonyError('GW_AGENT_UNREACHABLE', `agent ${leg.agentId} is not registered`);
    const { sipCallId, callerTag, callerSdp } = this.init;
    // The to-tag gives the agent its own rtpengine monologue. Without it rtpengine reuses the parked
    // branch (plain RTP, hold music) for this offer and only creates the agent's monologue at the
    // answer: the browser then talks ICE/DTLS to a port whose DTLS/SRTP state belongs to the park
    // branch ("DTLS error: unexpected message", "SRTP output wanted, but no crypto suite").
    const o = await ctx.media.send(
      offerCommand({
        callId: sipCallId,
        fromTag: callerTag,
        toTag: leg.tag,
        sdp: callerSdp,
        target: 'webrtc',
      }),
    );
    const pos = ctx.now() - this.init.arrivedAt;
    const headers = offerHeaders({
      callId: this.id,
      caller: this.init.callerNumber,
      queue: this.queue,
      waitSeconds: pos / 1000,
      priority: this.init.priority === 'urgent' ? 2 : this.init.priority === 'elderly' ? 1 : 0,
      language: this.skills.find((s) => s.startsWith('lang:'))?.slice(5) ?? 'mandarin',
      repeatCaller: false,
      kind: this.transfers > 0 ? 'transfer' : 'inbound',
    });
    // Ring in the background: the answer (or failure) comes back as an event.
    ctx.srf
      .createUAC(
        reg.contact,
        { localSdp: o.sdp!, headers: { ...headers, From: `<sip:${this.init.callerNumber}@localhost>` } },
        {
          // srf calls cbRequest(err, req) although its typings say (req)
          cbRequest: ((_e: unknown, req: Srf.SrfRequest) => {
            leg.req = req;
            this.agentLegCallId = req.get('Call-ID');
          }) as never,
        },
      )
      .then((dialog) => void this.onAgentAnswered(leg, asDialog(dialog)))
      .catch((err: { status?: number; message?: string }) => {
        if (leg.canceled || this.agent !== leg) return;
        ctx.log.info(
          { callId: this.id, agentId: leg.agentId, status: err.status ?? err.message },
          'agent did not answer',
        );
        this.requeueHow =
          err.status === undefined || err.status === 408 || err.status === 480 || err.status >= 500
            ? 'unreachable'
            : 'rejected';
        void this.fire('agent-rejected');
      });
  }

  private async onAgentAnswered(leg: AgentLeg, dialog: Dialog): Promise<void> {
    if (leg.canceled || this.agent !== leg || this.state !== 'offering') {
      hangup(dialog);
      return;
    }
    leg.dialog = dialog;
    // handlers first: the browser may send INFO/BYE right after its ACK
    dialog.on('destroy', () => {
      this.chain = this.chain.then(async () => {
        if (this.agent !== leg) return;
        if (this.state !== 'offering') return this.apply('agent-hangup', 'agent');
        leg.earlyBye = true; // answered and hung up before media was bridged: handled after the answer
      });
    });
    dialog.on('info', (req, res) => void this.relayInfo(req, res, this.callerDialog));
    dialog.on('modify', (req, res) => void this.onAgentModify(req, res));
    dialog.on('refer', (req, res) => void this.ctx.onRefer?.(this, req, res));
    try {
      await this.ctx.media.send(
        answerCommand({
          callId: this.sipCallId,
          fromTag: this.init.callerTag,
          toTag: leg.tag,
          sdp: dialog.remote.sdp,
          target: 'plain',
        }),
      );
    } catch (e) {
      this.ctx.log.error({ callId: this.id, err: (e as Error).message }, 'bridging media failed');
      hangup(dialog);
      this.requeueHow = 'rejected';
      await this.fire('agent-rejected');
      return;
    }
    this.startAgentPing(leg);
    await this.fire('agent-answered');
    if (leg.earlyBye) await this.fire('agent-hangup', 'agent');
  }

  private startAgentPing(leg: AgentLeg): void {
    leg.ping = setInterval(() => {
      if (!leg.dialog || this.agent !== leg) return;
      leg.dialog
        .request(inDialog('OPTIONS'))
        .then((res) => {
          if ([408, 410, 480, 481, 503].includes(res.status)) {
            this.ctx.log.info({ callId: this.id, status: res.status }, 'agent ping failed');
            this.agentLost(leg);
          }
        })
        .catch((e: Error) => {
          this.ctx.log.info({ callId: this.id, err: e.message }, 'agent ping failed');
          this.agentLost(leg);
        });
    }, this.ctx.cfg.agentPingMs);
  }

  private agentLost(leg: AgentLeg): void {
    if (this.agent !== leg || leg.lost) return;
    leg.lost = true;
    this.ctx.log.warn(
      { callId: this.id, agentId: leg.agentId },
      "agent's browser is gone: caller back to the head of the queue",
    );
    this.requeueHow = 'unreachable';
    void this.fire('agent-lost');
  }

  private async dropAgentLeg(): Promise<void> {
    const leg = this.agent;
    if (!leg) return;
    leg.canceled = true;
    if (leg.ping) clearInterval(leg.ping);
    if (leg.dialog) {
      hangup(leg.dialog);
    } else if (leg.req) {
      leg.req.cancel(() => {});
    }
  }

  private async requeue(): Promise<void> {
    const leg = this.agent;
    this.agent = undefined;
    this.agentLegCallId = undefined;
    if (!leg) return;
    const { acd } = this.ctx;
    let r: { offers: Offer[] } | undefined;
    if (this.requeueHow === 'expired')
      r = await acd.tick(); // expired by the distributor (tick is idempotent)
    else if (this.requeueHow === 'unreachable') r = await acd.requeueToHead(this.acdId, 'connection-lost');
    else r = await acd.reject(this.acdId, leg.agentId);
    // back in the queue: restore park media so the caller keeps hearing music
    await this.repark();
    for (const o of r?.offers ?? []) if (o.callId === this.acdId) void this.onOffer(o);
    const pending = this.pendingOffer;
    if (pending && pending.callId === this.acdId && pending.expiresAt > this.ctx.now()) {
      this.pendingOffer = undefined;
      this.chain = this.chain.then(() => (this.state === 'queued' ? this.takeOffer(pending) : undefined));
    }
  }

  /** Point the far side of the caller's media back at the sink (after an agent leg went away). */
  private async repark(): Promise<void> {
    const { sipCallId, callerTag, callerSdp } = this.init;
    await this.ctx.media.send(
      offerCommand({ callId: sipCallId, fromTag: callerTag, sdp: callerSdp, target: 'plain' }),
    );
    await this.ctx.media.send(
      answerCommand({
        callId: sipCallId,
        fromTag: callerTag,
        toTag: this.parkTag,
        sdp: this.ctx.sink.parkSdp(),
        target: 'plain',
      }),
    );
  }

  private async onCallerInfo(req: Srf.SrfRequest, res: Srf.SrfResponse): Promise<void> {
    res.send(200);
    const digit = /Signal\s*=\s*([0-9*#A-D])/i.exec(req.body ?? '')?.[1];
    const lang = languageSkillFor(digit);
    if (this.state === 'greeting' && lang) {
      this.skills = [...this.skills.filter((x) => !x.startsWith('lang:')), lang];
      await this.ctx.records.update(this.id, { language: lang.slice(5) });
      return;
    }
    if (this.state === 'queued' && digit === '#' && this.ctx.cfg.callbackOfferEvery > 0) {
      await this.fire('callback-accepted', 'caller');
      return;
    }
    if (this.agent?.dialog && (this.state === 'bridged' || this.state === 'held')) {
      await this.agent.dialog
        .request(inDialog('INFO', { 'Content-Type': req.get('Content-Type') }, req.body))
        .catch(() => {});
    }
  }

  private async relayInfo(req: Srf.SrfRequest, res: Srf.SrfResponse, to: Dialog | undefined): Promise<void> {
    res.send(200);
    if (!to?.connected) return;
    await to
      .request(inDialog('INFO', { 'Content-Type': req.get('Content-Type') }, req.body))
      .catch((e: Error) => this.ctx.log.debug({ callId: this.id, err: e.message }, 'INFO relay failed'));
  }

  /** re-INVITE from the agent (hold / unhold): answered through rtpengine; the caller hears hold music. */
  private async onAgentModify(req: Srf.SrfRequest, res: Srf.SrfResponse): Promise<void> {
    const leg = this.agent;
    if (!leg) return void res.send(481);
    const hold = /^a=(sendonly|inactive)\s*$/m.test(req.body ?? '');
    const { sipCallId, callerTag, callerSdp } = this.init;
    try {
      await this.ctx.media.send(
        offerCommand({
          callId: sipCallId,
          fromTag: leg.tag,
          toTag: callerTag,
          sdp: req.body,
          target: 'plain',
        }),
      );
      const callerAnswer = hold ? callerSdp.replace(/^a=(sendrecv|sendonly)\s*$/m, 'a=recvonly') : callerSdp;
      const a = await this.ctx.media.send(
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
      this.ctx.log.error({ callId: this.id, err: (e as Error).message }, 're-INVITE from agent failed');
      res.send(488);
      return;
    }
    if (hold && this.state === 'bridged') {
      await this.fire('hold');
      await this.ctx.acd.hold(this.acdId).catch(() => {});
    } else if (!hold && this.state === 'held') {
      await this.fire('unhold');
      await this.ctx.acd.resume(this.acdId).catch(() => {});
    }
  }

  private finishing = false;
  private async finish(): Promise<void> {
    if (this.finishing) return;
    this.finishing = true;
    this.clearTimers();
    if (this.agent?.ping) clearInterval(this.agent.ping);
    if (this.state === 'wrap-up') {
      hangup(this.callerDialog);
      hangup(this.agent?.dialog);
    }
    try {
      await this.ctx.media.send(deleteCommand(this.sipCallId));
    } catch (e) {
      this.ctx.log.debug({ callId: this.id, err: (e as Error).message }, 'rtpengine delete failed');
    }
    this.ctx.calls.inbound.delete(this.acdId);
    // filing waits for rtpengine to close the pcap: never inside the call's event chain
    void fileRecording(this.ctx, this.id, this.sipCallId).catch((e) =>
      this.ctx.log.warn({ callId: this.id, err: (e as Error).message }, 'recording not filed'),
    );
  }

  /** Blind transfer to a queue: the agent leaves, the caller waits in `queue` as a new queue call. */
  transferToQueue(queue: string): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (this.state !== 'bridged') return;
      this.transferQueue = queue;
      await this.apply('transfer', 'agent');
    });
    return this.chain;
  }
  private transferQueue = '';
  private transfers = 0;
  /** Required skills; the caller's language choice during the greeting adds one. */
  private skills: string[] = [];

  /** Used by the transfer handler (app/transfer.ts) after it reconnected the caller's media. */
  async handOffTo(far: FarEnd, handoffFields: Record<string, number | string>): Promise<void> {
    this.far = far;
    far.dialog.on('destroy', () => void this.fire('far-hangup', 'system'));
    await this.ctx.records.update(this.id, handoffFields);
    await this.fire('handoff', 'agent');
  }
}
