// 通话记录: the call history for quality inspection (质检), complaints about service and an agent's own
// follow-up. Filters by Beijing-time days, outcome, queue, agent and full caller number; numbers are
// masked, 查看号码 asks for a reason and is audited by the server; 录音 for holders of recordings.play
// (the server still limits agents to calls they answered). Pages with the server's keyset cursor.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordingPlayer } from '../recordings/RecordingPlayer.tsx';
import { errorText } from '../tickets/api.ts';
import { type CallRecord, type CallsApi, callsApi } from './api.ts';
import {
  beijingTime,
  type CallFilter,
  type FilterErrors,
  lengthText,
  OUTCOMES,
  todayFilter,
  toQuery,
  validateFilter,
} from './call-records.ts';
import './calls.css';

const PAGE = 50;

interface Page {
  items: CallRecord[];
  nextBefore: string | null;
  scope: 'own' | 'all';
}

function UnmaskCell(props: {
  call: CallRecord;
  canUnmask: boolean;
  api: CallsApi;
  onUnmasked: (c: CallRecord) => void;
}) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!props.canUnmask) return null;
  if (!asking)
    return (
      <button type="button" className="btn link" onClick={() => setAsking(true)}>
        {t('calls.unmask')}
      </button>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 2) return setError(t('calls.err.reason'));
    try {
      props.onUnmasked(await props.api.unmask(props.call.callId, reason.trim()));
      setAsking(false);
    } catch (err) {
      setError(errorText(err, i18n.language, t));
    }
  };
  return (
    <form className="calls-unmask" onSubmit={(e) => void submit(e)}>
      <input
        aria-label={t('calls.unmaskReason')}
        placeholder={t('calls.unmaskReason')}
        value={reason}
        maxLength={500}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="btn small">
        {t('calls.unmaskOk')}
      </button>
      <button type="button" className="btn link" onClick={() => setAsking(false)}>
        {t('calls.cancel')}
      </button>
      {error && (
        <span className="alert bad" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

function FilterBar(props: {
  filter: CallFilter;
  errors: FilterErrors;
  onChange: (f: CallFilter) => void;
  onSearch: () => void;
  onToday: () => void;
}) {
  const { t } = useTranslation();
  const f = props.filter;
  const set = (p: Partial<CallFilter>) => props.onChange({ ...f, ...p });
  const field = (k: 'fromDay' | 'toDay' | 'queue' | 'agent' | 'number', type = 'text') => (
    <label className={props.errors[k] ? 'invalid' : ''}>
      <span>{t(`calls.filter.${k}`)}</span>
      <input type={type} value={f[k]} onChange={(e) => set({ [k]: e.target.value })} />
      {props.errors[k] && <small className="err">{t(props.errors[k])}</small>}
    </label>
  );
  return (
    <form
      className="calls-filter panel"
      aria-label={t('calls.title')}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSearch();
      }}
    >
      {field('fromDay', 'date')}
      {field('toDay', 'date')}
      <label>
        <span>{t('calls.filter.outcome')}</span>
        <select value={f.outcome} onChange={(e) => set({ outcome: e.target.value as CallFilter['outcome'] })}>
          <option value="">{t('calls.filter.anyOutcome')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`calls.outcomes.${o}`)}
            </option>
          ))}
        </select>
      </label>
      {field('queue')}
      {field('agent')}
      {field('number')}
      <button type="submit" className="btn primary">
        {t('calls.filter.search')}
      </button>
      <button type="button" className="btn" onClick={props.onToday}>
        {t('calls.filter.reset')}
      </button>
    </form>
  );
}

