// 纠错 (error reports) and policy pre-registration (政策预登记) routes.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../auth/require-session.ts';
import {
  CorrectionListSchema,
  CorrectionSchema,
  CreateCorrectionSchema,
  CreateRegistrationSchema,
  LinkRegistrationSchema,
  PolicyRegistrationListSchema,
  PolicyRegistrationSchema,
  ResolveCorrectionSchema,
} from '../../contracts/kb.ts';
import { listCorrections, reportCorrection, resolveCorrection } from '../corrections/corrections.ts';
import type { KbDeps } from '../kb-deps.ts';
import { linkRegistration, listRegistrations, registerPolicy } from '../registrations/registrations.ts';

const tags = ['kb'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const user = requireUser;

export async function correctionRoutes(fastify: FastifyInstance, deps: KbDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/kb/articles/:id/corrections',
    {
      config: { permission: 'kb.correction.report', auditObject: 'kb_correction' },
      schema: {
        response: { 201: CorrectionSchema },
        tags,
        summary: '报告知识错误（纠错）Report an error',
        params: IdParams,
        body: CreateCorrectionSchema,
      },
    },
    async (req, reply) => {
      const c = await reportCorrection(app.db, deps.calendar, {
        articleId: req.params.id,
        user: user(req),
        text: req.body.text,
        ticketId: req.body.ticketId,
        days: deps.correctionDays,
        now: deps.now(),
      });
      reply.code(201);
      return c;
    },
  );

  app.get(
    '/api/kb/corrections',
    {
      config: { permission: 'kb.correction.read' },
      schema: {
        response: { 200: CorrectionListSchema },
        tags,
        summary: '纠错列表 Corrections (own unit; all for editors and the authority)',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum(['open', 'fixed', 'rejected'])),
            overdue: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => ({
      items: await listCorrections(app.db, {
        user: user(req),
        status: req.query.status,
        overdue: req.query.overdue,
        now: deps.now(),
      }),
    }),
  );

  app.post(
    '/api/kb/corrections/:id/resolve',
    {
      config: { permission: 'kb.correction.handle', auditObject: 'kb_correction' },
      schema: {
        response: { 200: CorrectionSchema },
        tags,
        summary: '答复纠错 Answer a correction',
        params: IdParams,
        body: ResolveCorrectionSchema,
      },
    },
    async (req) =>
      resolveCorrection(app.db, {
        id: req.params.id,
        user: user(req),
        outcome: req.body.outcome,
        reply: req.body.reply,
        now: deps.now(),
      }),
  );

  app.post(
    '/api/kb/policy-registrations',
    {
      config: { permission: 'kb.policy.register', auditObject: 'kb_policy_registration' },
      schema: {
        response: { 201: PolicyRegistrationSchema },
        tags,
        summary: '新政策预登记 Pre-register a new policy',
        body: CreateRegistrationSchema,
      },
    },
    async (req, reply) => {
      const r = await registerPolicy(app.db, deps.calendar, {
        user: user(req),
        title: req.body.title,
        ownerUnitId: req.body.ownerUnitId,
        releaseDate: req.body.releaseDate,
        note: req.body.note,
        now: deps.now(),
      });
      reply.code(201);
      return r;
    },
  );

  app.get(
    '/api/kb/policy-registrations',
    {
      config: { permission: 'kb.policy.read' },
      schema: {
        response: { 200: PolicyRegistrationListSchema },
        tags,
        summary: '政策预登记列表（含发布日提醒）Registrations with publication-day reminders',
        querystring: Type.Object(
          { reminder: Type.Optional(Type.Enum(['due'])) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => ({
      items: await listRegistrations(app.db, {
        user: user(req),
        reminder: req.query.reminder,
        now: deps.now(),
      }),
    }),
  );

  app.post(
    '/api/kb/policy-registrations/:id/link',
    {
      config: { permission: 'kb.policy.register', auditObject: 'kb_policy_registration' },
      schema: {
        response: { 200: PolicyRegistrationSchema },
        tags,
        summary: '关联政策原文与解读 Link the original text and interpretation',
        params: IdParams,
        body: LinkRegistrationSchema,
      },
    },
    async (req) =>
      linkRegistration(app.db, {
        id: req.params.id,
        user: user(req),
        originalArticleId: req.body.originalArticleId,
        interpretationArticleId: req.body.interpretationArticleId,
        now: deps.now(),
      }),
  );
}
