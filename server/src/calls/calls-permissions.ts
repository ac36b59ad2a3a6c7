// Permissions of the call data feature (wrap-up dispositions, screen-pop caller history);
// merged into auth/policy.ts TABLES.
import type { PermissionTable } from '../auth/policy-types.ts';

export const CALL_DATA_PERMISSIONS = {
  'calls.disposition': ['agent'],
  'callers.history': ['agent', 'shift_lead'],
} as const satisfies PermissionTable;
