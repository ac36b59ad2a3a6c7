// 回访 one-click dialing in the callback list: the button fetches the server's grant and dials through
// the softphone with it (the softphone here records the request; the real one is sipjs-phone.ts).
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallbackTask } from '../../../server/src/contracts/tickets.ts';
import { ConsoleError } from '../../src/errors.ts';
import { setLanguage } from '../../src/i18n/index.ts';
import type { CallbackGrant, TicketMeta, TicketsApi } from '../../src/tickets/api.ts';
import PortalScreen from '../../src/tickets/portal/PortalScreen.tsx';

const TASK = {
  ticketId: 'a6c1c7a4-1111-4000-8000-000000000001',
  no: '2026000017',
  type: '投诉',
  round: 1,
  openedAt: '2026-11-28T08:00:00.000Z',
  autoCloseAt: '2026-12-01T08:00:00.000Z',
  requesters: [{ ticketId: 'a6c1c7a4-1111-4000-8000-000000000001', name: '张*', phone: '138****5678' }],
} as unknown as CallbackTask;

function setup(opts: { grantFails?: boolean } = {}) {
  const grants: string[] = [];
  const dialed: unknown[] = [];
  const api = {
    meta: async () => ({ commands: {}, categories: [], callbackWindowHours: 72 }) as unknown as TicketMeta,
    orgUnits: async () => [],
    me: async () => ({ permissions: [], orgUnitId: 'center', roles: ['agent'] }),
    callbacks: async () => [TASK],
    list: async () => ({ items: [], nextBefore: null }),
    callbackGrant: async (id: string) => {
      grants.push(id);
      if (opts.grantFails)
        throw new ConsoleError('BAD_PAYLOAD', {
          status: 409,
          messages: { 'zh-CN': '工单当前状态不允许此操作', en: "Not allowed in the ticket's current state" },
        });
      return {
        ticketId: id,
        grant: `${id}.13812345678.1764400000.${'s'.repeat(43)}`,
        dialUri: 'sip:13812345678@hotline.test',
        expiresAt: '2026-11-29T07:06:40.000Z',
      } satisfies CallbackGrant;
    },
  } as unknown as TicketsApi;
  const phone = {
    dialCallback: async (call: unknown) => {
      dialed.push(call);
    },
  };
  return { api, phone, grants, dialed };
}

async function openCallbacks(api: TicketsApi, phone?: ReturnType<typeof setup>['phone']) {
  render(<PortalScreen api={api} {...(phone ? { phone } : {})} />);
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  const list = await screen.findByRole('list', { name: '待回访' });
  return list;
}

describe('回访 dial button', () => {
  beforeEach(() => setLanguage('zh-CN'));
  afterEach(cleanup);

  it('fetches the grant for that ticket and dials it with the masked label', async () => {
    const s = setup();
    const list = await openCallbacks(s.api, s.phone);
    expect(within(list).getByText('138****5678')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(list).getByRole('button', { name: '回访' }));
    });
    expect(s.grants).toEqual([TASK.ticketId]);
    expect(s.dialed).toEqual([
      {
        dialUri: 'sip:13812345678@hotline.test',
        grant: `${TASK.ticketId}.13812345678.1764400000.${'s'.repeat(43)}`,
        ticketId: TASK.ticketId,
        label: '138****5678',
      },
    ]);
    expect(screen.getByRole('status').textContent).toBe('正在回访 2026000017');
  });

  it('shows the server refusal and does not dial', async () => {
    const s = setup({ grantFails: true });
    const list = await openCallbacks(s.api, s.phone);
    await act(async () => {
      fireEvent.click(within(list).getByRole('button', { name: '回访' }));
    });
    expect(s.grants).toEqual([TASK.ticketId]);
    expect(s.dialed).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('工单当前状态不允许此操作');
  });

  it('has no dial button without a softphone (roles other than agent)', async () => {
    const s = setup();
    const list = await openCallbacks(s.api);
    expect(within(list).queryByRole('button', { name: '回访' })).toBeNull();
  });
});
