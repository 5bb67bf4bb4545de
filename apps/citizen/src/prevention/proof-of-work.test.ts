// The browser's proof of work: it finds a nonce the server accepts (checked here with Node's own
// SHA-256), the fallback hash agrees with Web Crypto, and the page gets its turn between batches.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { expectedProgressPercent, isSolution, leadingZeroBits, pickDigest, solveProofOfWork } from './proof-of-work';
import { sha256 } from './sha256';

/** The server's test, written independently: Node's SHA-256 and a bit count over the hex digest. */
function nodeAccepts(challenge: string, nonce: string, difficulty: number): boolean {
  const hex = createHash('sha256').update(`${challenge}:${nonce}`).digest('hex');
  const bits = [...hex].map((digit) => Number.parseInt(digit, 16).toString(2).padStart(4, '0')).join('');
  return bits.indexOf('1') >= difficulty || !bits.includes('1');
}

describe('leadingZeroBits', () => {
  test('counts whole zero bytes and the zeros at the top of the first non-zero byte', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0x1f, 0xff]))).toBe(11);
    expect(leadingZeroBits(new Uint8Array([0x80]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0x01]))).toBe(7);
    expect(leadingZeroBits(new Uint8Array([0, 0, 0]))).toBe(24);
  });
});

describe('sha256 (the fallback for pages without Web Crypto)', () => {
  test('gives the same digest as Node for lengths around the block boundaries and for any script', () => {
    const texts = [
      '',
      'abc',
      'a'.repeat(55),
      'a'.repeat(56),
      'a'.repeat(64),
      'b'.repeat(1000),
      'เมียวดี:42',
      'KK园区 🙂',
    ];
    for (const text of texts) {
      const bytes = new TextEncoder().encode(text);
      expect(Buffer.from(sha256(bytes)).toString('hex'), JSON.stringify(text)).toBe(
        createHash('sha256').update(bytes).digest('hex'),
      );
    }
  });
});

describe('solveProofOfWork', () => {
  test('finds a nonce that the server’s check accepts, with Web Crypto', async () => {
    const puzzle = { challenge: 'dGVzdC1jaGFsbGVuZ2UtMQ', difficulty: 12 };
    const nonce = await solveProofOfWork(puzzle);
    expect(nodeAccepts(puzzle.challenge, nonce, puzzle.difficulty)).toBe(true);
    expect(await isSolution(puzzle, nonce)).toBe(true);
  });

  test('finds the same first nonce with the fallback hash as with Web Crypto', async () => {
    const puzzle = { challenge: 'c2Vjb25kLWNoYWxsZW5nZQ', difficulty: 10 };
    const withWebCrypto = await solveProofOfWork(puzzle, { digest: pickDigest() });
    const withFallback = await solveProofOfWork(puzzle, { digest: sha256 });
    expect(withFallback).toBe(withWebCrypto);
  });

  test('returns the first solving nonce, so no earlier one would do', async () => {
    const puzzle = { challenge: 'Zmlyc3Q', difficulty: 8 };
    const nonce = Number(await solveProofOfWork(puzzle, { batchSize: 7 }));
    for (let earlier = 0; earlier < nonce; earlier += 1) {
      expect(nodeAccepts(puzzle.challenge, String(earlier), puzzle.difficulty)).toBe(false);
    }
    expect(nodeAccepts(puzzle.challenge, String(nonce), puzzle.difficulty)).toBe(true);
  });

  test('gives the page its turn between batches and reports progress after each', async () => {
    let turns = 0;
    const progress: number[] = [];
    await solveProofOfWork(
      { challenge: 'cHJvZ3Jlc3M', difficulty: 14 },
      {
        batchSize: 64,
        onProgress: (tried) => progress.push(tried),
        yieldToPage: async () => {
          turns += 1;
        },
      },
    );
    expect(turns).toBeGreaterThan(0);
    expect(progress.length).toBe(turns);
    expect(progress).toEqual(progress.map((_, index) => (index + 1) * 64));
  });

  test('stops when the reader leaves (an aborted signal)', async () => {
    const controller = new AbortController();
    const solving = solveProofOfWork(
      { challenge: 'YWJvcnQ', difficulty: 30 },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(solving).rejects.toThrow();
  });

  test('refuses a difficulty no browser should attempt', async () => {
    for (const difficulty of [-1, 1.5, 33, Number.NaN]) {
      await expect(solveProofOfWork({ challenge: 'eA', difficulty })).rejects.toThrow(RangeError);
    }
  });
});

describe('expectedProgressPercent', () => {
  test('rises with the tries and never claims 100 before the answer is found', () => {
    const values = [0, 1_000, 10_000, 100_000, 1_000_000, 1e9].map((tried) => expectedProgressPercent(tried, 16));
    expect(values[0]).toBe(0);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(Math.max(...values)).toBe(99);
  });
});
