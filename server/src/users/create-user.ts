import type { Kysely } from 'kysely';
import { hashPassword, isStrongPassword } from '../auth/passwords.ts';
import type { CreateUserRequest } from '../contracts/users.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { findUserByUsername, type UserRow } from './user-repo.ts';

export async function createUser(
  db: Kysely<Database>,
  input: CreateUserRequest,
  opts: { mustChangePassword?: boolean } = {},
): Promise<UserRow> {
  if (!isStrongPassword(input.password)) throw new AppError('PASSWORD_WEAK');
  const org = await db
    .selectFrom('org_unit')
    .select('id')
    .where('id', '=', input.orgUnitId)
    .executeTakeFirst();
  if (!org) throw new AppError('ORG_UNIT_UNKNOWN');
  if (await findUserByUsername(db, input.username)) throw new AppError('USERNAME_TAKEN');
  const password_hash = await hashPassword(input.password);
  const row = await db
    .insertInto('app_user')
    .values({
      username: input.username,
      display_name: input.displayName,
      password_hash,
      roles: [...input.roles],
      org_unit_id: input.orgUnitId,
      must_change_password: opts.mustChangePassword ?? true,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('USERNAME_TAKEN');
  return row;
}
