import { describe, expect, test } from 'vitest';
import {
  challengeStanding,
  formatOneTimeCode,
  isWellFormedOneTimeCode,
  normaliseOneTimeCode,
  oneTimeCodeExpiresAt,
  oneTimeCodeMaxAttempts,
  oneTimeCodeUpperBound,
} from './one-time-code.js';

describe('one-time codes', () => {
  test('every code has six digits, leading zeros kept', () => {
    expect(formatOneTimeCode(0)).toBe('000000');
    expect(formatOneTimeCode(42)).toBe('000042');
    expect(formatOneTimeCode(oneTimeCodeUpperBound - 1)).toBe('999999');
    for (const value of [0, 7, 4711, 999_999]) expect(isWellFormedOneTimeCode(formatOneTimeCode(value))).toBe(true);
  });

  test('a number outside the code range is refused rather than truncated', () => {
    for (const value of [-1, oneTimeCodeUpperBound, 1.5, Number.NaN]) {
      expect(() => formatOneTimeCode(value)).toThrow(RangeError);
    }
  });

  test('spaces and hyphens between digit groups are ignored; anything else is not a code', () => {
    expect(normaliseOneTimeCode(' 123 456 ')).toBe('123456');
    expect(normaliseOneTimeCode('123-456')).toBe('123456');
    for (const typed of ['12345', '1234567', '12345a', '١٢٣٤٥٦']) expect(isWellFormedOneTimeCode(typed)).toBe(false);
  });

  test('a code lives ten minutes', () => {
    expect(oneTimeCodeExpiresAt(new Date('2026-11-23T10:00:00Z'))).toEqual(new Date('2026-11-23T10:10:00Z'));
  });
});

describe('challengeStanding', () => {
  const issuedAt = new Date('2026-11-23T10:00:00Z');
  const open = { expiresAt: oneTimeCodeExpiresAt(issuedAt), attempts: 0, maxAttempts: 5, consumedAt: null };
  const at = (minutes: number) => new Date(issuedAt.getTime() + minutes * 60_000);

  test.each([
    ['a fresh challenge is open', open, 1, 'open'],
    ['the last allowed guess is still open', { ...open, attempts: oneTimeCodeMaxAttempts - 1 }, 1, 'open'],
    ['after the fifth guess it is exhausted', { ...open, attempts: oneTimeCodeMaxAttempts }, 1, 'exhausted'],
    ['at its expiry it is expired', open, 10, 'expired'],
    ['a consumed challenge is used, even later', { ...open, consumedAt: at(2) }, 30, 'used'],
  ] as const)('%s', (_name, challenge, minutes, expected) => {
    expect(challengeStanding(challenge, at(minutes))).toBe(expected);
  });
});
