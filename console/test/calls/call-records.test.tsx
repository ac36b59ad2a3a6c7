// 通话记录: Beijing-time days → the API's instants, filter validation, the table's times and lengths;
// the screen searches today on open, pages with the server's cursor (continuing the searched filter,
// not the edited form), asks a reason before 查看号码 and shows the server's refusal in its words.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallList, CallRecord, CallsApi } from '../../src/calls/api.ts';
import CallRecordsScreen from '../../src/calls/CallRecordsScreen.tsx';
import {
  beijingTime,
  dayStart,
  lengthText,
  todayFilter,
  toQuery,
  validateFilter,
} from '../../src/calls/call-records.ts';
import { beijingDay } from '../../src/domain/beijing-time.ts';
import { ConsoleError } from '../../src/errors.ts';
import { setLanguage } from '../../src/i18n/index.ts';

// 2026-11-20 00:30 in Beijing is still 2026-11-19 in UTC
const NOW = Date.parse('2026-11-19T16:30:00Z');

describe('call-record filters (pure)', () => {
  it('turns Beijing days into instants, the last day inclusive', () => {
    expect(beijingDay(NOW)).toBe('2026-11-20');
    expect(dayStart('2026-11-20')).toBe(Date.parse('2026-11-19T16:00:00Z'));
    expect(dayStart('2026-02-30')).toBeNull();
    expect(dayStart('20261120')).toBeNull();
    const q = new URLSearchParams(toQuery(todayFilter(NOW), { limit: 50 })!);
    expect(q.get('from')).toBe('2026-11-19T16:00:00.000Z');
    expect(q.get('to')).toBe('2026-11-20T16:00:00.000Z');
    expect(q.get('limit')).toBe('50');
    expect(q.has('outcome')).toBe(false);
  });

  it('sends only the filters that are set, numbers without spaces, and the cursor', () => {
    const f = {
      ...todayFilter(NOW),
      outcome: 'abandoned' as const,
      queue: ' 12345 ',
      number: '138 0000 0002',
      agent: ' 1001',
    };
    const q = new URLSearchParams(toQuery(f, { before: '2026-11-20T01:00:00.000Z|h3', limit: 10 })!);
    expect(q.get('outcome')).toBe('abandoned');
    expect(q.get('queue')).toBe('12345');
    expect(q.get('number')).toBe('13800000002');
    expect(q.get('before')).toBe('2026-11-20T01:00:00.000Z|h3');
    expect(q.get('agent')).toBe('1001');
  });

  it('refuses a bad number, a missing day and an end before the start', () => {
    const f = todayFilter(NOW);
    expect(validateFilter(f)).toEqual({});
    expect(validateFilter({ ...f, number: '138-0000' })).toEqual({ number: 'calls.err.number' });
    expect(validateFilter({ ...f, fromDay: '' })).toEqual({ fromDay: 'calls.err.day' });
    expect(validateFilter({ ...f, fromDay: '2026-11-21' })).toEqual({ toDay: 'calls.err.order' });
    expect(toQuery({ ...f, number: 'abc' }, { limit: 10 })).toBeNull();
  });

  it('shows Beijing times (the year only when it is not this year) and call lengths', () => {
    expect(beijingTime('2026-11-20T01:30:04.000Z', NOW)).toBe('11-20 09:30:04');
    expect(beijingTime('2025-12-31T16:00:00.000Z', Date.parse('2027-01-02T00:00:00Z'))).toBe(
      '2026-01-01 00:00:00',
    );
    expect(lengthText(65_000)).toBe('01:05');
    expect(lengthText(3_600_000)).toBe('1:00:00');
    expect(lengthText(null)).toBe('—');
  });
});

const call = (id: string, o: Partial<CallRecord> = {}): CallRecord => ({
  callId: id,
  queue: '12345',
  priority: 'normal',
  kind: 'inbound',
  callerNumber: '138****0001',
  callbackNumber: null,
  arrivedAt: '2026-11-20T01:00:00.000Z',
  answeredAt: '2026-11-20T01:00:05.000Z',
  abandonedAt: null,
  endedAt: '2026-11-20T01:01:05.000Z',
  agentId: 'a1',
  agentName: '卓玛',
  agentNo: '1001',
  waitMs: 5000,
  talkMs: 60000,
  outcome: 'completed',
  disposition: null,
  ticketNo: null,
  ...o,
});

