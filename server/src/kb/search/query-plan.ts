// Turns a query string into "slots": each slot is one thing the user asked for, with alternative
// index terms that satisfy it (the word itself, synonyms, homophones for typos, words matching typed
// pinyin or pinyin initials). Scoring takes the best alternative per slot.
import type { Analyzer } from './analyzer.ts';
import { hasHan, normalizeText } from './analyzer.ts';
import { editDistance } from './fuzzy.ts';
import type { Synonyms } from './synonyms.ts';
import type { Vocabulary } from './vocabulary.ts';

export type SlotSource = 'word' | 'homophone' | 'pinyin' | 'initials' | 'prefix' | 'typo';

export interface Alternative {
  readonly term: number;
  readonly weight: number;
}

export interface Slot {
  /** the part of the query this slot stands for */
  readonly text: string;
  readonly source: SlotSource;
  readonly alternatives: readonly Alternative[];
  /** a compound whose parts are separate slots: adds to the score, not required for coordination */
  readonly optional?: boolean;
}

export interface QueryPlan {
  readonly slots: readonly Slot[];
  /** the normalised query without spaces (for the title bonus) */
  readonly compact: string;
  /** the Latin letters typed (for the title pinyin bonus) */
  readonly latin: string;
}

const MAX_ALTERNATIVES = 8;
const SYNONYM_WEIGHT = 0.9;
const PIECE_COST: Record<'full' | 'full1' | 'initials' | 'prefix' | 'skip', number> = {
  full: 1,
  full1: 1.6,
  initials: 1.4,
  prefix: 2.2,
  skip: 6,
};

interface Ctx {
  readonly analyzer: Analyzer;
  readonly vocab: Vocabulary;
  readonly synonyms: Synonyms;
}

export function planQuery(query: string, ctx: Ctx): QueryPlan {
  const text = normalizeText(query);
  const slots: Slot[] = [];
  const seen = new Set<string>();
  const add = (slot: Slot | undefined): void => {
    if (!slot || slot.alternatives.length === 0) return;
    const key = slot.alternatives
      .map((a) => a.term)
      .sort((a, b) => a - b)
      .join(',');
    if (seen.has(key)) return;
    seen.add(key);
    slots.push(slot);
  };
  const runs = text.match(/[a-z]+|[\p{Script=Han}\p{N}\p{L}]+/gu) ?? [];
  for (const run of runs) {
    if (/^[a-z]+$/.test(run)) for (const s of latinSlots(run, ctx)) add(s);
    else for (const s of hanSlots(run, ctx)) add(s);
  }
  return { slots, compact: runs.join(''), latin: runs.filter((r) => /^[a-z]+$/.test(r)).join('') };
}

function wordSlot(word: string, ctx: Ctx, source: SlotSource = 'word', weight = 1): Slot | undefined {
  const alts: Alternative[] = [];
  const id = ctx.vocab.liveId(word);
  if (id !== undefined) alts.push({ term: id, weight });
  for (const syn of ctx.synonyms.of(word)) {
    const sid = ctx.vocab.liveId(syn);
    if (sid !== undefined && !alts.some((a) => a.term === sid))
      alts.push({ term: sid, weight: weight * SYNONYM_WEIGHT });
  }
  return alts.length ? { text: word, source, alternatives: alts.slice(0, MAX_ALTERNATIVES) } : undefined;
}

/** Chinese (and digits): coarse words; unknown stretches are resolved by their pinyin (homophone typos). */
function hanSlots(run: string, ctx: Ctx): Slot[] {
  const out: Slot[] = [];
  let unknown = '';
  const flush = (): void => {
    if (unknown) out.push(...homophoneSlots(unknown, ctx));
    unknown = '';
  };
  for (const token of ctx.analyzer.cut(run)) {
    if (ctx.analyzer.isStopWord(token)) {
      flush();
      continue;
    }
    const whole = wordSlot(token, ctx);
    const subs = ctx.analyzer
      .subWords(token)
      .filter(
        (w) =>
          w !== token && w.length > 1 && !ctx.analyzer.isStopWord(w) && ctx.vocab.liveId(w) !== undefined,
      );
    const covered = coveredChars(token, subs);
    if (whole || covered === token.length) {
      flush();
      if (whole) out.push(covered === token.length ? { ...whole, optional: true } : whole);
      for (const w of subs) {
        const s = wordSlot(w, ctx);
        if (s) out.push(s);
      }
    } else if (!hasHan(token)) {
      flush();
    } else {
      unknown += token;
    }
  }
  flush();
  return out;
}

