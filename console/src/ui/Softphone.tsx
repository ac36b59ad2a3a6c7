import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hotkeyLabel } from '../domain/hotkeys.ts';
import {
  callSeconds,
  formatDuration,
  type PhoneState,
  phoneControls,
  phoneView,
} from '../domain/softphone-state.ts';
import type { ConsoleError } from '../errors.ts';
import { DTMF_TONES, type Phone } from '../phone/phone.ts';
import { LevelMeter } from './LevelMeter.tsx';

export function Softphone(props: {
  phone: Phone;
  state: PhoneState;
  error: ConsoleError | null;
  now: number;
  showDialpad: boolean;
  onToggleDialpad: () => void;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { phone, state, now } = props;
  const view = phoneView(state);
  const can = phoneControls(state);
  const call = state.call;
  const [streams, setStreams] = useState<{ local: MediaStream | null; remote: MediaStream | null }>({
    local: null,
    remote: null,
  });
  const phase = call?.phase;
  useEffect(() => {
    setStreams(phase === 'active' ? phone.streams() : { local: null, remote: null });
  }, [phone, phase]);
  useEffect(() => {
    // Offer → ringing UI: stamp after the browser painted the ringing state (read by the e2e test).
    if (view !== 'ringing') return;
    const raf = requestAnimationFrame(() => performance.mark('hotline:ringing-ui'));
    return () => cancelAnimationFrame(raf);
  }, [view]);
  const run = (f: () => Promise<void> | void) => () => void Promise.resolve(f()).catch(() => undefined);
  return (
    <section className={`panel softphone v-${view}`} aria-label={t('phone.title')}>
      <header className="phone-head">
        <span className={`dot d-${view}`} />
        <strong data-testid="phone-state">{t(`phone.state.${view}`)}</strong>
        {call && (
          <span className="timer" data-testid="call-timer" title={t('phone.timer')}>
            {formatDuration(callSeconds(state, now))}
          </span>
        )}
      </header>
      {view === 'mic-blocked' && (
        <p className="alert bad" role="alert">
          {t('errors.MIC_BLOCKED')} {t('phone.micHelp')}
        </p>
      )}
      {props.error && <p className="alert warn">{t(props.error.i18nKey)}</p>}
      <div className="phone-buttons">
        <button
          type="button"
          className="btn answer"
          disabled={!can.answer}
          title={hotkeyLabel('answer')}
          onClick={run(() => phone.answer())}
        >
          {t('phone.answer')} <kbd>F8</kbd>
        </button>
        <button
          type="button"
          className="btn hangup"
          disabled={!can.hangup}
          title={hotkeyLabel('hangup')}
          onClick={run(() => phone.hangup())}
        >
          {t('phone.hangup')} <kbd>F9</kbd>
        </button>
        <button
          type="button"
          className="btn"
          disabled={!can.mute}
          aria-pressed={call?.muted ?? false}
          title={hotkeyLabel('mute')}
          onClick={run(() => phone.setMute(!call?.muted))}
        >
          {call?.muted ? t('phone.unmute') : t('phone.mute')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!can.hold}
          aria-pressed={call?.held ?? false}
          title={hotkeyLabel('hold')}
          onClick={run(() => phone.setHold(!call?.held))}
        >
          {call?.held ? t('phone.unhold') : t('phone.hold')}
        </button>
        <button
          type="button"
          className="btn"
          aria-expanded={props.showDialpad}
          title={hotkeyLabel('dialpad')}
          onClick={props.onToggleDialpad}
        >
          {t('phone.dialpad')}
        </button>
      </div>
      {props.showDialpad && (
        <fieldset className="dialpad" aria-label={t('phone.dialpad')}>
          {DTMF_TONES.map((d) => (
            <button
              type="button"
              key={d}
              className="btn key"
              disabled={!can.dtmf}
              onClick={run(() => phone.sendDtmf(d))}
            >
              {d}
            </button>
          ))}
        </fieldset>
      )}
      <div className="meters">
        <LevelMeter stream={streams.local} label={t('phone.input')} testId="meter-in" />
        <LevelMeter stream={streams.remote} label={t('phone.output')} testId="meter-out" />
      </div>
      {props.children}
    </section>
  );
}
