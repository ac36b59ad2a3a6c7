// Query execution: BM25F scoring over the slots of a query plan, filters, boosts for title, validity
// and the caller's county, top-k selection and highlighted snippets.
import type { Analyzer } from './analyzer.ts';
import { kindCode } from './doc-columns.ts';
import { COUNTIES, findCounty } from './ganzi-places.ts';
import type { Entry, IndexState } from './index-state.ts';
import { tfBody, tfTags, tfTitle } from './posting-list.ts';
import { planQuery } from './query-plan.ts';
import { findHighlights, makeSnippet } from './snippet.ts';
import type { Synonyms } from './synonyms.ts';
import type { SearchHit, SearchOptions, SearchResult, Validity } from './types.ts';

const K1 = 1.2;
const B = 0.75;
const W_TITLE = 4;
const W_TAGS = 2.5;
const W_BODY = 1;
const RERANK = 60;
const MAX_LIMIT = 100;

export const BOOST = Object.freeze({
  titleContainsQuery: 1.6,
  outOfValidity: 0.35,
  callerCountyLocal: 1.6,
  callerCountyOther: 0.4,
});

export function validityAt(e: Entry, now: number): Validity {
  const { effectiveFrom, expiresAt } = e.doc;
  if (expiresAt != null && expiresAt <= now) return 'expired';
  if (effectiveFrom != null && effectiveFrom > now) return 'pending';
  return 'valid';
}

function countyBit(code: string | undefined): number {
  if (!code) return 0;
  const c = findCounty(code);
  return c ? 1 << COUNTIES.indexOf(c) : -1;
}

interface Filter {
  readonly kindMask: number;
  readonly county: number;
  readonly unit: number;
  readonly publicOnly: boolean;
  readonly includeExpired: boolean;
  readonly tag: string | undefined;
  readonly now: number;
}

function makeFilter(options: SearchOptions, state: IndexState, now: number): Filter {
  let kindMask = 0;
  for (const k of options.kinds ?? []) kindMask |= 1 << kindCode(k);
  return {
    kindMask,
    county: countyBit(options.county),
    unit: options.unit ? state.columns.knownUnitId(options.unit) : 0,
    publicOnly: options.publicOnly === true,
    includeExpired: options.includeExpired === true,
    tag: options.tag,
    now,
  };
}

function passes(f: Filter, state: IndexState, d: number): boolean {
  const c = state.columns;
  if (c.alive[d] === 0) return false;
  if (f.kindMask !== 0 && ((1 << c.kind[d]!) & f.kindMask) === 0) return false;
  if (f.unit !== 0 && c.unit[d] !== f.unit) return false;
  if (f.publicOnly && c.isPublic[d] === 0) return false;
  if (f.county !== 0) {
    const m = c.countyMask[d]!;
    if (m !== 0 && (f.county === -1 || (m & f.county) === 0)) return false;
  }
  if (!f.includeExpired && (c.expiresAt[d]! <= f.now || c.effectiveFrom[d]! > f.now)) return false;
  if (f.tag !== undefined && !(state.entries[d]!.doc.tags ?? []).includes(f.tag)) return false;
  return true;
}

// Reusable scratch buffers (one search runs at a time in a Node process).
let scores = new Float64Array(1024);
let slotBest = new Float64Array(1024);
let matched = new Uint8Array(1024);
let touchedBuf = new Int32Array(1024);
let slotBuf = new Int32Array(1024);

function ensure(n: number): void {
  if (scores.length >= n) return;
  const cap = Math.max(n, scores.length * 2);
  scores = new Float64Array(cap);
  slotBest = new Float64Array(cap);
  matched = new Uint8Array(cap);
  touchedBuf = new Int32Array(cap);
  slotBuf = new Int32Array(cap);
}

const ELIGIBILITY_TTL_MS = 60_000;
const eligibilityCache = new WeakMap<
  IndexState,
  Map<string, { gen: number; until: number; ok: Uint8Array }>
