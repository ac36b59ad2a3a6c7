// Splits text into plain and highlighted parts from the search engine's [start, end) offsets. Pure.
export interface Segment {
  text: string;
  hit: boolean;
}

export function segments(text: string, ranges: ReadonlyArray<readonly [number, number]>): Segment[] {
  const sorted = [...ranges]
    .map(([a, b]) => [Math.max(0, a), Math.min(text.length, b)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: Segment[] = [];
  let at = 0;
  for (const [a, b] of sorted) {
    const start = Math.max(a, at);
    if (b <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), hit: false });
    out.push({ text: text.slice(start, b), hit: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}
