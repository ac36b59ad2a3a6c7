// Relevance: hand-written queries over the seed corpus with the articles an agent expects to see.
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex, type SearchOptions, sharedAnalyzer } from '../../src/kb/search/index.ts';
import { SEED_ARTICLES, seedToSearchDoc } from '../../src/kb/seed/seed-articles.ts';

const NOW = Date.parse('2026-06-01T10:00:00+08:00');
let index: SearchIndex;

beforeAll(() => {
  index = new SearchIndex(sharedAnalyzer());
  for (const a of SEED_ARTICLES) index.upsert(seedToSearchDoc(a));
});

const ids = (o: Partial<SearchOptions> & { q: string }, limit = 3): string[] =>
  index.search({ now: NOW, limit, ...o }).hits.map((h) => h.id);

// [case, query, expected article, must be within the first N]
const CASES: ReadonlyArray<readonly [string, string, string, number]> = [
  ['plain words', '医保报销', 'yb-zhuyuan-baoxiao', 3],
  ['question sentence', '医保报销需要什么材料', 'yb-zhuyuan-baoxiao', 3],
  ['pinyin initials', 'ybbx', 'yb-zhuyuan-baoxiao', 3],
  ['full pinyin', 'yidijiuyi', 'yb-yidi-jiuyi', 1],
  ['full pinyin, two words', 'yibaobaoxiao', 'yb-zhuyuan-baoxiao', 3],
  ['initials', 'sbkbb', 'sbk-buban', 1],
  ['initials', 'yyzz', 'yingye-zhizhao-geti', 2],
  ['homophone typo (IME)', '医保报消', 'yb-zhuyuan-baoxiao', 3],
  ['homophone typo (IME)', '社报卡补办', 'sbk-buban', 1],
  ['pinyin typo', 'yibso', 'yb-jiaofei-2026', 3],
  ['pinyin typo (swapped letters)', 'tigndian', 'gongdian-baoxiu', 1],
  ['synonym 社会保障卡 → 社保卡', '社会保障卡补办', 'sbk-buban', 1],
  ['synonym 社保卡 → 社会保障卡 (colloquial)', '社保卡丢了', 'sbk-buban', 1],
  ['synonym 医疗保险', '医疗保险报销', 'yb-zhuyuan-baoxiao', 1],
  ['synonym 没电', '家里没电了', 'gongdian-baoxiu', 1],
  ['synonym 欠薪', '讨薪', 'nmg-gongzi-tousu', 2],
  ['synonym 高反', '高反怎么办', 'gaoyuan-lvyou-anquan', 1],
  ['synonym 房产证', '房产证丢了', 'budongchan-buzheng', 1],
  ['place name', '理塘虫草', 'litang-chongcao-caiji', 1],
  ['place name (scenic)', '亚丁门票', 'daocheng-yading-menpiao', 1],
  ['water cut', '自来水停水', 'kangding-tingshui', 1],
  ['title over body', '不动产转移登记', 'budongchan-zhuanyi', 1],
  ['colloquial', '二手房过户', 'budongchan-zhuanyi', 1],
  ['wage arrears', '农民工工资拖欠', 'nmg-gongzi-tousu', 2],
  ['licence', '个体户营业执照', 'yingye-zhizhao-geti', 1],
  ['as-you-type pinyin prefix', 'gongjij', 'gjj-tiqu', 1],
  ['agency name', '州医保局', 'yb-zhuyuan-baoxiao', 5],
];

describe('relevance on the seed corpus', () => {
  it.each(CASES)('%s: %s → %s (top %i)', (_case, q, expected, n) => {
    expect(ids({ q }, n)).toContain(expected);
  });

  it("the caller's county ranks its local article first", () => {
    expect(ids({ q: '医保报销', callerCounty: '513301' })[0]).toBe('yb-zhuyuan-baoxiao');
    expect(ids({ q: '医保报销', callerCounty: '九龙县' })[0]).toBe('yb-jiulong-baoxiao');
  });

  it('county filter keeps prefecture-wide and that county, drops other counties', () => {
    const got = ids({ q: '虫草', county: '石渠县' }, 10);
    expect(got).toContain('shiqu-chongcao-guanli');
    expect(got).not.toContain('litang-chongcao-caiji');
    expect(ids({ q: '虫草', county: '513334' }, 10)).toContain('litang-chongcao-caiji');
  });

  it('kind and unit filters', () => {
    const regs = index.search({ q: '医保', kinds: ['regulation'], now: NOW, limit: 10 }).hits;
    expect(regs.length).toBeGreaterThan(0);
    expect(regs.every((h) => h.kind === 'regulation')).toBe(true);
    const byUnit = index.search({ q: '缴费', unit: 'rsj', now: NOW, limit: 10 }).hits;
    expect(byUnit.map((h) => h.id)).toEqual(['yanglao-canbao']);
  });

  it('expired articles are excluded by default and ranked lower when included', () => {
    expect(ids({ q: '医保缴费标准' }, 10)).not.toContain('yb-jiaofei-2023');
    const all = index.search({ q: '医保缴费标准', includeExpired: true, now: NOW, limit: 10 }).hits;
    const old = all.find((h) => h.id === 'yb-jiaofei-2023');
    expect(old?.validity).toBe('expired');
    expect(all[0]?.id).toBe('yb-jiaofei-2026');
  });

  it('public-only search hides internal articles', () => {
    expect(ids({ q: '不予受理 话术' }, 5)).toContain('rexian-neibu-huashu');
    expect(ids({ q: '不予受理 话术', publicOnly: true }, 5)).not.toContain('rexian-neibu-huashu');
  });

  it('highlights the matched words in the title and snippet', () => {
    const hit = index.search({ q: 'ybbx', now: NOW }).hits.find((h) => h.id === 'yb-zhuyuan-baoxiao')!;
    const marked = hit.snippetHighlights.map(([s, e]) => hit.snippet.slice(s, e));
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked)
      expect(['医保', '报销', '医疗保险', '基本医疗保险', '医保报销', '结算']).toContain(m);
    const titleMarks = hit.titleHighlights.map(([s, e]) => hit.title.slice(s, e));
    expect(titleMarks).toContain('报销');
  });

  it('explains how the query was understood', () => {
    const r = index.search({ q: 'ybbx', now: NOW });
    expect(r.understood.map((u) => u.terms[0])).toEqual(['医保报销', '医保', '报销']);
    expect(r.understood[0]?.source).toBe('initials');
  });

  it('nonsense finds nothing, an empty query lists the newest articles', () => {
    expect(index.search({ q: 'xqwvvz', now: NOW }).total).toBe(0);
    expect(index.search({ q: '，。！', now: NOW }).total).toBe(0);
    const browse = index.search({ q: '', now: NOW, limit: 5 });
    expect(browse.hits).toHaveLength(5);
    expect(browse.total).toBe(SEED_ARTICLES.length - 2); // two seed articles are expired
  });
});
