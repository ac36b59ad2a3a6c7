// Type-only API contract: audit log search (GET /api/audit).
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  actorRoles: string[];
  /** e.g. `POST /api/users`, `auth.login`, `pii.read`, `pii.unmask` */
  action: string;
  objectType: string;
  objectId: string | null;
  ip: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditQuery {
  actorId?: string;
  actorUsername?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
  beforeId?: string;
  limit?: number;
}
