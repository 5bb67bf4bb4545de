// Storing and matching a stay's check-in PIN and duress PIN. A 6-digit PIN has a million values: a slow hash would
// only slow us, not an attacker holding the database. So a PIN is kept as HMAC-SHA-256 under a server key that never
// enters the database (with its key id, so the key can rotate), bound to its stay; and a typed PIN is always compared
// with both stored PINs, in constant time, so neither the answer nor its timing tells which one matched.
// Guessing is stopped by rate limits, not by the hash. See docs/decisions/0015-check-in-pins.md.
import { timingSafeEqual } from 'node:crypto';
import type { KeyRing } from '../keys/key-ring.js';

/** How a PIN is kept: the HMAC key's id and the digest, never the PIN. */
export interface StoredPin {
  readonly keyId: string;
  readonly digest: Buffer;
}

export interface StoredPins {
  readonly checkIn: StoredPin;
  readonly duress: StoredPin;
}

export type PinMatch = 'check_in' | 'duress' | 'none';

const purpose = 'check-in-pin';

/** The PIN's keyed hash under the current key, bound to the stay so equal PINs of two stays never look alike. */
export function storePin(keys: KeyRing, stayId: string, pin: string): StoredPin {
  return keys.keyedHash(purpose, `${stayId}:${pin}`);
}

/**
 * Which stored PIN a typed PIN is. Both comparisons always run, whatever the first found, and under the key each
 * PIN was stored with, so PINs stored before a key rotation still match.
 *
 * ```ts
 * matchPin(keys, stayId, '482913', stored); // 'duress' — and the caller answers exactly as for 'check_in'
 * ```
 */
export function matchPin(keys: KeyRing, stayId: string, typed: string, stored: StoredPins): PinMatch {
  const candidates = keys.keyedHashes(purpose, `${stayId}:${typed}`);
  const isCheckIn = matchesAny(candidates, stored.checkIn);
  const isDuress = matchesAny(candidates, stored.duress);
  // Choosing between two booleans already computed takes the same time either way.
  return isDuress ? 'duress' : isCheckIn ? 'check_in' : 'none';
}

function matchesAny(candidates: readonly { keyId: string; digest: Buffer }[], stored: StoredPin): boolean {
  let matched = false;
  for (const candidate of candidates) {
    const sameKey = candidate.keyId === stored.keyId;
    const sameDigest =
      candidate.digest.length === stored.digest.length && timingSafeEqual(candidate.digest, stored.digest);
    matched = (sameKey && sameDigest) || matched;
  }
  return matched;
}
