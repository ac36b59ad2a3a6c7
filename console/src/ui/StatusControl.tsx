import { useTranslation } from 'react-i18next';
import {
  type AgentAction,
  type AgentStatus,
  canDo,
  NOT_READY_REASONS,
  type NotReadyReason,
  secondsInState,
  statusLabelKey,
  wrapUpRemaining,
} from '../domain/agent-status.ts';
import { hotkeyLabel } from '../domain/hotkeys.ts';
import { formatDuration } from '../domain/softphone-state.ts';

export function StatusControl(props: {
  status: AgentStatus;
  now: number;
  reason: NotReadyReason;
  onReason: (r: NotReadyReason) => void;
  onAction: (a: AgentAction) => void;
}) {
  const { t } = useTranslation();
  const { status, now, onAction, reason, onReason } = props;
  const left = wrapUpRemaining(status, now);
  return (
    <section className="panel status" aria-label={t('status.title')}>
      <div className={`status-chip s-${status.kind}`} data-testid="agent-status">
        <strong>{t(statusLabelKey(status))}</strong>
        {status.kind === 'not-ready' && (
          <span> · {t(`status.reasons.${status.reason}`, { defaultValue: status.reason })}</span>
        )}
        <span className="muted">
          {' '}
          {t('status.inState', { t: formatDuration(secondsInState(status, now)) })}
        </span>
      </div>
      {left !== null && (
        <div className="countdown" data-testid="wrap-up-countdown">
          {t('status.wrapUpLeft', { s: left })}
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="btn ready"
          disabled={!canDo(status, 'ready')}
          title={hotkeyLabel('ready')}
          onClick={() => onAction({ type: 'ready' })}
        >
          {t('status.goReady')}
        </button>
        <select
          aria-label={t('status.reason')}
          value={reason}
          onChange={(e) => onReason(e.target.value as NotReadyReason)}
        >
          {NOT_READY_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`status.reasons.${r}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn busy"
          disabled={!canDo(status, 'not-ready')}
          title={hotkeyLabel('notReady')}
          onClick={() => onAction({ type: 'not-ready', reason })}
        >
          {t('status.goNotReady')}
        </button>
      </div>
    </section>
  );
}