export default function CallRecordsScreen(props: {
  canUnmask: boolean;
  canPlayRecordings: boolean;
  api?: CallsApi;
  now?: () => number;
}) {
  const { t, i18n } = useTranslation();
  const api = props.api ?? callsApi;
  const now = props.now ?? Date.now;
  const [filter, setFilter] = useState<CallFilter>(() => todayFilter(now()));
  /** The filter of the list on screen: 加载更多 continues it even if the form was edited since. */
  const [shown, setShown] = useState<CallFilter>(filter);
  const [errors, setErrors] = useState<FilterErrors>({});
  const [page, setPage] = useState<Page | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unmasked, setUnmasked] = useState<ReadonlySet<string>>(new Set());

  const load = useCallback(
    async (f: CallFilter, before: string | null) => {
      const e = validateFilter(f);
      setErrors(e);
      const q = toQuery(f, { before, limit: PAGE });
      if (!q) return;
      setLoading(true);
      setError(null);
      try {
        const r = await api.list(q);
        setPage((p) => (before && p ? { ...r, items: [...p.items, ...r.items] } : r));
        if (!before) {
          setShown(f);
          setUnmasked(new Set());
        }
      } catch (err) {
        setError(errorText(err, i18n.language, t));
      } finally {
        setLoading(false);
      }
    },
    [api, i18n.language, t],
  );
  // the first search, for today, when the screen opens
  // biome-ignore lint/correctness/useExhaustiveDependencies: once on open; later searches are explicit
  useEffect(() => {
    void load(filter, null);
  }, []);

  const replace = (c: CallRecord) => {
    setPage((p) =>
      p
        ? {
            ...p,
            items: p.items.map((x) =>
              x.callId === c.callId
                ? { ...x, callerNumber: c.callerNumber, callbackNumber: c.callbackNumber }
                : x,
            ),
          }
        : p,
    );
    setUnmasked((s) => new Set([...s, c.callId]));
  };
  const at = now();
  return (
    <main className="calls">
      <FilterBar
        filter={filter}
        errors={errors}
        onChange={setFilter}
        onSearch={() => void load(filter, null)}
        onToday={() => {
          const f = todayFilter(now());
          setFilter(f);
          void load(f, null);
        }}
      />
      {error && (
        <p className="alert bad" role="alert">
          {error}
        </p>
      )}
      <section className="calls-table panel" aria-label={t('calls.title')}>
        <p className="calls-meta muted">
          {page && t('calls.count', { count: page.items.length })}
          {page?.scope === 'own' && <span className="tag">{t('calls.scopeOwn')}</span>}
          {loading && <span>{t('calls.loading')}</span>}
        </p>
        {page && page.items.length === 0 && !loading && <p className="muted">{t('calls.empty')}</p>}
        {page && page.items.length > 0 && (
          <table>
            <thead>
              <tr>
                {(
                  ['arrivedAt', 'number', 'queue', 'agent', 'wait', 'talk', 'outcome', 'disposition'] as const
                ).map((c) => (
                  <th key={c} scope="col">
                    {t(`calls.col.${c}`)}
                  </th>
                ))}
                <th scope="col">{t('calls.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((c) => (
                <tr key={c.callId} data-call-id={c.callId}>
                  <td className="num">{beijingTime(c.arrivedAt, at)}</td>
                  <td className="num">
                    {c.callerNumber}
                    {c.priority !== 'normal' && (
                      <span className="tag warn">{t(`calls.priority.${c.priority}`, c.priority)}</span>
                    )}
                    {unmasked.has(c.callId) && (
                      <span className="tag" title={t('calls.unmasked')}>
                        ✓
                      </span>
                    )}
                  </td>
                  <td>{c.queue}</td>
                  <td>
                    {c.agentName ?? c.agentId ?? '—'}
                    {c.agentNo && <span className="muted"> {c.agentNo}</span>}
                  </td>
                  <td className="num">{lengthText(c.waitMs)}</td>
                  <td className="num">{lengthText(c.talkMs)}</td>
                  <td>
                    <span className={`tag outcome-${c.outcome}`}>
                      {t(`calls.outcomes.${c.outcome}`, c.outcome)}
                    </span>
                  </td>
                  <td>
                    {c.disposition ? t(`wrapUp.d.${c.disposition}`) : '—'}
                    {c.ticketNo && <span className="muted"> {c.ticketNo}</span>}
                  </td>
                  <td>
                    <div className="calls-actions">
                      {!unmasked.has(c.callId) && (
                        <UnmaskCell call={c} canUnmask={props.canUnmask} api={api} onUnmasked={replace} />
                      )}
                      {props.canPlayRecordings && c.answeredAt && <RecordingPlayer callId={c.callId} />}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {page?.nextBefore ? (
          <button
            type="button"
            className="btn"
            disabled={loading}
            onClick={() => void load(shown, page.nextBefore)}
          >
            {t('calls.more')}
          </button>
        ) : (
          page && page.items.length > 0 && <p className="muted">{t('calls.end')}</p>
        )}
      </section>
    </main>
  );
}
