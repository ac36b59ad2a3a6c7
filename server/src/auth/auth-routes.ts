// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, POST /api/auth/password,
// GET /api/auth/sip-credentials.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  ChangePasswordSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  MeSchema,
  OkSchema,
  SipCredentialsSchema,
} from '../contracts/auth.ts';
import { AppError } from '../errors.ts';
import { issueSipCredentials } from '../sip/sip-credentials.ts';
import { findUserById } from '../users/user-repo.ts';
import { SESSION_COOKIE } from './auth-plugin.ts';
import { authenticate, sessionUserOf } from './login.ts';
import { hashPassword, isStrongPassword, verifyPassword } from './passwords.ts';
import { allPermissions, can } from './policy.ts';
import { requireSession } from './require-session.ts';
import { csrfTokenFor, type Session } from './session-store.ts';

const tags = ['auth'];

function meOf(s: Session, mustChangePassword: boolean) {
  return {
    ...s.user,
    permissions: allPermissions().filter((p) => can(s.user.roles, p)),
    csrfToken: csrfTokenFor(s),
    mustChangePassword,
  };
}

function sipFor(app: FastifyInstance, s: Session) {
  const c = issueSipCredentials(
    app.config.sipSharedSecret,
    s.user.id,
    Date.now() / 1000,
    app.config.sipCredentialTtlSeconds,
  );
  return { ...c, domain: app.config.sipDomain, wsUrl: app.config.sipWsUrl };
}

export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const cookieOpts = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.config.cookieSecure,
    maxAge: app.config.sessionTtlSeconds,
  };

  app.post(
    '/api/auth/login',
    {
      config: {
        permission: 'public',
        rateLimit: { max: app.config.loginRateMax, timeWindow: app.config.loginRateWindowSeconds * 1000 },
      },
      schema: {
        tags,
        summary: '登录 Sign in (sets the httpOnly session cookie)',
        body: LoginRequestSchema,
        response: { 200: LoginResponseSchema },
      },
    },
    async (req, reply) => {
      let user: Awaited<ReturnType<typeof authenticate>>;
      try {
        user = await authenticate(app, req.body.username, req.body.password);
      } catch (e) {
        await req.audit('auth.login_failed', 'user', null, {
          username: req.body.username,
          code: e instanceof AppError ? e.code : 'INTERNAL',
        });
        throw e;
      }
      const s = await app.sessions.create(sessionUserOf(user));
      req.session = s;
      reply.setCookie(SESSION_COOKIE, s.sid, cookieOpts);
      return {
        user: meOf(s, user.must_change_password),
        ...(can(s.user.roles, 'agent.use') ? { sip: sipFor(app, s) } : {}),
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: '退出 Sign out', response: { 200: OkSchema } },
    },
    async (req, reply) => {
      const s = requireSession(req);
      await app.sessions.destroy(s);
      await app.realtime?.disconnectSession(s.sid);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: '当前用户 Current user (+ CSRF token)', response: { 200: MeSchema } },
    },
    async (req) => {
      const s = requireSession(req);
      const row = await findUserById(app.db, s.user.id);
      return meOf(s, row?.must_change_password ?? false);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { permission: 'authenticated', auditObject: 'user' },
      schema: {
        tags,
        summary: '修改密码 Change own password',
        body: ChangePasswordSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      const s = requireSession(req);
      const row = await findUserById(app.db, s.user.id);
      if (!row || !(await verifyPassword(row.password_hash, req.body.currentPassword)))
        throw new AppError('PASSWORD_WRONG');
      if (!isStrongPassword(req.body.newPassword)) throw new AppError('PASSWORD_WEAK');
      await app.db
        .updateTable('app_user')
        .set({
          password_hash: await hashPassword(req.body.newPassword),
          must_change_password: false,
          updated_at: new Date(),
        })
        .where('id', '=', row.id)
        .execute();
      await app.sessions.destroyAllForUser(row.id, s.sid);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/sip-credentials',
    {
      config: { permission: 'agent.use' },
      schema: {
        tags,
        summary: 'SIP 注册凭据 Fresh short-lived SIP credentials',
        response: { 200: SipCredentialsSchema },
      },
    },
    async (req) => sipFor(app, requireSession(req)),
  );
}
