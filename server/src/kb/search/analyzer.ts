// Text analysis for the knowledge-base index: normalisation, Chinese segmentation with jieba (with the
// Ganzi dictionary), stop words, and pinyin keys of terms.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';
import { ganziUserDictionary } from './ganzi-places.ts';
import { DEFAULT_SYNONYMS } from './synonyms.ts';

const STOP_WORDS = new Set(
  (
    '的 了 在 是 和 与 及 或 等 吗 呢 吧 啊 呀 么 我 你 他 她 它 我们 你们 他们 要 想 请问 请 问 一下 怎么 怎样 ' +
    '如何 什么 哪里 哪儿 哪个 多少 为什么 能 能不能 可以 可不可以 有 没有 这 那 这个 那个 就 都 也 还 又 ' +
    '被 把 对 从 到 给 让 向 以 为 于 之 其 该 个 上 下 中 时 后 前 里 去 来 说 会 应 应该 需 需要 办 ' +
    '哪些 一个 并 但 而 则 如 如果 若 由 按 按照 将 已 已经 所 所有 各 每 本 另 此'
  ).split(/\s+/),
);

const HAN = /\p{Script=Han}/u;
const WORDISH = /^[\p{Script=Han}\p{L}\p{N}]+$/u;

/** NFKC (full-width → half-width), lower case, collapse spaces. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function hasHan(s: string): boolean {
  return HAN.test(s);
}

export interface PinyinKeys {
  /** syllables of the term, e.g. ['yi', 'bao'] */
  readonly syllables: readonly string[];
  /** 'yibao' */
  readonly full: string;
  /** 'yb' */
  readonly initials: string;
}

export interface AnalyzerOptions {
  /** extra words for the segmentation dictionary (e.g. synonym words, unit names) */
  readonly extraWords?: readonly string[];
}

/**
 * One per process is enough (loading jieba's dictionary takes ~0.2 s). Deterministic: the same text
 * gives the same terms, so an index snapshot stays valid while `version` is unchanged.
 */
export class Analyzer {
  readonly version: string;
  private loaded: Jieba | undefined;
  private readonly userDict: string;
  private readonly pinyinCache = new Map<string, PinyinKeys>();

  constructor(options: AnalyzerOptions = {}) {
    this.userDict = ganziUserDictionary(options.extraWords ?? []);
    this.version = `jieba2+ganzi:${hashString(this.userDict)}`;
  }

  /** jieba with its dictionary, loaded on first use (~0.2–1 s), so an app with an empty KB starts fast. */
  private get jieba(): Jieba {
    if (!this.loaded) {
      const j = Jieba.withDict(dict);
      j.loadDict(Buffer.from(this.userDict));
      this.loaded = j;
    }
    return this.loaded;
  }

  isStopWord(term: string): boolean {
    return STOP_WORDS.has(term);
  }

  /** Index terms: search-mode segmentation (compounds AND their sub-words), stop words removed. */
  indexTerms(text: string): string[] {
    if (!text) return [];
    const out: string[] = [];
    for (const t of this.jieba.cutForSearch(normalizeText(text), true)) {
      const term = t.trim();
      if (term && WORDISH.test(term) && !STOP_WORDS.has(term)) out.push(term);
    }
    return out;
  }

  /** Coarse segmentation (longest words), used for queries. */
  cut(text: string): string[] {
    return this.jieba.cut(text, true).filter((t) => t.trim() !== '');
  }

  /** Search-mode segmentation of one word (the word and its dictionary sub-words). */
  subWords(word: string): string[] {
    return this.jieba.cutForSearch(word, false);
  }

  /** Pinyin of a Chinese term, context-aware for polyphones; cached. */
  pinyinOf(term: string): PinyinKeys {
    let keys = this.pinyinCache.get(term);
    if (!keys) {
      const syllables = pinyin(term, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' });
      const clean = syllables.map((s) => s.toLowerCase()).filter((s) => /^[a-z]+$/.test(s));
      keys = { syllables: clean, full: clean.join(''), initials: clean.map((s) => s[0]).join('') };
      if (this.pinyinCache.size > 200_000) this.pinyinCache.clear();
      this.pinyinCache.set(term, keys);
    }
    return keys;
  }
}

function hashString(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(36);
}

let shared: Analyzer | undefined;
/** The process-wide analyzer with the default dictionary. */
export function sharedAnalyzer(): Analyzer {
  shared ??= new Analyzer({ extraWords: DEFAULT_SYNONYMS.flat() });
  return shared;
}
