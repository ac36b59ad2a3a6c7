// Permissions of the server core, as data: permission → roles that hold it.
import type { PermissionTable } from './policy-types.ts';

export const CORE_PERMISSIONS = {
  'users.read': ['admin', 'shift_lead'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'org.read': [
    'agent',
    'shift_lead',
    'dispatcher',
    'authority',
    'county_office',
    'unit_staff',
    'unit_leader',
    'kb_editor',
    'auditor',
    'admin',
  ],
  'audit.read': ['auditor', 'authority', 'admin'],
  /** See call history with personal data masked. */
  'calls.read': ['agent', 'shift_lead', 'dispatcher', 'authority', 'auditor', 'admin'],
  /** See every call in the history; without it (agents) only the calls one answered. */
  'calls.read_any': ['shift_lead', 'dispatcher', 'authority', 'auditor', 'admin'],
  /** Explicit, audited unmasking of a caller's personal data (with a reason). */
  'pii.unmask': ['agent', 'shift_lead', 'dispatcher', 'authority'],
  /** Personal data shown unmasked without an explicit request (none by default). */
  'pii.read_plain': [],
  'agent.use': ['agent'],
  'wallboard.view': ['shift_lead', 'authority', 'admin'],
  'metrics.read': ['admin', 'shift_lead'],
  /** See which years have official holiday data and import a year's arrangement (节假日安排). */
  'calendar.manage': ['admin'],
  /** See and replay the queue events the history writer set aside. */
  'history.dead_letters': ['admin'],
} as const satisfies PermissionTable;
