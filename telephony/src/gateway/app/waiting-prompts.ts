// What a caller hears before an agent answers, apart from the hold music: the greeting (it says the
// call is recorded), then, unless the caller already pressed a key or the center has no language seats,
// the one-level language menu; while queued, the position / estimated-wait announcements (every
// `callbackOfferEvery`-th one offers a callback). Owned by one InboundCall (inbound-call.ts).
import { announcementRound } from '../domain/announcements.ts';
import type { CallEvent, CallState } from '../domain/call-flow.ts';
import type { DigitVia } from './caller-input.ts';
import type { CallerAudio } from './caller-media.ts';
import type { GatewayContext } from './context.ts';

/** What the prompts need from their call. */
export interface PromptHost {
  readonly ctx: GatewayContext;
  readonly id: string;
  readonly acdId: string;
  readonly state: CallState;
  skills: string[];
  readonly audio: CallerAudio;
  resumeHoldMusic(): Promise<void>;
  /** A timer cleared when the call ends. */
  later(fn: () => void, ms: number): void;
  fire(event: CallEvent): Promise<void>;
}

export class WaitingPrompts {
  /** What is being played during the greeting phase. */
  private part: 'greeting' | 'menu' | 'done' = 'greeting';
  private round = 0;

  constructor(private readonly call: PromptHost) {}

  /** A call adopted from a restarted gateway is past its greeting. */
  skipGreeting(): void {
    this.part = 'done';
  }

  async playGreeting(): Promise<void> {
    const ms = await this.call.audio.play('greeting');
    this.call.later(() => void this.afterGreeting(), ms);
  }

  private async afterGreeting(): Promise<void> {
    const { call } = this;
    if (call.state !== 'greeting' || this.part !== 'greeting') return;
    // a language key during the greeting already chose: no menu
    if (!call.ctx.cfg.languageMenu || call.skills.some((x) => x.startsWith('lang:'))) {
      this.part = 'done';
      await call.fire('greeting-done');
      return;
    }
    this.part = 'menu';
    const ms = await call.audio.play('language-menu');
    call.later(() => {
      if (this.part !== 'menu') return;
      this.part = 'done';
      void call.fire('greeting-done');
    }, ms);
  }

  /** A language key during the greeting or the menu (caller-input.ts): the skill the call needs. */
  async chooseLanguage(skill: string, via: DigitVia): Promise<void> {
    const { call } = this;
    call.skills = [...call.skills.filter((x) => !x.startsWith('lang:')), skill];
    await call.ctx.records
      .update(call.id, { language: skill.slice(5), languageKeyVia: via, skills: call.skills.join(',') })
      .catch(() => {});
    if (this.part === 'menu') {
      // the caller answered the menu: no need to hear the rest of it
      this.part = 'done';
      await call.audio.stop();
      await call.fire('greeting-done');
    }
  }

  scheduleAnnouncement(): void {
    const every = this.call.ctx.cfg.announceEverySec * 1000;
    if (every <= 0) return;
    this.call.later(() => void this.announce(), every);
  }

  private async announce(): Promise<void> {
    const { call } = this;
    if (call.state !== 'queued') return;
    try {
      const pos = await call.ctx.acd.position(call.acdId);
      const names = announcementRound(
        this.round++,
        pos.position,
        pos.estimatedWaitSec,
        call.ctx.cfg.callbackOfferEvery,
      );
      for (const name of names) {
        if (call.state !== 'queued') return;
        const ms = await call.audio.play(name);
        await new Promise<void>((res) => call.later(res, ms || 1000));
      }
      if (call.state === 'queued') await call.resumeHoldMusic();
    } catch (e) {
      call.ctx.log.debug({ callId: call.id, err: (e as Error).message }, 'announcement skipped');
    }
    this.scheduleAnnouncement();
  }
}
