import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { longestWithoutOverlaps, type Span } from './overlaps.js';

/** The rule as first written: compare every span with every span kept. */
function keptByComparingAll(spans: readonly Span[]): Span[] {
  const ordered = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Span[] = [];
  for (const span of ordered) {
    if (!kept.some((other) => span.start < other.end && other.start < span.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const spans = fc.array(
  fc.record({ start: fc.nat({ max: 60 }), length: fc.integer({ min: 1, max: 12 }) }).map(({ start, length }) => ({
    start,
    end: start + length,
  })),
  { maxLength: 30 },
);

describe('longestWithoutOverlaps', () => {
  test('keeps the longest, then the earliest, and drops what overlaps them', () => {
    expect(
      longestWithoutOverlaps([
        { start: 3, end: 10 },
        { start: 0, end: 5 },
        { start: 0, end: 2 },
        { start: 12, end: 14 },
      ]),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 10 },
      { start: 12, end: 14 },
    ]);
  });

  test('spans that do not overlap are all kept, in order', () => {
    expect(
      longestWithoutOverlaps([
        { start: 5, end: 6 },
        { start: 0, end: 5 },
      ]),
    ).toEqual([
      { start: 0, end: 5 },
      { start: 5, end: 6 },
    ]);
  });

  test('keeps what comparing every span with every other keeps', () => {
    fc.assert(
      fc.property(spans, (given) => {
        expect(longestWithoutOverlaps(given)).toEqual(keptByComparingAll(given));
      }),
    );
  });

  test('thousands of overlapping spans are sorted out', () => {
    const many = Array.from({ length: 20_000 }, (_, start) => ({ start, end: start + 2 }));
    const kept = longestWithoutOverlaps(many);
    expect(kept).toHaveLength(10_000);
    expect(kept[1]).toEqual({ start: 2, end: 4 });
  });
});
