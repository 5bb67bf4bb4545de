import { describe, expect, test } from 'vitest';
import { findPhonesInPreparedText, normaliseRegistryPhone, preparePhoneText } from './phone-numbers.js';

describe('normaliseRegistryPhone', () => {
  test.each([
    ['+66 81 234 5678', undefined, '+66812345678'],
    ['081-234-5678', 'TH', '+66812345678'],
    ['081 234 5678', 'th', '+66812345678'],
    ['0066812345678', undefined, '+66812345678'],
    ['0066 81-234 5678', undefined, '+66812345678'],
    ['+855 12 345 678', undefined, '+85512345678'],
    ['012 345 678', 'KH', '+85512345678'],
    ['(+63) 917 123 4567', undefined, '+639171234567'],
    ['09171234567', 'PH', '+639171234567'],
    ['+84 912 345 678', undefined, '+84912345678'],
    ['0912 345 678', 'VN', '+84912345678'],
    ['+60 12-345 6789', undefined, '+60123456789'],
    ['+95 9 421 234 567', undefined, '+959421234567'],
    ['wa.me/66812345678', undefined, '+66812345678'],
    ['https://wa.me/66812345678', undefined, '+66812345678'],
    ['66812345678', undefined, '+66812345678'],
    ['tel:+66812345678', undefined, '+66812345678'],
    ['๐๘๑-๒๓๔-๕๖๗๘', 'TH', '+66812345678'],
    ['၀၉ ၄၂၁ ၂၃၄ ၅၆၇', 'MM', '+959421234567'],
    ['＋６６８１２３４５６７８', undefined, '+66812345678'],
  ])('%j (default %s) is %s', (typed, country, expected) => {
    expect(normaliseRegistryPhone(typed, country)).toBe(expected);
  });

  test.each([
    ['12345', 'TH'],
    ['+66 12', undefined],
    ['081-234-5678', undefined],
    ['+66 81 234 5678 ext', undefined],
    ['call me', 'TH'],
    ['+66 +81 234 5678', undefined],
    ['', 'TH'],
    ['081-234-5678', 'ZZ'],
  ])('%j (default %s) is not a valid number', (typed, country) => {
    expect(normaliseRegistryPhone(typed, country)).toBeUndefined();
  });

  test('the same number typed many ways is one registry key', () => {
    const forms = [
      ['+66 81 234 5678'],
      ['081-234-5678', 'TH'],
      ['0066812345678'],
      ['wa.me/66812345678'],
      ['๐๘๑ ๒๓๔ ๕๖๗๘', 'TH'],
    ] as const;
    expect(new Set(forms.map(([typed, country]) => normaliseRegistryPhone(typed, country)))).toEqual(
      new Set(['+66812345678']),
    );
  });
});

describe('findPhonesInPreparedText', () => {
  const numbers = (text: string, countries?: readonly string[]) =>
    findPhonesInPreparedText(preparePhoneText(text), countries).map((phone) => phone.number);

  test('reads local formats with the first default country that makes them valid', () => {
    expect(numbers('Call 081-234-5678 or 0917 123 4567', ['TH', 'PH'])).toEqual(['+66812345678', '+639171234567']);
  });

  test('reads international formats whatever the default countries', () => {
    expect(numbers('HR: +855 12 345 678, boss 0066 81 234 5678', ['ID'])).toEqual(['+85512345678', '+66812345678']);
  });

  test('does not read dates, amounts or invalid numbers as phones', () => {
    expect(numbers('Start 2024-05-12 or 12/05/2024, salary 35,000 THB, ref 1234567', ['TH'])).toEqual([]);
  });

  test('reads Thai digits', () => {
    expect(numbers('โทร ๐๘๑-๒๓๔-๕๖๗๘', ['TH'])).toEqual(['+66812345678']);
  });

  test('reads the number in a WhatsApp link', () => {
    expect(numbers('chat: https://wa.me/66812345678?text=hi')).toEqual(['+66812345678']);
  });

  test('reads every number of a list written with spaces between them', () => {
    const list = ['081-234-5670', '081-234-5671', '089-876-5432', '081-234-5679'];
    expect(numbers(`Call ${list.join(' ')}`, ['TH'])).toEqual([
      '+66812345670',
      '+66812345671',
      '+66898765432',
      '+66812345679',
    ]);
  });

  test('a run of 20,000 digits and spaces gives no number, and a number after it is read', () => {
    expect(numbers('၁ '.repeat(10_000), ['TH', 'MM'])).toEqual([]);
    expect(numbers(`${'+6 6 8 1 '.repeat(2_000)}โทร 081-234-5678`, ['TH'])).toEqual(['+66812345678']);
    expect(numbers(`${'1,'.repeat(10_000)} 081-234-5678`, ['TH'])).toEqual(['+66812345678']);
  });
});
