// Use case: sign in with username + password, with lockout after repeated failures.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { findUserByUsername, type UserRow } from '../users/user-repo.ts';
import { isLocked } from './lockout.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { Role } from './roles.ts';

let dummyHash: Promise<string> | undefined;

function failKey(app: FastifyInstance, username: string) {
  return `${app.config.redisPrefix}login-fail:${username.toLowerCase()}`;
}

export async function clearLockout(app: FastifyInstance, username: string): Promise<void> {
  await app.redis.del(failKey(app, username));
}

export async function authenticate(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<UserRow> {
  const key = failKey(app, username);
  const [[, f], [, ttl]] = (await app.redis.multi().get(key).ttl(key).exec()) as [
    [null, string | null],
    [null, number],
  ];
  const state = { failures: Number(f ?? 0), ttlSeconds: ttl };
  if (isLocked(state, app.config.loginMaxFailures))
    throw new AppError('ACCOUNT_LOCKED', { retryAfterSeconds: state.ttlSeconds });
  const user = await findUserByUsername(app.db, username);
  // Verify against a dummy hash when the user does not exist, so timing does not reveal usernames.
  dummyHash ??= hashPassword('dummy-password-for-timing-1');
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), password);
  if (!user || !ok) {
    await app.redis.multi().incr(key).expire(key, app.config.loginLockSeconds, 'NX').exec();
    throw new AppError('LOGIN_FAILED');
  }
  await app.redis.del(key);
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
  return user;
}

export function sessionUserOf(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: u.roles as Role[],
    orgUnitId: u.org_unit_id,
  };
}