function coveredChars(token: string, subs: readonly string[]): number {
  const mask = new Array<boolean>(token.length).fill(false);
  for (const w of subs) {
    let from = 0;
    for (let at = token.indexOf(w, from); at >= 0; at = token.indexOf(w, from)) {
      for (let i = at; i < at + w.length; i++) mask[i] = true;
      from = at + 1;
    }
  }
  return mask.filter(Boolean).length;
}

/** An unknown Chinese stretch (e.g. 报消 typed for 报销): cover its syllables with known words. */
function homophoneSlots(chunk: string, ctx: Ctx): Slot[] {
  const syl = ctx.analyzer.pinyinOf(chunk).syllables;
  if (!syl.length) return [];
  const n = syl.length;
  const best: Array<{ cost: number; prev: number; ids: number[] }> = [{ cost: 0, prev: -1, ids: [] }];
  for (let j = 1; j <= n; j++) {
    best[j] = { cost: best[j - 1]!.cost + PIECE_COST.skip, prev: j - 1, ids: [] };
    for (let i = Math.max(0, j - 6); i < j; i++) {
      const ids = ctx.vocab.withFullPinyin(syl.slice(i, j).join(''));
      if (!ids.length) continue;
      const cost = best[i]!.cost + (j - i === 1 ? PIECE_COST.full1 : PIECE_COST.full);
      if (cost < best[j]!.cost) best[j] = { cost, prev: i, ids };
    }
  }
  const slots: Slot[] = [];
  for (let j = n; j > 0; j = best[j]!.prev) {
    const step = best[j]!;
    if (!step.ids.length) continue;
    const piece = chunk.slice(step.prev, j); // one Han character per syllable
    const ranked = ctx.vocab
      .byDf([...step.ids])
      .sort((a, b) => sharedChars(ctx, b, piece) - sharedChars(ctx, a, piece));
    slots.unshift(...withParts(expand(piece, 'homophone', ranked, 0.85, ctx), ctx));
  }
  return slots;
}

function sharedChars(ctx: Ctx, term: number, piece: string): number {
  let n = 0;
  for (const ch of ctx.vocab.terms[term]!) if (piece.includes(ch)) n++;
  return n;
}

/** Alternatives from term ids plus the synonyms of the first (most likely) one. */
function expand(text: string, source: SlotSource, ids: readonly number[], weight: number, ctx: Ctx): Slot {
  const alts: Alternative[] = ids
    .slice(0, MAX_ALTERNATIVES)
    .map((term, i) => ({ term, weight: weight * (i === 0 ? 1 : 0.95) }));
  const first = ids[0];
  if (first !== undefined) {
    for (const syn of ctx.synonyms.of(ctx.vocab.terms[first]!)) {
      const sid = ctx.vocab.liveId(syn);
      if (sid !== undefined && !alts.some((a) => a.term === sid))
        alts.push({ term: sid, weight: weight * SYNONYM_WEIGHT });
    }
  }
  return { text, source, alternatives: alts };
}

interface Piece {
  readonly kind: 'full' | 'full1' | 'initials' | 'prefix';
  readonly ids: number[];
}

