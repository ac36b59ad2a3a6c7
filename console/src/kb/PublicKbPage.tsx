// 自助查询: the public self-service page (no sign-in) — published public articles only, searchable.
// Lazy chunk; the server decides what is public (GET /api/public/kb/…).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type KbApi, kbApi, type PublicArticle, type SearchResponse } from './api.ts';
import { Highlighted } from './Highlighted.tsx';
import { ArticleBody } from './KbPanel.tsx';
import './kb.css';

export default function PublicKbPage(props: { api?: KbApi }) {
  const { t } = useTranslation();
  const kb = props.api ?? kbApi;
  const [q, setQ] = useState('');
  const [res, setRes] = useState<SearchResponse | null>(null);
  const [article, setArticle] = useState<PublicArticle | null>(null);
  const [failed, setFailed] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(
      () => {
        kb.publicSearch(q.trim(), { limit: 20 })
          .then((r) => {
            if (mine === seq.current) {
              setRes(r);
              setFailed(false);
            }
          })
          .catch(() => mine === seq.current && setFailed(true));
      },
      q ? 150 : 0,
    );
    return () => clearTimeout(timer);
  }, [q, kb]);

  return (
    <div className="public-kb">
      <header className="row">
        <h2>{t('kb.public.title')}</h2>
      </header>
      <p className="muted">{t('kb.public.intro')}</p>
      {article ? (
        <article className="panel" aria-label={article.content.title}>
          <button type="button" className="btn link" onClick={() => setArticle(null)}>
            ← {t('kb.public.back')}
          </button>
          <h3>{article.content.title}</h3>
          <p className="muted small">
            <span className="tag">{t(`kb.kind.${article.kind}`)}</span>{' '}
            {article.publishedAt ? `${t('kb.public.published')} ${article.publishedAt.slice(0, 10)}` : ''}
          </p>
          <ArticleBody article={article} />
        </article>
      ) : (
        <>
          <input
            type="search"
            className="kb-search"
            aria-label={t('kb.search')}
            placeholder={t('kb.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the page is a search box; typing starts at once
            autoFocus
          />
          {failed && <p className="alert bad">{t('errors.NETWORK')}</p>}
          {res && (
            <p className="muted small">{t('kb.total', { n: res.total, ms: Math.round(res.tookMs) })}</p>
          )}
          {res && res.hits.length === 0 && <p className="muted">{t('kb.none')}</p>}
          <ul className="kb-hits">
            {res?.hits.map((h) => (
              <li key={h.id} className="panel">
                <div className="kb-hit-head">
                  <button
                    type="button"
                    className="btn link kb-title"
                    onClick={() =>
                      void kb
                        .publicArticle(h.id)
                        .then(setArticle)
                        .catch(() => setFailed(true))
                    }
                  >
                    <Highlighted text={h.title} ranges={h.titleHighlights} />
                  </button>
                  <span className="tag">{t(`kb.kind.${h.kind}`)}</span>
                </div>
                <p className="kb-snippet">
                  <Highlighted text={h.snippet} ranges={h.snippetHighlights} />
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
