import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentBackend } from '../src/api/agent-backend.ts';
import type { AgentAction, AgentStatus } from '../src/domain/agent-status.ts';
import type { WrapUpRecord } from '../src/domain/wrap-up.ts';
import { i18n, setLanguage } from '../src/i18n/index.ts';
import { AgentWorkspace } from '../src/ui/AgentWorkspace.tsx';
import { FakePhone } from './fake-phone.ts';

function backendWith(status: AgentStatus) {
  const acted: AgentAction[] = [];
  const wrapped: WrapUpRecord[] = [];
  let push: (s: AgentStatus) => void = () => {};
  const backend: AgentBackend = {
    status: {
      subscribe(cb) {
        push = cb;
        cb(status);
        return () => {};
      },
      async act(a) {
        acted.push(a);
      },
      async signIn() {
        acted.push({ type: 'sign-in' } as never);
        return { kind: 'not-ready', reason: 'login', since: Date.now() };
      },
    },
    callerHistory: async () => ({
      calls: [
        { at: Date.now() - 3600_000, answered: true },
        { at: Date.now() - 7200_000, answered: false },
      ],
      tickets: [
        {
          ticketNo: 'GZ20261101001',
          at: Date.now() - 86400_000,
          county: '康定市',
          summary: '供暖',
          status: '办理中',
        },
      ],
      nuisance: false,
    }),
    wrapUp: async (r) => {
      wrapped.push(r);
    },
    close() {},
  };
  return { backend, acted, wrapped, push: (s: AgentStatus) => push(s) };
}

const key = (k: string, extra: Partial<KeyboardEventInit> = {}) =>
  act(() => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...extra }));
  });

