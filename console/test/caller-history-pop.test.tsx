// Screen-pop from the server's caller history (GET /api/callers/:number/history): the adapter keeps the
// masked number and the server's flags, and the panel shows them.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallerHistoryDto } from '../../server/src/contracts/callers.ts';
import { callerHistoryPath, toCallerHistory } from '../src/api/server-backend.ts';
import { buildScreenPop } from '../src/domain/screen-pop.ts';
import { setLanguage } from '../src/i18n/index.ts';
import { ScreenPopPanel } from '../src/ui/ScreenPopPanel.tsx';

const dto: CallerHistoryDto = {
  callerNumber: '139****5678',
  repeatCaller: true,
  repeatCalls: 3,
  repeatWindowDays: 14,
  nuisance: true,
  countyGuess: '康定市',
  calls: [
    {
      callId: 'h-1',
      at: '2026-11-20T02:00:00.000Z',
      answered: true,
      outcome: 'completed',
      disposition: 'ticket-created',
      ticketNo: '42',
    },
  ],
  tickets: [
    {
      ticketId: 'T-1',
      ticketNo: '42',
      at: '2026-11-20T02:05:00.000Z',
      county: '泸定县',
      phase: 'registered',
      summary: '路灯不亮',
    },
  ],
};

describe('caller history in the screen-pop', () => {
  beforeEach(() => setLanguage('zh-CN'));
  afterEach(cleanup);

  it('maps the server history and builds the request path without the current call', () => {
    const h = toCallerHistory(dto);
    expect(h).toMatchObject({
      maskedNumber: '139****5678',
      nuisance: true,
      repeatCaller: true,
      countyGuess: '康定市',
    });
    expect(h.calls).toEqual([
      { callId: 'h-1', at: Date.parse('2026-11-20T02:00:00.000Z'), answered: true, ticketNo: '42' },
    ]);
    expect(h.tickets[0]).toMatchObject({ ticketNo: '42', county: '泸定县', status: 'registered' });
    expect(callerHistoryPath('c 1', '+86 139-1234-5678')).toBe(
      '/api/callers/%2B8613912345678/history?excludeCallId=c%201',
    );
  });

  it('shows the masked number, the server flags and its county guess (one earlier call is enough when the server says so)', () => {
    const pop = buildScreenPop(
      { callId: 'c1', callerNumber: '13912345678' },
      toCallerHistory(dto),
      Date.now(),
    );
    render(<ScreenPopPanel pop={pop} />);
    expect(screen.getByTestId('pop-caller').textContent).toBe('139****5678');
    expect(screen.getByText('重复来电')).toBeTruthy();
    expect(screen.getByText('骚扰来电')).toBeTruthy();
    expect(screen.getByText('康定市')).toBeTruthy();
    expect(screen.getByText(/路灯不亮/)).toBeTruthy();
  });
});
