import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findCompanyMailDomains, findCompanyNames } from './company-mentions.js';

// The patterns as first written: plain regular expressions, which go back over long runs of letters or digits
// (the square of their length) but say plainly what is meant. The readers must find what these find.
const plainLatinName =
  /(?:[\p{Lu}0-9][\p{L}0-9&'’.-]*\s+){0,5}?[\p{Lu}0-9][\p{L}0-9&'’.-]*\s*,?\s+(?:\(\p{L}+\)\s+)?(?:Co\.?,?\s*Ltd\.?|Company\s+Limited|Sdn\.?\s*Bhd\.?|Pte\.?\s*Ltd\.?|Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|Corporation|JSC|PLC)(?![\p{L}])/gu;
const plainMailDomain = /[\p{L}0-9._%+-]+@((?:[a-z0-9-]+\.)+[a-z]{2,})/giu;

const pieces = [
  'A',
  'Bb',
  'a',
  '1',
  ' ',
  '  ',
  ',',
  '.',
  '-',
  '@',
  'Co',
  'Ltd',
  'Co., Ltd.',
  'Sdn Bhd',
  'Inc',
  '(Thailand) ',
];
const morePieces = ['x', 'com', '.com', '.my', '𝐀', 'É', 'é', '\n', 'Limited', 'Company Limited', 'hr@', 'gmail.com'];
const text = fc.array(fc.constantFrom(...pieces, ...morePieces), { maxLength: 16 }).map((chosen) => chosen.join(''));

describe('findCompanyNames', () => {
  test('reads names with a legal form', () => {
    expect(findCompanyNames('Apply to Contoh Apparel (Cambodia) Co., Ltd., Phnom Penh or PT Sinar Karya')).toEqual([
      'Contoh Apparel (Cambodia) Co., Ltd.',
      'PT Sinar Karya',
    ]);
  });

  test('finds the Latin names the plain pattern finds', () => {
    fc.assert(
      fc.property(text, (given) => {
        const plain = [...given.matchAll(plainLatinName)].map((match) => match[0].trim());
        expect(findCompanyNames(given)).toEqual([...new Set(plain)]);
      }),
      { numRuns: 2_000 },
    );
  });

  test('a name after 20,000 digits or capitals is still read, and the runs give none', () => {
    expect(findCompanyNames(`${'1'.repeat(20_000)}; Contoh Apparel Co., Ltd.`)).toEqual(['Contoh Apparel Co., Ltd.']);
    expect(findCompanyNames(`${'A1'.repeat(10_000)} Ltd`)).toHaveLength(1);
    expect(findCompanyNames('1 '.repeat(10_000))).toEqual([]);
    expect(findCompanyNames('万'.repeat(20_000))).toEqual([]);
  });
});

describe('findCompanyMailDomains', () => {
  test('keeps company domains, not free mail', () => {
    expect(findCompanyMailDomains('CV to hr@contoh-plastik.com.my or jobs@gmail.com')).toEqual([
      'contoh-plastik.com.my',
    ]);
  });

  test('finds the domains the plain pattern finds', () => {
    fc.assert(
      fc.property(text, (given) => {
        const plain = [...given.matchAll(plainMailDomain)].map((match) => (match[1] ?? '').toLowerCase());
        expect(findCompanyMailDomains(given)).toEqual([...new Set(plain)].filter((domain) => domain !== 'gmail.com'));
      }),
      { numRuns: 2_000 },
    );
  });

  test('an address after 20,000 letters with no "@" is still read', () => {
    expect(findCompanyMailDomains(`${'a.b'.repeat(7_000)} hr@contoh.com`)).toEqual(['contoh.com']);
    expect(findCompanyMailDomains(`@ ${'万'.repeat(20_000)}`)).toEqual([]);
  });
});
