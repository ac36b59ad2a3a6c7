import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseTransferTarget, referToUri } from '../src/domain/transfer.ts';
import { ConsoleError } from '../src/errors.ts';
import { setLanguage } from '../src/i18n/index.ts';
import { AgentWorkspace } from '../src/ui/AgentWorkspace.tsx';
import { FakePhone } from './fake-phone.ts';

describe('blind transfer (转接)', () => {
  beforeEach(() => setLanguage('zh-CN'));
  afterEach(cleanup);

  it('builds the gateway REFER targets and rejects malformed ids', () => {
    expect(referToUri(parseTransferTarget('queue', ' tibetan '), 'hotline')).toBe(
      'sip:queue-tibetan@hotline',
    );
    expect(referToUri(parseTransferTarget('agent', 'a-17'), '127.0.0.1')).toBe('sip:agent-a-17@127.0.0.1');
    expect(() => parseTransferTarget('agent', 'x@evil')).toThrow(ConsoleError);
    expect(() => parseTransferTarget('queue', '')).toThrow(/BAD_PAYLOAD/);
  });

  it('appears only during an answered call and sends the REFER target to the phone', async () => {
    const phone = new FakePhone();
    const sent: unknown[] = [];
    Object.assign(phone, { transfer: async (t: unknown) => void sent.push(t) });
    render(<AgentWorkspace agentId="a1" phone={phone} backend={{ close() {} }} />);
    act(() => phone.emit({ type: 'incoming', at: Date.now(), info: { callId: 'c', callerNumber: '1' } }));
    expect(screen.queryByRole('form', { name: '转接' })).toBeNull();
    act(() => phone.emit({ type: 'answer' }));
    act(() => phone.emit({ type: 'established', at: Date.now() }));
    fireEvent.change(screen.getByRole('textbox', { name: '队列名或坐席工号' }), {
      target: { value: 'bad id!' },
    });
    await act(async () => fireEvent.submit(screen.getByRole('form', { name: '转接' })));
    expect(screen.getByRole('alert').textContent).toBe('请填写正确的队列名或坐席工号');
    expect(sent).toEqual([]);
    fireEvent.change(screen.getByRole('textbox', { name: '队列名或坐席工号' }), {
      target: { value: 'tibetan' },
    });
    await act(async () => fireEvent.submit(screen.getByRole('form', { name: '转接' })));
    expect(sent).toEqual([{ kind: 'queue', id: 'tibetan' }]);
    expect(screen.getByTestId('transfer-phase').textContent).toBe('已转接');
  });
});