>();

/**
 * Which documents pass the filters, as one byte per document, cached per filter set for a minute
 * (validity changes with the clock) and until the index changes.
 */
function eligibility(state: IndexState, f: Filter): Uint8Array {
  let cache = eligibilityCache.get(state);
  if (!cache) {
    cache = new Map();
    eligibilityCache.set(state, cache);
  }
  const key = `${f.kindMask}|${f.county}|${f.unit}|${f.publicOnly}|${f.includeExpired}|${f.tag ?? ''}`;
  const hit = cache.get(key);
  const bucket = Math.floor(f.now / ELIGIBILITY_TTL_MS);
  if (hit && hit.gen === state.generation && hit.until === bucket) return hit.ok;
  const n = state.entries.length;
  const ok = new Uint8Array(n);
  for (let d = 0; d < n; d++) ok[d] = passes(f, state, d) ? 1 : 0;
  if (cache.size > 64) cache.clear();
  cache.set(key, { gen: state.generation, until: bucket, ok });
  return ok;
}

export function executeSearch(
  state: IndexState,
  options: SearchOptions,
  ctx: { analyzer: Analyzer; synonyms: Synonyms },
): SearchResult {
  const now = options.now ?? Date.now();
  const limit = Math.max(1, Math.min(options.limit ?? 10, MAX_LIMIT));
  const offset = Math.max(0, options.offset ?? 0);
  const filter = makeFilter(options, state, now);
  const plan = planQuery(options.q ?? '', {
    analyzer: ctx.analyzer,
    vocab: state.vocab,
    synonyms: ctx.synonyms,
  });
  const understood = plan.slots.map((s) => ({
    text: s.text,
    source: s.source,
    optional: s.optional === true,
    terms: s.alternatives.map((a) => state.vocab.terms[a.term]!),
  }));
  const entries = state.entries;
  if (plan.slots.length === 0) {
    if ((options.q ?? '').trim() !== '') return { total: 0, hits: [], understood };
    return browse(entries, (_e, d) => passes(filter, state, d), now, offset, limit, understood);
  }

  ensure(entries.length);
  const c = state.columns;
  const n = Math.max(1, state.live);
  const avgT = state.sumTitle / n || 1;
  const avgG = state.sumTags / n || 1;
  const avgB = state.sumBody / n || 1;
  const ok = eligibility(state, filter);
  let touchedLen = 0;
  for (const slot of plan.slots) {
    let slotLen = 0;
    for (const alt of slot.alternatives) {
      const df = state.vocab.df[alt.term]!;
      if (df <= 0) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * alt.weight;
      const pl = state.vocab.postings[alt.term]!;
      const docs = pl.docs;
      const tfs = pl.tfs;
      for (let k = 0; k < pl.length; k++) {
        const d = docs[k]!;
        if (ok[d] === 0) continue;
        const p = tfs[k]!;
        const tt = tfTitle(p);
        const tg = tfTags(p);
        const tb = tfBody(p);
        let tf = 0;
        if (tt !== 0) tf += (W_TITLE * tt) / (1 - B + (B * c.lenTitle[d]!) / avgT);
        if (tg !== 0) tf += (W_TAGS * tg) / (1 - B + (B * c.lenTags[d]!) / avgG);
        if (tb !== 0) tf += (W_BODY * tb) / (1 - B + (B * c.lenBody[d]!) / avgB);
        const s = (idf * tf * (K1 + 1)) / (tf + K1);
        const prev = slotBest[d]!;
        if (prev === 0) slotBuf[slotLen++] = d;
        if (s > prev) slotBest[d] = s;
      }
    }
    for (let i = 0; i < slotLen; i++) {
      const d = slotBuf[i]!;
      if (scores[d] === 0) touchedBuf[touchedLen++] = d;
      scores[d]! += slotBest[d]! + 1e-9;
      if (!slot.optional) matched[d]!++;
      slotBest[d] = 0;
    }
  }

  const slots = Math.max(1, plan.slots.filter((s) => !s.optional).length);
  const caller = countyBit(options.callerCounty);
  const top = new TopK(Math.max(RERANK, offset + limit));
  for (let i = 0; i < touchedLen; i++) {
    const d = touchedBuf[i]!;
    const coord = (matched[d]! / slots) ** 2;
    let s = scores[d]! * coord;
    if (filter.includeExpired && (c.expiresAt[d]! <= now || c.effectiveFrom[d]! > now))
      s *= BOOST.outOfValidity;
    const mask = c.countyMask[d]!;
    if (caller > 0 && mask !== 0)
      s *= (mask & caller) !== 0 ? BOOST.callerCountyLocal : BOOST.callerCountyOther;
    top.offer(d, s);
    scores[d] = 0;
    matched[d] = 0;
  }
  const ranked = top
    .items()
    .map(({ doc, score }) => {
      const e = entries[doc]!;
      const bonus =
        (plan.compact.length >= 2 && e.titleNorm.includes(plan.compact)) ||
        (plan.latin.length >= 2 &&
          (e.titleInitials.includes(plan.latin) || e.titlePinyin.includes(plan.latin)));
      return { doc, score: bonus ? score * BOOST.titleContainsQuery : score };
    })
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
  const words = understood.flatMap((u) => u.terms);
  const hits = ranked
    .slice(offset, offset + limit)
    .map(({ doc, score }) => toHit(entries[doc]!, score, words, now));
  return { total: touchedLen, hits, understood };
}

