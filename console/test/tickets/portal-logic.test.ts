import { describe, expect, it } from 'vitest';
import type { TicketEventView, TicketSummary, TicketView } from '../../../server/src/contracts/tickets.ts';
import { deadlineState, nextDue, remaining, sortByDeadline } from '../../src/tickets/deadline.ts';
import { buildBody, commandSpec, relevantCommands } from '../../src/tickets/portal/command-forms.ts';
import { tabsFor } from '../../src/tickets/portal/PortalScreen.tsx';
import { shanghaiTime, timeline } from '../../src/tickets/portal/timeline.ts';

const REQ = {
  咨询: ['policyBasis'],
  投诉: ['contactMethod', 'investigation', 'policyBasis', 'requesterSatisfied'],
  意见建议: ['adopted'],
};
const ticket = (type: string) => ({ intake: { type } }) as unknown as TicketView;

const summary = (p: Partial<TicketSummary>): TicketSummary =>
  ({
    id: p.no ?? 'x',
    no: '1',
    phase: 'handling',
    createdAt: '2026-03-10T01:00:00Z',
    dispatchDueAt: null,
    completionDueAt: null,
    mySignDueAt: null,
    ...p,
  }) as TicketSummary;

describe('unit portal logic', () => {
  it('deadline colours (Art. 13): running, warning after 75% of the time, breached when past due', () => {
    const start = '2026-03-10T01:00:00Z';
    const due = '2026-03-10T05:00:00Z'; // 4 h
    expect(deadlineState(due, start, Date.parse('2026-03-10T03:00:00Z'))).toBe('running');
    expect(deadlineState(due, start, Date.parse('2026-03-10T04:00:00Z'))).toBe('warning');
    expect(deadlineState(due, start, Date.parse('2026-03-10T05:00:00Z'))).toBe('breached');
    expect(deadlineState(null, start, 0)).toBe('none');
    expect(remaining(due, Date.parse('2026-03-09T03:58:00Z'))).toEqual({
      overdue: false,
      days: 1,
      hours: 1,
      minutes: 2,
    });
    expect(remaining(due, Date.parse('2026-03-10T06:30:00Z')).overdue).toBe(true);
  });

  it('inbox order: a unit’s own sign-for deadline first, then completion; none last', () => {
    const a = summary({ no: 'A', completionDueAt: '2026-03-15T00:00:00Z' });
    const b = summary({
      no: 'B',
      completionDueAt: '2026-03-16T00:00:00Z',
      mySignDueAt: '2026-03-10T04:00:00Z',
    });
    const c = summary({ no: 'C' });
    const d = summary({ no: 'D', phase: 'registered', dispatchDueAt: '2026-03-12T00:00:00Z' });
    expect(sortByDeadline([c, a, d, b]).map((x) => x.no)).toEqual(['B', 'D', 'A', 'C']);
    expect(nextDue(b).kind).toBe('sign');
  });

  it('Art. 14: the reply form requires what the ticket type requires', () => {
    const complaint = commandSpec('replied', ticket('投诉'), REQ);
    expect(complaint.fields.filter((f) => f.required).map((f) => f.name)).toEqual([
      'handler',
      'summary',
      'contactMethod',
      'investigation',
      'policyBasis',
      'requesterSatisfied',
    ]);
    const suggestion = commandSpec('replied', ticket('意见建议'), REQ);
    expect(suggestion.fields.filter((f) => f.required).map((f) => f.name)).toEqual([
      'handler',
      'summary',
      'adopted',
    ]);
    expect(suggestion.fields.find((f) => f.name === 'policyBasis')?.required).toBe(false);
    const r = buildBody('replied', complaint, {
      handler: '李四',
      summary: ' 已修复 ',
      requesterSatisfied: false,
    });
    expect(r).toEqual({ ok: false, missing: ['contactMethod', 'investigation', 'policyBasis'] });
    const ok = buildBody('replied', suggestion, { handler: '李四', summary: '采纳', adopted: true });
    expect(ok).toEqual({ ok: true, body: { handler: '李四', summary: '采纳', adopted: true } });
  });

  it('Art. 12 (2): 转办 to one unit, 主办+协办, or the county office; lead and co-units distinct', () => {
    const spec = commandSpec('dispatched', ticket('投诉'));
    expect(buildBody('dispatched', spec, { mode: 'single', unitId: 'dept-a' })).toEqual({
      ok: true,
      body: { mode: 'single', unitId: 'dept-a' },
    });
    expect(buildBody('dispatched', spec, { mode: 'multi', unitId: 'dept-a' })).toEqual({
      ok: false,
      missing: ['coUnitIds'],
    });
    expect(buildBody('dispatched', spec, { mode: 'multi', unitId: 'dept-a', coUnitIds: ['dept-a'] }).ok).toBe(
      false,
    );
    expect(buildBody('dispatched', spec, { mode: 'multi', unitId: 'a', coUnitIds: ['b', 'c'] })).toEqual({
      ok: true,
      body: { mode: 'multi', unitId: 'a', coUnitIds: ['b', 'c'] },
    });
    expect(
      buildBody('dispatched', spec, {
        mode: 'territorial',
        countyOfficeId: 'county-luding-office',
        unitId: 'x',
      }),
    ).toEqual({ ok: true, body: { mode: 'territorial', unitId: 'county-luding-office' } });
  });

  it('Art. 17 / Art. 13: 退件 needs reason, policy basis and a suggested unit; 延期 a whole number of days', () => {
    const ret = commandSpec('return_requested', ticket('投诉'));
    expect(buildBody('return_requested', ret, { reason: '不属于本单位职责' })).toEqual({
      ok: false,
      missing: ['policyBasis', 'suggestedUnitId'],
    });
    const ext = commandSpec('extension_requested', ticket('投诉'));
    expect(buildBody('extension_requested', ext, { days: '2.5', reason: '需现场勘查' })).toEqual({
      ok: false,
      missing: ['days'],
    });
    expect(buildBody('extension_requested', ext, { days: '3', reason: '需现场勘查' })).toEqual({
      ok: true,
      body: { days: 3, reason: '需现场勘查' },
    });
    const cb = commandSpec('callback_recorded', ticket('投诉'));
    expect(
      buildBody('callback_recorded', cb, { method: 'phone', service: '满意', result: '不满意' }),
    ).toEqual({
      ok: false,
      missing: ['dissatisfiedCause'],
    });
  });

  it("shows only commands that fit the user's own assignment (no 签收 once signed, 协办 input only for co-units)", () => {
    const base = {
      allowedCommands: [
        'signed_for',
        'forwarded',
        'input_submitted',
        'replied',
        'return_requested',
        'return_signed_off',
        'extension_requested',
        'requester_informed',
        'sla_warning',
      ],
      replyingUnitId: 'lead',
      extensions: [],
      callbacks: [],
      assignments: [
        { unitId: 'lead', role: 'lead', status: 'dispatched' },
        { unitId: 'co', role: 'co', status: 'signed' },
      ],
    } as unknown as TicketView;
    expect(relevantCommands(base, 'lead')).toEqual(['signed_for', 'return_requested']);
    expect(relevantCommands(base, 'co')).toEqual(['forwarded', 'input_submitted', 'return_requested']);
    const signed = {
      ...base,
      assignments: [{ unitId: 'lead', role: 'lead', status: 'signed' }],
    } as unknown as TicketView;
    expect(relevantCommands(signed, 'lead')).toEqual([
      'forwarded',
      'replied',
      'return_requested',
      'extension_requested',
    ]);
  });

  it('queues by role: units get their inbox, the center dispatch/批办/review/decision, agents callbacks', () => {
    expect(tabsFor(['unit_staff'])).toEqual(['inbox', 'all']);
    expect(tabsFor(['dispatcher'])).toEqual([
      'dispatch',
      'escalated',
      'handling',
      'review',
      'decision',
      'callbacks',
      'all',
    ]);
    expect(tabsFor(['agent'])).toEqual(['callbacks', 'all']);
    expect(tabsFor(['auditor'])).toEqual(['all']);
  });

  it('timeline lines from the event log, with Shanghai wall-clock times', () => {
    const ev = (
      seq: number,
      type: string,
      payload: Record<string, unknown>,
      role = 'center',
    ): TicketEventView => ({
      seq,
      type,
      actor: { id: 'u', role: role as 'center' },
      at: '2026-03-10T01:05:00Z',
      payload,
    });
    const names: Record<string, string> = { a: '州自来水公司', b: '州住建局' };
    const lines = timeline(
      [
        ev(1, 'created', { intake: { type: '投诉', content: '停水' } }, 'agent'),
        ev(2, 'dispatched', {
          assignments: [
            { unitId: 'a', role: 'lead' },
            { unitId: 'b', role: 'co' },
          ],
        }),
        ev(3, 'sent_back', { reason: '答复不完整' }),
        ev(4, 'callback_recorded', { service: '满意', result: '基本满意' }, 'agent'),
      ],
      (id) => names[id] ?? id,
      (r) => (r === 'lead' ? '主办' : '协办'),
    );
    expect(lines.map((l) => l.detail)).toEqual([
      '投诉 · 停水',
      '州自来水公司（主办）、州住建局（协办）',
      '答复不完整',
      '满意 / 基本满意',
    ]);
    expect(shanghaiTime('2026-03-10T01:05:00Z')).toBe('2026-03-10 09:05');
  });
});
