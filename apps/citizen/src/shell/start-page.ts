// Starts a localised page: picks the language, fills in every [data-i18n] element, wires the picker and demo banner.

import { type CatalogueImports, createCatalogueLoader } from '../i18n/catalogues';
import { chooseLanguage } from '../i18n/choose-language';
import { findLanguage, isLanguageCode, type LanguageCode, languages } from '../i18n/languages';
import { setPageTranslator, translateElement, translateTree } from '../i18n/live-translation';
import { type Catalogue, createTranslator, type Translate } from '../i18n/translator';
import { fetchIsDemo, insertDemoBanner } from './demo-banner';
import { readSavedLanguage, saveLanguage } from './language-preference';

export interface PageOptions {
  /** The English catalogue, bundled: every other language falls back to it. */
  readonly english: Catalogue;
  /** The other catalogues, from `import.meta.glob('./locales/*.json', { import: 'default' })`. */
  readonly catalogues: CatalogueImports;
  /** False on a page that must leave nothing behind on a borrowed device: a language picked there is not saved. */
  readonly remembersLanguage?: boolean;
}

/**
 * Shows the page in the reader's language and keeps it in step with the language picker
 * (a `<select data-language-picker>`). Resolves once the first translation is on screen.
 */
export async function startPage({ english, catalogues, remembersLanguage = true }: PageOptions): Promise<void> {
  const loadCatalogue = createCatalogueLoader(english, catalogues);
  let translate: Translate = createTranslator('en', english, english);
  let latestRequest = 0;

  const showLanguage = async (code: LanguageCode): Promise<void> => {
    const request = ++latestRequest;
    const language = findLanguage(code);
    const catalogue = await loadCatalogue(code).catch((error: unknown) => {
      console.warn(`Catalogue "${code}" could not be loaded; showing English`, error);
      return {};
    });
    // The reader picked another language while this one loaded; that one wins.
    if (request !== latestRequest) return;
    translate = createTranslator(language.tag, catalogue, english);
    setPageTranslator(translate);
    document.documentElement.lang = language.tag;
    document.documentElement.dir = language.dir;
    translateTree(document.documentElement, translate);
  };

  const browserLanguages = navigator.languages?.length ? navigator.languages : [navigator.language];
  const chosen = chooseLanguage(readSavedLanguage(), browserLanguages);
  const picker = document.querySelector<HTMLSelectElement>('select[data-language-picker]');
  if (picker) {
    fillLanguagePicker(picker, chosen);
    picker.addEventListener('change', () => {
      if (!isLanguageCode(picker.value)) return;
      if (remembersLanguage) saveLanguage(picker.value);
      void showLanguage(picker.value);
    });
  }

  void fetchIsDemo().then((isDemo) => {
    if (isDemo) translateElement(insertDemoBanner(), translate);
  });

  await showLanguage(chosen);
}

function fillLanguagePicker(picker: HTMLSelectElement, chosen: LanguageCode): void {
  picker.replaceChildren(
    ...languages.map((language) => {
      const option = new Option(language.name, language.code, false, language.code === chosen);
      // Each name is in its own language, so a screen reader should pronounce it that way.
      option.lang = language.tag;
      return option;
    }),
  );
}
