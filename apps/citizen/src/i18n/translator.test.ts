// How catalogue messages become text, and what shows when a translation is missing or broken.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createTranslator } from './translator';

const english = {
  'app.name': 'Homeward',
  'app.greeting': 'Hello, {name}',
  'app.days': '{count, plural, one {# day} other {# days}}',
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createTranslator', () => {
  test('a message present in Thai is shown in Thai', () => {
    const translate = createTranslator('th', { 'app.name': 'โฮมเวิร์ด' }, english);
    expect(translate('app.name')).toBe('โฮมเวิร์ด');
  });

  test('a key missing in Thai falls back to English', () => {
    const translate = createTranslator('th', {}, english);
    expect(translate('app.name')).toBe('Homeward');
  });

  test('an empty Thai message falls back to English rather than showing nothing', () => {
    const translate = createTranslator('th', { 'app.name': '' }, english);
    expect(translate('app.name')).toBe('Homeward');
  });

  test('a malformed translation falls back to English rather than breaking the page', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const translate = createTranslator('vi', { 'app.greeting': 'Xin chào, {name' }, english);
    expect(translate('app.greeting', { name: 'An' })).toBe('Hello, An');
  });

  test('a key missing in every language shows the key, so the gap is visible', () => {
    const translate = createTranslator('km', {}, english);
    expect(translate('app.unknown')).toBe('app.unknown');
  });

  test('placeholders are filled in', () => {
    const translate = createTranslator('id', { 'app.greeting': 'Halo, {name}' }, english);
    expect(translate('app.greeting', { name: 'Sari' })).toBe('Halo, Sari');
  });

  test('plurals follow the rules of the language', () => {
    const translate = createTranslator('en', english, english);
    expect(translate('app.days', { count: 1 })).toBe('1 day');
    expect(translate('app.days', { count: 3 })).toBe('3 days');
  });

  test('a key inherited from Object.prototype is not mistaken for a message', () => {
    const translate = createTranslator('lo', {}, {});
    expect(translate('toString')).toBe('toString');
  });
});
