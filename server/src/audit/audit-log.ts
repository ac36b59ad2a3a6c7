// Append-only audit log: record and search. There is no update or delete here (and the DB refuses them).
import type { Kysely } from 'kysely';
import type { AuditEntry, AuditQuery } from '../contracts/audit.ts';
import { fromJson } from '../db/json-column.ts';
import type { Database } from '../db/schema.ts';

export interface AuditRecord {
  actorId: string | null;
  actorUsername: string | null;
  actorRoles: readonly string[];
  action: string;
  objectType: string;
  objectId?: string | null | undefined;
  ip?: string | null | undefined;
  requestId?: string | null | undefined;
  detail?: Record<string, unknown> | undefined;
}

export async function recordAudit(db: Kysely<Database>, r: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: r.actorId,
      actor_username: r.actorUsername,
      actor_roles: [...r.actorRoles],
      action: r.action,
      object_type: r.objectType,
      object_id: r.objectId ?? null,
      ip: r.ip ?? null,
      request_id: r.requestId ?? null,
      detail: JSON.stringify(r.detail ?? {}),
    })
    .execute();
}

export async function searchAudit(db: Kysely<Database>, q: AuditQuery): Promise<AuditEntry[]> {
  let sel = db.selectFrom('audit_log').selectAll();
  if (q.actorId) sel = sel.where('actor_id', '=', q.actorId);
  if (q.actorUsername) sel = sel.where('actor_username', '=', q.actorUsername);
  if (q.action) sel = sel.where('action', '=', q.action);
  if (q.objectType) sel = sel.where('object_type', '=', q.objectType);
  if (q.objectId) sel = sel.where('object_id', '=', q.objectId);
  if (q.from) sel = sel.where('at', '>=', new Date(q.from));
  if (q.to) sel = sel.where('at', '<', new Date(q.to));
  if (q.beforeId) sel = sel.where('id', '<', q.beforeId);
  const rows = await sel
    .orderBy('id', 'desc')
    .limit(q.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorUsername: r.actor_username,
    actorRoles: r.actor_roles,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    ip: r.ip,
    requestId: r.request_id,
    detail: fromJson<Record<string, unknown>>(r.detail),
  }));
}
