// Knowledge-base API client (server/src/kb, contracts in server/src/contracts/kb.ts). Route paths live
// here only. A 404 on the first call means the server has no KB feature: the panel stays absent.
import type {
  Article,
  Correction,
  PublicArticle,
  SearchHit,
  SearchResponse,
} from '../../../server/src/contracts/kb.ts';
import { api } from '../api/http.ts';
import { ConsoleError } from '../errors.ts';

export type { Article, PublicArticle, SearchHit, SearchResponse };

export const KB_ROUTES = {
  search: '/api/kb/search',
  article: (id: string) => `/api/kb/articles/${encodeURIComponent(id)}`,
  correction: (id: string) => `/api/kb/articles/${encodeURIComponent(id)}/corrections`,
  publicSearch: '/api/public/kb/search',
  publicArticle: (id: string) => `/api/public/kb/articles/${encodeURIComponent(id)}`,
};

export interface KbSearchOptions {
  limit?: number;
  callerCounty?: string;
}

function searchQs(q: string, o: KbSearchOptions): string {
  const p = new URLSearchParams({ q, limit: String(o.limit ?? 10) });
  if (o.callerCounty) p.set('callerCounty', o.callerCounty);
  return p.toString();
}

export const kbApi = {
  search: (q: string, o: KbSearchOptions = {}) =>
    api<SearchResponse>('GET', `${KB_ROUTES.search}?${searchQs(q, o)}`),
  article: (id: string) => api<Article>('GET', KB_ROUTES.article(id)),
  /** 纠错: the report goes to the article's owner unit with a deadline. */
  reportCorrection: (id: string, text: string, ticketId?: string) =>
    api<Correction>('POST', KB_ROUTES.correction(id), { text, ...(ticketId ? { ticketId } : {}) }),
  publicSearch: (q: string, o: KbSearchOptions = {}) =>
    api<SearchResponse>('GET', `${KB_ROUTES.publicSearch}?${searchQs(q, o)}`),
  publicArticle: (id: string) => api<PublicArticle>('GET', KB_ROUTES.publicArticle(id)),
};

export type KbApi = typeof kbApi;

/** True when the error says the route does not exist (the server runs without the KB feature). */
export function isMissingRoute(e: unknown): boolean {
  return e instanceof ConsoleError && e.detail.status === 404;
}