/** Latin letters: full pinyin (yibao), initials (ybbx), mixed (yibaobx), a partial last syllable, typos. */
function latinSlots(run: string, ctx: Ctx): Slot[] {
  const out: Slot[] = [];
  const direct = ctx.vocab.liveId(run);
  if (direct !== undefined) {
    const s = wordSlot(run, ctx);
    if (s) out.push(s);
  }
  const n = run.length;
  const best: Array<{ cost: number; prev: number; piece?: Piece }> = [{ cost: 0, prev: -1 }];
  for (let j = 1; j <= n; j++) {
    best[j] = { cost: Number.POSITIVE_INFINITY, prev: -1 };
    for (let i = Math.max(0, j - 24); i < j; i++) {
      if (best[i]!.cost === Number.POSITIVE_INFINITY) continue;
      for (const piece of piecesFor(run.slice(i, j), j === n, ctx)) {
        const cost = best[i]!.cost + PIECE_COST[piece.kind];
        if (cost < best[j]!.cost) best[j] = { cost, prev: i, piece };
      }
    }
  }
  if (best[n]!.cost < Number.POSITIVE_INFINITY) {
    const slots: Slot[] = [];
    for (let j = n; j > 0; j = best[j]!.prev) {
      const piece = best[j]!.piece!;
      const source: SlotSource =
        piece.kind === 'full1' ? 'pinyin' : piece.kind === 'full' ? 'pinyin' : piece.kind;
      const weight = piece.kind === 'initials' ? 0.8 : piece.kind === 'prefix' ? 0.7 : 0.9;
      slots.unshift(...withParts(expand(run.slice(best[j]!.prev, j), source, piece.ids, weight, ctx), ctx));
    }
    const typo =
      best[n]!.cost > TYPO_COST && run.length >= 4 && direct === undefined ? typoSlot(run, ctx) : undefined;
    out.push(...(typo ? withParts(typo, ctx) : slots));
  } else if (direct === undefined) {
    const typo = typoSlot(run, ctx);
    if (typo) out.push(...withParts(typo, ctx));
  }
  return out;
}

const TYPO_COST = 2;

/** Pinyin one edit away from the typed letters (yibso → yibao → 医保). */
function typoSlot(run: string, ctx: Ctx): Slot | undefined {
  const ids = ctx.vocab
    .withPinyinTypo(run)
    .filter((id) => editDistance(ctx.analyzer.pinyinOf(ctx.vocab.terms[id]!).full, run, 1) <= 1);
  return ids.length ? expand(run, 'typo', ids, 0.75, ctx) : undefined;
}

/**
 * A slot found for a compound (医保报销 from "ybbx") becomes optional and its dictionary parts
 * (医保, 报销 with their synonyms) become required slots, so articles that use the parts separately
 * (or a synonym such as 医疗保险) still match.
 */
function withParts(slot: Slot, ctx: Ctx): Slot[] {
  const first = slot.alternatives[0];
  if (!first) return [slot];
  const word = ctx.vocab.terms[first.term]!;
  if (word.length < 3) return [slot];
  const parts = ctx.analyzer
    .subWords(word)
    .filter(
      (w) => w !== word && w.length > 1 && !ctx.analyzer.isStopWord(w) && ctx.vocab.liveId(w) !== undefined,
    );
  if (!parts.length || coveredChars(word, parts) < word.length) return [slot];
  const partSlots = parts
    .map((w) => wordSlot(w, ctx, slot.source, first.weight))
    .filter((s): s is Slot => !!s);
  return [{ ...slot, optional: true }, ...partSlots];
}

function piecesFor(s: string, last: boolean, ctx: Ctx): Piece[] {
  const pieces: Piece[] = [];
  const full = ctx.vocab.withFullPinyin(s);
  if (full.length) {
    const multi = full.filter((id) => ctx.vocab.terms[id]!.length > 1);
    pieces.push(
      multi.length
        ? { kind: 'full', ids: ctx.vocab.byDf(multi) }
        : { kind: 'full1', ids: ctx.vocab.byDf(full) },
    );
  }
  if (s.length >= 2) {
    const ini = ctx.vocab.withInitials(s);
    if (ini.length) pieces.push({ kind: 'initials', ids: ctx.vocab.byDf(ini) });
  }
  if (last && s.length >= 2 && !full.length) {
    const pre = ctx.vocab.withPinyinPrefix(s, MAX_ALTERNATIVES);
    if (pre.length) pieces.push({ kind: 'prefix', ids: pre });
  }
  return pieces;
}
