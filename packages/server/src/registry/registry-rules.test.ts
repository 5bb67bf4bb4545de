// The registry's pure parts: the proof of work, text checks and how subjects are normalised.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isProofOfWorkSolved, leadingZeroBits, newChallenge, solveProofOfWork } from './proof-of-work.js';
import { guessSubjectKind, normaliseSubject } from './registry-subjects.js';
import { checkTexts, cleanText, textProblem } from './registry-text.js';

describe('proof of work', () => {
  test.each([
    [[0xff], 0],
    [[0x80], 0],
    [[0x7f], 1],
    [[0x01], 7],
    [[0x00, 0x80], 8],
    [[0x00, 0x00, 0x0f], 20],
    [[0x00, 0x00], 16],
  ])('%j starts with %i zero bits', (bytes, bits) => {
    expect(leadingZeroBits(Uint8Array.from(bytes))).toBe(bits);
  });

  test('a solved nonce meets the difficulty, and the hash is SHA-256 of "challenge:nonce"', () => {
    const challenge = newChallenge();
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const nonce = solveProofOfWork(challenge, 10);
    expect(isProofOfWorkSolved(challenge, nonce, 10)).toBe(true);
    const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
    expect(leadingZeroBits(digest)).toBeGreaterThanOrEqual(10);
  });

  test('a nonce for one challenge says nothing about another', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (nonce) => {
        const digest = createHash('sha256').update(`fixed-challenge:${nonce}`).digest();
        return isProofOfWorkSolved('fixed-challenge', nonce, 12) === leadingZeroBits(digest) >= 12;
      }),
    );
  });
});

describe('text checks', () => {
  test.each([
    ['NUL', 'a\u0000b', 'multi-line', 'contains a control or formatting character that is not allowed'],
    ['escape', 'a\u001b[31mb', 'multi-line', 'contains a control or formatting character that is not allowed'],
    ['a C1 control', 'a\u0085b', 'multi-line', 'contains a control or formatting character that is not allowed'],
    [
      'a right-to-left override',
      'moc.\u202Eelpmaxe',
      'single-line',
      'contains a control or formatting character that is not allowed',
    ],
    ['a line break in one-line text', 'a\nb', 'single-line', 'must be on one line'],
  ] as const)('%s is refused', (_name, value, shape, message) => {
    expect(textProblem(value, shape)).toBe(message);
  });

  test('tabs and line breaks are fine in multi-line text, as is any script', () => {
    expect(textProblem('line\r\n\tline', 'multi-line')).toBeUndefined();
    expect(textProblem('บริษัท โกลเด้น สกาย จำกัด · 金天贸易有限公司 · Công ty TNHH', 'single-line')).toBeUndefined();
    expect(cleanText('  a\r\nb  ', 'multi-line')).toBe('a\nb');
    expect(cleanText('  Golden   Sky  ', 'single-line')).toBe('Golden Sky');
    expect(checkTexts([{ field: 'body/x', value: undefined, shape: 'multi-line' }])).toEqual([]);
  });
});

describe('subjects', () => {
  test.each([
    ['+66 81 234 5678', undefined, '+66812345678'],
    ['0066-81-234-5678', undefined, '+66812345678'],
    ['(+66) 81.234.5678', undefined, '+66812345678'],
    ['081 234 5678', 'TH', '+66812345678'],
    ['0812345678', 'th', '+66812345678'],
    ['+855 12 345 678', undefined, '+85512345678'],
    ['tel:+62 812-3456-7890', undefined, '+6281234567890'],
  ])('phone %s (country %s) is %s', (typed, country, expected) => {
    expect(normaliseSubject('phone', typed, country)?.normalised).toBe(expected);
  });

  test('a local phone number without its country, or no number at all, is refused', () => {
    expect(normaliseSubject('phone', '081 234 5678')).toBeUndefined();
    expect(normaliseSubject('phone', '+66 12')).toBeUndefined();
    expect(normaliseSubject('phone', 'call me')).toBeUndefined();
  });

  test.each([
    ['Golden Sky Trading Co., Ltd', 'golden sky trading'],
    ['GOLDEN SKY TRADING COMPANY LIMITED', 'golden sky trading'],
    ['PT Maju Jaya Tbk', 'maju jaya'],
    ['Bright Future Manpower Sdn. Bhd.', 'bright future manpower'],
    ['Công ty TNHH Sao Vàng', 'sao vang'],
    ['金天贸易有限公司', '金天贸易'],
    ['บริษัท โกลเด้น สกาย จำกัด', 'โกลเด้น สกาย'],
    ['Ltd', 'ltd'],
  ])('company %s compares as %s', (typed, expected) => {
    expect(normaliseSubject('company', typed)?.normalised).toBe(expected);
  });

  test('a company is displayed as typed, trimmed', () => {
    expect(normaliseSubject('company', '  Golden  Sky Trading Co., Ltd ')?.display).toBe('Golden Sky Trading Co., Ltd');
  });

  test.each([
    ['https://www.Example.com/Jobs/?ref=fb#apply', 'example.com/Jobs'],
    ['example.com', 'example.com'],
    ['http://jobs.example.co.th/a/', 'jobs.example.co.th/a'],
  ])('url %s is %s', (typed, expected) => {
    expect(normaliseSubject('url', typed)?.normalised).toBe(expected);
  });

  test('a url must be http or https with a dotted host', () => {
    expect(normaliseSubject('url', 'javascript:alert(1)')).toBeUndefined();
    expect(normaliseSubject('url', 'localhost')).toBeUndefined();
  });

  test.each([
    ['@GoldenSkyHR', '@goldenskyhr'],
    ['GoldenSkyHR', '@goldenskyhr'],
    ['https://t.me/GoldenSkyHR', 'telegram:@goldenskyhr'],
    ['telegram:@GoldenSkyHR', 'telegram:@goldenskyhr'],
    ['Line ID: thai.job', 'line:thai.job'],
    ['wa:+66 81 234 5678', 'wa:+66812345678'],
  ])('handle %s is %s', (typed, expected) => {
    expect(normaliseSubject('handle', typed)?.normalised).toBe(expected);
  });

  test.each([
    ['+66 81 234 5678', 'phone'],
    ['081-234-5678', 'phone'],
    ['@goldensky', 'handle'],
    ['t.me/goldensky', 'handle'],
    ['https://example.com/x', 'url'],
    ['golden-sky-jobs.example/apply', 'url'],
    ['Golden Sky Trading Co., Ltd', 'company'],
    ['7-Eleven', 'company'],
  ])('a search for %s is taken as a %s', (query, kind) => {
    expect(guessSubjectKind(query)).toBe(kind);
  });
});
