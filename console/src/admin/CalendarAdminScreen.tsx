// 节假日安排: which years have official holiday data, the provisional-year warnings, and the import of
// a new year's State Council arrangement (administrators; the server validates, stores and audits it).
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { beijingTime } from '../calls/call-records.ts';
import { errorText } from '../tickets/api.ts';
import { type ArrangementYear, type CalendarApi, type CalendarWarningDto, calendarApi } from './api.ts';
import './admin.css';

export default function CalendarAdminScreen(props: { api?: CalendarApi; now?: () => number }) {
  const { t, i18n } = useTranslation();
  const api = props.api ?? calendarApi;
  const now = props.now ?? Date.now;
  const [years, setYears] = useState<ArrangementYear[]>([]);
  const [warnings, setWarnings] = useState<CalendarWarningDto[]>([]);
  const [year, setYear] = useState(() => String(new Date(now()).getUTCFullYear() + 1));
  const [csv, setCsv] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const r = await api.list();
      setYears(r.years);
      setWarnings(r.warnings);
    } catch (e) {
      setError(errorText(e, i18n.language, t));
    }
  }, [api, i18n.language, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!/^\d{4}$/.test(year.trim())) return setError(t('calendarAdmin.err.year'));
    if (!csv.trim()) return setError(t('calendarAdmin.err.csv'));
    setError(null);
    try {
      const r = await api.importYear(Number(year), csv);
      setDone(t('calendarAdmin.done', { year: r.year, off: r.offDays, work: r.workDays }));
      setCsv('');
      await load();
    } catch (err) {
      setError(errorText(err, i18n.language, t));
    }
  };

  const at = now();
  return (
    <main className="admin">
      <section className="panel" aria-label={t('calendarAdmin.title')}>
        <h3>{t('calendarAdmin.title')}</h3>
        <p className="muted">{t('calendarAdmin.intro')}</p>
        <h4>{t('calendarAdmin.warnings')}</h4>
        {warnings.length === 0 ? (
          <p className="muted">{t('calendarAdmin.noWarnings')}</p>
        ) : (
          warnings.map((w) => (
            <p key={`${w.year}-${w.firstDate}`} className="alert warn" role="alert">
              {i18n.language === 'en' ? w.message : w.messageZh}
            </p>
          ))
        )}
        <h4>{t('calendarAdmin.years')}</h4>
        <table className="admin-table">
          <thead>
            <tr>
              {(['year', 'off', 'work', 'source', 'importedAt'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`calendarAdmin.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.year} data-year={y.year}>
                <td>{y.year}</td>
                <td>{y.offDays}</td>
                <td>{y.workDays}</td>
                <td>{y.importedAt ? t('calendarAdmin.imported') : t('calendarAdmin.builtin')}</td>
                <td>{y.importedAt ? beijingTime(y.importedAt, at) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <form
        className="panel admin-import"
        aria-label={t('calendarAdmin.importTitle')}
        onSubmit={(e) => void submit(e)}
      >
        <h4>{t('calendarAdmin.importTitle')}</h4>
        <label>
          <span>{t('calendarAdmin.year')}</span>
          <input value={year} inputMode="numeric" maxLength={4} onChange={(e) => setYear(e.target.value)} />
        </label>
        <label>
          <span>{t('calendarAdmin.csv')}</span>
          <textarea
            value={csv}
            rows={10}
            placeholder={'2027-01-01,off,元旦\n2027-02-06,work,春节'}
            onChange={(e) => setCsv(e.target.value)}
          />
        </label>
        <button type="submit" className="btn primary">
          {t('calendarAdmin.submit')}
        </button>
        {error && (
          <p className="alert bad" role="alert">
            {error}
          </p>
        )}
        {done && (
          <p className="alert" role="status">
            {done}
          </p>
        )}
      </form>
    </main>
  );
}
