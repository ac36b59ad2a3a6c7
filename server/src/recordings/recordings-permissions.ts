// Permissions of the call recordings feature (录音); merged into auth/policy.ts TABLES.
// A recording is the caller's voice with whatever personal data they said: it cannot be masked, so
// it goes only to roles whose regulatory job needs it (Art. 20–22: every access controlled and
// traceable; never to the party complained about), and every playback is audited with its purpose.
//   shift_lead 值班长     — the center's supervisor on duty: 质检 quality inspection of agents' calls;
//   authority 热线主管单位 — 督办 supervision and assessment of the center, complaints about service;
//   auditor 社会监督评议团 — reviews service quality (read-only); the recording is that evidence;
//   agent 话务员          — only calls they answered (回访 preparation, completing the ticket).
// Not granted: admin (runs accounts and configuration, no call-review duty — least privilege),
// dispatcher / county office / handling units (they work from the ticket text; the regulation forbids
// passing requester information to the party complained about), kb_editor.
import type { PermissionTable } from '../auth/policy-types.ts';

export const RECORDING_PERMISSIONS = {
  /** Reach the recording routes at all; agents are further limited to calls they answered. */
  'recordings.play': ['agent', 'shift_lead', 'authority', 'auditor'],
  /** Play any call's recording (quality inspection, supervision). */
  'recordings.play_any': ['shift_lead', 'authority', 'auditor'],
} as const satisfies PermissionTable;
