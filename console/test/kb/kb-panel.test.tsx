import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../../server/src/contracts/kb.ts';
import { ConsoleError } from '../../src/errors.ts';
import { setLanguage } from '../../src/i18n/index.ts';
import type { KbApi } from '../../src/kb/api.ts';
import { segments } from '../../src/kb/highlight.ts';
import { type KbCite, KbPanel } from '../../src/kb/KbPanel.tsx';

const RESULT: SearchResponse = {
  total: 2,
  tookMs: 3.2,
  understood: [],
  hits: [
    {
      id: 'a1',
      score: 9,
      title: '医保报销指南',
      titleHighlights: [[0, 4]],
      snippet: '持社保卡到医保窗口报销',
      snippetHighlights: [
        [5, 7],
        [9, 11],
      ],
      kind: 'guide',
      counties: [],
      validity: 'valid',
    },
    {
      id: 'a2',
      score: 5,
      title: '异地就医备案',
      titleHighlights: [],
      snippet: '备案后直接结算',
      snippetHighlights: [],
      kind: 'faq',
      counties: [],
      validity: 'expired',
    },
  ],
};

function fakeKb(opts: { missing?: boolean } = {}) {
  const queries: string[] = [];
  const corrections: { id: string; text: string }[] = [];
  const api = {
    async reportCorrection(id: string, text: string) {
      corrections.push({ id, text });
      return {};
    },
    async search(q: string) {
      if (opts.missing) throw new ConsoleError('BAD_PAYLOAD', { status: 404 });
      queries.push(q);
      return q ? RESULT : { ...RESULT, total: 0, hits: [] };
    },
    article: async () => {
      throw new Error('not used');
    },
    publicSearch: async () => RESULT,
    publicArticle: async () => {
      throw new Error('not used');
    },
  } as unknown as KbApi;
  return { api, queries, corrections };
}

const flush = () => act(() => new Promise((r) => setTimeout(r, 200)));

describe('KB panel (知识库)', () => {
  beforeEach(() => setLanguage('zh-CN'));
  afterEach(cleanup);

  it('highlight segments follow the engine offsets, clipped and merged safely', () => {
    expect(segments('医保报销指南', [[0, 2]])).toEqual([
      { text: '医保', hit: true },
      { text: '报销指南', hit: false },
    ]);
    expect(
      segments('abcdef', [
        [4, 99],
        [1, 2],
        [1, 3],
      ]),
    ).toEqual([
      { text: 'a', hit: false },
      { text: 'b', hit: true },
      { text: 'c', hit: true },
      { text: 'd', hit: false },
      { text: 'ef', hit: true },
    ]);
    expect(segments('abc', [])).toEqual([{ text: 'abc', hit: false }]);
  });

  it('F3 focuses the search box; typing searches (debounced, last query wins); Enter cites the chosen hit', async () => {
    const { api, queries } = fakeKb();
    const cited: KbCite[] = [];
    render(<KbPanel api={api} onCite={(c) => cited.push(c)} />);
    await flush();
    const box = screen.getByRole('searchbox', { name: /搜索知识库/ });
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F3', bubbles: true }));
    });
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: 'yb' } });
    fireEvent.change(box, { target: { value: 'ybbx' } });
    await flush();
    expect(queries.filter(Boolean)).toEqual(['ybbx']);
    expect(screen.getByTestId('kb-total').textContent).toContain('共 2 条');
    const marks = [...document.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['医保报销', '医保', '报销']);
    expect(screen.getByText('已失效')).toBeTruthy();
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(cited).toEqual([{ id: 'a2', title: '异地就医备案', snippet: '备案后直接结算' }]);
    fireEvent.click(screen.getAllByRole('button', { name: '引用' })[0] as HTMLElement);
    expect(cited[1]?.id).toBe('a1');
  });

  it('纠错: an agent reports an error in an article from the panel', async () => {
    const { api, corrections } = fakeKb();
    render(<KbPanel api={api} />);
    await flush();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '医保' } });
    await flush();
    expect(screen.queryAllByRole('button', { name: '引用' })).toEqual([]); // nothing to cite into
    fireEvent.click(screen.getAllByRole('button', { name: '纠错' })[0] as HTMLElement);
    fireEvent.change(screen.getByLabelText(/错误说明/), { target: { value: '窗口电话已变更' } });
    fireEvent.click(screen.getByRole('button', { name: '提交纠错' }));
    await flush();
    expect(corrections).toEqual([{ id: 'a1', text: '窗口电话已变更' }]);
    expect(screen.getByRole('status').textContent).toContain('已提交纠错');
  });

  it('is absent when the server has no KB routes (404), not faked', async () => {
    const { api } = fakeKb({ missing: true });
    const { container } = render(<KbPanel api={api} onCite={() => {}} />);
    await flush();
    expect(container.innerHTML).toBe('');
  });
});
