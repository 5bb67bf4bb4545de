// Solves the registry's proof-of-work puzzle in the browser: find a nonce so that
// SHA-256(`${challenge}:${nonce}`) starts with at least `difficulty` zero bits. It costs a person one
// report a few seconds and a bulk reporter thousands of those (docs/decisions/0013-recruiter-registry.md).
// Hashes go in batches to Web Crypto; between batches the page gets its turn, so it stays responsive
// and the progress text moves. Where Web Crypto is missing (a plain-http address other than localhost
// is not a secure context) the small SHA-256 in sha256.ts does the same work.
import { sha256 } from './sha256';

export interface ProofOfWorkPuzzle {
  readonly challenge: string;
  /** Leading zero bits the hash must have. */
  readonly difficulty: number;
}

/** One SHA-256 digest; Web Crypto's is asynchronous, the fallback is not. */
export type Digest = (data: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer | Uint8Array> | ArrayBuffer | Uint8Array;

export interface SolveOptions {
  readonly digest?: Digest;
  /** Hashes started together before the page gets its turn again. */
  readonly batchSize?: number;
  /** Called after each batch with the number of nonces tried so far. */
  readonly onProgress?: (tried: number) => void;
  readonly signal?: AbortSignal;
  /** Lets the page handle input and paint between batches; a zero-delay timeout by default. */
  readonly yieldToPage?: () => Promise<void>;
}

const defaultBatchSize = 256;
/** Beyond this the puzzle is not meant for a browser: stop rather than spin for hours. */
const hardestDifficulty = 32;

/**
 * The number of zero bits at the start of `bytes`.
 *
 * @example leadingZeroBits(new Uint8Array([0, 0x1f])) // 11
 */
export function leadingZeroBits(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      count += 8;
      continue;
    }
    return count + Math.clz32(byte) - 24;
  }
  return count;
}

/** True when `nonce` solves `puzzle` (the same test the server makes). */
export async function isSolution(puzzle: ProofOfWorkPuzzle, nonce: string, digest: Digest = pickDigest()) {
  const hash = await digest(encode(`${puzzle.challenge}:${nonce}`));
  return leadingZeroBits(new Uint8Array(hash)) >= puzzle.difficulty;
}

/**
 * The first nonce ("0", "1", …) that solves the puzzle. Expect about 2^difficulty hashes.
 *
 * @example await solveProofOfWork({ challenge: 'c2V…', difficulty: 16 }, { onProgress: show }) // '48213'
 */
export async function solveProofOfWork(puzzle: ProofOfWorkPuzzle, options: SolveOptions = {}): Promise<string> {
  if (!Number.isInteger(puzzle.difficulty) || puzzle.difficulty < 0 || puzzle.difficulty > hardestDifficulty) {
    throw new RangeError(`difficulty ${puzzle.difficulty} is not one a browser can solve`);
  }
  const digest = options.digest ?? pickDigest();
  const batchSize = options.batchSize ?? defaultBatchSize;
  const yieldToPage = options.yieldToPage ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const prefix = `${puzzle.challenge}:`;
  for (let start = 0; ; start += batchSize) {
    options.signal?.throwIfAborted();
    const hashes = await Promise.all(
      Array.from({ length: batchSize }, (_, offset) => digest(encode(prefix + String(start + offset)))),
    );
    const found = hashes.findIndex((hash) => leadingZeroBits(new Uint8Array(hash)) >= puzzle.difficulty);
    if (found >= 0) return String(start + found);
    options.onProgress?.(start + batchSize);
    await yieldToPage();
  }
}

/**
 * How far along a search probably is, as a whole percentage below 100: the tries so far against the
 * tries expected (2^difficulty). Luck decides the real end, so it never claims to be done.
 */
export function expectedProgressPercent(tried: number, difficulty: number): number {
  const expected = 2 ** difficulty;
  // 1 - e^(-tried/expected): the chance a solution has turned up by now.
  return Math.min(99, Math.floor(100 * (1 - Math.exp(-tried / expected))));
}

const encoder = new TextEncoder();
const encode = (text: string) => encoder.encode(text);

/** Web Crypto where the page may use it, else the fallback. */
export function pickDigest(): Digest {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return sha256;
  return (data) => subtle.digest('SHA-256', data);
}
