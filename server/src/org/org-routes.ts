import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { OrgUnitSchema } from '../contracts/users.ts';

export async function orgRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
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
      const rows = await app.db.selectFrom('org_unit').selectAll().orderBy('sort').orderBy('id').execute();
      return { items: rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind })) };
    },
  );
}
