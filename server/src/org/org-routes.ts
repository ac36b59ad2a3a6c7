import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { type OrgUnit, OrgUnitSchema } from '../contracts/users.ts';

/** The org tree changes only by migration/seed: read it at most once per TTL per process. */
const TTL_MS = 60_000;

export async function orgRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  let cache: { at: number; items: OrgUnit[] } | null = null;
  app.get(
    '/api/org-units',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['org'],
        summary: '组织机构 Organisation tree (flat, with parentId)',
        response: { 200: Type.Object({ items: Type.Array(OrgUnitSchema) }) },
      },
    },
    async () => {
      if (!cache || Date.now() - cache.at > TTL_MS) {
        const rows = await app.db.selectFrom('org_unit').selectAll().orderBy('sort').orderBy('id').execute();
        cache = {
          at: Date.now(),
          items: rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind })),
        };
      }
      return { items: cache.items };
    },
  );
}