function toHit(e: Entry, score: number, words: readonly string[], now: number): SearchHit {
  const { snippet, highlights } = makeSnippet(e.doc.body, words);
  return {
    id: e.doc.id,
    score: Math.round(score * 1000) / 1000,
    title: e.doc.title,
    titleHighlights: findHighlights(e.doc.title, words),
    snippet,
    snippetHighlights: highlights,
    kind: e.doc.kind,
    ...(e.doc.unit ? { unit: e.doc.unit } : {}),
    counties: e.doc.counties ?? [],
    validity: validityAt(e, now),
  };
}

/** Empty query: the matching articles, most recently updated first. */
function browse(
  entries: ReadonlyArray<Entry | undefined>,
  pass: (e: Entry, num: number) => boolean,
  now: number,
  offset: number,
  limit: number,
  understood: SearchResult['understood'],
): SearchResult {
  const all = entries.filter((e, num): e is Entry => e !== undefined && pass(e, num));
  all.sort((a, b) => (b.doc.updatedAt ?? 0) - (a.doc.updatedAt ?? 0));
  const hits = all.slice(offset, offset + limit).map((e) => toHit(e, 0, [], now));
  return { total: all.length, hits, understood };
}

/** Keeps the k best (doc, score) pairs with a binary min-heap. */
class TopK {
  private readonly docs: number[] = [];
  private readonly vals: number[] = [];
  constructor(private readonly k: number) {}

  offer(doc: number, score: number): void {
    if (this.docs.length < this.k) {
      this.docs.push(doc);
      this.vals.push(score);
      this.up(this.docs.length - 1);
    } else if (score > this.vals[0]!) {
      this.docs[0] = doc;
      this.vals[0] = score;
      this.down(0);
    }
  }

  items(): Array<{ doc: number; score: number }> {
    return this.docs.map((doc, i) => ({ doc, score: this.vals[i]! }));
  }

  private swap(i: number, j: number): void {
    [this.docs[i], this.docs[j]] = [this.docs[j]!, this.docs[i]!];
    [this.vals[i], this.vals[j]] = [this.vals[j]!, this.vals[i]!];
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.vals[p]! <= this.vals[i]!) return;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const n = this.vals.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.vals[l]! < this.vals[m]!) m = l;
      if (r < n && this.vals[r]! < this.vals[m]!) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
