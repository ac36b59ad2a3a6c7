// Permissions of the tickets feature (merged into auth/policy.ts TABLES). Which ticket a user may see
// and which lifecycle command a role may run is decided further by http/actor.ts and the domain table.
import type { PermissionTable } from '../auth/policy-types.ts';

export const TICKET_PERMISSIONS = {
  'tickets.create': ['agent', 'dispatcher', 'shift_lead'],
  'tickets.read': [
    'agent',
    'shift_lead',
    'dispatcher',
    'authority',
    'county_office',
    'unit_staff',
    'unit_leader',
    'auditor',
  ],
  'tickets.act': [
    'agent',
    'shift_lead',
    'dispatcher',
    'authority',
    'county_office',
    'unit_staff',
    'unit_leader',
  ],
  'tickets.merge': ['agent', 'dispatcher', 'shift_lead'],
  'tickets.callbacks': ['agent', 'dispatcher', 'shift_lead'],
  'tickets.kpi': ['shift_lead', 'dispatcher', 'authority', 'county_office', 'unit_leader', 'auditor'],
  'tickets.attach': ['agent', 'dispatcher', 'shift_lead', 'county_office', 'unit_staff', 'unit_leader'],
  'tickets.notifications': [
    'dispatcher',
    'shift_lead',
    'authority',
    'county_office',
    'unit_staff',
    'unit_leader',
  ],
  'tickets.admin': ['admin'],
} as const satisfies PermissionTable;
