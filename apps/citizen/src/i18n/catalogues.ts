// Loads a language's catalogue on demand, so a phone downloads only English and the language it shows.
import type { Catalogue } from './translator';

/** What `import.meta.glob('./locales/*.json', { import: 'default' })` returns. */
export type CatalogueImports = Readonly<Record<string, () => Promise<Catalogue>>>;

export type LoadCatalogue = (code: string) => Promise<Catalogue>;

/**
 * A loader that serves English from the bundle and every other language from its own file.
 * A language without a file gets an empty catalogue, so every message shows in English.
 */
export function createCatalogueLoader(english: Catalogue, imports: CatalogueImports): LoadCatalogue {
  const byCode = new Map<string, () => Promise<Catalogue>>();
  for (const [path, load] of Object.entries(imports)) {
    const code = path.match(/([^/]+)\.json$/)?.[1];
    if (code) byCode.set(code, load);
  }
  return async (code) => {
    if (code === 'en') return english;
    const load = byCode.get(code);
    return load ? await load() : {};
  };
}
