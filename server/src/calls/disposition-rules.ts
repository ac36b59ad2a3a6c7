// Pure: which fields a wrap-up disposition needs (the regulation's 不予受理 reasons are Art. 11's 8).
export const DISPOSITIONS = [
  'immediate',
  'ticket-created',
  'not-accepted',
  'emergency-transfer',
  'nuisance',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export interface DispositionInput {
  disposition: Disposition;
  ticketNo?: string;
  notAcceptedReason?: number;
  emergencyLine?: string;
  kbArticleId?: string;
  note?: string;
}

export interface NormalisedDisposition {
  disposition: Disposition;
  ticketNo: string | null;
  notAcceptedReason: number | null;
  emergencyLine: string | null;
  kbArticleId: string | null;
  note: string;
}

/** Returns the stored form, or the name of the field that is missing / does not belong. */
export function normaliseDisposition(
  i: DispositionInput,
): { ok: true; value: NormalisedDisposition } | { ok: false; field: string } {
  const d = i.disposition;
  const ticketNo = i.ticketNo?.trim() || null;
  const line = i.emergencyLine?.trim() || null;
  if (d === 'ticket-created' && !ticketNo) return { ok: false, field: 'ticketNo' };
  if (d !== 'ticket-created' && ticketNo) return { ok: false, field: 'ticketNo' };
  const reason = i.notAcceptedReason ?? null;
  if (d === 'not-accepted' && (reason === null || !Number.isInteger(reason) || reason < 1 || reason > 8))
    return { ok: false, field: 'notAcceptedReason' };
  if (d !== 'not-accepted' && reason !== null) return { ok: false, field: 'notAcceptedReason' };
  if (d === 'emergency-transfer' && !line) return { ok: false, field: 'emergencyLine' };
  if (d !== 'emergency-transfer' && line) return { ok: false, field: 'emergencyLine' };
  if (d !== 'immediate' && i.kbArticleId) return { ok: false, field: 'kbArticleId' };
  return {
    ok: true,
    value: {
      disposition: d,
      ticketNo,
      notAcceptedReason: reason,
      emergencyLine: line,
      kbArticleId: i.kbArticleId ?? null,
      note: (i.note ?? '').trim(),
    },
  };
}
