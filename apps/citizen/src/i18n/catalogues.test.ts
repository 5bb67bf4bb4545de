// The catalogue loader, and a check that every translated message in every app is usable.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, test } from 'vitest';
import { createCatalogueLoader } from './catalogues';
import { languages } from './languages';
import type { Catalogue } from './translator';

describe('createCatalogueLoader', () => {
  const english = { 'app.name': 'Homeward' };
  const thai = { 'app.name': 'โฮมเวิร์ด' };
  const load = createCatalogueLoader(english, { './locales/th.json': async () => thai });

  test('English is served from the bundle', async () => {
    expect(await load('en')).toBe(english);
  });

  test('a language is loaded from its own file', async () => {
    expect(await load('th')).toBe(thai);
  });

  test('a language without a file gets an empty catalogue, so English shows', async () => {
    expect(await load('lo')).toEqual({});
  });
});

// Every catalogue of every app, keyed from the apps folder: './console/src/locales/th.json'.
const allCatalogues = import.meta.glob<Catalogue>('./*/src/locales/*.json', {
  base: '../../..',
  eager: true,
  import: 'default',
});
const catalogueFolders = [...new Set(Object.keys(allCatalogues).map((path) => path.replace(/\/[^/]+\.json$/, '')))];

describe.each(catalogueFolders)('the catalogues in %s', (folder) => {
  const english = allCatalogues[`${folder}/en.json`] ?? {};

  test('exist for every language we offer', () => {
    const missing = languages.filter((language) => !allCatalogues[`${folder}/${language.code}.json`]);
    expect(missing.map((language) => language.code)).toEqual([]);
  });

  test.each(languages.map((language) => language.code))(
    'in %s hold valid messages with the English placeholders',
    (code) => {
      const catalogue = allCatalogues[`${folder}/${code}.json`] ?? {};
      for (const [key, message] of Object.entries(catalogue)) {
        const englishMessage = english[key];
        expect(englishMessage, `${code} has "${key}", which English lacks`).toBeTypeOf('string');
        expect(placeholdersOf(message), `placeholders of "${key}" in ${code}`).toEqual(
          placeholdersOf(englishMessage ?? ''),
        );
      }
    },
  );
});

function placeholdersOf(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: ReturnType<IntlMessageFormat['getAst']>): void => {
    for (const element of elements) {
      if ('value' in element && element.type !== 0 && typeof element.value === 'string') names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) visit(option.value);
      if ('children' in element) visit(element.children);
    }
  };
  visit(new IntlMessageFormat(message, 'en').getAst());
  return [...names].sort();
}
