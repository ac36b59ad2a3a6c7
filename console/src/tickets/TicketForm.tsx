// 工单登记: prefilled from the call (number masked per role, call id), type, category search, county
// picker, content, time, address, priority, disposition (转办 / 即办 with a cited KB article /
// 不予受理 with one of the eight reasons and the guidance read to the caller). Ctrl+Enter submits.
import { useTranslation } from 'react-i18next';
import type { TicketMeta } from './api.ts';
import { CategoryPicker } from './CategoryPicker.tsx';
import {
  chooseReason,
  DISPOSITIONS,
  type Disposition,
  type FormErrors,
  maskPhone,
  type TicketFormState,
} from './ticket-form.ts';

export interface TicketFormProps {
  form: TicketFormState;
  onChange: (f: TicketFormState) => void;
  onSubmit: () => void;
  onReset: () => void;
  meta: TicketMeta;
  counties: readonly { id: string; name: string }[];
  plainPii: boolean;
  errors: FormErrors;
  busy: boolean;
}

export function TicketForm(p: TicketFormProps) {
  const { t, i18n } = useTranslation();
  const f = p.form;
  const set = (patch: Partial<TicketFormState>) => p.onChange({ ...f, ...patch });
  const err = (k: keyof TicketFormState) =>
    p.errors[k] ? <span className="field-error">{t(p.errors[k] as string)}</span> : null;
  const fromCall = Boolean(f.callId);
  return (
    <form
      className="panel ticket-form"
      aria-label={t('tickets.form.title')}
      onSubmit={(e) => {
        e.preventDefault();
        p.onSubmit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          p.onSubmit();
        }
      }}
    >
      <header className="tf-head">
        <h3>{t('tickets.form.title')}</h3>
        <span className="muted small">{t('tickets.form.hint')}</span>
      </header>
      <div className="tf-grid">
        {fromCall ? (
          <div className="field">
            <span>{t('tickets.form.fromCall')}</span>
            <output data-testid="caller-number" aria-label={t('tickets.form.phone')}>
              {maskPhone(f.phone, p.plainPii)}
            </output>
          </div>
        ) : (
          <label>
            {t('tickets.form.phone')}
            <input value={f.phone} onChange={(e) => set({ phone: e.target.value })} inputMode="tel" />
            {err('phone')}
          </label>
        )}
        <label>
          {t('tickets.form.name')}
          <input value={f.name} disabled={f.anonymous} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <div className="tf-checks">
          <label className="check">
            <input
              type="checkbox"
              checked={f.anonymous}
              onChange={(e) => set({ anonymous: e.target.checked })}
            />
            {t('tickets.form.anonymous')}
          </label>
          <label className="check" title={t('tickets.form.confidentialHint')}>
            <input
              type="checkbox"
              checked={f.confidential}
              onChange={(e) => set({ confidential: e.target.checked })}
            />
            {t('tickets.form.confidential')}
          </label>
        </div>
        {fromCall && (
          <div className="field">
            <span>{t('tickets.form.callId')}</span>
            <output className="mono small">{f.callId}</output>
          </div>
        )}
      </div>
      <fieldset className="tf-types">
        <legend>{t('tickets.form.type')}</legend>
        {p.meta.types.map((ty) => (
          <label key={ty} className={`chip ${f.type === ty ? 'on' : ''}`}>
            <input
              type="radio"
              name="type"
              value={ty}
              checked={f.type === ty}
              onChange={() => set({ type: ty })}
            />
            {t(`tickets.types.${ty}`)}
          </label>
        ))}
        {err('type')}
      </fieldset>
      <div className="tf-grid">
        <div className="field span2">
          <span>{t('tickets.form.category')}</span>
          <CategoryPicker
            tree={p.meta.categories}
            value={f.categoryId}
            onChange={(categoryId) => set({ categoryId })}
            error={p.errors.categoryId}
          />
        </div>
        <label>
          {t('tickets.form.priority')}
          <select
            value={f.priority}
            onChange={(e) => set({ priority: e.target.value as TicketFormState['priority'] })}
          >
            {p.meta.priorities.map((pr) => (
              <option key={pr} value={pr}>
                {t(`tickets.priorities.${pr}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('tickets.form.county')}
          <select value={f.county} onChange={(e) => set({ county: e.target.value })}>
            <option value="">{t('tickets.form.countyPick')}</option>
            {p.counties.map((c) => (
              <option key={c.id} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
          {err('county')}
        </label>
        <label>
          {t('tickets.form.township')}
          <input value={f.township} onChange={(e) => set({ township: e.target.value })} />
        </label>
        <label>
          {t('tickets.form.occurredAt')}
          <input
            type="datetime-local"
            value={f.occurredAt}
            onChange={(e) => set({ occurredAt: e.target.value })}
          />
          {err('occurredAt')}
        </label>
        <label className="span3">
          {t('tickets.form.address')}
          <input value={f.address} onChange={(e) => set({ address: e.target.value })} />
        </label>
      </div>
      <label className="tf-content">
        {t('tickets.form.content')}
        <textarea rows={3} value={f.content} onChange={(e) => set({ content: e.target.value })} />
        {err('content')}
      </label>
      <fieldset className="tf-disposition">
        <legend>{t('tickets.form.disposition')}</legend>
        {DISPOSITIONS.map((d: Disposition) => (
          <label key={d} className={`chip ${f.disposition === d ? 'on' : ''}`}>
            <input
              type="radio"
              name="disposition"
              value={d}
              checked={f.disposition === d}
              onChange={() => set({ disposition: d })}
            />
            {t(`tickets.dispositions.${d}`)}
          </label>
        ))}
      </fieldset>
      {f.disposition === 'immediate' && (
        <div className="tf-immediate">
          {f.cited && (
            <p className="cited" data-testid="cited-article">
              <span className="tag">{t('tickets.form.cited')}</span> {f.cited.title}{' '}
              <button type="button" className="btn link small" onClick={() => set({ cited: null })}>
                {t('tickets.form.uncite')}
              </button>
            </p>
          )}
          <label>
            {t('tickets.form.answer')}
            <textarea rows={2} value={f.answer} onChange={(e) => set({ answer: e.target.value })} />
            {err('answer')}
          </label>
        </div>
      )}
      {f.disposition === 'not_accepted' && (
        <div className="tf-notaccepted">
          <label>
            {t('tickets.form.reason')}
            <select
              value={f.reasonCode ?? ''}
              onChange={(e) =>
                p.onChange(
                  chooseReason(f, e.target.value ? Number(e.target.value) : null, p.meta.notAcceptedReasons),
                )
              }
            >
              <option value="">—</option>
              {p.meta.notAcceptedReasons.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.code}. {i18n.language === 'en' ? r.en : r.zh}
                </option>
              ))}
            </select>
            {err('reasonCode')}
          </label>
          <label>
            {t('tickets.form.guidance')}
            <textarea rows={2} value={f.guidance} onChange={(e) => set({ guidance: e.target.value })} />
          </label>
        </div>
      )}
      <div className="row tf-actions">
        <button type="submit" className="btn primary" disabled={p.busy}>
          {p.busy ? t('tickets.form.submitting') : t('tickets.form.submit')} <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" className="btn" onClick={p.onReset} disabled={p.busy}>
          {t('tickets.form.reset')}
        </button>
      </div>
    </form>
  );
}
