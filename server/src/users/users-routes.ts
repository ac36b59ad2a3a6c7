// GET/POST /api/users, PATCH /api/users/:id (admin creates and manages users).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { clearLockout } from '../auth/login.ts';
import { hashPassword, isStrongPassword } from '../auth/passwords.ts';
import { CreateUserSchema, UpdateUserSchema, UserSchema } from '../contracts/users.ts';
import { AppError } from '../errors.ts';
import { createUser } from './create-user.ts';
import { findUserById, toUserDto } from './user-repo.ts';

const tags = ['users'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export async function usersRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/users',
    {
      config: { permission: 'users.read' },
      schema: {
        tags,
        summary: '用户列表 List users',
        querystring: Type.Object(
          {
            orgUnitId: Type.Optional(Type.String({ maxLength: 64 })),
            role: Type.Optional(Type.String({ maxLength: 32 })),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
            offset: Type.Integer({ minimum: 0, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(UserSchema) }) },
      },
    },
    async (req) => {
      let q = app.db.selectFrom('app_user').selectAll();
      if (req.query.orgUnitId) q = q.where('org_unit_id', '=', req.query.orgUnitId);
      if (req.query.role) q = q.where((eb) => eb(eb.val(req.query.role), '=', eb.fn.any('roles')));
      const rows = await q.orderBy('username').limit(req.query.limit).offset(req.query.offset).execute();
      return { items: rows.map(toUserDto) };
    },
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'users.create', auditObject: 'user' },
      schema: {
        tags,
        summary: '新建用户 Create a user',
        body: CreateUserSchema,
        response: { 201: UserSchema },
      },
    },
    async (req, reply) => {
      const row = await createUser(app.db, req.body);
      reply.code(201);
      return toUserDto(row);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'users.update', auditObject: 'user' },
      schema: {
        tags,
        summary: '修改用户 Update a user',
        params: IdParams,
        body: UpdateUserSchema,
        response: { 200: UserSchema },
      },
    },
    async (req) => {
      const cur = await findUserById(app.db, req.params.id);
      if (!cur) throw new AppError('NOT_FOUND');
      const b = req.body;
      if (b.orgUnitId) {
        const org = await app.db
          .selectFrom('org_unit')
          .select('id')
          .where('id', '=', b.orgUnitId)
          .executeTakeFirst();
        if (!org) throw new AppError('ORG_UNIT_UNKNOWN');
      }
      if (b.password !== undefined && !isStrongPassword(b.password)) throw new AppError('PASSWORD_WEAK');
      const row = await app.db
        .updateTable('app_user')
        .set({
          ...(b.displayName !== undefined ? { display_name: b.displayName } : {}),
          ...(b.roles !== undefined ? { roles: [...b.roles] } : {}),
          ...(b.orgUnitId !== undefined ? { org_unit_id: b.orgUnitId } : {}),
          ...(b.disabled !== undefined ? { disabled: b.disabled } : {}),
          ...(b.password !== undefined
            ? { password_hash: await hashPassword(b.password), must_change_password: true }
            : {}),
          updated_at: new Date(),
        })
        .where('id', '=', cur.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      // Roles, unit, password or status changed: the user's open sessions carry stale rights.
      if (b.roles || b.orgUnitId || b.disabled || b.password) await app.sessions.destroyAllForUser(cur.id);
      if (b.unlock) await clearLockout(app, cur.username);
      return toUserDto(row);
    },
  );
}
