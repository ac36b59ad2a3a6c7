// 咨询转接 (attended transfer): consult the other agent with the caller on hold, then REFER with Replaces
// (completeConsult) or hang up the consultation (cancelConsult). The phone here records the requests;
// the SIP side is SipJsPhone (gateway: INVITE sip:agent-<id>@…, REFER with Replaces).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../src/i18n/index.ts';
import { AgentWorkspace } from '../src/ui/AgentWorkspace.tsx';
import { FakePhone } from './fake-phone.ts';

function answeredCall() {
  const phone = new FakePhone();
  const sent: string[] = [];
  Object.assign(phone, {
    transfer: async () => void sent.push('blind'),
    startConsult: async (id: string) => void sent.push(`consult:${id}`),
    completeConsult: async () => void sent.push('complete'),
    cancelConsult: async () => {
      sent.push('cancel');
      phone.emit({ type: 'consult', state: 'hung-up' });
    },
  });
  render(<AgentWorkspace agentId="a1" phone={phone} backend={{ close() {} }} />);
  act(() => phone.emit({ type: 'incoming', at: Date.now(), info: { callId: 'c', callerNumber: '1' } }));
  act(() => phone.emit({ type: 'answer' }));
  act(() => phone.emit({ type: 'established', at: Date.now() }));
  fireEvent.change(screen.getByRole('combobox', { name: '转接到' }), { target: { value: 'agent' } });
  fireEvent.change(screen.getByRole('textbox', { name: '队列名或坐席工号' }), { target: { value: 'a-17' } });
  return { phone, sent };
}

describe('咨询转接 attended transfer', () => {
  beforeEach(() => setLanguage('zh-CN'));
  afterEach(cleanup);

  it('consults the agent, enables 完成转接 only once they answer, then transfers', async () => {
    const { phone, sent } = answeredCall();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '咨询转接' })));
    expect(sent).toEqual(['consult:a-17']);
    const complete = screen.getByRole('button', { name: '完成转接' }) as HTMLButtonElement;
    expect(complete.disabled).toBe(true);
    act(() => phone.emit({ type: 'consult', state: 'ringing' }));
    expect(screen.getByTestId('consult-phase').textContent).toBe('对方振铃中（来电人保持中）');
    act(() => phone.emit({ type: 'consult', state: 'answered' }));
    expect(complete.disabled).toBe(false);
    await act(async () => fireEvent.click(complete));
    expect(sent).toEqual(['consult:a-17', 'complete']);
    act(() => phone.emit({ type: 'consult', state: 'transferred' }));
    expect(screen.getByTestId('consult-phase').textContent).toBe('已转接');
    expect(screen.queryByRole('button', { name: '完成转接' })).toBeNull();
  });

  it('cancelling ends the consultation; a bad agent id is refused before dialling', async () => {
    const { sent } = answeredCall();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '咨询转接' })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '取消咨询' })));
    expect(sent).toEqual(['consult:a-17', 'cancel']);
    expect(screen.getByTestId('consult-phase').textContent).toBe('咨询已结束');
    fireEvent.change(screen.getByRole('textbox', { name: '队列名或坐席工号' }), {
      target: { value: 'x@evil' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '咨询转接' })));
    expect(screen.getByRole('alert').textContent).toBe('请填写正确的队列名或坐席工号');
    expect(sent).toEqual(['consult:a-17', 'cancel']);
  });
});
