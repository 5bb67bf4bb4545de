// Which PIN pairs a citizen may choose, and how a typed PIN is read.
import { describe, expect, test } from 'vitest';
import { pinPairProblems, readPin } from './check-in-pin.js';

describe('readPin', () => {
  test('spaces and dashes are dropped and every script’s digits read as 0–9', () => {
    expect(readPin(' 482 913 ')).toBe('482913');
    expect(readPin('48-29-13')).toBe('482913');
    expect(readPin('๔๘๒๙๑๓')).toBe('482913');
    expect(readPin('၄၈၂၉၁၃')).toBe('482913');
    expect(readPin('４８２９１３')).toBe('482913');
  });

  test('anything but digits is no PIN', () => {
    for (const typed of ['48291a', '', '   ', '4829.13', '+482913']) expect(readPin(typed), typed).toBeUndefined();
  });
});

describe('pinPairProblems', () => {
  test('a pair differing in two or more places is fine', () => {
    expect(pinPairProblems('482913', '482931')).toEqual([]);
    expect(pinPairProblems('482913', '5829130')).toEqual([]);
    expect(pinPairProblems('48291375', '90817263')).toEqual([]);
  });

  test('a duress PIN one slip away from the check-in PIN is refused', () => {
    expect(pinPairProblems('482913', '482914')).toEqual(['duress_pin_too_close']);
    expect(pinPairProblems('482913', '482913')).toEqual(['duress_pin_too_close']);
    expect(pinPairProblems('482913', '4829130')).toEqual(['duress_pin_too_close']);
  });

  test('length, digits and runs anyone would guess first', () => {
    expect(pinPairProblems('48291', '907162')).toEqual(['pin_too_short']);
    expect(pinPairProblems('4829137512345', '907162')).toEqual(['pin_too_long']);
    expect(pinPairProblems('48a913', '907162')).toEqual(['pin_not_digits']);
    for (const easy of ['000000', '123456', '654321', '890123', '3210987']) {
      expect(pinPairProblems(easy, '907162'), easy).toEqual(['pin_too_easy']);
    }
    expect(pinPairProblems('482913', '111111')).toEqual(['duress_pin_invalid']);
  });
});
