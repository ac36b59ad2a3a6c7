// One inbound 12345 call on this gateway instance: the caller's SIP dialog, its rtpengine session
// and the agent leg, driven by the pure transition table in domain/call-flow.ts. Every event is
// applied in order (a per-call promise chain), so SIP, queue and timer events never interleave.
// The agent leg lives in agent-leg.ts, the caller's keys in caller-input.ts, the greeting, language
// menu and queue announcements in waiting-prompts.ts.
import type { Offer, Priority } from '@hotline/queue';
import type Srf from 'drachtio-srf';
import { isTelephonyError } from '../../errors.ts';
import { type CallEvent, type CallState, type Effect, TERMINAL, transition } from '../domain/call-flow.ts';
import { deleteCommand } from '../media/ng-commands.ts';
import type { AgentLeg } from './agent-leg.ts';
import { runEffect } from './call-effects.ts';
import { type DigitVia, onCallerInfo } from './caller-input.ts';
import { CallerAudio, parkCaller } from './caller-media.ts';
import type { GatewayContext } from './context.ts';
import { fileRecording } from './recordings.ts';
import { asDialog, type Dialog, hangup } from './srf-types.ts';
import { type PromptHost, WaitingPrompts } from './waiting-prompts.ts';

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
  /** Calls from this number within the repeat-caller window before this one (0 = first call). */
  earlierCalls: number;
  /** rtpengine's port facing the caller (the recording tells the caller's packets apart by it). */
  callerMediaPort?: string;
}

/** The far end the caller stays with after the agent leaves a three-way call. */
export interface FarEnd {
  dialog: Dialog;
  sdp: string;
}

export type RequeueHow = 'rejected' | 'expired' | 'unreachable';

const RECORDED_STATES: ReadonlySet<CallState> = new Set([
  'bridged',
  'held',
  'handed-off',
  'wrap-up',
  'callback-pending',
  'abandoned',
  'ended',
]);

let legSeq = 0;

export class InboundCall implements PromptHost {
  state: CallState = 'greeting';
  callerDialog?: Dialog;
  agent?: AgentLeg;
  far?: FarEnd;
  /** The SIP Call-ID of the current agent leg (REFER/Replaces lookups). */
  agentLegCallId?: string;
  private chain: Promise<void> = Promise.resolve();
  private timers = new Set<NodeJS.Timeout>();
  /** How the current agent leg ended (set by agent-leg.ts; decides how the call goes back to the queue). */
  requeueHow: RequeueHow = 'rejected';
  /** Who ended the call (the queue's endCall and the call record). */
  endedBy: 'agent' | 'caller' | 'system' = 'system';
  private seenOffers = new Set<string>();
  private parkTag: string;

