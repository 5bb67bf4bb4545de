// The proof of work that makes bulk reporting expensive without a CAPTCHA (which would need a third
// party, and which many people on borrowed phones or slow networks fail): a random challenge from the
// server, and a nonce the client finds so that SHA-256(`${challenge}:${nonce}`) starts with enough zero
// bits. Checking costs one hash. See docs/decisions/0013-recruiter-registry.md.
import { createHash, randomBytes } from 'node:crypto';

/** A fresh challenge: 24 random bytes, base64url (32 characters). */
export function newChallenge(): string {
  return randomBytes(24).toString('base64url');
}

/** How many zero bits the digest starts with. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/**
 * Whether the nonce solves the challenge at this difficulty.
 *
 * ```ts
 * isProofOfWorkSolved(challenge, solveProofOfWork(challenge, 12), 12); // true
 * ```
 */
export function isProofOfWorkSolved(challenge: string, nonce: string, difficulty: number): boolean {
  const digest = createHash('sha256').update(`${challenge}:${nonce}`, 'utf8').digest();
  return leadingZeroBits(digest) >= difficulty;
}

/**
 * Finds a nonce (a decimal counter) that solves the challenge: what a client does, here for tests and
 * for the command line. Expect about 2^difficulty hashes.
 */
export function solveProofOfWork(challenge: string, difficulty: number): string {
  for (let counter = 0; ; counter += 1) {
    const nonce = counter.toString();
    if (isProofOfWorkSolved(challenge, nonce, difficulty)) return nonce;
  }
}
