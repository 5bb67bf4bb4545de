// The job-offer check's texts in every language, and what each language still lacks. A missing text falls back to
// English (en.ts), so a new flag or advice needs only an English text to ship.
import { type AdviceCode, adviceCodes } from '../advice.js';
import { type FlagCode, flagCodes } from '../flag-rules.js';
import type { Language } from '../languages.js';
import type { PartialPreventionCatalogue, PreventionCatalogue } from './catalogue.js';
import { en } from './en.js';
import { fil } from './fil.js';
import { id } from './id.js';
import { km } from './km.js';
import { lo } from './lo.js';
import { ms } from './ms.js';
import { my } from './my.js';
import { th } from './th.js';
import { vi } from './vi.js';
import { zh } from './zh.js';

export type { PartialPreventionCatalogue, PreventionCatalogue } from './catalogue.js';

export const preventionCatalogues: Readonly<Record<Language, PreventionCatalogue | PartialPreventionCatalogue>> = {
  en,
  id,
  ms,
  th,
  vi,
  fil,
  my,
  km,
  lo,
  zh,
};

/**
 * A flag's explanation in a language, in English when the language lacks it.
 *
 * ```ts
 * flagExplanation('passport_held', 'km'); // the English text until km.ts has one
 * ```
 */
export function flagExplanation(code: FlagCode, language: Language): string {
  return flagExplanationIn(preventionCatalogues[language], code);
}

/** A flag's explanation from one catalogue, in English when it lacks it or it is blank. */
export function flagExplanationIn(catalogue: PartialPreventionCatalogue, code: FlagCode): string {
  const text = catalogue.flags[code];
  return text === undefined || text.trim() === '' ? en.flags[code] : text;
}

/** An advice text in a language, in English when the language lacks it. */
export function adviceText(code: AdviceCode, language: Language): string {
  const text = preventionCatalogues[language].advice[code];
  return text === undefined || text.trim() === '' ? en.advice[code] : text;
}

/** Every key a catalogue should have: `flag.<code>` and `advice.<code>`. */
export const preventionTranslationKeys: readonly string[] = [
  ...flagCodes.map((code) => `flag.${code}`),
  ...adviceCodes.map((code) => `advice.${code}`),
];

/** Whether a language has its own (non-empty) text for a key. */
export function hasTranslation(
  language: Language,
  key: string,
  catalogues: Readonly<Record<Language, PartialPreventionCatalogue>> = preventionCatalogues,
): boolean {
  const [section, code] = key.split('.') as [string, string];
  const catalogue = catalogues[language];
  const text =
    section === 'flag'
      ? catalogue.flags[code as FlagCode]
      : section === 'advice'
        ? catalogue.advice[code as AdviceCode]
        : undefined;
  return text !== undefined && text.trim() !== '';
}
