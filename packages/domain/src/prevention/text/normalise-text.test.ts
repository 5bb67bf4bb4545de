import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { digitsToAscii, normaliseText, normaliseTextWithOffsets, sourceRange } from './normalise-text.js';

describe('normaliseText', () => {
  test.each([
    ['MYAWADDY', 'myawaddy'],
    ['Mộc Bài, Tây Ninh', 'moc bai, tay ninh'],
    ['Đà Nẵng', 'da nang'],
    ['Las Piñas', 'las pinas'],
    ['Ｓｈｗｅ　Ｋｏｋｋｏ', 'shwe kokko'],
    ['ＫＫ园区', 'kk园区'],
    ['  spaced \t\n out  ', 'spaced out'],
    ['Myawa\u200bddy', 'myawaddy'],
    ['soft\u00adhyphen', 'softhyphen'],
  ])('%j becomes %j', (text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });

  test.each([
    ['Thai', '๓๕,๐๐๐ บาท', '35,000 บาท'],
    ['Burmese', '၁၅၀၀ ဒေါ်လာ', '1500 ဒေါ်လာ'],
    ['Khmer', '១២៣៤', '1234'],
    ['Lao', '໕໐໐', '500'],
    ['full-width', '１２３４', '1234'],
    ['Arabic-Indic', '٤٥٦', '456'],
    ['Extended Arabic-Indic', '۷۸۹', '789'],
  ])('%s digits become ASCII', (_script, text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });

  test('Thai, Burmese, Khmer and Lao letters keep their vowel signs', () => {
    for (const word of ['เมียวดี', 'မြဝတီ', 'ក្រុងព្រះសីហនុ', 'ສາມຫຼ່ຽມຄຳ']) {
      expect(normaliseText(word)).toBe(word.normalize('NFKC'));
    }
  });

  test('a Burmese zero typed for the letter wa inside a word is read as the letter, and as a digit among digits', () => {
    expect(normaliseText('မြ၀တီ')).toBe('မြဝတီ');
    expect(normaliseText('၀၈၁')).toBe('081');
    expect(normaliseText('ဖုန်း ၀၉၁၂')).toBe('ဖုန်း 0912');
  });

  test('normalising twice changes nothing more', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const once = normaliseText(text);
        expect(normaliseText(once)).toBe(once);
      }),
    );
  });
});

describe('normaliseTextWithOffsets', () => {
  test('each normalised character points back at the original characters it came from', () => {
    const original = '  Mộc  Bài';
    const normalised = normaliseTextWithOffsets(original);
    expect(normalised.text).toBe('moc bai');
    const range = sourceRange(normalised, 4, 7);
    expect(original.slice(range.start, range.end)).toBe('Bài');
  });

  test('ranges of any slice stay inside the original and in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.nat(), fc.nat(), (text, a, b) => {
        const normalised = normaliseTextWithOffsets(text);
        fc.pre(normalised.text.length > 0);
        const start = a % normalised.text.length;
        const end = start + 1 + (b % (normalised.text.length - start));
        const range = sourceRange(normalised, start, end);
        expect(range.start).toBeGreaterThanOrEqual(0);
        expect(range.end).toBeLessThanOrEqual(text.length);
        expect(range.start).toBeLessThan(range.end);
      }),
    );
  });
});

describe('digitsToAscii', () => {
  test('changes digits only and keeps the length, so offsets carry over', () => {
    const text = 'โทร ๐๘๑-๒๓๔-๕๖๗๘ or ០១២ ３４';
    const converted = digitsToAscii(text);
    expect(converted).toBe('โทร 081-234-5678 or 012 34');
    expect(converted).toHaveLength(text.length);
  });
});