function fakeApi(pages: CallList[], opts: { refuse?: boolean } = {}) {
  const queries: string[] = [];
  const unmasks: { id: string; reason: string }[] = [];
  const api: CallsApi = {
    list: async (q) => {
      queries.push(q);
      return pages[Math.min(queries.length - 1, pages.length - 1)]!;
    },
    unmask: async (id, reason) => {
      unmasks.push({ id, reason });
      if (opts.refuse)
        throw new ConsoleError('FORBIDDEN', {
          status: 403,
          serverCode: 'CALL_NOT_YOURS',
          messages: { 'zh-CN': '话务员只能查看本人接听的通话号码', en: 'Agents may only unmask…' },
        });
      return call(id, { callerNumber: '13800000001' });
    },
  };
  return { api, queries, unmasks };
}

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('通话记录 screen', () => {
  beforeEach(() => setLanguage('zh-CN'));
  afterEach(cleanup);

  it('searches today on open, pages on with the searched filter, and shows the 整理 disposition', async () => {
    const { api, queries } = fakeApi([
      {
        items: [
          call('c2', { disposition: 'ticket-created', ticketNo: 'GZ-2026-000042', priority: 'elderly' }),
        ],
        nextBefore: '2026-11-20T01:00:00.000Z|c2',
        scope: 'all',
      },
      {
        items: [call('c1', { outcome: 'abandoned', answeredAt: null, agentId: null })],
        nextBefore: null,
        scope: 'all',
      },
    ]);
    render(<CallRecordsScreen canUnmask canPlayRecordings={false} api={api} now={() => NOW} />);
    await settle();
    expect(new URLSearchParams(queries[0]).get('from')).toBe('2026-11-19T16:00:00.000Z');
    const row = screen.getByText('11-20 09:00:00').closest('tr')!;
    expect(within(row).getByText('已生成工单（转办）')).toBeTruthy();
    expect(within(row).getByText('GZ-2026-000042', { exact: false })).toBeTruthy();
    expect(within(row).getByText('优先')).toBeTruthy();
    expect(within(row).getByText('卓玛', { exact: false }).textContent).toBe('卓玛 1001');
    // the form is edited but not searched: 加载更多 continues the list on screen
    fireEvent.change(screen.getByLabelText('来电号码（完整号码）'), { target: { value: '13900000000' } });
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    await settle();
    const q2 = new URLSearchParams(queries[1]);
    expect(q2.get('before')).toBe('2026-11-20T01:00:00.000Z|c2');
    expect(q2.has('number')).toBe(false);
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3); // header + 2 calls
    expect(within(rows[2]!).getByText('放弃')).toBeTruthy();
    expect(screen.getByText('已显示全部')).toBeTruthy();
  });

  it('a bad number is refused in the form and nothing is sent', async () => {
    const { api, queries } = fakeApi([{ items: [], nextBefore: null, scope: 'all' }]);
    render(<CallRecordsScreen canUnmask={false} canPlayRecordings={false} api={api} now={() => NOW} />);
    await settle();
    expect(screen.getByText('该时段没有通话记录')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('来电号码（完整号码）'), { target: { value: '138-0000' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await settle();
    expect(screen.getByText('号码只能包含数字（3–20位）')).toBeTruthy();
    expect(queries).toHaveLength(1);
  });

  it('查看号码 needs a reason, then shows the full number; the server refusal is shown in its words', async () => {
    const ok = fakeApi([{ items: [call('c1')], nextBefore: null, scope: 'own' }]);
    render(<CallRecordsScreen canUnmask canPlayRecordings={false} api={ok.api} now={() => NOW} />);
    await settle();
    expect(screen.getByText('仅显示本人接听的通话')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '查看号码' }));
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('请填写查看事由（至少2个字）');
    expect(ok.unmasks).toEqual([]);
    fireEvent.change(screen.getByLabelText('查看事由（记入审计日志）'), { target: { value: '回访核实' } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await settle();
    expect(ok.unmasks).toEqual([{ id: 'c1', reason: '回访核实' }]);
    expect(screen.getByText('13800000001')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '查看号码' })).toBeNull();
    cleanup();

    const refused = fakeApi([{ items: [call('c9')], nextBefore: null, scope: 'own' }], { refuse: true });
    render(<CallRecordsScreen canUnmask canPlayRecordings={false} api={refused.api} now={() => NOW} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: '查看号码' }));
    fireEvent.change(screen.getByLabelText('查看事由（记入审计日志）'), { target: { value: '核实' } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('话务员只能查看本人接听的通话号码');
    expect(screen.getByText('138****0001')).toBeTruthy();
  });

  it('offers no 查看号码 without pii.unmask', async () => {
    const { api } = fakeApi([{ items: [call('c1')], nextBefore: null, scope: 'all' }]);
    render(<CallRecordsScreen canUnmask={false} canPlayRecordings={false} api={api} now={() => NOW} />);
    await settle();
    expect(screen.getByText('138****0001')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '查看号码' })).toBeNull();
  });
});
