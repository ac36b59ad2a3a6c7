// Who may hear which recording: `recordings.play_any` roles every call's; an agent (route permission
// `recordings.play` only) the calls they answered — the gateway's record in the metadata (last agent)
// or the server's call history (the agent of the call or of one of its transfers, "<callId>.t<n>").
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { can } from '../auth/policy.ts';
import { requireUser } from '../auth/require-session.ts';
import { RECORDING_CALL_ID_PATTERN } from '../contracts/recordings.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { GatewayRecordingMeta } from './find-recording.ts';

const ID_RE = new RegExp(RECORDING_CALL_ID_PATTERN);
const MAX_TRANSFERS = 20;

/** The call id a recording is filed under: a transfer's queue id "<id>.t<n>" names call <id>. */
export function recordingCallId(id: string): string {
  if (!ID_RE.test(id)) throw new AppError('VALIDATION_FAILED', { field: 'callId' });
  return id.replace(/\.t\d+$/, '');
}

export interface CallHistoryRows {
  arrivedAt: Date | undefined;
  agentIds: string[];
}

/** The server's history rows of the call and its transfers (primary-key look-ups only). */
export async function loadCallHistory(db: Kysely<Database>, callId: string): Promise<CallHistoryRows> {
  const ids = [callId, ...Array.from({ length: MAX_TRANSFERS }, (_, i) => `${callId}.t${i + 1}`)];
  const rows = await db
    .selectFrom('call_record')
    .select(['call_id', 'agent_id', 'arrived_at'])
    .where('call_id', 'in', ids)
    .execute();
  const base = rows.find((r) => r.call_id === callId);
  return {
    arrivedAt: base ? new Date(base.arrived_at) : undefined,
    agentIds: rows.flatMap((r) => (r.agent_id ? [r.agent_id] : [])),
  };
}

/** RECORDING_NOT_YOURS (audited as `recording.denied`) unless the user may hear this call. */
export async function assertMayPlay(
  req: FastifyRequest,
  meta: GatewayRecordingMeta,
  history: CallHistoryRows,
): Promise<'any' | 'own'> {
  const user = requireUser(req);
  if (can(user.roles, 'recordings.play_any')) return 'any';
  if (meta.call.agentId === user.id || history.agentIds.includes(user.id)) return 'own';
  await req.audit('recording.denied', 'call', meta.callId, { reason: 'not-own-call' });
  throw new AppError('RECORDING_NOT_YOURS', { callId: meta.callId });
}
