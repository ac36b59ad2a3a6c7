import { useTranslation } from 'react-i18next';
import type { ScreenPop } from '../domain/screen-pop.ts';
import { formatDuration } from '../domain/softphone-state.ts';
import { RecordingPlayer } from '../recordings/RecordingPlayer.tsx';

/** `canPlayRecordings` (permission recordings.play): a 录音 player beside each earlier call. */
export function ScreenPopPanel(props: { pop: ScreenPop | null; canPlayRecordings?: boolean }) {
  const { t } = useTranslation();
  const { pop } = props;
  if (!pop) return null;
  const fmt = (ms: number) => new Date(ms).toLocaleString();
  return (
    <section className={`panel pop p-${pop.priority}`} aria-label={t('pop.title')} data-testid="screen-pop">
      <header className="pop-head">
        <span className="caller" data-testid="pop-caller">
          {pop.callerNumber}
        </span>
        <span className={`tag prio-${pop.priority}`}>{t(`pop.priorities.${pop.priority}`)}</span>
        {pop.repeatCaller && <span className="tag warn">{t('pop.repeat')}</span>}
        {pop.nuisance && <span className="tag bad">{t('pop.nuisance')}</span>}
      </header>
      <dl className="facts">
        <dt>{t('pop.queue')}</dt>
        <dd>{pop.queue ?? '—'}</dd>
        <dt>{t('pop.wait')}</dt>
        <dd data-testid="pop-wait">{formatDuration(pop.waitSeconds)}</dd>
        <dt>{t('pop.county')}</dt>
        <dd>{pop.countyGuess ?? '—'}</dd>
      </dl>
      <div className="history">
        <div>
          <h4>{t('pop.calls')}</h4>
          {pop.recentCalls.length === 0 ? (
            <p className="muted">{t('pop.none')}</p>
          ) : (
            <ul>
              {pop.recentCalls.map((c) => (
                <li key={c.callId ?? c.at}>
                  {fmt(c.at)} · {c.answered ? t('pop.answered') : t('pop.missed')}
                  {c.ticketNo ? ` · ${c.ticketNo}` : ''}
                  {props.canPlayRecordings && c.answered && c.callId && <RecordingPlayer callId={c.callId} />}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h4>{t('pop.tickets')}</h4>
          {pop.recentTickets.length === 0 ? (
            <p className="muted">{t('pop.none')}</p>
          ) : (
            <ul>
              {pop.recentTickets.map((tk) => (
                <li key={tk.ticketNo}>
                  <strong>{tk.ticketNo}</strong> {tk.county ?? ''} · {tk.summary} · {tk.status}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
