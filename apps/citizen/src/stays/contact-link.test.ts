// Reading a trusted contact's link and the date they last heard from the citizen.
import { describe, expect, test } from 'vitest';
import { lastHeardAtOf, readLinkToken } from './contact-link';

describe('readLinkToken', () => {
  test('the fragment is the token', () => {
    expect(readLinkToken('#q3Z-8x_Kp2vN')).toBe('q3Z-8x_Kp2vN');
  });

  test('nothing, or something that cannot be a token, is no token', () => {
    for (const hash of ['', '#', '#short', '#has spaces in it', '#%E0%A4%A', `#${'a'.repeat(600)}`]) {
      expect(readLinkToken(hash)).toBeUndefined();
    }
  });
});

describe('lastHeardAtOf', () => {
  test('a date becomes the start of that day where the reader is', () => {
    expect(lastHeardAtOf('2026-11-20')).toBe(new Date('2026-11-20T00:00').toISOString());
  });

  test('an empty date is left out', () => {
    expect(lastHeardAtOf('')).toBeUndefined();
  });
});