  constructor(
    readonly ctx: GatewayContext,
    readonly init: InboundInit,
  ) {
    this.parkTag = `park-${init.id}`;
    this.audio = new CallerAudio(ctx, init);
    this.prompts = new WaitingPrompts(this);
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

  /** Anchor the caller's media (parked until an agent answers); returns the SDP for the caller's 200.
   * Recording starts when the agent answers (record-answer): the conversation is what 质检 reviews;
   * rtpengine's pcap mode does not capture the prompts it plays, and recording the queue time too
   * cost rtpengine ~3× per-command latency at 100 calls/s in the gateway bench. */
  async anchor(): Promise<string> {
    return parkCaller(this.ctx, this.init, this.parkTag);
  }

  /** Called once the caller's dialog exists. */
  start(srfDialog: Srf.Dialog): void {
    const dialog = asDialog(srfDialog);
    this.watchCaller(dialog);
    void this.ctx.records
      .update(this.id, {
        // what a restarted gateway needs to adopt the call while it waits (adopt-calls.ts)
        dialogId: dialog.id,
        callerTag: this.init.callerTag,
        callerSdp: this.init.callerSdp,
        localSdp: dialog.local.sdp,
        sipCallId: this.sipCallId,
        caller: this.init.callerNumber,
        queue: this.init.queue,
        instance: this.ctx.cfg.instanceId,
        arrivedAt: this.init.arrivedAt,
        state: this.state,
        priority: this.init.priority,
        earlierCalls: this.init.earlierCalls,
        ...(this.init.callerMediaPort ? { callerMediaPort: this.init.callerMediaPort } : {}),
      })
      .catch(() => {});
    void this.prompts.playGreeting();
  }

  private watchCaller(dialog: Dialog): void {
    this.callerDialog = dialog;
    dialog.on('destroy', () => this.fire('caller-hangup', 'caller'));
    dialog.on('info', (req, res) => void onCallerInfo(this, req, res));
    dialog.on('modify', (_req, res) => res.send(200, { body: dialog.local.sdp }));
  }

  /** A restarted gateway takes over a call that was waiting in the distributor (adopt-calls.ts):
   * the caller's dialog is the adopted one, the distributor keeps its place; music resumes. */
  async adopt(dialog: Dialog, acdId: string): Promise<void> {
    this.ctx.calls.inbound.delete(this.acdId);
    this.acdId = acdId;
    this.state = 'queued';
    this.prompts.skipGreeting();
    this.watchCaller(dialog);
    this.ctx.calls.inbound.set(acdId, this);
    await this.enqueueStep(async () => {
      await this.run('start-hold-music').catch(() => {});
      this.prompts.scheduleAnnouncement();
    });
  }

  /** Run `step` after every event already queued for this call (never concurrently with them). */
  enqueueStep(step: () => Promise<void> | void): Promise<void> {
    this.chain = this.chain
      .then(step)
      .catch((e) => this.ctx.log.error({ callId: this.id, err: (e as Error).message }, 'call step failed'));
    return this.chain;
  }

  /** Queue every event; effects run in order. Inside a step use applyNow (fire would wait for itself). */
  fire(event: CallEvent, by?: 'agent' | 'caller' | 'system'): Promise<void> {
    return this.enqueueStep(() => this.applyNow(event, by));
  }

  /** The distributor offered this call to an agent (from enqueue's result or the event stream). */
  onOffer(offer: Offer): Promise<void> {
    if (this.seenOffers.has(offer.offerId)) return this.chain;
    this.seenOffers.add(offer.offerId);
    return this.enqueueStep(async () => {
      if (this.state === 'offering') {
        // events can arrive out of order (a new offer before the old one's expiry): keep it
        this.pendingOffer = offer;
        return;
      }
      if (this.state !== 'queued') return;
      await this.takeOffer(offer);
    });
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
    await this.applyNow('agent-offered');
  }

  /** The distributor expired the offer (no answer in time). */
  onOfferExpired(offerId: string): Promise<void> {
    return this.enqueueStep(async () => {
      if (this.state !== 'offering' || this.agent?.offerId !== offerId) return;
      this.requeueHow = 'expired';
      await this.applyNow('offer-timeout');
    });
  }

  /** Apply one event now: only from inside a step of this call's chain. */
  async applyNow(event: CallEvent, by?: 'agent' | 'caller' | 'system'): Promise<void> {
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
          void this.enqueueStep(() => this.applyNow('agent-rejected'));
        }
      }
    }
    // the call record keeps the states people look at (not every step of ringing and queueing)
    if (RECORDED_STATES.has(this.state))
      void this.ctx.records.update(this.id, { state: this.state }).catch(() => {});
    if (TERMINAL.has(this.state) || this.state === 'wrap-up') await this.finish();
  }

  /** Runs one effect of the transition table (call-effects.ts). */
  private run(effect: Effect): Promise<void> {
    return runEffect(this, effect);
  }

  /** A timer that is cleared when the call ends. */
  later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** rtpengine records this call (started at the agent's answer). */
  recording = false;

  readonly audio: CallerAudio;
  readonly prompts: WaitingPrompts;

  /** Back to the hold music (after an announcement). */
  resumeHoldMusic(): Promise<void> {
    return this.run('start-hold-music');
  }

  /** A language key during the greeting or the menu (caller-input.ts). */
  chooseLanguage(skill: string, via: DigitVia): Promise<void> {
    return this.prompts.chooseLanguage(skill, via);
  }

  async enqueue(): Promise<void> {
    const r = await this.ctx.acd.enqueueCall({
      callId: this.acdId,
      queue: this.queue,
      priority: this.init.priority,
      skills: this.skills,
      callerNumber: this.init.callerNumber,
      meta: { sipCallId: this.sipCallId, instance: this.ctx.cfg.instanceId },
    });
    void this.ctx.records
      .update(this.id, { enqueuedAt: this.ctx.now(), position: r.position })
      .catch(() => {});
    if (r.offer && this.state === 'queued' && !this.seenOffers.has(r.offer.offerId)) {
      // An agent was free: ring now, inside this step, so the agent's INVITE does not wait for the
      // hold-music command that follows (the caller hears the music while the agent's phone rings).
      this.seenOffers.add(r.offer.offerId);
      await this.takeOffer(r.offer);
    }
  }

  async requeue(): Promise<void> {
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
      void this.enqueueStep(() => (this.state === 'queued' ? this.takeOffer(pending) : undefined));
    }
  }

  /** Point the far side of the caller's media back at the sink (after an agent leg went away). */
  async repark(): Promise<void> {
    await parkCaller(this.ctx, this.init, this.parkTag);
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
    return this.enqueueStep(async () => {
      if (this.state !== 'bridged') return;
      this.transferQueue = queue;
      await this.applyNow('transfer', 'agent');
    });
  }
  /** The queue a blind transfer sends the caller to (read by the new-queue-call effect). */
  transferQueue = '';
  /** How many times the call was transferred to a queue (the agent sees "transfer" on later offers). */
  transfers = 0;
  /** Required skills; the caller's language choice during the greeting adds one. */
  skills: string[] = [];

  /** Used by the transfer handler (app/transfer.ts) after it reconnected the caller's media. */
  async handOffTo(far: FarEnd, handoffFields: Record<string, number | string>): Promise<void> {
    this.far = far;
    far.dialog.on('destroy', () => void this.fire('far-hangup', 'system'));
    await this.ctx.records.update(this.id, handoffFields);
    await this.fire('handoff', 'agent');
  }
}
