// The reusable helper for every API output that contains a caller's personal data (phone, name,
// address, ID number): masks by role and writes the audit entry. Tickets and others use it:
//   const out = await presentPersonalData(req, { objectType: 'ticket', objectId: t.id, record: t,
//                                                fields: { callerPhone: 'phone', callerName: 'name' } });
//   const plain = await unmaskPersonalData(req, { ...same, reason: body.reason });
import type { FastifyRequest } from 'fastify';
import { can } from '../auth/policy.ts';
import { AppError } from '../errors.ts';
import { maskValue, type PersonalKind } from './mask.ts';

export type PersonalFields<T> = Partial<Record<keyof T & string, PersonalKind>>;

export interface PersonalDataRead<T> {
  objectType: string;
  objectId: string;
  record: T;
  fields: PersonalFields<T>;
}

function applyMask<T extends Record<string, unknown>>(record: T, fields: PersonalFields<T>): T {
  const out: Record<string, unknown> = { ...record };
  for (const [k, kind] of Object.entries(fields) as [string, PersonalKind][]) {
    const v = out[k];
    if (typeof v === 'string') out[k] = maskValue(kind, v);
  }
  return out as T;
}

/** Masked unless the caller's roles hold `pii.read_plain`; the read is audited either way. */
export async function presentPersonalData<T extends Record<string, unknown>>(
  req: FastifyRequest,
  r: PersonalDataRead<T>,
): Promise<T> {
  const plain = can(req.session?.user.roles ?? [], 'pii.read_plain');
  await req.audit('pii.read', r.objectType, r.objectId, { fields: Object.keys(r.fields), masked: !plain });
  return plain ? r.record : applyMask(r.record, r.fields);
}

/** Many records of one type: one audit entry listing the ids. */
export async function presentPersonalDataList<T extends Record<string, unknown>>(
  req: FastifyRequest,
  objectType: string,
  items: { id: string; record: T }[],
  fields: PersonalFields<T>,
): Promise<T[]> {
  if (items.length === 0) return [];
  const plain = can(req.session?.user.roles ?? [], 'pii.read_plain');
  await req.audit('pii.read', objectType, null, {
    ids: items.map((i) => i.id),
    fields: Object.keys(fields),
    masked: !plain,
  });
  return items.map((i) => (plain ? i.record : applyMask(i.record, fields)));
}

/** Explicit unmasking with a reason: permission `pii.unmask`, audited as `pii.unmask`. */
export async function unmaskPersonalData<T extends Record<string, unknown>>(
  req: FastifyRequest,
  r: PersonalDataRead<T> & { reason: string },
): Promise<T> {
  if (!can(req.session?.user.roles ?? [], 'pii.unmask')) throw new AppError('FORBIDDEN');
  if (r.reason.trim().length < 2) throw new AppError('UNMASK_REASON_REQUIRED');
  await req.audit('pii.unmask', r.objectType, r.objectId, {
    fields: Object.keys(r.fields),
    reason: r.reason,
  });
  return r.record;
}

export { applyMask as maskRecord };
