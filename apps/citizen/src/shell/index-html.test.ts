// Each app's index.html shows English before the script runs; it must say what the English catalogue says.
import { describe, expect, test } from 'vitest';
import type { Catalogue } from '../i18n/translator';

// Keyed from the apps folder: './console/index.html', './console/src/locales/en.json'.
const pages = import.meta.glob<string>('./*/index.html', {
  base: '../../..',
  eager: true,
  query: '?raw',
  import: 'default',
});
const englishCatalogues = import.meta.glob<Catalogue>('./*/src/locales/en.json', {
  base: '../../..',
  eager: true,
  import: 'default',
});

describe.each(Object.keys(pages))('%s', (path) => {
  const html = pages[path] ?? '';
  const english = englishCatalogues[path.replace('index.html', 'src/locales/en.json')] ?? {};
  const translated = [...html.matchAll(/<(\w+)[^>]*\sdata-i18n="([^"]+)"[^>]*>([^<]*)<\/\1>/g)];

  test('has text to translate', () => {
    expect(translated.length).toBeGreaterThan(0);
  });

  test('shows the English catalogue text before the script runs', () => {
    for (const [, , key = '', text] of translated) expect(text, `data-i18n="${key}"`).toBe(english[key]);
  });
});
