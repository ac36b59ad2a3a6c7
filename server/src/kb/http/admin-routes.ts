// Knowledge-base administration: import with progress, synonyms, oversight (assessment), schedule run.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../auth/require-session.ts';
import {
  ImportJobSchema,
  ImportRequestSchema,
  OversightSchema,
  ScheduleRunSchema,
  SynonymsSchema,
} from '../../contracts/kb.ts';
import { runSchedule } from '../articles/run-schedule.ts';
import { listCorrections } from '../corrections/corrections.ts';
import { getImportJob, startImport } from '../import/run-import.ts';
import type { KbDeps } from '../kb-deps.ts';
import { listRegistrations } from '../registrations/registrations.ts';

const tags = ['kb'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const user = requireUser;

export async function adminRoutes(fastify: FastifyInstance, deps: KbDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/kb/imports',
    {
      config: { permission: 'kb.import', auditObject: 'kb_import' },
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        response: { 202: ImportJobSchema },
        tags,
        summary: '批量导入（Markdown / Word HTML / CSV）Import articles',
        body: ImportRequestSchema,
      },
    },
    async (req, reply) => {
      const job = await startImport(app.db, user(req), req.body, deps.now);
      deps.track(job.done.then(() => deps.changed()));
      reply.code(202);
      return getImportJob(app.db, job.id);
    },
  );

  app.get(
    '/api/kb/imports/:id',
    {
      config: { permission: 'kb.import' },
      schema: {
        response: { 200: ImportJobSchema },
        tags,
        summary: '导入进度 Import progress',
        params: IdParams,
      },
    },
    async (req) => getImportJob(app.db, req.params.id),
  );

  app.get(
    '/api/kb/synonyms',
    {
      config: { permission: 'kb.read' },
      schema: { response: { 200: SynonymsSchema }, tags, summary: '同义词 Synonym groups' },
    },
    async () => ({ groups: deps.search.synonymGroups().map((g) => [...g]) }),
  );

  app.put(
    '/api/kb/synonyms',
    {
      config: { permission: 'kb.synonyms.edit', auditObject: 'kb_synonyms' },
      schema: {
        response: { 200: SynonymsSchema },
        tags,
        summary: '编辑同义词 Replace synonym groups',
        body: SynonymsSchema,
      },
    },
    async (req) => ({ groups: (await deps.search.saveSynonyms(req.body.groups)).map((g) => [...g]) }),
  );

  app.get(
    '/api/kb/oversight',
    {
      config: { permission: 'kb.oversight' },
      schema: {
        response: { 200: OversightSchema },
        tags,
        summary: '知识库考核：超期纠错与迟报政策 Overdue corrections and late registrations per unit',
      },
    },
    async (req) => {
      const now = deps.now();
      const overdue = await listCorrections(app.db, { user: user(req), overdue: true, now });
      const regs = await listRegistrations(app.db, { user: user(req), now });
      const units = new Map<
        string,
        { unitId: string; overdueCorrections: number; lateRegistrations: number; missedReleases: number }
      >();
      const unit = (id: string) => {
        let u = units.get(id);
        if (!u) {
          u = { unitId: id, overdueCorrections: 0, lateRegistrations: 0, missedReleases: 0 };
          units.set(id, u);
        }
        return u;
      };
      for (const c of overdue) unit(c.ownerUnitId).overdueCorrections++;
      for (const r of regs) {
        if (r.timeliness === 'late') unit(r.ownerUnitId).lateRegistrations++;
        if (r.reminder === 'overdue') unit(r.ownerUnitId).missedReleases++;
      }
      return {
        units: [...units.values()].sort((a, b) => a.unitId.localeCompare(b.unitId)),
        overdueCorrections: overdue,
      };
    },
  );

  app.post(
    '/api/kb/schedule/run',
    {
      config: { permission: 'kb.oversight', auditObject: 'kb_schedule' },
      schema: {
        response: { 200: ScheduleRunSchema },
        tags,
        summary: '立即执行定时发布与失效 Run scheduled publication and expiry now',
      },
    },
    async () => {
      const r = await runSchedule(app.db, deps.now());
      await deps.changed();
      return r;
    },
  );
}
