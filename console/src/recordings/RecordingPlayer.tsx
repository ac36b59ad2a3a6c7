// 录音 player: a button where a call is shown; opening it reads the recording's metadata (duration,
// retention), asks why the user listens (the server requires and audits the purpose), then plays the
// server's WAV in <audio controls> (the server answers Range requests, so seeking works). Only render
// it for users holding `recordings.play`; the server still decides per call (agents: own calls).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { beijingDay } from '../domain/beijing-time.ts';
import { formatDuration } from '../domain/softphone-state.ts';
import { errorText } from '../tickets/api.ts';
import {
  type PlaybackPurpose,
  PURPOSES,
  type RecordingInfo,
  type RecordingsApi,
  recordingsApi,
} from './api.ts';
import './recordings.css';

export function RecordingPlayer(props: { callId: string; api?: RecordingsApi; initiallyOpen?: boolean }) {
  const { t, i18n } = useTranslation();
  const api = props.api ?? recordingsApi;
  const { callId } = props;
  const [open, setOpen] = useState(props.initiallyOpen ?? false);
  const [meta, setMeta] = useState<RecordingInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [purpose, setPurpose] = useState<PlaybackPurpose | ''>('');
  useEffect(() => {
    if (!open) return;
    let live = true;
    setError(null);
    api
      .meta(callId)
      .then((m) => live && setMeta(m))
      .catch((e: unknown) => live && setError(errorText(e, i18n.language, t)));
    return () => {
      live = false;
    };
  }, [open, api, callId, i18n.language, t]);

  if (!open)
    return (
      <button
        type="button"
        className="btn link rec-open"
        data-testid={`recording-open-${callId}`}
        onClick={() => setOpen(true)}
      >
        {t('recordings.open')}
      </button>
    );
  return (
    <div className="rec-player open" data-testid={`recording-${callId}`}>
      {error && <span className="alert bad">{error}</span>}
      {!meta && !error && <span className="muted">{t('recordings.loading')}</span>}
      {meta && (
        <>
          <select
            aria-label={t('recordings.purpose')}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value as PlaybackPurpose)}
          >
            <option value="" disabled>
              {t('recordings.pickPurpose')}
            </option>
            {PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`recordings.purposes.${p}`)}
              </option>
            ))}
          </select>
          {purpose && (
            // biome-ignore lint/a11y/useMediaCaption: a recorded phone call has no caption track
            <audio
              controls
              preload="metadata"
              src={api.audioUrl(callId, purpose)}
              data-testid={`recording-audio-${callId}`}
            />
          )}
          <span className="muted rec-facts">
            {t('recordings.duration')} {formatDuration(meta.durationMs / 1000)} ·{' '}
            {t('recordings.retainUntil')} {beijingDay(Date.parse(meta.retainUntil))} ·{' '}
            {t('recordings.channels')}
          </span>
        </>
      )}
      <button type="button" className="btn link" onClick={() => setOpen(false)}>
        {t('recordings.close')}
      </button>
    </div>
  );
}

/** The recordings of several calls (a ticket's linked calls), each with its own player. */
export function RecordingList(props: { callIds: readonly string[]; api?: RecordingsApi }) {
  const { t } = useTranslation();
  const ids = [...new Set(props.callIds)];
  return (
    <section className="rec-section" aria-label={t('recordings.title')}>
      <h4>{t('recordings.title')}</h4>
      {ids.length === 0 ? (
        <p className="muted">{t('recordings.none')}</p>
      ) : (
        <ul className="rec-list">
          {ids.map((id) => (
            <li key={id}>
              <span className="muted">
                {t('recordings.callId')} {id}
              </span>{' '}
              <RecordingPlayer callId={id} api={props.api} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
