import { describe, expect, test } from 'vitest';
import { phraseTable } from './phrase-table.js';

const periods = phraseTable([
  ['per month', 'month'],
  ['/tháng', 'month'],
  ['tháng', 'bare month'],
  ['เดือน', 'thai month'],
]);
const currencies = phraseTable([
  ['rm', 'MYR'],
  ['$', 'USD'],
  ['us$', 'USD'],
  ['đồng', 'VND'],
]);

describe('phraseTable.matchAt', () => {
  test('a space in a phrase matches any run of spaces, or none', () => {
    expect(periods.matchAt('1500 per  month', 5)).toEqual({ start: 5, end: 15, meaning: 'month' });
    expect(periods.matchAt('1500 permonth', 5)).toEqual({ start: 5, end: 13, meaning: 'month' });
    expect(periods.matchAt('1500 per\tmonth', 5)?.end).toBe(14);
  });

  test('"/" may have spaces around it, and the longest phrase wins', () => {
    expect(periods.matchAt('15tr / tháng', 4)).toEqual({ start: 4, end: 12, meaning: 'month' });
    expect(periods.matchAt('15tr tháng', 5)).toEqual({ start: 5, end: 10, meaning: 'bare month' });
  });

  test('ignores case, Vietnamese letters included', () => {
    expect(periods.matchAt('PER MONTH', 0)?.meaning).toBe('month');
    expect(currencies.matchAt('20 ĐỒNG', 3)?.meaning).toBe('VND');
  });

  test('a Latin phrase is not found glued to other letters; other scripts are', () => {
    expect(currencies.matchAt('form', 2)).toBeUndefined();
    expect(currencies.matchAt('rma', 0)).toBeUndefined();
    expect(currencies.matchAt('RM3000', 0)?.meaning).toBe('MYR');
    expect(periods.matchAt('บาทเดือนละ', 3)?.meaning).toBe('thai month');
  });

  test('bounds act as the ends of the text', () => {
    expect(currencies.matchAt('form', 2, { from: 2, to: 4 })?.meaning).toBe('MYR');
    expect(periods.matchAt('per month', 0, { from: 0, to: 5 })).toBeUndefined();
  });
});

describe('phraseTable.matchEndingAt', () => {
  test('finds the longest phrase ending at a place', () => {
    expect(currencies.matchEndingAt('pay US$1500', 7)).toEqual({ start: 4, end: 7, meaning: 'USD' });
    expect(currencies.matchEndingAt('pay $1500', 5)).toEqual({ start: 4, end: 5, meaning: 'USD' });
    expect(periods.matchEndingAt('lương/tháng', 11)).toEqual({ start: 5, end: 11, meaning: 'month' });
  });

  test('not glued to letters, and not before the bounds', () => {
    expect(currencies.matchEndingAt('farm', 4)).toBeUndefined();
    expect(currencies.matchEndingAt('xus$', 4)).toEqual({ start: 3, end: 4, meaning: 'USD' });
    expect(currencies.matchEndingAt('us$', 3, { from: 1, to: 3 })).toEqual({ start: 2, end: 3, meaning: 'USD' });
  });
});

describe('phraseTable.lastMatchIn', () => {
  test('the last phrase read from left to right within the bounds', () => {
    const text = 'RM or $ then RM';
    expect(currencies.lastMatchIn(text, 0, text.length)).toEqual({ start: 13, end: 15, meaning: 'MYR' });
    expect(currencies.lastMatchIn(text, 0, 12)).toEqual({ start: 6, end: 7, meaning: 'USD' });
    expect(currencies.lastMatchIn(text, 8, 12)).toBeUndefined();
  });
});

test('meaningOf reads a phrase as written', () => {
  expect(periods.meaningOf('Per   Month')).toBe('month');
  expect(periods.meaningOf('weekly')).toBeUndefined();
});
