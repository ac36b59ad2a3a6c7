// Search: the agent panel (all published articles, internal ones included) and the public
// self-service page (published public articles only, no login).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import {
  type PublicArticle,
  PublicArticleSchema,
  type SearchQuery,
  SearchQuerySchema,
  type SearchResponse,
  SearchResponseSchema,
} from '../../contracts/kb.ts';
import { AppError } from '../../errors.ts';
import { findArticle, findVersion } from '../articles/article-store.ts';
import { isLive } from '../articles/article-view.ts';
import type { KbDeps } from '../kb-deps.ts';
import type { ArticleKind } from '../search/types.ts';

const tags = ['kb'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export function runSearch(deps: KbDeps, q: SearchQuery, publicOnly: boolean): SearchResponse {
  const t0 = performance.now();
  const r = deps.search.index.search({
    q: q.q,
    limit: q.limit,
    offset: q.offset,
    ...(q.kind ? { kinds: q.kind as ArticleKind[] } : {}),
    ...(q.county ? { county: q.county } : {}),
    ...(q.callerCounty ? { callerCounty: q.callerCounty } : {}),
    ...(q.unit ? { unit: q.unit } : {}),
    ...(q.tag ? { tag: q.tag } : {}),
    includeExpired: !publicOnly && q.includeExpired === true,
    publicOnly,
    now: deps.now().getTime(),
  });
  return {
    total: r.total,
    hits: r.hits.map((h) => ({
      ...h,
      titleHighlights: h.titleHighlights.map(([a, b]) => [a, b] as [number, number]),
      snippetHighlights: h.snippetHighlights.map(([a, b]) => [a, b] as [number, number]),
      counties: [...h.counties],
    })),
    understood: r.understood.map((u) => ({ ...u, terms: [...u.terms] })),
    tookMs: Math.round((performance.now() - t0) * 100) / 100,
  };
}

export async function searchRoutes(fastify: FastifyInstance, deps: KbDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/kb/search',
    {
      config: { permission: 'kb.read' },
      schema: {
        response: { 200: SearchResponseSchema },
        tags,
        summary: '知识库检索（坐席）Search the knowledge base',
        querystring: SearchQuerySchema,
      },
    },
    async (req) => runSearch(deps, req.query, false),
  );

  app.get(
    '/api/public/kb/search',
    {
      config: { permission: 'public', rateLimit: { max: 120, timeWindow: 60_000 } },
      schema: {
        response: { 200: SearchResponseSchema },
        tags,
        summary: '公众自助查询 Public self-service search',
        querystring: SearchQuerySchema,
      },
    },
    async (req) => runSearch(deps, { ...req.query, includeExpired: false, unit: undefined }, true),
  );

  app.get(
    '/api/public/kb/articles/:id',
    {
      config: { permission: 'public', rateLimit: { max: 240, timeWindow: 60_000 } },
      schema: {
        response: { 200: PublicArticleSchema },
        tags,
        summary: '公众查看已发布条目 Public article',
        params: IdParams,
      },
    },
    async (req): Promise<PublicArticle> => {
      const row = await findArticle(app.db, req.params.id);
      if (!row?.public || !isLive(row)) throw new AppError('KB_ARTICLE_NOT_FOUND');
      const v = await findVersion(app.db, row.id, row.published_version!);
      if (!v) throw new AppError('KB_ARTICLE_NOT_FOUND');
      return {
        id: row.id,
        kind: row.kind,
        ownerUnitId: row.owner_unit_id,
        content: v.content,
        publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
      };
    },
  );
}
