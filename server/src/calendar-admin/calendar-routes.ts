// 节假日安排: GET /api/calendar/arrangements (which years have official data, warnings for years
// without), PUT /api/calendar/arrangements/:year { csv } (admin; audited). Every deadline uses the
// imported data at once in this process; other server processes reload it every minute.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../auth/require-session.ts';
import { BUILTIN_ARRANGEMENTS } from '../calendar/index.ts';
import { loadArrangements } from './arrangement-store.ts';
import { countDays, importArrangement, refreshArrangements } from './import-arrangement.ts';

const YearSchema = Type.Object({
  year: Type.Integer(),
  /** 'chinese-days' (built in) or 'import YYYY-MM-DD'. */
  source: Type.String(),
  offDays: Type.Integer(),
  workDays: Type.Integer(),
  importedBy: Type.Union([Type.String(), Type.Null()]),
  importedAt: Type.Union([Type.String(), Type.Null()]),
});
const WarningSchema = Type.Object({
  code: Type.String(),
  year: Type.Integer(),
  firstDate: Type.String(),
  message: Type.String(),
  messageZh: Type.String(),
});

export async function calendarRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['calendar'];
  const timer = setInterval(() => {
    refreshArrangements(app.db, app.calendar).catch((err) =>
      app.log.warn({ err }, 'calendar: imported holiday arrangements not reloaded'),
    );
  }, 60_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));

  app.get(
    '/api/calendar/arrangements',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags,
        summary: '节假日安排 Years with official holiday data, and warnings for the coming months',
        response: {
          200: Type.Object({ years: Type.Array(YearSchema), warnings: Type.Array(WarningSchema) }),
        },
      },
    },
    async () => {
      const stored = await loadArrangements(app.db);
      const importedYears = new Set(stored.map((a) => a.year));
      const builtin = BUILTIN_ARRANGEMENTS.filter((a) => !importedYears.has(a.year) && a.year >= 2024);
      const years = [...builtin.map((a) => ({ ...a, importedBy: null, importedAt: null })), ...stored]
        .sort((x, y) => x.year - y.year)
        .map((a) => ({
          year: a.year,
          source: a.source,
          ...countDays(a),
          importedBy: a.importedBy,
          importedAt: a.importedAt,
        }));
      return { years, warnings: [...app.calendar.calendar.warnings(new Date(), 90)] };
    },
  );

  app.put(
    '/api/calendar/arrangements/:year',
    {
      config: { permission: 'calendar.manage', auditObject: 'calendar' },
      schema: {
        tags,
        summary:
          '导入节假日安排 Import one year of the State Council arrangement (date,off|work,name per line)',
        params: Type.Object({ year: Type.Integer({ minimum: 2004, maximum: 2045 }) }),
        body: Type.Object(
          { csv: Type.String({ minLength: 10, maxLength: 20_000 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            source: Type.String(),
            offDays: Type.Integer(),
            workDays: Type.Integer(),
          }),
        },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const r = await importArrangement(app.db, app.calendar, {
        year: req.params.year,
        csv: req.body.csv,
        userId: user.id,
        now: new Date(),
      });
      await req.audit('calendar.import', 'calendar', String(r.year), {
        offDays: r.offDays,
        workDays: r.workDays,
      });
      return r;
    },
  );
}
