// Highlighted snippets: the window of the text with the most matched terms, with [start, end) ranges.
import type { Highlight } from './types.ts';

/** Ranges of every occurrence of any term in text (longest first, no overlaps), sorted. */
export function findHighlights(text: string, terms: readonly string[]): Highlight[] {
  const lower = text.normalize('NFKC').toLowerCase();
  const sameLength = lower.length === text.length;
  const source = sameLength ? lower : text;
  const taken = new Uint8Array(text.length);
  const out: Array<[number, number]> = [];
  for (const term of [...new Set(terms)].sort((a, b) => b.length - a.length)) {
    if (!term) continue;
    for (let at = source.indexOf(term); at >= 0; at = source.indexOf(term, at + term.length)) {
      let free = true;
      for (let i = at; i < at + term.length; i++) if (taken[i]) free = false;
      if (!free) continue;
      taken.fill(1, at, at + term.length);
      out.push([at, at + term.length]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Picks a window of about `width` characters around the densest cluster of highlights. */
export function makeSnippet(
  text: string,
  terms: readonly string[],
  width = 90,
): { snippet: string; highlights: Highlight[] } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const all = findHighlights(flat, terms);
  if (flat.length <= width) return { snippet: flat, highlights: all };
  let bestStart = 0;
  let bestCount = -1;
  for (let i = 0; i < all.length; i++) {
    const start = all[i]![0];
    let count = 0;
    for (let j = i; j < all.length && all[j]![1] <= start + width; j++) count++;
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
    }
  }
  const from = Math.max(0, Math.min(bestStart - 12, flat.length - width));
  const to = Math.min(flat.length, from + width);
  const prefix = from > 0 ? '…' : '';
  const snippet = `${prefix}${flat.slice(from, to)}${to < flat.length ? '…' : ''}`;
  const highlights: Highlight[] = all
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]) => [s - from + prefix.length, e - from + prefix.length] as const);
  return { snippet, highlights };
}
