// Agent KB panel: F3 / Alt+K focuses the search box, results come as you type (pinyin initials such as
// `ybbx` are understood by the server), ↑↓ choose, Enter or 引用 cites the article in the 即办 ticket.
// Absent when the server has no KB routes.
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHotkeys } from '../ui/use-hotkeys.ts';
import {
  type Article,
  isMissingRoute,
  type KbApi,
  kbApi,
  type SearchHit,
  type SearchResponse,
} from './api.ts';
import { Highlighted } from './Highlighted.tsx';
import './kb.css';

export interface KbCite {
  id: string;
  title: string;
  snippet: string;
}

const DEBOUNCE_MS = 120;

export function KbPanel(props: { api?: KbApi; onCite?: (c: KbCite) => void; callerCounty?: string }) {
  const { t } = useTranslation();
  const kb = props.api ?? kbApi;
  const input = useRef<HTMLInputElement>(null);
  const [present, setPresent] = useState<boolean | null>(null);
  const [q, setQ] = useState('');
  const [res, setRes] = useState<SearchResponse | null>(null);
  const [sel, setSel] = useState(0);
  const [open, setOpen] = useState<Article | null>(null);
  const [error, setError] = useState(false);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [correction, setCorrection] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    let live = true;
    kb.search('', { limit: 1 })
      .then(() => live && setPresent(true))
      .catch((e: unknown) => live && setPresent(!isMissingRoute(e)));
    return () => {
      live = false;
    };
  }, [kb]);

  useHotkeys({ kb: present ? () => input.current?.focus() : undefined });

  useEffect(() => {
    if (!present) return;
    const mine = ++seq.current;
    if (!q.trim()) {
      setRes(null);
      return;
    }
    const timer = setTimeout(() => {
      kb.search(q.trim(), { limit: 8, callerCounty: props.callerCounty })
        .then((r) => {
          if (mine !== seq.current) return; // a newer keystroke won
          setRes(r);
          setSel(0);
          setError(false);
        })
        .catch(() => mine === seq.current && setError(true));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, kb, present, props.callerCounty]);

  if (!present) return null;
  const hits = res?.hits ?? [];
  const cite = (h: SearchHit) => props.onCite?.({ id: h.id, title: h.title, snippet: h.snippet });
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setSel((s) => Math.min(s + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setSel((s) => Math.max(s - 1, 0));
    else if (e.key === 'Enter' && hits[sel]) cite(hits[sel] as SearchHit);
    else if (e.key === 'Escape') setQ('');
    else return;
    e.preventDefault();
  };
  const show = (h: SearchHit) =>
    open?.id === h.id
      ? setOpen(null)
      : void kb
          .article(h.id)
          .then(setOpen)
          .catch(() => setError(true));

  return (
    <section className="panel kb-panel" aria-label={t('kb.title')}>
      <header className="kb-head">
        <h3>{t('kb.title')}</h3>
        <span className="muted small">{t('kb.hint')}</span>
      </header>
      <input
        ref={input}
        type="search"
        className="kb-search"
        aria-label={t('kb.search')}
        placeholder={t('kb.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKey}
      />
      {res && (
        <p className="muted small" data-testid="kb-total">
          {t('kb.total', { n: res.total, ms: Math.round(res.tookMs) })}
        </p>
      )}
      {error && <p className="alert bad">{t('errors.NETWORK')}</p>}
      {res && hits.length === 0 && <p className="muted">{t('kb.none')}</p>}
      <ul className="kb-hits kb-scroll">
        {hits.map((h, i) => (
          <li key={h.id} className={i === sel ? 'sel' : ''} data-selected={i === sel}>
            <div className="kb-hit-head">
              <button type="button" className="btn link kb-title" onClick={() => show(h)}>
                <Highlighted text={h.title} ranges={h.titleHighlights} />
              </button>
              <span className="tag">{t(`kb.kind.${h.kind}`)}</span>
              {h.validity !== 'valid' && <span className="tag warn">{t(`kb.${h.validity}`)}</span>}
            </div>
            <p className="kb-snippet">
              <Highlighted text={h.snippet} ranges={h.snippetHighlights} />
            </p>
            {props.onCite && (
              <button
                type="button"
                className="btn small primary"
                title={t('kb.citeTitle')}
                onClick={() => cite(h)}
              >
                {t('kb.cite')}
              </button>
            )}
            <button
              type="button"
              className="btn small"
              onClick={() => {
                setCorrecting(correcting === h.id ? null : h.id);
                setCorrection('');
                setSent(null);
              }}
            >
              {t('kb.correct')}
            </button>
            {sent === h.id && (
              <span className="ok small" role="status">
                {' '}
                {t('kb.correctSent')}
              </span>
            )}
            {correcting === h.id && (
              <form
                className="kb-correct"
                aria-label={t('kb.correct')}
                onSubmit={(e) => {
                  e.preventDefault();
                  if (correction.trim().length < 2) return;
                  kb.reportCorrection(h.id, correction.trim())
                    .then(() => {
                      setSent(h.id);
                      setCorrecting(null);
                    })
                    .catch(() => setError(true));
                }}
              >
                <textarea
                  rows={2}
                  aria-label={t('kb.correctText')}
                  placeholder={t('kb.correctText')}
                  value={correction}
                  onChange={(e) => setCorrection(e.target.value)}
                />
                <button type="submit" className="btn small primary">
                  {t('kb.correctSend')}
                </button>
              </form>
            )}
            {open?.id === h.id && <ArticleBody article={open} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ArticleBody(props: { article: Pick<Article, 'content'> }) {
  const { t } = useTranslation();
  const c = props.article.content;
  const g = c.guide;
  return (
    <div className="kb-article">
      {c.summary && <p>{c.summary}</p>}
      {g && (
        <dl className="kb-guide">
          {g.materials.length > 0 && (
            <>
              <dt>{t('kb.guide.materials')}</dt>
              <dd>{g.materials.join('；')}</dd>
            </>
          )}
          {g.steps.length > 0 && (
            <>
              <dt>{t('kb.guide.steps')}</dt>
              <dd>{g.steps.join(' → ')}</dd>
            </>
          )}
          {(['fees', 'timeLimit', 'place', 'phone'] as const).map((k) =>
            g[k] ? (
              <span key={k} className="kb-guide-row">
                <dt>{t(`kb.guide.${k}`)}</dt>
                <dd>{g[k]}</dd>
              </span>
            ) : null,
          )}
        </dl>
      )}
      {c.faq?.map((f) => (
        <p key={f.question}>
          <strong>{f.question}</strong> {f.answer}
        </p>
      ))}
      {c.body && <p className="kb-body">{c.body}</p>}
    </div>
  );
}
