// The term dictionary of the index: term ids, document frequencies, posting lists, and the pinyin
// lookup tables (full pinyin, initials, one-edit deletions) used to resolve pinyin and typos.
import type { Analyzer } from './analyzer.ts';
import { hasHan } from './analyzer.ts';
import { deletions } from './fuzzy.ts';
import { PostingList } from './posting-list.ts';

const MIN_FUZZY_KEY = 4;

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

export class Vocabulary {
  readonly terms: string[] = [];
  readonly df: number[] = [];
  readonly postings: PostingList[] = [];
  private readonly ids = new Map<string, number>();
  private readonly byFull = new Map<string, number[]>();
  private readonly byInitials = new Map<string, number[]>();
  private readonly byDeletion = new Map<string, number[]>();
  private sortedFull: string[] | null = null;

  constructor(private readonly analyzer: Analyzer) {}

  get size(): number {
    return this.terms.length;
  }

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** Id of a term with at least one live document, else undefined. */
  liveId(term: string): number | undefined {
    const id = this.ids.get(term);
    return id !== undefined && this.df[id]! > 0 ? id : undefined;
  }

  intern(term: string): number {
    let id = this.ids.get(term);
    if (id !== undefined) return id;
    id = this.terms.length;
    this.terms.push(term);
    this.df.push(0);
    this.postings.push(new PostingList());
    this.ids.set(term, id);
    if (hasHan(term)) {
      const keys = this.analyzer.pinyinOf(term);
      if (keys.full) {
        push(this.byFull, keys.full, id);
        if (keys.syllables.length >= 2) push(this.byInitials, keys.initials, id);
        if (keys.full.length >= MIN_FUZZY_KEY)
          for (const d of deletions(keys.full)) push(this.byDeletion, d, id);
        this.sortedFull = null;
      }
    }
    return id;
  }

  private live(ids: readonly number[] | undefined): number[] {
    return ids ? ids.filter((id) => this.df[id]! > 0) : [];
  }

  /** Live terms whose full pinyin is exactly `key`. */
  withFullPinyin(key: string): number[] {
    return this.live(this.byFull.get(key));
  }

  /** Live multi-syllable terms whose pinyin initials are exactly `key`. */
  withInitials(key: string): number[] {
    return this.live(this.byInitials.get(key));
  }

  /** Live terms whose full pinyin starts with `prefix` (for search-as-you-type), most frequent first. */
  withPinyinPrefix(prefix: string, limit: number): number[] {
    if (!this.sortedFull) this.sortedFull = [...this.byFull.keys()].sort();
    const keys = this.sortedFull;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < keys.length && keys[i]!.startsWith(prefix) && out.length < limit * 4; i++) {
      out.push(...this.live(this.byFull.get(keys[i]!)));
    }
    return this.byDf(out).slice(0, limit);
  }

  /** Live terms whose full pinyin is within one edit (typo) of `key`. */
  withPinyinTypo(key: string): number[] {
    if (key.length < MIN_FUZZY_KEY) return [];
    const found = new Set<number>();
    for (const id of this.live(this.byDeletion.get(key))) found.add(id); // one letter too many
    for (const d of deletions(key)) {
      for (const id of this.live(this.byFull.get(d))) found.add(id); // one letter missing
      for (const id of this.live(this.byDeletion.get(d))) found.add(id); // wrong or swapped letter
    }
    return this.byDf([...found]);
  }

  /** Sorts term ids by document frequency, most frequent first. */
  byDf(ids: number[]): number[] {
    return ids.sort((a, b) => this.df[b]! - this.df[a]!);
  }

  /** Empties every posting list (used before a compaction re-adds the live documents). */
  clearPostings(): void {
    for (let i = 0; i < this.postings.length; i++) this.postings[i] = new PostingList();
  }
}
