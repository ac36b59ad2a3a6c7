import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DISPOSITIONS,
  type Disposition,
  EMERGENCY_LINES,
  emptyWrapUp,
  type WrapUpForm as Form,
  NOT_ACCEPTED_REASONS,
  type NotAcceptedReason,
  toWrapUpRecord,
  validateWrapUp,
  type WrapUpRecord,
} from '../domain/wrap-up.ts';
import { useFocusOnMount } from './use-focus.ts';

export function WrapUpForm(props: { callId: string; onSubmit: (r: WrapUpRecord) => Promise<void> | void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(() => emptyWrapUp(props.callId));
  const firstRef = useFocusOnMount<HTMLInputElement>();
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const errors = tried ? validateWrapUp(form) : {};
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    const record = toWrapUpRecord(form);
    if (!record) return;
    await props.onSubmit(record);
    setSaved(true);
  };
  const err = (k: keyof Form) =>
    errors[k] ? (
      <span className="field-error" role="alert">
        {t(errors[k])}
      </span>
    ) : null;
  return (
    <form className="panel wrapup" aria-label={t('wrapUp.title')} onSubmit={submit} noValidate>
      <h3>{t('wrapUp.title')}</h3>
      <fieldset>
        <legend>{t('wrapUp.disposition')}</legend>
        {DISPOSITIONS.map((d, i) => (
          <label key={d} className="radio">
            <input
              type="radio"
              name="disposition"
              value={d}
              ref={i === 0 ? firstRef : undefined}
              checked={form.disposition === d}
              onChange={() => set({ disposition: d as Disposition })}
            />
            {t(`wrapUp.d.${d}`)}
          </label>
        ))}
        {err('disposition')}
      </fieldset>
      {form.disposition === 'ticket-created' && (
        <label>
          {t('wrapUp.ticketNo')}
          <input value={form.ticketNo ?? ''} onChange={(e) => set({ ticketNo: e.target.value })} />
          {err('ticketNo')}
        </label>
      )}
      {form.disposition === 'not-accepted' && (
        <label>
          {t('wrapUp.reason')}
          <select
            value={form.notAcceptedReason ?? ''}
            onChange={(e) => set({ notAcceptedReason: Number(e.target.value) as NotAcceptedReason })}
          >
            <option value="">—</option>
            {NOT_ACCEPTED_REASONS.map((r) => (
              <option key={r} value={r}>
                {r}. {t(`notAccepted.${r}`)}
              </option>
            ))}
          </select>
          {err('notAcceptedReason')}
        </label>
      )}
      {form.disposition === 'emergency-transfer' && (
        <label>
          {t('wrapUp.line')}
          <select value={form.emergencyLine ?? ''} onChange={(e) => set({ emergencyLine: e.target.value })}>
            <option value="">—</option>
            {EMERGENCY_LINES.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
          {err('emergencyLine')}
        </label>
      )}
      <label>
        {t('wrapUp.note')}
        <textarea rows={2} value={form.note} onChange={(e) => set({ note: e.target.value })} />
        {err('note')}
      </label>
      <div className="row">
        <button type="submit" className="btn primary" disabled={saved}>
          {t('wrapUp.submit')}
        </button>
        {saved && <span className="ok">{t('wrapUp.saved')}</span>}
      </div>
    </form>
  );
}
