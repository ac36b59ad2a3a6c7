import { segments } from './highlight.ts';

/** Text with the search engine's hit ranges in <mark>. */
export function Highlighted(props: { text: string; ranges: ReadonlyArray<readonly [number, number]> }) {
  return (
    <>
      {segments(props.text, props.ranges).map((s, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reordered
        s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </>
  );
}
