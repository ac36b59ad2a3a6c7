import type { Role } from './roles.ts';

/** permission → roles allowed. Every feature declares one such table. */
export type PermissionTable = Readonly<Record<string, readonly Role[]>>;

/**
 * What a route declares in `config.permission`:
 * - `public`: no session needed (login, health, docs);
 * - `authenticated`: any signed-in user (own profile, logout, password change);
 * - otherwise a permission from the policy table.
 */
export const PUBLIC = 'public';
export const AUTHENTICATED = 'authenticated';
