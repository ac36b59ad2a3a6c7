// The real softphone: sip.js SessionManager over WS/WSS with the server-issued SIP credentials.
// Thin adapter: it turns sip.js callbacks into PhoneEvents; all state logic is in softphone-state.ts.
import type { Invitation, Inviter, Session } from 'sip.js';
import { SessionState } from 'sip.js';
import type { SessionDescriptionHandler } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler.js';
import { SessionManager } from 'sip.js/lib/platform/web/session-manager/session-manager.js';
import { config } from '../config.ts';
import type { PhoneEvent } from '../domain/softphone-state.ts';
import { parseTransferTarget, referToUri, type TransferTarget } from '../domain/transfer.ts';
import { ConsoleError } from '../errors.ts';
import { parseOffer } from './offer-headers.ts';
import type { DeviceChoice, Phone, SipLogin } from './phone.ts';
import { RingTone } from './ring-tone.ts';
import { ThreeWayMixer } from './three-way-mixer.ts';

/** Header linking a three-way call to the hotline call in progress (telephony gateway). */
const THREE_WAY_FOR = 'X-Hotline-Three-Way-For';
/** Header carrying the server-signed callback (回访) grant (telephony gateway). */
const CALLBACK_GRANT = 'X-Hotline-Callback-Grant';

type SinkAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export class SipJsPhone implements Phone {
  private manager: SessionManager | null = null;
  private session: Session | null = null;
  private readonly listeners = new Set<(e: PhoneEvent) => void>();
  private readonly remoteAudio: SinkAudio;
  private readonly ring = new RingTone();
  private devices: DeviceChoice = {};
  private recovering = false;
  private stopping = false;
  private third: Inviter | null = null;
  private thirdAudio: SinkAudio | null = null;
  private mixer: ThreeWayMixer | null = null;
  private leaving = false;
  /** the third leg is a consultation (咨询转接), not a three-way call: no mixing */
  private consulting = false;
  private domain = '';
  private callId = '';

  constructor() {
    this.remoteAudio = new Audio() as SinkAudio;
    this.remoteAudio.autoplay = true;
  }

  subscribe(listener: (e: PhoneEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: PhoneEvent): void {
    for (const l of this.listeners) l(e);
  }

  private async checkMicrophone(): Promise<boolean> {
    try {
      const s = await navigator.mediaDevices.getUserMedia({ audio: this.audioConstraint(), video: false });
      for (const t of s.getTracks()) t.stop();
      this.emit({ type: 'mic-ok' });
      return true;
    } catch (e) {
      const name = (e as DOMException).name;
      if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'NotFoundError') {
        this.emit({ type: 'mic-blocked' });
        return false;
      }
      throw e;
    }
  }

  private audioConstraint(): MediaTrackConstraints | boolean {
    return this.devices.micId ? { deviceId: { exact: this.devices.micId } } : true;
  }

  async start(login: SipLogin): Promise<void> {
    await this.stop();
    await this.checkMicrophone();
    this.watchPermission();
    this.emit({ type: 'register-start' });
    const manager = new SessionManager(login.wsServer, {
      aor: login.aor,
      maxSimultaneousSessions: 2,
      media: {
        constraints: { audio: true, video: false },
        // the third party of a three-way call plays on its own element
        remote: (s) => ({ audio: s === this.third && this.thirdAudio ? this.thirdAudio : this.remoteAudio }),
      },
      reconnectionAttempts: 10_000,
      reconnectionDelay: 2,
      registrationRetry: true,
      registrationRetryInterval: 3,
      iceStopWaitingOnServerReflexive: true,
      userAgentOptions: {
        authorizationUsername: login.username,
        authorizationPassword: login.password,
        displayName: login.displayName,
        logLevel: 'warn',
        sessionDescriptionHandlerFactoryOptions: {
          iceGatheringTimeout: config.iceGatheringTimeoutMs,
          peerConnectionConfiguration: { iceServers: [] },
        },
      },
      delegate: {
        onRegistered: () => this.emit({ type: 'registered' }),
        // sip.js also reports "unregistered" when the transport drops; that is shown as reconnecting.
        onUnregistered: () => {
          if (this.stopping) this.emit({ type: 'unregistered' });
        },
        onServerDisconnect: (error) => {
          if (error) this.emit({ type: 'transport-lost' });
        },
        onServerConnect: () => void this.recoverCall(),
        onCallReceived: (session) => this.onInvite(session as Invitation),
        onCallAnswered: (session) => {
          if (session === this.third && this.consulting) {
            this.emit({ type: 'consult', state: 'answered' });
            return;
          }
          if (session === this.third) {
            this.emit({ type: 'third-party', state: 'answered' });
            void this.startMixing();
            return;
          }
          performance.mark('hotline:established');
          this.emit({ type: 'established', at: Date.now() });
          this.watchIce();
          void this.markFirstAudio();
        },
        onCallHangup: (session) => {
          if (session === this.third && this.consulting) {
            this.endConsult(this.leaving ? 'transferred' : 'hung-up');
            return;
          }
          if (session === this.third) {
            this.endThird(this.leaving ? null : 'hung-up');
            return;
          }
          if (session !== this.session) return;
          this.endThird(null);
          this.consulting = false;
          this.ring.stop();
          this.session = null;
          this.emit({ type: 'ended', reason: 'hangup' });
        },
        onCallHold: (_s, held) => this.emit({ type: 'hold', on: held }),
      },
    });
    this.manager = manager;
    this.domain = /@([^;>]+)/.exec(login.aor)?.[1] ?? '127.0.0.1';
    try {
      await manager.connect();
    } catch {
      // The SIP server is unreachable: sip.js keeps retrying (reconnectionAttempts), show reconnecting.
      this.emit({ type: 'transport-lost' });
      return;
    }
    try {
      await manager.register();
    } catch (e) {
      this.emit({ type: 'register-failed' });
      throw new ConsoleError('SIP_REGISTER_FAILED', { message: (e as Error).message });
    }
  }

  private watchPermission(): void {
    navigator.permissions
      ?.query({ name: 'microphone' as PermissionName })
      .then((status) => {
        status.onchange = () => this.emit({ type: status.state === 'denied' ? 'mic-blocked' : 'mic-ok' });
      })
      .catch(() => undefined);
  }

  private onInvite(invitation: Invitation): void {
    if (this.session) {
      void invitation.reject({ statusCode: 486 }).catch(() => undefined);
      return;
    }
    performance.mark('hotline:offer');
    this.session = invitation;
    const req = invitation.request;
    const info = parseOffer((n) => req.getHeader(n), req.from.uri.user ?? '', req.callId, Date.now());
    this.callId = info.callId;
    invitation.stateChange.addListener((s) => {
      if (s !== SessionState.Established) this.ring.stop();
    });
    this.ring.start();
    this.emit({ type: 'incoming', info, at: Date.now() });
  }

  private sdh(): SessionDescriptionHandler | null {
    return (this.session?.sessionDescriptionHandler as SessionDescriptionHandler | undefined) ?? null;
  }

  private watchIce(): void {
    const pc = this.sdh()?.peerConnection;
    if (!pc) return;
    pc.addEventListener('iceconnectionstatechange', () => {
      const st = pc.iceConnectionState;
      if ((st === 'disconnected' || st === 'failed') && !this.recovering) {
        this.recovering = true;
        this.emit({ type: 'media-lost' });
      } else if ((st === 'connected' || st === 'completed') && this.recovering) {
        this.recovering = false;
        this.emit({ type: 'media-recovered' });
      }
    });
  }

  /** After the WebSocket comes back, an active call re-INVITEs with an ICE restart. */
  private async recoverCall(): Promise<void> {
    const s = this.session;
    if (!s || s.state !== SessionState.Established || !this.recovering) return;
    await s
      .invite({ sessionDescriptionHandlerOptions: { offerOptions: { iceRestart: true } } as never })
      .catch(() => undefined);
  }

  /** Marks 'hotline:first-audio' when the first RTP packet from the caller arrived (answer → audio). */
  private async markFirstAudio(): Promise<void> {
    const until = performance.now() + 5000;
    while (performance.now() < until && this.session) {
      const stats = await this.stats();
      let packets = 0;
      stats?.forEach((r: { type?: string; kind?: string; packetsReceived?: number }) => {
        if (r.type === 'inbound-rtp' && r.kind === 'audio') packets += r.packetsReceived ?? 0;
      });
      if (packets > 0) {
        performance.mark('hotline:first-audio');
        return;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async answer(): Promise<void> {
    if (!this.manager || !this.session) throw new ConsoleError('NO_CALL');
    this.ring.stop();
    performance.mark('hotline:answer');
    await this.manager.answer(this.session, {
      sessionDescriptionHandlerOptions: { constraints: { audio: this.audioConstraint(), video: false } },
    });
  }

  /** 三方通话: call an emergency / utility line linked to the current call (the gateway checks the number). */
  async startThreeWay(number: string): Promise<void> {
    if (!this.manager || !this.session || this.third) throw new ConsoleError('NO_CALL');
    this.thirdAudio = new Audio() as SinkAudio;
    this.thirdAudio.autoplay = true;
    if (this.devices.speakerId && this.thirdAudio.setSinkId) {
      await this.thirdAudio.setSinkId(this.devices.speakerId).catch(() => undefined);
    }
    this.leaving = false;
    const inviter = await this.manager.call(
      `sip:${number}@${this.domain}`,
      {
        extraHeaders: [`${THREE_WAY_FOR}: ${this.callId}`],
      },
      {
        requestDelegate: {
          onProgress: (r) => {
            if (r.message.statusCode === 180 || r.message.statusCode === 183)
              this.emit({ type: 'third-party', state: 'ringing' });
          },
          onReject: (r) => this.endThird(`failed`, String(r.message.statusCode)),
        },
      },
    );
    this.third = inviter;
  }

  /** 回访: an outbound call to the ticket's requester; the gateway checks the grant (403 otherwise). */
  async dialCallback(call: {
    dialUri: string;
    grant: string;
    ticketId: string;
    label: string;
  }): Promise<void> {
    if (!this.manager || this.session) throw new ConsoleError('NO_CALL');
    const inviter = await this.manager.call(
      call.dialUri,
      { extraHeaders: [`${CALLBACK_GRANT}: ${call.grant}`] },
      {
        requestDelegate: {
          onReject: () => {
            if (this.session !== inviter) return;
            this.session = null;
            this.emit({ type: 'ended', reason: 'rejected' });
          },
        },
      },
    );
    this.session = inviter;
    this.callId = inviter.request.callId;
    // the softphone shows the masked label only; the call is ours, so it goes straight to connecting
    const info = { callId: this.callId, callerNumber: call.label, kind: 'callback' };
    this.emit({ type: 'incoming', info, at: Date.now() });
    this.emit({ type: 'answer' });
  }

  /** 咨询转接: the caller is held (hold music) while we talk to the other agent on a second leg. */
  async startConsult(agentId: string): Promise<void> {
    if (!this.manager || !this.session || this.third) throw new ConsoleError('NO_CALL');
    const target = parseTransferTarget('agent', agentId);
    await this.setHold(true);
    this.consulting = true;
    this.leaving = false;
    this.thirdAudio = new Audio() as SinkAudio;
    this.thirdAudio.autoplay = true;
    if (this.devices.speakerId && this.thirdAudio.setSinkId) {
      await this.thirdAudio.setSinkId(this.devices.speakerId).catch(() => undefined);
    }
    this.third = await this.manager.call(
      referToUri(target, this.domain),
      // the consulted agent's console sees which call this is about (X-Hotline-Call-Id from the gateway)
      this.callId ? { extraHeaders: [`${THREE_WAY_FOR}: ${this.callId}`] } : {},
      {
        requestDelegate: {
          onProgress: (r) => {
            if (r.message.statusCode === 180 || r.message.statusCode === 183)
              this.emit({ type: 'consult', state: 'ringing' });
          },
          onReject: () => this.endConsult('failed'),
        },
      },
    );
  }

  /** Attended transfer: REFER the caller with Replaces for the consultation leg (same as leaving a three-way). */
  async completeConsult(): Promise<void> {
    if (!this.manager || !this.session || !this.third || !this.consulting) throw new ConsoleError('NO_CALL');
    this.leaving = true;
    await this.manager.transfer(this.session, this.third);
  }

  async cancelConsult(): Promise<void> {
    if (!this.manager || !this.third || !this.consulting) throw new ConsoleError('NO_CALL');
    await this.manager.hangup(this.third).catch(() => undefined);
    this.endConsult('hung-up');
  }

  private endConsult(state: 'failed' | 'hung-up' | 'transferred'): void {
    if (!this.consulting) return;
    this.consulting = false;
    this.third = null;
    this.thirdAudio?.pause();
    this.thirdAudio = null;
    this.emit({ type: 'consult', state });
    if (state !== 'transferred' && this.session) void this.setHold(false).catch(() => undefined);
  }

  async transfer(target: TransferTarget): Promise<void> {
    if (!this.manager || !this.session) throw new ConsoleError('NO_CALL');
    await this.manager.transfer(this.session, referToUri(target, this.domain));
  }

  /** Leave the three-way call: REFER with Replaces hands the caller to the third party; both our legs end. */
  async leaveThreeWay(): Promise<void> {
    if (!this.manager || !this.session || !this.third) throw new ConsoleError('NO_CALL');
    this.leaving = true;
    await this.manager.transfer(this.session, this.third);
  }

  private async startMixing(): Promise<void> {
    const callerPc = this.sdh()?.peerConnection;
    const thirdSdh = this.third?.sessionDescriptionHandler as SessionDescriptionHandler | undefined;
    const thirdPc = thirdSdh?.peerConnection;
    const mic = this.sdh()?.localMediaStream;
    if (!callerPc || !thirdPc || !mic || !thirdSdh) return;
    this.mixer = new ThreeWayMixer(mic, this.sdh()!.remoteMediaStream, thirdSdh.remoteMediaStream);
    const { toCaller, toThird } = this.mixer.tracks();
    const sender = (pc: RTCPeerConnection) => pc.getSenders().find((x) => x.track?.kind === 'audio');
    if (toCaller) await sender(callerPc)?.replaceTrack(toCaller);
    if (toThird) await sender(thirdPc)?.replaceTrack(toThird);
  }

  private endThird(state: 'failed' | 'hung-up' | null, reason?: string): void {
    if (!this.third && state !== 'failed') return;
    this.third = null;
    void this.mixer?.close();
    this.mixer = null;
    this.thirdAudio?.pause();
    this.thirdAudio = null;
    if (state) this.emit({ type: 'third-party', state, reason });
  }

  async hangup(): Promise<void> {
    if (!this.manager || !this.session) return;
    this.ring.stop();
    const s = this.session;
    if (s.state === SessionState.Initial && 'reject' in s) {
      await (s as Invitation).reject().catch(() => undefined);
      this.session = null;
      this.emit({ type: 'ended', reason: 'rejected' });
      return;
    }
    await this.manager.hangup(s);
  }

  async setHold(on: boolean): Promise<void> {
    if (!this.manager || !this.session) throw new ConsoleError('NO_CALL');
    if (on) await this.manager.hold(this.session);
    else await this.manager.unhold(this.session);
  }

  setMute(on: boolean): void {
    if (!this.manager || !this.session) throw new ConsoleError('NO_CALL');
    if (on) this.manager.mute(this.session);
    else this.manager.unmute(this.session);
    this.emit({ type: 'mute', on });
  }

  async sendDtmf(tone: string): Promise<void> {
    if (!this.manager || !this.session) throw new ConsoleError('NO_CALL');
    await this.manager.sendDTMF(this.session, tone);
  }

  async setDevices(choice: DeviceChoice): Promise<void> {
    this.devices = { ...choice };
    await this.ring.setSink(choice.speakerId);
    if (this.remoteAudio.setSinkId)
      await this.remoteAudio.setSinkId(choice.speakerId ?? '').catch(() => undefined);
    const pc = this.sdh()?.peerConnection;
    if (pc && choice.micId) {
      const s = await navigator.mediaDevices.getUserMedia({ audio: { deviceId: { exact: choice.micId } } });
      const track = s.getAudioTracks()[0];
      const sender = pc.getSenders().find((x) => x.track?.kind === 'audio');
      if (track && sender) await sender.replaceTrack(track);
    }
  }

  streams(): { local: MediaStream | null; remote: MediaStream | null } {
    const h = this.sdh();
    return { local: h?.localMediaStream ?? null, remote: h?.remoteMediaStream ?? null };
  }

  async stats(): Promise<RTCStatsReport | null> {
    return (await this.sdh()?.peerConnection?.getStats()) ?? null;
  }

  async stop(): Promise<void> {
    const m = this.manager;
    this.manager = null;
    this.stopping = true;
    this.session = null;
    this.ring.stop();
    if (!m) return;
    await m.unregister().catch(() => undefined);
    await m.disconnect().catch(() => undefined);
    this.stopping = false;
  }
}
