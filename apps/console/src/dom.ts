// A few DOM helpers: build elements in one expression, and translate elements made after the page
// started (the shared shell translates what exists at start and on every language change).
import { type CatalogueImports, createCatalogueLoader } from '../../citizen/src/i18n/catalogues';
import { findLanguage, isLanguageCode } from '../../citizen/src/i18n/languages';
import { type Catalogue, createTranslator } from '../../citizen/src/i18n/translator';

type Attributes = Readonly<Record<string, string | boolean | undefined>>;

/**
 * `h('button', { type: 'button', 'data-i18n': 'login.passkey' }, 'Sign in')`: an element with
 * attributes (true sets an empty attribute, false or undefined sets none) and children.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/** A text element translated by key; `english` is shown until the translation is in. */
export function t<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  key: string,
  english: string,
  attributes: Attributes = {},
): HTMLElementTagNameMap[K] {
  return h(tag, { ...attributes, 'data-i18n': key }, english);
}

export type Localise = (root: HTMLElement) => Promise<void>;

/** Translates `root` and its `[data-i18n]` descendants into the language the picker shows now. */
export function createLocaliser(english: Catalogue, catalogues: CatalogueImports): Localise {
  const load = createCatalogueLoader(english, catalogues);
  return async (root) => {
    const picked = document.querySelector<HTMLSelectElement>('select[data-language-picker]')?.value;
    const code = isLanguageCode(picked) ? picked : 'en';
    const catalogue = await load(code).catch(() => ({}));
    const translate = createTranslator(findLanguage(code).tag, catalogue, english);
    const elements = [root, ...root.querySelectorAll<HTMLElement>('[data-i18n]')];
    for (const element of elements) {
      const key = element.dataset.i18n;
      if (key) element.textContent = translate(key);
    }
  };
}