describe('agent workspace (fake phone, pure UI logic)', () => {
  beforeEach(() => setLanguage('zh-CN'));
  afterEach(cleanup);

  it('rings with a screen-pop, answers with F8, runs the timer, hangs up and asks for the wrap-up', async () => {
    const phone = new FakePhone();
    const b = backendWith({ kind: 'ready', since: Date.now() });
    render(<AgentWorkspace agentId="a1" phone={phone} backend={b.backend} />);
    act(() => phone.emit({ type: 'registered' }));
    expect(screen.getByTestId('phone-state').textContent).toBe('已注册，等待来电');
    act(() =>
      phone.emit({
        type: 'incoming',
        at: Date.now(),
        info: {
          callId: 'c-1',
          callerNumber: '138****5678',
          queue: '12345',
          priority: 'special-urgent',
          enqueuedAt: Date.now() - 65_000,
        },
      }),
    );
    expect(screen.getByTestId('phone-state').textContent).toBe('来电振铃');
    expect(screen.getByTestId('pop-caller').textContent).toBe('138****5678');
    expect(screen.getByText('特殊紧急事项')).toBeTruthy();
    expect(await screen.findByText('GZ20261101001')).toBeTruthy();
    expect(screen.getByText('重复来电')).toBeTruthy();
    await key('F8');
    expect(phone.calls).toContain('answer');
    act(() => phone.emit({ type: 'answer' }));
    act(() => phone.emit({ type: 'established', at: Date.now() }));
    expect(screen.getByTestId('phone-state').textContent).toBe('通话中');
    await key('m', { altKey: true, code: 'KeyM' });
    expect(phone.calls).toContain('mute:true');
    fireEvent.click(screen.getByRole('button', { name: /挂断/ }));
    await act(async () => {});
    expect(phone.calls).toContain('hangup');
    act(() => phone.emit({ type: 'ended', reason: 'hangup' }));
    expect(screen.getByRole('form', { name: '话后整理' })).toBeTruthy();
  });

  it('validates the wrap-up and submits 不予受理 with one of the eight reasons', async () => {
    const phone = new FakePhone();
    const b = backendWith({ kind: 'on-call', since: Date.now() });
    render(<AgentWorkspace agentId="a1" phone={phone} backend={b.backend} />);
    act(() =>
      phone.emit({ type: 'incoming', at: Date.now(), info: { callId: 'c-2', callerNumber: '0836****' } }),
    );
    act(() => phone.emit({ type: 'ended', reason: 'remote-bye' }));
    fireEvent.click(screen.getByRole('button', { name: '提交整理' }));
    expect(await screen.findByText('请选择处理方式')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('不予受理'));
    fireEvent.click(screen.getByRole('button', { name: '提交整理' }));
    expect(await screen.findByText('请选择不予受理原因')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: /不予受理原因/ }), { target: { value: '3' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交整理' }));
    });
    expect(b.wrapped).toEqual([
      { callId: 'c-2', disposition: 'not-accepted', notAcceptedReason: 3, note: '' },
    ]);
    expect(screen.queryByRole('form', { name: '话后整理' })).toBeNull();
  });

  it('status control: 示忙 with the chosen reason by F7, 整理 countdown, no status change during a call', async () => {
    const phone = new FakePhone();
    const b = backendWith({ kind: 'ready', since: Date.now() });
    render(<AgentWorkspace agentId="a1" phone={phone} backend={b.backend} />);
    fireEvent.change(screen.getByRole('combobox', { name: '示忙原因' }), { target: { value: 'meal' } });
    await key('F7');
    expect(b.acted).toEqual([{ type: 'not-ready', reason: 'meal' }]);
    act(() => b.push({ kind: 'wrap-up', since: Date.now(), until: Date.now() + 20_500 }));
    expect(screen.getByTestId('wrap-up-countdown').textContent).toMatch(/整理剩余 2[01] 秒/);
    act(() => b.push({ kind: 'on-call', since: Date.now() }));
    const readyBtn = screen.getAllByRole('button', { name: '示闲' })[0] as HTMLButtonElement;
    expect(readyBtn.disabled).toBe(true);
    await key('F6');
    expect(b.acted).toHaveLength(1);
  });

  it('signs in to the queue (签入) once the softphone is registered', async () => {
    const phone = new FakePhone();
    const b = backendWith({ kind: 'offline' });
    render(<AgentWorkspace agentId="a1" phone={phone} backend={b.backend} />);
    expect(b.acted).toEqual([]);
    await act(async () => phone.emit({ type: 'registered' }));
    expect(b.acted).toEqual([{ type: 'sign-in' }]);
    expect(screen.getByTestId('agent-status').textContent).toContain('刚登录');
  });

  it('shows microphone blocked and disables answering; panels without a server capability are absent', () => {
    const phone = new FakePhone();
    render(<AgentWorkspace agentId="a1" phone={phone} backend={{ close() {} }} />);
    act(() => phone.emit({ type: 'registered' }));
    act(() => phone.emit({ type: 'mic-blocked' }));
    act(() => phone.emit({ type: 'incoming', at: Date.now(), info: { callId: 'c-3', callerNumber: '1' } }));
    expect(screen.getByTestId('phone-state').textContent).toBe('麦克风被禁用');
    expect((screen.getByRole('button', { name: /接听/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByLabelText('坐席状态')).toBeNull();
    expect(screen.queryByLabelText('紧急联动（三方通话）')).toBeNull();
  });

  it('emergency bar: one click + confirm starts the three-way call, shows the third party, leave hands over', async () => {
    const phone = new FakePhone();
    const three: string[] = [];
    Object.assign(phone, {
      startThreeWay: async (n: string) => {
        three.push(`start:${n}`);
      },
      leaveThreeWay: async () => {
        three.push('leave');
      },
    });
    render(<AgentWorkspace agentId="a1" phone={phone} backend={{ close() {} }} />);
    act(() =>
      phone.emit({ type: 'incoming', at: Date.now(), info: { callId: 'c-9', callerNumber: '139****0000' } }),
    );
    const ambulance = screen.getByRole('button', { name: '120 急救' }) as HTMLButtonElement;
    expect(ambulance.disabled).toBe(true); // not before the call is answered
    act(() => phone.emit({ type: 'answer' }));
    act(() => phone.emit({ type: 'established', at: Date.now() }));
    fireEvent.click(screen.getByRole('button', { name: '120 急救' }));
    expect(three).toEqual([]); // needs the confirm
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确认' }));
    });
    expect(three).toEqual(['start:120']);
    expect(screen.getByTestId('emergency-phase').textContent).toContain('正在呼叫第三方');
    act(() => phone.emit({ type: 'third-party', state: 'answered' }));
    expect(screen.getByTestId('emergency-phase').textContent).toContain('三方通话中');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '退出通话（移交来电人）' }));
    });
    expect(three).toEqual(['start:120', 'leave']);
    expect(screen.getByTestId('emergency-phase').textContent).toContain('已移交，坐席已退出');
  });

  it('switches to English', () => {
    const phone = new FakePhone();
    render(<AgentWorkspace agentId="a1" phone={phone} backend={{ close() {} }} />);
    act(() => setLanguage('en'));
    act(() => phone.emit({ type: 'register-start' }));
    expect(screen.getByTestId('phone-state').textContent).toBe('Registering…');
    expect(i18n.language).toBe('en');
  });
});
