// THE policy module: every permission decision of server/ is a lookup in this table.
// A feature adds its table with ONE line in TABLES (keys must not collide; checked at load).

import { CALLBACK_PERMISSIONS } from '../callbacks/callbacks-permissions.ts';
import { CALL_DATA_PERMISSIONS } from '../calls/calls-permissions.ts';
import { KB_PERMISSIONS } from '../kb/permissions.ts';
import { RECORDING_PERMISSIONS } from '../recordings/recordings-permissions.ts';
import { TICKET_PERMISSIONS } from '../tickets/permissions.ts';
import { CORE_PERMISSIONS } from './core-permissions.ts';
import { AUTHENTICATED, type PermissionTable, PUBLIC } from './policy-types.ts';
import { ROLES, type Role } from './roles.ts';

const TABLES = [
  CORE_PERMISSIONS,
  KB_PERMISSIONS,
  TICKET_PERMISSIONS,
  CALL_DATA_PERMISSIONS,
  CALLBACK_PERMISSIONS,
  RECORDING_PERMISSIONS,
] as const;

type Keys<T> = T extends readonly (infer U)[]
  ? U extends PermissionTable
    ? keyof U & string
    : never
  : never;
export type Permission = Keys<typeof TABLES>;
export type RoutePermission = Permission | typeof PUBLIC | typeof AUTHENTICATED;

function merge(tables: readonly PermissionTable[]): ReadonlyMap<string, ReadonlySet<Role>> {
  const out = new Map<string, ReadonlySet<Role>>();
  for (const t of tables) {
    for (const [perm, roles] of Object.entries(t)) {
      if (out.has(perm)) throw new Error(`permission "${perm}" declared twice in the policy tables`);
      if (perm === PUBLIC || perm === AUTHENTICATED) throw new Error(`"${perm}" is reserved`);
      out.set(perm, new Set(roles));
    }
  }
  return out;
}

const POLICY = merge(TABLES);

export function isPermission(p: string): p is Permission {
  return POLICY.has(p);
}

export function allPermissions(): Permission[] {
  return [...POLICY.keys()] as Permission[];
}

/** Does any of `roles` hold `permission`? Unknown permissions are denied. */
export function can(roles: readonly Role[], permission: RoutePermission): boolean {
  if (permission === PUBLIC) return true;
  if (permission === AUTHENTICATED) return roles.length > 0;
  const allowed = POLICY.get(permission);
  return !!allowed && roles.some((r) => allowed.has(r));
}

/** The full role × permission matrix (for docs and the admin UI). */
export function policyMatrix(): Record<Role, Permission[]> {
  return Object.fromEntries(ROLES.map((r) => [r, allPermissions().filter((p) => can([r], p))])) as Record<
    Role,
    Permission[]
  >;
}

export { AUTHENTICATED, PUBLIC };
