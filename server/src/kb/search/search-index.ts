// The knowledge-base search index: incremental add/update/remove, snapshot and restore.
// Pure computation (no I/O); the caller persists snapshots where it likes.
import type { Analyzer } from './analyzer.ts';
import { normalizeText } from './analyzer.ts';
import { DocColumns, kindCode } from './doc-columns.ts';
import { executeSearch } from './execute-search.ts';
import { COUNTIES, findCounty } from './ganzi-places.ts';
import type { Entry, IndexState } from './index-state.ts';
import { packTf } from './posting-list.ts';
import { Synonyms } from './synonyms.ts';
import type { SearchDoc, SearchOptions, SearchResult } from './types.ts';
import { Vocabulary } from './vocabulary.ts';

export const SNAPSHOT_FORMAT = 'kb-search/1';

export interface IndexSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly analyzer: string;
  readonly terms: readonly string[];
  readonly docs: ReadonlyArray<{
    readonly doc: SearchDoc;
    readonly t: readonly number[];
    readonly f: readonly number[];
    readonly len: readonly [number, number, number];
    readonly py: readonly [string, string];
  }>;
}

export class SnapshotMismatchError extends Error {
  constructor(reason: string) {
    super(`search index snapshot cannot be used: ${reason}`);
    this.name = 'SnapshotMismatchError';
  }
}

export function countyMaskOf(counties: readonly string[] | undefined): number {
  let mask = 0;
  for (const c of counties ?? []) {
    const county = findCounty(c);
    if (county) mask |= 1 << COUNTIES.indexOf(county);
  }
  return mask;
}

export class SearchIndex {
  readonly synonyms: Synonyms;
  private readonly state: IndexState;
  private readonly numById = new Map<string, number>();
  private dead = 0;

  constructor(
    readonly analyzer: Analyzer,
    synonyms?: Synonyms,
  ) {
    this.synonyms = synonyms ?? new Synonyms();
    this.state = {
      vocab: new Vocabulary(analyzer),
      entries: [],
      columns: new DocColumns(),
      live: 0,
      generation: 0,
      sumTitle: 0,
      sumTags: 0,
      sumBody: 0,
    };
  }

  get size(): number {
    return this.state.live;
  }

  has(id: string): boolean {
    return this.numById.has(id);
  }

  get(id: string): SearchDoc | undefined {
    const num = this.numById.get(id);
    return num === undefined ? undefined : this.state.entries[num]?.doc;
  }

  /** Adds or replaces one document (no rebuild). */
  upsert(doc: SearchDoc): void {
    this.remove(doc.id);
    const counts = new Map<string, [number, number, number]>();
    const bump = (terms: string[], field: 0 | 1 | 2): number => {
      for (const t of terms) {
        let c = counts.get(t);
        if (!c) {
          c = [0, 0, 0];
          counts.set(t, c);
        }
        c[field]++;
      }
      return terms.length;
    };
    const lenTitle = bump(this.analyzer.indexTerms(doc.title), 0);
    const tagTerms: string[] = [];
    for (const tag of doc.tags ?? []) {
      const norm = normalizeText(tag).trim();
      if (norm) tagTerms.push(norm, ...this.analyzer.indexTerms(norm).filter((t) => t !== norm));
    }
    const lenTags = bump(tagTerms, 1);
    const lenBody = bump(this.analyzer.indexTerms(doc.body), 2);
    const terms = new Int32Array(counts.size);
    const tfs = new Uint32Array(counts.size);
    let i = 0;
    for (const [term, [a, b, c]] of counts) {
      terms[i] = this.state.vocab.intern(term);
      tfs[i] = packTf(a, b, c);
      i++;
    }
    const py = this.analyzer.pinyinOf(normalizeText(doc.title));
    this.insert(doc, terms, tfs, [lenTitle, lenTags, lenBody], [py.full, py.initials]);
  }

