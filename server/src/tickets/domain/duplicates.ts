// 并单: suggest merging a new ticket into a recent one — same phone, or similar content (token
// Jaccard) — in the same place within a configurable window. The tokenizer (jieba) is injected.
export interface DuplicateProbe {
  id: string;
  phone?: string;
  content: string;
  county: string;
  township?: string;
  createdAt: string;
}

export interface DuplicateSuggestion {
  ticketId: string;
  reasons: ('same_phone' | 'similar_content')[];
  similarity: number;
}

export type Tokenize = (text: string) => string[];

const STOP = new Set('的了是我在有和就不人都也很到说要去你会着没看好这那他她它们吗呢吧啊请问一个'.split(''));

export function tokenSet(text: string, tokenize: Tokenize): Set<string> {
  return new Set(
    tokenize(text)
      .map((t) => t.trim().toLowerCase())
      .filter((t) => t && !/^[\s\p{P}\p{S}]+$/u.test(t) && !STOP.has(t)),
  );
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 0;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

const samePlace = (a: DuplicateProbe, b: DuplicateProbe) =>
  a.county === b.county && (!a.township || !b.township || a.township === b.township);

export function suggestDuplicates(
  probe: DuplicateProbe,
  recent: readonly DuplicateProbe[],
  tokenize: Tokenize,
  rules: { windowMs: number; threshold: number },
): DuplicateSuggestion[] {
  const since = Date.parse(probe.createdAt) - rules.windowMs;
  const mine = tokenSet(probe.content, tokenize);
  const out: DuplicateSuggestion[] = [];
  for (const r of recent) {
    if (r.id === probe.id || Date.parse(r.createdAt) < since || !samePlace(probe, r)) continue;
    const reasons: DuplicateSuggestion['reasons'] = [];
    if (probe.phone && r.phone && probe.phone === r.phone) reasons.push('same_phone');
    const similarity = jaccard(mine, tokenSet(r.content, tokenize));
    if (similarity >= rules.threshold) reasons.push('similar_content');
    if (reasons.length)
      out.push({ ticketId: r.id, reasons, similarity: Math.round(similarity * 1000) / 1000 });
  }
  return out.sort((x, y) => y.reasons.length - x.reasons.length || y.similarity - x.similarity);
}
