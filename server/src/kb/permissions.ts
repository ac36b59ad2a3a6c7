// Permissions of the knowledge base, as data: permission → roles that hold it (policy module table).
// Ownership ("who provides it answers for it") is checked on top by the use cases.
import type { PermissionTable } from '../auth/policy-types.ts';

const EVERY_STAFF_ROLE = [
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
] as const;

export const KB_PERMISSIONS = {
  /** search and read published articles (agents, grassroots staff, supervisors) */
  'kb.read': EVERY_STAFF_ROLE,
  /** list working copies (drafts, reviews) — own unit, or all for editors and the authority */
  'kb.manage': ['kb_editor', 'unit_staff', 'unit_leader', 'county_office', 'authority', 'admin'],
  /** create and edit drafts of own unit's articles (any unit for kb_editor) */
  'kb.write': ['kb_editor', 'unit_staff', 'unit_leader', 'county_office'],
  /** take workflow steps; the transition table decides which step for whom */
  'kb.workflow': ['kb_editor', 'unit_staff', 'unit_leader', 'county_office', 'authority'],
  /** report an error in an article (纠错) */
  'kb.correction.report': ['agent', 'shift_lead', 'dispatcher', 'county_office', 'kb_editor'],
  /** see corrections (own unit; all for editors and the authority) */
  'kb.correction.read': ['kb_editor', 'unit_staff', 'unit_leader', 'county_office', 'authority', 'admin'],
  /** answer a correction of own unit's article */
  'kb.correction.handle': ['kb_editor', 'unit_staff', 'unit_leader', 'county_office'],
  /** overdue corrections and late policy registrations per unit (assessment item) */
  'kb.oversight': ['authority', 'kb_editor', 'admin'],
  /** pre-register a new policy 3–10 working days before release */
  'kb.policy.register': ['kb_editor', 'unit_staff', 'unit_leader', 'county_office'],
  'kb.policy.read': ['kb_editor', 'unit_staff', 'unit_leader', 'county_office', 'authority', 'admin'],
  'kb.import': ['kb_editor', 'admin'],
  'kb.synonyms.edit': ['kb_editor', 'admin'],
} as const satisfies PermissionTable;
