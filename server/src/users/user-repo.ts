// SQL for users (thin adapter).
import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../auth/roles.ts';
import type { User } from '../contracts/users.ts';
import type { Database, UserTable } from '../db/schema.ts';

export type UserRow = Selectable<UserTable>;

export function toUserDto(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles: r.roles as Role[],
    orgUnitId: r.org_unit_id,
    disabled: r.disabled,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export function findUserByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
