import { describe, expect, it } from 'vitest';
import { buildScreenPop, guessCounty, normalisePriority } from '../src/domain/screen-pop.ts';

const DAY = 24 * 3600 * 1000;

describe('screen-pop model', () => {
  const now = 100 * DAY;
  it('flags a repeat caller from recent calls and guesses the county from prior tickets', () => {
    const pop = buildScreenPop(
      {
        callId: 'c',
        callerNumber: '13800000000',
        queue: 'general',
        priority: '2',
        enqueuedAt: now - 42_000,
      },
      {
        maskedNumber: '138****0000',
        calls: [
          { at: now - DAY, answered: true },
          { at: now - 2 * DAY, answered: false },
          { at: now - 30 * DAY, answered: true },
        ],
        tickets: [
          { ticketNo: 'T1', at: now - 40 * DAY, county: '康定市', summary: 'a', status: 'closed' },
          { ticketNo: 'T2', at: now - 3 * DAY, county: '泸定县', summary: 'b', status: 'open' },
          { ticketNo: 'T3', at: now - 20 * DAY, county: '康定市', summary: 'c', status: 'closed' },
        ],
        nuisance: false,
      },
      now,
    );
    expect(pop.callerNumber).toBe('138****0000');
    expect(pop.waitSeconds).toBe(42);
    expect(pop.priority).toBe('special-urgent');
    expect(pop.repeatCaller).toBe(true);
    expect(pop.countyGuess).toBe('康定市');
    expect(pop.recentTickets[0]?.ticketNo).toBe('T2');
  });

  it('works without history (first-time caller) and breaks county ties by recency', () => {
    const pop = buildScreenPop({ callId: 'c', callerNumber: '0836-1234567' }, null, now);
    expect(pop).toMatchObject({
      repeatCaller: false,
      nuisance: false,
      countyGuess: undefined,
      waitSeconds: 0,
    });
    expect(
      guessCounty([
        { ticketNo: 'a', at: 1, county: '理塘县', summary: '', status: '' },
        { ticketNo: 'b', at: 2, county: '巴塘县', summary: '', status: '' },
      ]),
    ).toBe('巴塘县');
  });

  it('normalises priorities', () => {
    expect(normalisePriority('special')).toBe('special');
    expect(normalisePriority('1')).toBe('elderly');
    expect(normalisePriority('urgent')).toBe('special-urgent');
    expect(normalisePriority(undefined)).toBe('normal');
    expect(normalisePriority('garbage')).toBe('normal');
  });
});

describe('caller number on screen', () => {
  it('shows the server-masked number, and masks the SIP header number until it arrives', async () => {
    const { maskForDisplay } = await import('../src/domain/screen-pop.ts');
    expect(maskForDisplay('13812345678')).toBe('138****5678');
    expect(maskForDisplay('08362812345')).toBe('083****2345');
    expect(maskForDisplay('2812345')).toBe('***2345');
    expect(maskForDisplay('110')).toBe('110');
    expect(maskForDisplay('138****5678')).toBe('138****5678');
    const pop = buildScreenPop({ callId: 'c', callerNumber: '13812345678' }, null, 0, '138****5678');
    expect(pop.callerNumber).toBe('138****5678');
    expect(buildScreenPop({ callId: 'c', callerNumber: '13812345678' }, null, 0).callerNumber).toBe(
      '138****5678',
    );
  });
});
