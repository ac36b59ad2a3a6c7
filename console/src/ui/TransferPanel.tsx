import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultState } from '../domain/softphone-state.ts';
import { parseTransferTarget, type TransferKind, type TransferPhase } from '../domain/transfer.ts';
import type { Phone } from '../phone/phone.ts';

/** Blind transfer (转接) of the answered caller to a queue or another agent, or attended (咨询转接) to an agent. */
export function TransferPanel(props: { phone: Phone; callActive: boolean }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TransferKind>('queue');
  const [id, setId] = useState('');
  const [phase, setPhase] = useState<TransferPhase>('idle');
  const [error, setError] = useState<string | null>(null);
  const [consult, setConsult] = useState<ConsultState | 'dialing' | null>(null);
  useEffect(
    () =>
      props.phone.subscribe((e) => {
        if (e.type === 'consult') setConsult(e.state);
      }),
    [props.phone],
  );
  const canConsult = typeof props.phone.startConsult === 'function';
  const consulting = consult === 'dialing' || consult === 'ringing' || consult === 'answered';
  const startConsult = async () => {
    setError(null);
    let target: ReturnType<typeof parseTransferTarget>;
    try {
      target = parseTransferTarget('agent', id);
    } catch {
      setError('transfer.badTarget');
      return;
    }
    setConsult('dialing');
    try {
      await props.phone.startConsult?.(target.id);
    } catch {
      setConsult('failed');
    }
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    let target: ReturnType<typeof parseTransferTarget>;
    try {
      target = parseTransferTarget(kind, id);
    } catch {
      setError('transfer.badTarget');
      return;
    }
    setPhase('transferring');
    try {
      await props.phone.transfer?.(target);
      setPhase('done');
    } catch {
      setPhase('failed');
    }
  };
  return (
    <form className="panel transfer row" aria-label={t('transfer.title')} onSubmit={submit}>
      <strong>{t('transfer.title')}</strong>
      <select
        aria-label={t('transfer.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as TransferKind)}
      >
        <option value="queue">{t('transfer.queue')}</option>
        <option value="agent">{t('transfer.agent')}</option>
      </select>
      <input
        aria-label={t('transfer.target')}
        value={id}
        onChange={(e) => setId(e.target.value)}
        placeholder="12345"
      />
      <button type="submit" className="btn" disabled={!props.callActive || phase === 'transferring'}>
        {t('transfer.go')}
      </button>
      {canConsult && kind === 'agent' && !consulting && (
        <button
          type="button"
          className="btn"
          disabled={!props.callActive}
          onClick={() => void startConsult()}
        >
          {t('transfer.consult')}
        </button>
      )}
      {consulting && (
        <>
          <button
            type="button"
            className="btn primary"
            disabled={consult !== 'answered'}
            onClick={() => void props.phone.completeConsult?.().catch(() => setConsult('failed'))}
          >
            {t('transfer.complete')}
          </button>
          <button type="button" className="btn" onClick={() => void props.phone.cancelConsult?.()}>
            {t('transfer.cancelConsult')}
          </button>
        </>
      )}
      {consult && consult !== 'dialing' && (
        <span className="tag" data-testid="consult-phase">
          {t(`transfer.consultPhase.${consult}`)}
        </span>
      )}
      {phase !== 'idle' && (
        <span className="tag" data-testid="transfer-phase">
          {t(`transfer.phase.${phase}`)}
        </span>
      )}
      {error && (
        <span className="field-error" role="alert">
          {t(error)}
        </span>
      )}
    </form>
  );
}
