import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findChineseNumerals, readChineseNumerals, readDigits, withAsciiDigits } from './number-reading.js';

describe('withAsciiDigits', () => {
  test.each([
    ['๓๕,๐๐๐ บาท', '35,000 บาท'],
    ['လစာ ၁၅ သိန်း', 'လစာ 15 သိန်း'],
    ['៤០០ រៀល', '400 រៀល'],
    ['໓,໕໐໐ ກີບ', '3,500 ກີບ'],
    ['１５０００元／月', '15000元/月'],
    ['၁ဝဝ', '100'],
    ['၈ဝဝ,ဝဝဝ', '800,000'],
  ])('%s reads as %s', (text, expected) => {
    expect(withAsciiDigits(text)).toBe(expected);
  });

  test('the Burmese letter wa stays a letter inside a word', () => {
    expect(withAsciiDigits('ဝင်ငွေ ၁ဝ')).toBe('ဝင်ငွေ 10');
  });

  test('keeps the length, so offsets in the result are offsets in the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(withAsciiDigits(text)).toHaveLength(text.length);
      }),
    );
  });
});

describe('readDigits', () => {
  test.each([
    ['35000', 35_000],
    ['35,000', 35_000],
    ['15.000.000', 15_000_000],
    ['1,200,000', 1_200_000],
    ['1,234.50', 1_234.5],
    ['1.234,50', 1_234.5],
    ['3.5', 3.5],
    ['3,5', 3.5],
    ['0.500', 0.5],
    ['1,0000', 10_000],
  ])('%s is %d', (token, expected) => {
    expect(readDigits(token)).toBe(expected);
  });

  test.each([['15.10.2024'], ['1,23,4'], ['abc']])('%s is not a number', (token) => {
    expect(readDigits(token)).toBeUndefined();
  });

  test('reads back any whole number written with thousands separators of either kind', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom(',', '.'), (value, separator) => {
        const written = value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, separator);
        expect(readDigits(written)).toBe(value);
      }),
    );
  });
});

describe('readChineseNumerals', () => {
  test.each([
    ['两万', 20_000],
    ['一万五', 15_000],
    ['三千五', 3_500],
    ['一万二千', 12_000],
    ['十万', 100_000],
    ['一万零五', 10_005],
    ['十二', 12],
  ])('%s is %d', (numerals, expected) => {
    expect(readChineseNumerals(numerals)).toBe(expected);
  });
});

describe('findChineseNumerals', () => {
  test.each<[string, string[]]>([
    ['月薪一万五，包吃住', ['一万五']],
    ['两万到三万', ['两万', '三万']],
    ['万一万', ['一万']],
    ['一二三', []],
    ['十二', []],
    ['第一名', []],
    ['一万零五百元', ['一万零五百']],
  ])('%s', (text, expected) => {
    expect(findChineseNumerals(text).map(({ start, end }) => text.slice(start, end))).toEqual(expected);
  });

  test('a long run without a unit is passed over in one reading', () => {
    expect(findChineseNumerals('一'.repeat(20_000))).toEqual([]);
    expect(findChineseNumerals(`${'一'.repeat(20_000)}万`)).toEqual([{ start: 0, end: 20_001 }]);
  });
});
