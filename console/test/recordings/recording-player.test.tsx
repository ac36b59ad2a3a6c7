// The 录音 player: closed until asked; opening reads the metadata (duration, retention); no audio is
// requested before a purpose is chosen (the server audits it with every playback); the server's
// refusal (an agent and someone else's call) is shown in its words; shown in the screen-pop only
// for users with recordings.play, and only beside answered calls.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildScreenPop } from '../../src/domain/screen-pop.ts';
import { ConsoleError } from '../../src/errors.ts';
import { setLanguage } from '../../src/i18n/index.ts';
import type { RecordingInfo, RecordingsApi } from '../../src/recordings/api.ts';
import { RecordingList, RecordingPlayer } from '../../src/recordings/RecordingPlayer.tsx';
import { ScreenPopPanel } from '../../src/ui/ScreenPopPanel.tsx';

const INFO: RecordingInfo = {
  callId: '20261128T213712-9f2c4a1b',
  durationMs: 83_400,
  bytes: 2_668_844,
  sampleRate: 8000,
  channels: ['caller', 'hotline'],
  filedAt: '2026-11-28T21:16:00.000Z',
  retainUntil: '2029-11-27T21:16:00.000Z',
  arrivedAt: '2026-11-28T21:37:12.000Z',
  answeredAt: '2026-11-28T21:37:40.000Z',
  endedAt: '2026-11-28T21:39:03.000Z',
  callerNumber: '138****5678',
  agentId: 'agent-1',
  queue: '12345',
};

function fakeApi(opts: { refuse?: boolean } = {}) {
  const metas: string[] = [];
  const api: RecordingsApi = {
    meta: async (id) => {
      metas.push(id);
      if (opts.refuse)
        throw new ConsoleError('FORBIDDEN', {
          status: 403,
          serverCode: 'RECORDING_NOT_YOURS',
          messages: {
            'zh-CN': '话务员只能收听本人接听的通话录音',
            en: 'Agents may only play recordings of calls they answered',
          },
        });
      return { ...INFO, callId: id };
    },
    audioUrl: (id, purpose) => `/api/calls/${id}/recording?purpose=${purpose}`,
  };
  return { api, metas };
}

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('录音 player', () => {
  beforeEach(() => setLanguage('zh-CN'));
  afterEach(cleanup);

  it('reads the metadata when opened and plays only after a purpose is chosen', async () => {
    const { api, metas } = fakeApi();
    const { container } = render(<RecordingPlayer callId={INFO.callId} api={api} />);
    expect(metas).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '▶ 录音' }));
    await settle();
    expect(metas).toEqual([INFO.callId]);
    expect(screen.getByText(/时长 01:23 · 保存至 2029-11-28 · 左声道：来电人/)).toBeTruthy();
    expect(container.querySelector('audio')).toBeNull();
    const purpose = screen.getByRole('combobox', { name: '收听用途' });
    expect([...purpose.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      '请选择收听用途（将记入审计日志）',
      '质检',
      '投诉核查',
      '督办',
      '工单办理',
      '回访',
    ]);
    fireEvent.change(purpose, { target: { value: 'quality' } });
    const audio = container.querySelector('audio')!;
    expect(audio.getAttribute('src')).toBe(`/api/calls/${INFO.callId}/recording?purpose=quality`);
    expect(audio.hasAttribute('controls')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '收起' }));
    expect(container.querySelector('audio')).toBeNull();
  });

  it("shows the server's refusal in the user's language", async () => {
    const { api } = fakeApi({ refuse: true });
    render(<RecordingPlayer callId="c-2" api={api} initiallyOpen />);
    await settle();
    expect(screen.getByText('话务员只能收听本人接听的通话录音')).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('lists a ticket’s calls once each, in English too', async () => {
    setLanguage('en');
    const { api } = fakeApi();
    render(<RecordingList callIds={['a-1', 'b-2', 'a-1']} api={api} />);
    expect(screen.getByRole('region', { name: 'Call recordings' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '▶ Recording' })).toHaveLength(2);
    render(<RecordingList callIds={[]} api={api} />);
    expect(screen.getByText('No linked calls')).toBeTruthy();
  });

  it('appears in the screen-pop beside answered earlier calls, only with the permission', () => {
    const pop = buildScreenPop(
      { callerNumber: '13812345678', callId: 'now' } as never,
      {
        calls: [
          { callId: 'old-answered', at: Date.parse('2026-11-20T02:00:00Z'), answered: true },
          { callId: 'old-missed', at: Date.parse('2026-11-21T02:00:00Z'), answered: false },
        ],
        tickets: [],
        nuisance: false,
      },
      Date.parse('2026-11-28T02:00:00Z'),
    );
    const { unmount } = render(<ScreenPopPanel pop={pop} />);
    expect(screen.queryByRole('button', { name: '▶ 录音' })).toBeNull();
    unmount();
    render(<ScreenPopPanel pop={pop} canPlayRecordings />);
    expect(screen.getByTestId('recording-open-old-answered')).toBeTruthy();
    expect(screen.queryByTestId('recording-open-old-missed')).toBeNull();
  });
});
