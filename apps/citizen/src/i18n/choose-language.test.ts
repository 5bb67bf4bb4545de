// Which language a reader sees, from their saved choice and their browser's languages.
import { describe, expect, test } from 'vitest';
import { chooseLanguage, matchLanguage } from './choose-language';

describe('chooseLanguage', () => {
  test('a saved choice wins over the browser languages', () => {
    expect(chooseLanguage('km', ['th-TH', 'en-US'])).toBe('km');
  });

  test('a saved choice we no longer support is ignored', () => {
    expect(chooseLanguage('de', ['vi-VN'])).toBe('vi');
  });

  test('an Indonesian browser gets the Indonesian catalogue', () => {
    expect(chooseLanguage(null, ['id-ID'])).toBe('id');
  });

  test('a Filipino browser gets the Filipino catalogue, whether it says fil or tl', () => {
    expect(chooseLanguage(null, ['fil-PH'])).toBe('fil');
    expect(chooseLanguage(null, ['tl'])).toBe('fil');
    expect(chooseLanguage(null, ['tl-PH'])).toBe('fil');
  });

  test('a Chinese browser gets the simplified Chinese catalogue', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'zh_CN']) expect(chooseLanguage(null, [tag])).toBe('zh');
  });

  test('a Malaysian browser gets the Malay catalogue', () => {
    expect(chooseLanguage(null, ['ms-MY'])).toBe('ms');
  });

  test('an old Android that reports Indonesian as "in" still gets Indonesian', () => {
    expect(chooseLanguage(null, ['in-ID'])).toBe('id');
  });

  test('the first browser language we have wins, in the browser order', () => {
    expect(chooseLanguage(null, ['de-DE', 'my-MM', 'th-TH', 'en'])).toBe('my');
  });

  test('a browser with no language we have gets English', () => {
    expect(chooseLanguage(null, ['de-DE', 'fr'])).toBe('en');
    expect(chooseLanguage(undefined, [])).toBe('en');
  });

  test('tags are matched regardless of letter case', () => {
    expect(chooseLanguage(null, ['LO-la'])).toBe('lo');
  });
});

describe('matchLanguage', () => {
  test('a language we do not have matches nothing', () => {
    expect(matchLanguage('ja-JP')).toBeUndefined();
    expect(matchLanguage('')).toBeUndefined();
  });

  test('a tag that only starts like one of ours matches nothing', () => {
    expect(matchLanguage('fi-FI')).toBeUndefined();
    expect(matchLanguage('mya')).toBeUndefined();
  });
});
