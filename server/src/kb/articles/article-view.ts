// Mapping between stored articles, the API shape and the search engine's documents.
import type { Selectable } from 'kysely';
import type { Article, ArticleContent } from '../../contracts/kb.ts';
import { findCounty } from '../search/ganzi-places.ts';
import type { SearchDoc } from '../search/types.ts';
import { chinaDate, searchableBody } from '../seed/seed-articles.ts';
import type { KbArticleTable } from '../store/tables.ts';
import { type Actor, availableActions } from '../workflow/article-workflow.ts';

export type ArticleRow = Selectable<KbArticleTable>;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function toArticle(row: ArticleRow, actors: readonly Actor[]): Article {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    ownerUnitId: row.owner_unit_id,
    reviewUnitId: row.review_unit_id,
    public: row.public,
    publishAt: iso(row.publish_at),
    version: row.version,
    publishedVersion: row.published_version,
    content: row.content,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    actions: availableActions(row.status, actors),
  };
}

/** County names or codes → codes (unknown entries dropped by validation before this). */
export function normalizeCounties(list: readonly string[]): string[] {
  return [...new Set(list.map((c) => findCounty(c)?.code).filter((c): c is string => !!c))];
}

/** Is the published version of this article live (searchable)? */
export function isLive(row: Pick<ArticleRow, 'published_version' | 'status'>): boolean {
  return row.published_version !== null && row.status !== 'withdrawn' && row.status !== 'expired';
}

export function toSearchDoc(row: ArticleRow, content: ArticleContent): SearchDoc {
  return {
    id: row.id,
    title: content.title,
    body: searchableBody({
      summary: content.summary,
      body: content.body,
      ...(content.guide ? { guide: content.guide } : {}),
      ...(content.faq ? { faq: content.faq } : {}),
    }),
    tags: content.tags,
    kind: row.kind,
    unit: row.owner_unit_id,
    counties: content.counties,
    effectiveFrom: content.effectiveFrom ? chinaDate(content.effectiveFrom) : null,
    expiresAt: content.expiresAt ? chinaDate(content.expiresAt) + 86_400_000 : null,
    public: row.public,
    updatedAt: new Date(row.updated_at).getTime(),
  };
}
