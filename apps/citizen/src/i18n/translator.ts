// Formats catalogue messages in the reader's language, falling back to English key by key.
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';

/** A message catalogue: flat key → ICU message string. */
export type Catalogue = Readonly<Record<string, string>>;

export type MessageValues = Readonly<Record<string, PrimitiveType>>;

export type Translate = (key: string, values?: MessageValues) => string;

/**
 * A `Translate` for one language. A key that is missing, empty or malformed in that language shows the
 * English message; a key missing from English too shows the key itself, so the gap is visible, not blank.
 *
 * @example createTranslator('th', thai, english)('app.name')
 */
export function createTranslator(locale: string, catalogue: Catalogue, english: Catalogue): Translate {
  const translated = createFormatter(locale, catalogue);
  const inEnglish = createFormatter('en', english);
  return (key, values) => translated(key, values) ?? inEnglish(key, values) ?? key;
}

type Formatter = (key: string, values?: MessageValues) => string | undefined;

function createFormatter(locale: string, catalogue: Catalogue): Formatter {
  const compiled = new Map<string, IntlMessageFormat | undefined>();
  const compile = (key: string): IntlMessageFormat | undefined => {
    const message = Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
    if (!message) return undefined;
    try {
      return new IntlMessageFormat(message, locale);
    } catch {
      // Only the key and language: a message is not personal data, but keep the habit.
      console.warn(`Malformed message "${key}" in "${locale}"; showing the fallback`);
      return undefined;
    }
  };
  return (key, values) => {
    if (!compiled.has(key)) compiled.set(key, compile(key));
    const format = compiled.get(key);
    if (!format) return undefined;
    try {
      const result = format.format(values);
      return Array.isArray(result) ? result.join('') : String(result);
    } catch {
      console.warn(`Message "${key}" in "${locale}" could not be formatted; showing the fallback`);
      return undefined;
    }
  };
}
