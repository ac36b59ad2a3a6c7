// Ticket (工单) fields — Art. 9, 11 (intake scope, what every ticket records), Art. 13 (priorities).
// Pure data + validation; no I/O.
import { TicketRuleError } from './errors.ts';

export const CHANNELS = [
  'phone',
  'web',
  'wechat',
  'app',
  'mailbox',
  'upper_platform',
  'chuanyu_linkage',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Upper platforms that hand tickets down (Art. 9 (2)). National/provincial ones are, in principle, not extendable. */
export const UPPER_PLATFORMS = [
  'national_gov_service',
  'gov_cn',
  'sichuan_gov_service',
  'chuanyu_12345',
] as const;
export type UpperPlatform = (typeof UPPER_PLATFORMS)[number];
export const NATIONAL_OR_PROVINCIAL: readonly UpperPlatform[] = [
  'national_gov_service',
  'gov_cn',
  'sichuan_gov_service',
];

export const TICKET_TYPES = ['咨询', '求助', '投诉', '举报', '意见建议', '表扬'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const PRIORITIES = ['normal', '特殊事项', '特殊紧急事项'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const RATINGS = ['满意', '基本满意', '不满意'] as const;
export type Rating = (typeof RATINGS)[number];

export interface Requester {
  name?: string;
  phone?: string;
  anonymous: boolean;
  /** A confidential tip-off: identity is never shown to handling units (Art. 22, 29). */
  confidential: boolean;
}

export interface Location {
  county: string;
  township?: string;
  address?: string;
}

export interface AttachmentMeta {
  id: string;
  name: string;
  mime: string;
  size: number;
}

export interface TicketIntake {
  channel: Channel;
  upperPlatform?: UpperPlatform;
  upperPlatformRef?: string;
  requester: Requester;
  content: string;
  occurredAt?: string;
  location: Location;
  type: TicketType;
  categoryId: string;
  priority: Priority;
  callIds: string[];
  recordingIds: string[];
  attachments: AttachmentMeta[];
}

function fail(field: string, why: string): never {
  throw new TicketRuleError('TICKET_INVALID_PAYLOAD', `${field}: ${why}`, { field });
}

function oneOf<T extends string>(list: readonly T[], v: unknown, field: string): T {
  if (typeof v !== 'string' || !(list as readonly string[]).includes(v))
    fail(field, `must be one of ${list.join(', ')}`);
  return v as T;
}

function str(v: unknown, field: string, required: boolean, max = 4000): string | undefined {
  if (v === undefined || v === null || v === '') {
    if (required) fail(field, 'is required');
    return undefined;
  }
  if (typeof v !== 'string') fail(field, 'must be a string');
  if (v.length > max) fail(field, `longer than ${max} characters`);
  return v.trim();
}

/** Validates untrusted input into a TicketIntake (throws TicketRuleError TICKET_INVALID_PAYLOAD). */
export function parseIntake(input: unknown, isKnownCategory: (id: string) => boolean): TicketIntake {
  if (!input || typeof input !== 'object') fail('ticket', 'must be an object');
  const i = input as Record<string, unknown>;
  const channel = oneOf(CHANNELS, i.channel, 'channel');
  const upperPlatform =
    i.upperPlatform === undefined ? undefined : oneOf(UPPER_PLATFORMS, i.upperPlatform, 'upperPlatform');
  if (
    (channel === 'upper_platform' || channel === 'chuanyu_linkage') &&
    !str(i.upperPlatformRef, 'upperPlatformRef', true)
  )
    fail('upperPlatformRef', 'is required for tickets handed down');
  const r = (i.requester ?? {}) as Record<string, unknown>;
  const anonymous = r.anonymous === true;
  const requester: Requester = {
    name: anonymous ? undefined : str(r.name, 'requester.name', false, 100),
    phone: str(r.phone, 'requester.phone', false, 32),
    anonymous,
    confidential: r.confidential === true,
  };
  if (requester.phone && !/^[0-9+\-\s]{3,32}$/.test(requester.phone))
    fail('requester.phone', 'not a phone number');
  const l = (i.location ?? {}) as Record<string, unknown>;
  const location: Location = {
    county: str(l.county, 'location.county', true, 50) as string,
    township: str(l.township, 'location.township', false, 50),
    address: str(l.address, 'location.address', false, 300),
  };
  const occurredAt = str(i.occurredAt, 'occurredAt', false, 40);
  if (occurredAt && Number.isNaN(Date.parse(occurredAt))) fail('occurredAt', 'not a date');
  const categoryId = str(i.categoryId, 'categoryId', true, 64) as string;
  if (!isKnownCategory(categoryId)) fail('categoryId', `unknown category "${categoryId}"`);
  const ids = (v: unknown, field: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(field, 'must be a list of ids');
    return v as string[];
  };
  const attachments = (Array.isArray(i.attachments) ? i.attachments : []) as AttachmentMeta[];
  return {
    channel,
    upperPlatform,
    upperPlatformRef: str(i.upperPlatformRef, 'upperPlatformRef', false, 100),
    requester,
    content: str(i.content, 'content', true, 4000) as string,
    occurredAt,
    location,
    type: oneOf(TICKET_TYPES, i.type, 'type'),
    categoryId,
    priority: i.priority === undefined ? 'normal' : oneOf(PRIORITIES, i.priority, 'priority'),
    callIds: ids(i.callIds, 'callIds'),
    recordingIds: ids(i.recordingIds, 'recordingIds'),
    attachments,
  };
}
