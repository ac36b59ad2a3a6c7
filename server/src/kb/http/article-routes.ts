// Articles: list working copies, create, read, edit drafts, workflow steps, versions with diff, log.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../auth/require-session.ts';
import {
  type Article,
  ArticleKindSchema,
  ArticleListSchema,
  ArticleSchema,
  ArticleStatusSchema,
  type ArticleVersion,
  ArticleVersionListSchema,
  CreateArticleSchema,
  UpdateArticleSchema,
  type VersionDiff,
  VersionDiffSchema,
  WorkflowEventListSchema,
  WorkflowStepSchema,
} from '../../contracts/kb.ts';
import { AppError } from '../../errors.ts';
import { actorsFor, seesAllUnits, seesWorkingCopy } from '../articles/article-access.ts';
import { findArticle, findVersion, listEvents, listVersions } from '../articles/article-store.ts';
import { isLive, toArticle } from '../articles/article-view.ts';
import { createArticle, updateArticle } from '../articles/save-article.ts';
import { stepWorkflow } from '../articles/step-workflow.ts';
import type { KbDeps } from '../kb-deps.ts';
import { diffVersions } from '../workflow/version-diff.ts';

const tags = ['kb'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const user = requireUser;

export async function articleRoutes(fastify: FastifyInstance, deps: KbDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  /** The article as the caller may see it: working copy for owners/editors, else the published version. */
  async function readable(req: FastifyRequest, id: string): Promise<Article> {
    const row = await findArticle(app.db, id);
    if (!row) throw new AppError('KB_ARTICLE_NOT_FOUND');
    const actors = actorsFor(user(req), row);
    if (seesWorkingCopy(actors)) return toArticle(row, actors);
    if (!isLive(row)) throw new AppError('KB_ARTICLE_NOT_FOUND');
    const v = await findVersion(app.db, row.id, row.published_version!);
    if (!v) throw new AppError('KB_ARTICLE_NOT_FOUND');
    return { ...toArticle(row, []), version: v.version, content: v.content };
  }

  /** Versions the caller may read: all for owners/reviewers/editors, up to the published one otherwise. */
  async function newestVisibleVersion(req: FastifyRequest, id: string): Promise<number> {
    const row = await findArticle(app.db, id);
    if (!row) throw new AppError('KB_ARTICLE_NOT_FOUND');
    if (seesWorkingCopy(actorsFor(user(req), row))) return row.version;
    if (!isLive(row)) throw new AppError('KB_ARTICLE_NOT_FOUND');
    return row.published_version!;
  }

  app.get(
    '/api/kb/articles',
    {
      config: { permission: 'kb.manage' },
      schema: {
        response: { 200: ArticleListSchema },
        tags,
        summary: '知识条目管理列表 List articles (working copies)',
        querystring: Type.Object(
          {
            status: Type.Optional(ArticleStatusSchema),
            kind: Type.Optional(ArticleKindSchema),
            ownerUnitId: Type.Optional(Type.String({ maxLength: 64 })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, default: 0 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const u = user(req);
      let q = app.db.selectFrom('kb_article').selectAll();
      if (!seesAllUnits(u))
        q = q.where((eb) =>
          eb.or([eb('owner_unit_id', '=', u.orgUnitId), eb('review_unit_id', '=', u.orgUnitId)]),
        );
      else if (req.query.ownerUnitId) q = q.where('owner_unit_id', '=', req.query.ownerUnitId);
      if (req.query.status) q = q.where('status', '=', req.query.status);
      if (req.query.kind) q = q.where('kind', '=', req.query.kind);
      const rows = await q
        .orderBy('updated_at', 'desc')
        .limit(req.query.limit)
        .offset(req.query.offset)
        .execute();
      return { items: rows.map((r) => toArticle(r, actorsFor(u, r))) };
    },
  );

  app.post(
    '/api/kb/articles',
    {
      config: { permission: 'kb.write', auditObject: 'kb_article' },
      schema: {
        response: { 201: ArticleSchema },
        tags,
        summary: '新建知识条目（草稿）Create an article',
        body: CreateArticleSchema,
      },
    },
    async (req, reply) => {
      const id = await createArticle(app.db, user(req), req.body, deps.now());
      reply.code(201);
      return readable(req, id);
    },
  );

  app.get(
    '/api/kb/articles/:id',
    {
      config: { permission: 'kb.read' },
      schema: {
        response: { 200: ArticleSchema },
        tags,
        summary: '查看知识条目 Read an article',
        params: IdParams,
      },
    },
    async (req) => readable(req, req.params.id),
  );

  app.put(
    '/api/kb/articles/:id',
    {
      config: { permission: 'kb.write', auditObject: 'kb_article' },
      schema: {
        response: { 200: ArticleSchema },
        tags,
        summary: '修改草稿（新版本）Save a new version of a draft',
        params: IdParams,
        body: UpdateArticleSchema,
      },
    },
    async (req) => {
      const row = await updateArticle(app.db, user(req), req.params.id, req.body, deps.now());
      await deps.changed();
      return toArticle(row, actorsFor(user(req), row));
    },
  );

  app.post(
    '/api/kb/articles/:id/workflow',
    {
      config: { permission: 'kb.workflow', auditObject: 'kb_article' },
      schema: {
        response: { 200: ArticleSchema },
        tags,
        summary: '审核流程操作 Workflow step (submit, approve, reject, withdraw, revise …)',
        params: IdParams,
        body: WorkflowStepSchema,
      },
    },
    async (req) => {
      const u = user(req);
      const row = await stepWorkflow(app.db, {
        id: req.params.id,
        action: req.body.action,
        actors: (r) => actorsFor(u, r),
        actorId: u.id,
        comment: req.body.comment,
        now: deps.now(),
      });
      await deps.changed();
      return toArticle(row, actorsFor(u, row));
    },
  );

  app.get(
    '/api/kb/articles/:id/versions',
    {
      config: { permission: 'kb.read' },
      schema: {
        response: { 200: ArticleVersionListSchema },
        tags,
        summary: '版本列表 Versions',
        params: IdParams,
      },
    },
    async (req): Promise<{ items: ArticleVersion[] }> => {
      const newest = await newestVisibleVersion(req, req.params.id);
      const rows = await listVersions(app.db, req.params.id);
      return {
        items: rows
          .filter((v) => v.version <= newest)
          .map((v) => ({
            version: v.version,
            authorId: v.author_id,
            note: v.note,
            createdAt: new Date(v.created_at).toISOString(),
            content: v.content,
          })),
      };
    },
  );

  app.get(
    '/api/kb/articles/:id/diff',
    {
      config: { permission: 'kb.read' },
      schema: {
        response: { 200: VersionDiffSchema },
        tags,
        summary: '版本对比 Readable diff between two versions',
        params: IdParams,
        querystring: Type.Object(
          { from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req): Promise<VersionDiff> => {
      const newest = await newestVisibleVersion(req, req.params.id);
      if (req.query.from > newest || req.query.to > newest) throw new AppError('KB_VERSION_NOT_FOUND');
      const [a, b] = await Promise.all([
        findVersion(app.db, req.params.id, req.query.from),
        findVersion(app.db, req.params.id, req.query.to),
      ]);
      if (!a || !b) throw new AppError('KB_VERSION_NOT_FOUND');
      const fields = diffVersions(a.content, b.content).map((f) => ({ ...f, parts: [...f.parts] }));
      return { from: req.query.from, to: req.query.to, fields };
    },
  );

  app.get(
    '/api/kb/articles/:id/events',
    {
      config: { permission: 'kb.read' },
      schema: {
        response: { 200: WorkflowEventListSchema },
        tags,
        summary: '流程记录 Workflow log',
        params: IdParams,
      },
    },
    async (req) => {
      await readable(req, req.params.id);
      return { items: await listEvents(app.db, req.params.id) };
    },
  );
}
