// The ten languages the job-offer check explains itself in (English is the fallback for a missing text).

export const languages = ['en', 'id', 'ms', 'th', 'vi', 'fil', 'my', 'km', 'lo', 'zh'] as const;

export type Language = (typeof languages)[number];

/**
 * Whether a string is one of the supported languages.
 *
 * ```ts
 * isLanguage('vi'); // true
 * isLanguage('fr'); // false
 * ```
 */
export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}
