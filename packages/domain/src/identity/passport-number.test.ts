import { describe, expect, test } from 'vitest';
import { normalisePassportNumber } from './passport-number.js';

describe('normalisePassportNumber', () => {
  test.each([
    ['E1234567', 'E1234567'],
    [' e 1234 567 ', 'E1234567'],
    ['a1234-567', 'A1234567'],
    ['p\t12345678', 'P12345678'],
    ['12345', '12345'],
    ['AB12345678901234567C', 'AB12345678901234567C'],
  ])('%j is read as %j', (typed, expected) => {
    expect(normalisePassportNumber(typed)).toBe(expected);
  });

  test.each([[''], ['   '], ['1234'], ['AB12345678901234567CD'], ['12/34567'], ['É1234567'], ['A1234567!']])(
    '%j is not a passport number',
    (typed) => {
      expect(normalisePassportNumber(typed)).toBeUndefined();
    },
  );

  test('the same passport typed differently is one number, so it hashes the same', () => {
    const forms = ['x 12 34 56 7', 'X1234567', 'x-123-4567'];
    expect(new Set(forms.map(normalisePassportNumber))).toEqual(new Set(['X1234567']));
  });
});
