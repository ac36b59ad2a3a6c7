// Permissions of the callback (回访) dialing feature; merged into auth/policy.ts TABLES.
// The same roles that work the 回访 list (tickets.callbacks) may dial it.
import type { PermissionTable } from '../auth/policy-types.ts';

export const CALLBACK_PERMISSIONS = {
  'callbacks.dial': ['agent', 'dispatcher', 'shift_lead'],
} as const satisfies PermissionTable;
