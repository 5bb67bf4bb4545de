// Keeping the longest of overlapping matches, in time proportional to the matches' total length: the finders in
// this folder and the phrase matcher may collect thousands of matches from a hostile text, and comparing each
// match with every other one would cost the square of that.

/** A half-open range `[start, end)` of a text, never empty. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Orders spans by start, keeping the given order between spans that start together (the sort is stable). */
const byStart = (a: Span, b: Span) => a.start - b.start;

function hasOverlap(ordered: readonly Span[]): boolean {
  let reach = Number.NEGATIVE_INFINITY;
  for (const span of ordered) {
    if (span.start >= span.end || span.start < reach) return true;
    reach = span.end;
  }
  return false;
}

/**
 * The spans left when the longest is kept first (the earliest among equally long ones) and every span overlapping
 * one already kept is dropped; in order of start.
 *
 * ```ts
 * longestWithoutOverlaps([{ start: 3, end: 10 }, { start: 0, end: 5 }, { start: 0, end: 2 }]);
 * // [{ start: 0, end: 2 }, { start: 3, end: 10 }]
 * ```
 */
export function longestWithoutOverlaps<Item extends Span>(spans: readonly Item[]): Item[] {
  const ordered = [...spans].sort(byStart);
  if (!hasOverlap(ordered)) return ordered;
  const byLength = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const span of spans) {
    first = Math.min(first, span.start);
    last = Math.max(last, span.end);
  }
  const taken = new Uint8Array(Math.max(0, last - first));
  const kept: Item[] = [];
  for (const span of byLength) {
    let isFree = true;
    for (let position = span.start; position < span.end && isFree; position += 1) {
      if (taken[position - first] === 1) isFree = false;
    }
    if (!isFree) continue;
    taken.fill(1, span.start - first, span.end - first);
    kept.push(span);
  }
  return kept.sort(byStart);
}
