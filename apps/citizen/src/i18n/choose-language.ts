// Picks the language to show: the reader's saved choice, else the best match from their browser, else English.
import { defaultLanguage, isLanguageCode, type LanguageCode } from './languages';

// Browser primary subtags that mean one of our catalogues under another code.
const aliases: ReadonlyMap<string, LanguageCode> = new Map([
  // Filipino is the standardised form of Tagalog; many phones still report tl-PH.
  ['tl', 'fil'],
  // The withdrawn ISO 639 code for Indonesian, still sent by older Android and Java runtimes.
  ['in', 'id'],
  // Standard Malay as spoken in Malaysia.
  ['zsm', 'ms'],
]);

/**
 * The catalogue for one browser language tag, if we have one.
 * Every Chinese tag gets simplified Chinese: a reader of traditional script understands it better than English.
 *
 * @example matchLanguage('id-ID') // 'id'
 */
export function matchLanguage(tag: string): LanguageCode | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const code = aliases.get(primary) ?? primary;
  return isLanguageCode(code) ? code : undefined;
}

/**
 * The language to show, from a saved choice (ignored unless we still support it) and the browser's
 * preferred languages in order.
 *
 * @example chooseLanguage(null, ['de-DE', 'fil-PH', 'en-US']) // 'fil'
 */
export function chooseLanguage(saved: string | null | undefined, browserLanguages: readonly string[]): LanguageCode {
  if (isLanguageCode(saved)) return saved;
  for (const tag of browserLanguages) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return defaultLanguage;
}
