// Index mechanics: incremental add/update/remove, compaction, snapshot and restore, editable synonyms.
import { describe, expect, it } from 'vitest';
import {
  type IndexSnapshot,
  type SearchDoc,
  SearchIndex,
  SnapshotMismatchError,
  sharedAnalyzer,
} from '../../src/kb/search/index.ts';
import { SEED_ARTICLES, seedToSearchDoc } from '../../src/kb/seed/seed-articles.ts';

const NOW = Date.parse('2026-06-01T10:00:00+08:00');
const doc = (id: string, title: string, body = ''): SearchDoc => ({ id, title, body, kind: 'faq' });

describe('search index', () => {
  it('adds, updates and removes single documents without a rebuild', () => {
    const index = new SearchIndex(sharedAnalyzer());
    index.upsert(doc('a', '康定市停水通知', '炉城镇部分区域停水'));
    index.upsert(doc('b', '泸定县停电通知', '线路检修停电'));
    expect(index.search({ q: '停水', now: NOW }).hits.map((h) => h.id)).toEqual(['a']);

    index.upsert(doc('a', '康定市恢复供水公告', '炉城镇已恢复供水'));
    expect(index.size).toBe(2);
    expect(index.search({ q: '停水', now: NOW }).total).toBe(0);
    expect(index.search({ q: '恢复供水', now: NOW }).hits.map((h) => h.id)).toEqual(['a']);

    expect(index.remove('b')).toBe(true);
    expect(index.remove('b')).toBe(false);
    expect(index.remove('unknown')).toBe(false);
    expect(index.search({ q: 'tingdian', now: NOW }).total).toBe(0);
    expect(index.size).toBe(1);
  });

  it('keeps answering correctly across many updates (compaction)', () => {
    const index = new SearchIndex(sharedAnalyzer());
    for (const season of ['春季', '夏季', '秋季', '冬季']) {
      for (let i = 0; i < 200; i++) index.upsert(doc(`d${i}`, `${season}社保卡补办 ${i}`, season));
    }
    expect(index.size).toBe(200);
    const r = index.search({ q: '社保卡补办', now: NOW, limit: 100 });
    expect(r.total).toBe(200);
    expect(new Set(r.hits.map((h) => h.id)).size).toBe(100);
    expect(index.search({ q: '春季', now: NOW }).total).toBe(0);
    expect(index.search({ q: '冬季', now: NOW }).total).toBe(200);
  });

  it('restores from a JSON snapshot with identical results and keeps updating', () => {
    const index = new SearchIndex(sharedAnalyzer());
    for (const a of SEED_ARTICLES) index.upsert(seedToSearchDoc(a));
    index.remove('sbk-jihuo');
    const snap = JSON.parse(JSON.stringify(index.snapshot())) as IndexSnapshot;
    const restored = SearchIndex.restore(snap, sharedAnalyzer());
    expect(restored.size).toBe(index.size);
    for (const q of ['ybbx', '社保卡丢了', '医保报消', 'yidijiuyi', '虫草']) {
      expect(restored.search({ q, now: NOW })).toEqual(index.search({ q, now: NOW }));
    }
    restored.upsert(doc('new', '甘孜州新政策 包虫病免费筛查', ''));
    expect(restored.search({ q: '包虫病', now: NOW }).hits.map((h) => h.id)).toContain('new');
  });

  it('refuses a snapshot from another dictionary or format with a typed error', () => {
    const snap = new SearchIndex(sharedAnalyzer()).snapshot();
    expect(() => SearchIndex.restore({ ...snap, analyzer: 'other' }, sharedAnalyzer())).toThrow(
      SnapshotMismatchError,
    );
    expect(() => SearchIndex.restore({ format: 'x' } as never, sharedAnalyzer())).toThrow(
      SnapshotMismatchError,
    );
  });

  it('synonyms are editable without re-indexing', () => {
    const index = new SearchIndex(sharedAnalyzer());
    index.upsert(doc('w', '供氧站氧气配送', '高原供氧'));
    expect(index.search({ q: '吸氧', now: NOW }).total).toBe(0);
    index.synonyms.setGroups([...index.synonyms.list(), ['吸氧', '供氧']]);
    expect(index.search({ q: '吸氧', now: NOW }).hits.map((h) => h.id)).toEqual(['w']);
  });

  it('treats malformed input safely', () => {
    const index = new SearchIndex(sharedAnalyzer());
    index.upsert(doc('x', '', ''));
    expect(index.search({ q: '<script>alert(1)</script>', now: NOW }).total).toBe(0);
    expect(index.search({ q: 'a'.repeat(500), now: NOW }).total).toBe(0);
    expect(index.search({ q: '医保', limit: 10_000, offset: -5, now: NOW }).hits).toEqual([]);
  });
});
