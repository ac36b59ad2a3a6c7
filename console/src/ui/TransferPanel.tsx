import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTransferTarget, type TransferKind, type TransferPhase } from '../domain/transfer.ts';
import type { Phone } from '../phone/phone.ts';

/** Blind transfer (转接) of the answered caller to a queue or another agent. */
export function TransferPanel(props: { phone: Phone; callActive: boolean }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TransferKind>('queue');
  const [id, setId] = useState('');
  const [phase, setPhase] = useState<TransferPhase>('idle');
  const [error, setError] = useState<string | null>(null);
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
