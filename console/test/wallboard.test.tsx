import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INTERVAL_MS, type WallboardSnapshot } from '../src/domain/wallboard-model.ts';
import { setLanguage } from '../src/i18n/index.ts';
import { Wallboard } from '../src/ui/Wallboard.tsx';

const now = Date.now();
const bin = (back: number) => Math.floor(now / INTERVAL_MS) * INTERVAL_MS - back * INTERVAL_MS;

describe('wallboard tiles and alerts', () => {
  beforeEach(() => setLanguage('zh-CN'));
  afterEach(cleanup);
  it('colours the staffing tile when below target and shows the alerts', () => {
    const snap: WallboardSnapshot = {
      at: now,
      queues: [
        {
          queue: '12345',
          name: '综合',
          waiting: 3,
          longestWaitSec: 95,
          serviceLevel: 0.7,
          answerRate24h: 0.93,
          abandonRate24h: 0.07,
          agentsNeeded: 6,
          agentsLoggedIn: 4,
          specialUrgentWaiting: 1,
        },
      ],
      agents: [
        { id: 'a', name: '卓玛', state: 'on-call', since: now - 125_000 },
        { id: 'b', name: '扎西', state: 'ready', since: now - 5_000 },
      ],
      intervals: [0, 1].map((b) => ({ start: bin(b), offered: 10, answered: 8, abandoned: 2 })),
    };
    render(<Wallboard snap={snap} stale={false} chart={false} />);
    expect(screen.getByTestId('staffing-12345').dataset.level).toBe('bad');
    expect(screen.getByTestId('answer-rate-12345').dataset.level).toBe('warn');
    expect(screen.getByTestId('waiting-12345').textContent).toContain('3');
    const alerts = screen.getByTestId('wallboard-alerts').textContent ?? '';
    expect(alerts).toContain('综合：1 个特殊紧急来电正在等待');
    expect(alerts).toContain('近30分钟接通率 80.0%，低于目标');
    expect(alerts).toContain('需要 6 名坐席，仅登录 4 名');
    expect(screen.getByText('卓玛')).toBeTruthy();
    expect(screen.getByText('02:05')).toBeTruthy();
  });
});
