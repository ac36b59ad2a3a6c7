// Art. 14: what a reply (答复) must contain, by ticket type ("who handles, replies and is responsible").
import { TicketRuleError } from './errors.ts';
import type { TicketType } from './fields.ts';

export interface ReplyContent {
  /** Who handled it and answers for it. */
  handler: string;
  summary: string;
  policyBasis?: string;
  /** 求助/投诉/举报: how the requester was contacted. */
  contactMethod?: string;
  /** 求助/投诉/举报: investigation and action taken. */
  investigation?: string;
  requesterSatisfied?: boolean;
  /** 意见建议: whether it was adopted. */
  adopted?: boolean;
  attachmentIds: string[];
}

type Field = Exclude<keyof ReplyContent, 'attachmentIds' | 'handler' | 'summary'>;
export const REQUIRED_REPLY_FIELDS: Record<TicketType, readonly Field[]> = {
  咨询: ['policyBasis'],
  求助: ['contactMethod', 'investigation', 'policyBasis', 'requesterSatisfied'],
  投诉: ['contactMethod', 'investigation', 'policyBasis', 'requesterSatisfied'],
  举报: ['contactMethod', 'investigation', 'policyBasis', 'requesterSatisfied'],
  意见建议: ['adopted'],
  表扬: [],
};

const BOOLEAN_FIELDS: readonly Field[] = ['requesterSatisfied', 'adopted'];

export function parseReply(type: TicketType, input: unknown): ReplyContent {
  const i = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const missing: string[] = [];
  const text = (k: string): string | undefined => {
    const v = i[k];
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const handler = text('handler');
  const summary = text('summary');
  if (!handler) missing.push('handler');
  if (!summary) missing.push('summary');
  for (const f of REQUIRED_REPLY_FIELDS[type]) {
    const ok = BOOLEAN_FIELDS.includes(f) ? typeof i[f] === 'boolean' : Boolean(text(f));
    if (!ok) missing.push(f);
  }
  if (missing.length)
    throw new TicketRuleError(
      'TICKET_INVALID_PAYLOAD',
      `Art. 14: a ${type} reply needs ${missing.join(', ')}`,
      {
        rule: 'Art. 14',
        missing,
      },
    );
  const ids = Array.isArray(i.attachmentIds)
    ? i.attachmentIds.filter((x): x is string => typeof x === 'string')
    : [];
  return {
    handler: handler as string,
    summary: summary as string,
    policyBasis: text('policyBasis'),
    contactMethod: text('contactMethod'),
    investigation: text('investigation'),
    requesterSatisfied: typeof i.requesterSatisfied === 'boolean' ? i.requesterSatisfied : undefined,
    adopted: typeof i.adopted === 'boolean' ? i.adopted : undefined,
    attachmentIds: ids,
  };
}
