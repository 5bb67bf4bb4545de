// The rules of a phone one-time login code: its form, its lifetime, how many guesses it allows, and
// when a challenge may still be answered. The server draws the random number; these rules stay pure.
// See docs/decisions/0011-phone-one-time-code-login.md.

/** Six digits: a million codes, and five guesses give an attacker a 1 in 200,000 chance per code. */
export const oneTimeCodeLength = 6;
/** The exclusive upper bound of the random number a code is made from (`crypto.randomInt(0, bound)`). */
export const oneTimeCodeUpperBound = 10 ** oneTimeCodeLength;
export const oneTimeCodeValidityMinutes = 10;
export const oneTimeCodeMaxAttempts = 5;

/** A random number below {@link oneTimeCodeUpperBound} as the code a person reads: leading zeros kept. */
export function formatOneTimeCode(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= oneTimeCodeUpperBound) {
    throw new RangeError(`a one-time code is made from an integer in [0, ${oneTimeCodeUpperBound})`);
  }
  return String(value).padStart(oneTimeCodeLength, '0');
}

/** Exactly six ASCII digits; whatever a person typed is normalised first by {@link normaliseOneTimeCode}. */
export function isWellFormedOneTimeCode(code: string): boolean {
  return new RegExp(`^[0-9]{${oneTimeCodeLength}}$`).test(code);
}

/** Drops the spaces and hyphens people type between groups of digits (`123 456`, `123-456`). */
export function normaliseOneTimeCode(typed: string): string {
  return typed.replace(/[\s-]+/g, '');
}

export function oneTimeCodeExpiresAt(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + oneTimeCodeValidityMinutes * 60_000);
}

export interface OneTimeCodeChallengeState {
  readonly expiresAt: Date;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly consumedAt: Date | null;
}

export type ChallengeStanding = 'open' | 'expired' | 'used' | 'exhausted';

/**
 * Whether a challenge may still take a guess at `now`. `used` wins over the others: a code that
 * logged someone in stays used whatever happens later. The server enforces the same rule in SQL so
 * that concurrent guesses cannot slip past it; this function names the reason.
 */
export function challengeStanding(challenge: OneTimeCodeChallengeState, now: Date): ChallengeStanding {
  if (challenge.consumedAt !== null) return 'used';
  if (challenge.attempts >= challenge.maxAttempts) return 'exhausted';
  if (now.getTime() >= challenge.expiresAt.getTime()) return 'expired';
  return 'open';
}
