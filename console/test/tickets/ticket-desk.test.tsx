import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketView } from '../../../server/src/contracts/tickets.ts';
import { setLanguage } from '../../src/i18n/index.ts';
import type { KbApi } from '../../src/kb/api.ts';
import type { TicketMeta, TicketsApi } from '../../src/tickets/api.ts';
import { TicketDesk } from '../../src/tickets/TicketDesk.tsx';

const META = {
  types: ['咨询', '求助', '投诉', '举报', '意见建议', '表扬'],
  priorities: ['normal', '特殊事项', '特殊紧急事项'],
  ratings: ['满意', '基本满意', '不满意'],
  phases: [],
  categories: [
    {
      id: 'public',
      zh: '公共服务',
      en: 'Public service',
      children: [{ id: 'public.water', zh: '供水', en: 'Water' }],
    },
  ],
  notAcceptedReasons: [{ code: 3, zh: '紧急事项', en: 'Emergency', guidanceZh: '请立即拨打110' }],
  replyRequirements: {},
  commands: {},
  callbackWindowHours: 72,
} as unknown as TicketMeta;

function fakeApi(opts: { duplicates?: boolean; plain?: boolean } = {}) {
  const calls: { what: string; body?: unknown }[] = [];
  const view = (id: string, no: string) =>
    ({ id, no, intake: { content: '同一小区停水' } }) as unknown as TicketView;
  const api = {
    meta: async () => META,
    orgUnits: async () => [
      { id: 'county-kangding', parentId: 'prefecture', name: '康定市', kind: 'county' },
      { id: 'county-luding', parentId: 'prefecture', name: '泸定县', kind: 'county' },
      { id: 'dept-x', parentId: 'prefecture', name: '州某局', kind: 'department' },
    ],
    me: async () => ({
      permissions: opts.plain ? ['pii.read_plain'] : [],
      orgUnitId: 'center',
      roles: ['agent'],
    }),
    register: async (body: unknown) => {
      calls.push({ what: 'register', body });
      return {
        ticket: view('t-new', '42'),
        duplicates: opts.duplicates ? [{ ticketId: 't-old', reasons: ['same_phone'], similarity: 0.5 }] : [],
      };
    },
    get: async (id: string) => view(id, id === 't-old' ? '17' : '42'),
    command: async (id: string, command: string, body: unknown) => {
      calls.push({ what: `${command}:${id}`, body });
      return view(id, '42');
    },
    merge: async (id: string, primaryId: string) => {
      calls.push({ what: `merge:${id}`, body: primaryId });
      return view(primaryId, '17');
    },
  } as unknown as TicketsApi;
  return { api, calls };
}

const noKb = {
  search: async () => {
    throw Object.assign(new Error('404'), {});
  },
} as unknown as KbApi;

const flush = () => act(() => new Promise((r) => setTimeout(r, 30)));

async function fill() {
  const form = screen.getByRole('form', { name: '工单登记' });
  fireEvent.click(within(form).getByLabelText('投诉'));
  const combo = within(form).getByRole('combobox', { name: '诉求分类' });
  fireEvent.change(combo, { target: { value: '供水' } });
  fireEvent.keyDown(combo, { key: 'Enter' });
  fireEvent.change(within(form).getByLabelText(/^县（市）/), { target: { value: '康定市' } });
  fireEvent.change(within(form).getByLabelText(/^诉求内容/), { target: { value: '阳光小区停水三天' } });
  return form;
}

describe('ticket desk (工单登记 in the agent workspace)', () => {
  beforeEach(() => setLanguage('zh-CN'));
  afterEach(cleanup);

  it('prefills from the call with the number masked for this role, validates, registers with the call id', async () => {
    const { api, calls } = fakeApi();
    render(
      <TicketDesk
        call={{ callId: 'call-7', callerNumber: '13812345678' }}
        pop={{ countyGuess: '泸定县' }}
        api={api}
        kb={noKb}
      />,
    );
    await flush();
    expect(screen.getByTestId('caller-number').textContent).toBe('138****5678');
    const form = screen.getByRole('form', { name: '工单登记' });
    expect((within(form).getByLabelText('县（市）') as HTMLSelectElement).value).toBe('泸定县');
    fireEvent.keyDown(form, { key: 'Enter', ctrlKey: true });
    await flush();
    expect(screen.getByText('请选择诉求类型')).toBeTruthy();
    expect(calls).toEqual([]);
    await fill();
    fireEvent.keyDown(form, { key: 'Enter', ctrlKey: true });
    await flush();
    expect(calls[0]?.body).toMatchObject({
      requester: { phone: '13812345678' },
      callIds: ['call-7'],
      categoryId: 'public.water',
      location: { county: '康定市' },
      type: '投诉',
    });
    expect(screen.getByRole('status').textContent).toBe('工单 42 已登记');
  });

  it('plain-text role sees the whole number', async () => {
    const { api } = fakeApi({ plain: true });
    render(<TicketDesk call={{ callId: 'c', callerNumber: '13812345678' }} api={api} kb={noKb} />);
    await flush();
    expect(screen.getByTestId('caller-number').textContent).toBe('13812345678');
  });

  it('并单: duplicates from the server are offered; merging sends the new ticket into the old one', async () => {
    const { api, calls } = fakeApi({ duplicates: true });
    render(<TicketDesk api={api} kb={noKb} />);
    await flush();
    const form = await fill();
    fireEvent.submit(form);
    await flush();
    const dup = screen.getByRole('region', { name: '疑似重复工单（并单建议）' });
    expect(within(dup).getByText('17')).toBeTruthy();
    expect(within(dup).getByText('同一来电号码')).toBeTruthy();
    fireEvent.click(within(dup).getByRole('button', { name: '并入此单' }));
    await flush();
    expect(calls.map((c) => c.what)).toEqual(['register', 'merge:t-new']);
    expect(screen.getByRole('status').textContent).toBe('已并入工单 17');
  });

  it('Art. 10: 不予受理 takes a reason, fills its guidance, and archives after registration', async () => {
    const { api, calls } = fakeApi({ duplicates: true });
    render(<TicketDesk api={api} kb={noKb} />);
    await flush();
    const form = await fill();
    fireEvent.click(within(form).getByLabelText('不予受理'));
    fireEvent.change(within(form).getByLabelText('不予受理原因'), { target: { value: '3' } });
    expect((within(form).getByLabelText('告知口径') as HTMLTextAreaElement).value).toBe('请立即拨打110');
    fireEvent.submit(form);
    await flush();
    fireEvent.click(screen.getByRole('button', { name: '不并单，继续' }));
    await flush();
    expect(calls.map((c) => c.what)).toEqual(['register', 'not_accepted:t-new']);
    expect(calls[1]?.body).toEqual({ reasonCode: 3, guidance: '请立即拨打110' });
    expect(screen.getByRole('status').textContent).toBe('工单 42 不予受理，已归档');
  });
});
