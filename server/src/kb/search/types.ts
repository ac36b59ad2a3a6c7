// Types of the search engine (pure, no I/O).

export const ARTICLE_KINDS = ['guide', 'regulation', 'interpretation', 'hot_topic', 'faq'] as const;
/** guide 办事指南, regulation 政策法规, interpretation 政策解读, hot_topic 民生热点, faq 常见问答 */
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** What the index needs of an article. Times are epoch milliseconds. */
export interface SearchDoc {
  readonly id: string;
  readonly title: string;
  /** summary and body as plain text */
  readonly body: string;
  readonly tags?: readonly string[];
  readonly kind: ArticleKind;
  /** owner unit id */
  readonly unit?: string;
  /** county codes the article applies to; empty = the whole prefecture */
  readonly counties?: readonly string[];
  readonly effectiveFrom?: number | null;
  readonly expiresAt?: number | null;
  /** visible on the public self-service page */
  readonly public?: boolean;
  readonly updatedAt?: number;
}

export interface SearchOptions {
  readonly q: string;
  readonly limit?: number;
  readonly offset?: number;
  readonly kinds?: readonly ArticleKind[];
  /** filter: only articles applicable in this county (county-specific or prefecture-wide) */
  readonly county?: string;
  /** boost: the caller's county (from the call / ticket) ranks its local articles first */
  readonly callerCounty?: string;
  readonly unit?: string;
  readonly tag?: string;
  readonly publicOnly?: boolean;
  /** include expired and not-yet-effective articles (ranked lower); default false */
  readonly includeExpired?: boolean;
  /** evaluation time, default Date.now() */
  readonly now?: number;
}

/** [start, end) character offsets into the string they accompany */
export type Highlight = readonly [number, number];

export interface SearchHit {
  readonly id: string;
  readonly score: number;
  readonly title: string;
  readonly titleHighlights: readonly Highlight[];
  readonly snippet: string;
  readonly snippetHighlights: readonly Highlight[];
  readonly kind: ArticleKind;
  readonly unit?: string;
  readonly counties: readonly string[];
  /** 'valid' | 'expired' | 'pending' (not yet effective) at `now` */
  readonly validity: Validity;
}

export type Validity = 'valid' | 'expired' | 'pending';

export interface SearchResult {
  readonly total: number;
  readonly hits: readonly SearchHit[];
  /** how the query was understood: each part and the words searched for it */
  readonly understood: ReadonlyArray<{
    readonly text: string;
    readonly source: string;
    /** a compound whose parts are searched separately too */
    readonly optional: boolean;
    readonly terms: readonly string[];
  }>;
}
