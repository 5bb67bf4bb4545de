// Which language the server answers in.
import { expect, test } from 'vitest';
import { matchLanguage, requestLanguage } from './request-language.js';

test('a language named in the request wins over Accept-Language', () => {
  expect(requestLanguage('vi', 'th,en;q=0.5')).toBe('vi');
  expect(requestLanguage('th-TH', undefined)).toBe('th');
});

test('Accept-Language is read by preference, skipping languages we do not translate and q=0', () => {
  expect(requestLanguage(undefined, 'de-DE,th;q=0.8,en;q=0.5')).toBe('th');
  expect(requestLanguage(undefined, 'en;q=0.2,km;q=0.9')).toBe('km');
  expect(requestLanguage(undefined, 'my;q=0,lo')).toBe('lo');
  expect(requestLanguage(undefined, 'fr, de')).toBe('en');
});

test('an unknown named language falls back to Accept-Language, then English', () => {
  expect(requestLanguage('xx', 'ms')).toBe('ms');
  expect(requestLanguage('xx', undefined)).toBe('en');
  expect(requestLanguage(undefined, 'garbage;;;q=abc,,')).toBe('en');
});

test('old and alternative codes map to our catalogues', () => {
  expect(matchLanguage('tl-PH')).toBe('fil');
  expect(matchLanguage('in')).toBe('id');
  expect(matchLanguage('zh-Hant-TW')).toBe('zh');
  expect(matchLanguage('pt')).toBeUndefined();
});