  /** Removes a document; unknown ids are ignored. Returns whether something was removed. */
  remove(id: string): boolean {
    const num = this.numById.get(id);
    if (num === undefined) return false;
    const e = this.state.entries[num]!;
    for (const t of e.terms) this.state.vocab.df[t]!--;
    this.state.live--;
    this.state.sumTitle -= e.lenTitle;
    this.state.sumTags -= e.lenTags;
    this.state.sumBody -= e.lenBody;
    this.state.entries[num] = undefined;
    this.state.columns.alive[num] = 0;
    this.state.generation++;
    this.numById.delete(id);
    this.dead++;
    if (this.dead > 256 && this.dead > this.state.live) this.compact();
    return true;
  }

  search(options: SearchOptions): SearchResult {
    return executeSearch(this.state, options, { analyzer: this.analyzer, synonyms: this.synonyms });
  }

  /** Drops removed documents from the posting lists (renumbers the live ones). */
  compact(): void {
    const live = this.state.entries.filter((e): e is Entry => e !== undefined);
    this.state.entries.length = 0;
    this.numById.clear();
    this.state.vocab.clearPostings();
    this.state.columns.reset();
    this.dead = 0;
    for (const e of live) this.place(e);
  }

  snapshot(): IndexSnapshot {
    const docs = this.state.entries
      .filter((e): e is Entry => e !== undefined)
      .map((e) => ({
        doc: e.doc,
        t: [...e.terms],
        f: [...e.tfs],
        len: [e.lenTitle, e.lenTags, e.lenBody] as [number, number, number],
        py: [e.titlePinyin, e.titleInitials] as [string, string],
      }));
    return {
      format: SNAPSHOT_FORMAT,
      analyzer: this.analyzer.version,
      terms: [...this.state.vocab.terms],
      docs,
    };
  }

  /** Rebuilds an index from a snapshot without re-segmenting any text. */
  static restore(snapshot: IndexSnapshot, analyzer: Analyzer, synonyms?: Synonyms): SearchIndex {
    if (snapshot?.format !== SNAPSHOT_FORMAT)
      throw new SnapshotMismatchError(`format ${String(snapshot?.format)}`);
    if (snapshot.analyzer !== analyzer.version) throw new SnapshotMismatchError('the dictionary changed');
    const index = new SearchIndex(analyzer, synonyms);
    const ids = snapshot.terms.map((t) => index.state.vocab.intern(t));
    for (const d of snapshot.docs) {
      const terms = Int32Array.from(d.t, (t) => ids[t]!);
      index.insert(d.doc, terms, Uint32Array.from(d.f), d.len, d.py);
    }
    return index;
  }

  private insert(
    doc: SearchDoc,
    terms: Int32Array,
    tfs: Uint32Array,
    len: readonly [number, number, number],
    py: readonly [string, string],
  ): void {
    for (const t of terms) this.state.vocab.df[t]!++;
    this.state.live++;
    this.state.sumTitle += len[0];
    this.state.sumTags += len[1];
    this.state.sumBody += len[2];
    this.place({
      doc,
      countyMask: countyMaskOf(doc.counties),
      unitKey: doc.unit ?? '',
      lenTitle: len[0],
      lenTags: len[1],
      lenBody: len[2],
      terms,
      tfs,
      titleNorm: normalizeText(doc.title).replace(/\s+/g, ''),
      titlePinyin: py[0],
      titleInitials: py[1],
    });
  }

  /** Appends an entry under a new number and adds its postings (counts are already accounted). */
  private place(e: Entry): void {
    const num = this.state.entries.length;
    this.state.entries.push(e);
    this.numById.set(e.doc.id, num);
    const c = this.state.columns;
    this.state.generation++;
    c.ensure(num + 1);
    c.alive[num] = 1;
    c.kind[num] = kindCode(e.doc.kind);
    c.isPublic[num] = e.doc.public ? 1 : 0;
    c.countyMask[num] = e.countyMask;
    c.unit[num] = c.unitId(e.unitKey);
    c.effectiveFrom[num] = e.doc.effectiveFrom ?? Number.NEGATIVE_INFINITY;
    c.expiresAt[num] = e.doc.expiresAt ?? Number.POSITIVE_INFINITY;
    c.lenTitle[num] = e.lenTitle;
    c.lenTags[num] = e.lenTags;
    c.lenBody[num] = e.lenBody;
    for (let i = 0; i < e.terms.length; i++) this.state.vocab.postings[e.terms[i]!]!.add(num, e.tfs[i]!);
  }
}
