// Art. 13 (1) 延期: allowed / refused with a typed reason.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, formatShanghai, parseInstant } from '../../src/calendar/index.ts';
import { type ExtensionRequestInput, evaluateExtensionRequest } from '../../src/sla/index.ts';

const calendar = createWorkingCalendar();
const at = (s: string) => parseInstant(s);
const request: ExtensionRequestInput = {
  calendar,
  ticketType: '投诉',
  upperPlatform: null,
  currentDue: at('2026-03-13T18:00:00+08:00'),
  requestedAt: at('2026-03-11T10:00:00+08:00'),
  workingDays: 5,
  approvedCount: 0,
  reason: '需多部门现场核查',
};
const refused = (patch: Partial<ExtensionRequestInput>) => {
  const d = evaluateExtensionRequest({ ...request, ...patch });
  return d.allowed ? 'allowed' : d.reason;
};

describe('Art. 13 (1): extension requests', () => {
  it('Art. 13 (1): allowed — the due time moves by the approved working days', () => {
    const d = evaluateExtensionRequest(request);
    expect(d.allowed).toBe(true);
    if (!d.allowed) return;
    expect(formatShanghai(d.newDue)).toBe('2026-03-20T18:00:00+08:00');
    expect(formatShanghai(d.latestRequestAt)).toBe('2026-03-13T09:00:00+08:00'); // 7 office hours before due
    expect(d.provisional).toBe(false);
  });
  it('Art. 13 (1): must be requested at least 1 working day before the due time', () => {
    expect(refused({ requestedAt: at('2026-03-13T09:00:00+08:00') })).toBe('allowed');
    expect(refused({ requestedAt: at('2026-03-13T09:01:00+08:00') })).toBe('TOO_LATE');
    expect(refused({ requestedAt: at('2026-03-16T09:00:00+08:00') })).toBe('TOO_LATE'); // already overdue
    const d = evaluateExtensionRequest({ ...request, requestedAt: at('2026-03-13T10:00:00+08:00') });
    expect(d).toMatchObject({ allowed: false, article: 'Art. 13 (1)' });
    if (!d.allowed) expect(d.message.zh).toBe('应在时限到期前1个工作日申请延期');
  });
  it('Art. 13 (1): Civil Code policy — by the close of the preceding working day', () => {
    const civil = createWorkingCalendar({ dayPolicy: 'end-of-nth-working-day' });
    expect(refused({ calendar: civil, requestedAt: at('2026-03-12T18:00:00+08:00') })).toBe('allowed');
    expect(refused({ calendar: civil, requestedAt: at('2026-03-12T18:01:00+08:00') })).toBe('TOO_LATE');
  });
  it('Art. 13 (1): each extension at most 5 working days', () => {
    expect(refused({ workingDays: 6 })).toBe('TOO_LONG');
  });
  it('Art. 13 (1): at most 2 extensions', () => {
    expect(refused({ approvedCount: 1 })).toBe('allowed');
    expect(refused({ approvedCount: 2 })).toBe('TOO_MANY_EXTENSIONS');
  });
  it('Art. 13 (1): a law with its own time limit lifts the 5-day and 2-time caps', () => {
    expect(refused({ workingDays: 10, approvedCount: 2, legalBasis: '《信访工作条例》第三十二条' })).toBe(
      'allowed',
    );
  });
  it('Art. 13 (1): consultations are not extendable', () => {
    expect(refused({ ticketType: '咨询' })).toBe('CONSULTATION_NOT_EXTENDABLE');
  });
  it.each(['national_gov_service', 'gov_cn', 'sichuan_gov_service'])(
    'Art. 13 (1): tickets from the national/provincial platform %s are not extendable',
    (upperPlatform) => {
      expect(refused({ upperPlatform })).toBe('UPPER_PLATFORM_NOT_EXTENDABLE');
    },
  );
  it('Sichuan–Chongqing linkage tickets are not national/provincial platform tickets', () => {
    expect(refused({ upperPlatform: 'chuanyu_12345' })).toBe('allowed');
  });
  it('the request must give a reason and a whole number of working days', () => {
    expect(refused({ reason: '  ' })).toBe('REASON_MISSING');
    expect(refused({ workingDays: 0 })).toBe('INVALID_AMOUNT');
    expect(refused({ workingDays: 2.5 })).toBe('INVALID_AMOUNT');
  });
  it('a new due time in 2027 is provisional', () => {
    const d = evaluateExtensionRequest({
      ...request,
      currentDue: at('2026-12-30T18:00:00+08:00'),
      requestedAt: at('2026-12-28T10:00:00+08:00'),
    });
    expect(d).toMatchObject({ allowed: true, provisional: true });
  });
});
