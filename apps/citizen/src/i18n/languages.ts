// The languages Homeward speaks, each named in itself so a reader can find their own in the picker.

export interface Language {
  /** The catalogue file name, e.g. `zh` for `locales/zh.json`. */
  readonly code: string;
  /** The BCP 47 tag for `<html lang>`; `zh-Hans` makes browsers pick simplified Chinese glyphs. */
  readonly tag: string;
  /** The language's own name for itself. */
  readonly name: string;
  readonly dir: 'ltr' | 'rtl';
}

export const languages = [
  { code: 'en', tag: 'en', name: 'English', dir: 'ltr' },
  { code: 'id', tag: 'id', name: 'Bahasa Indonesia', dir: 'ltr' },
  { code: 'ms', tag: 'ms', name: 'Bahasa Melayu', dir: 'ltr' },
  { code: 'th', tag: 'th', name: 'ไทย', dir: 'ltr' },
  { code: 'vi', tag: 'vi', name: 'Tiếng Việt', dir: 'ltr' },
  { code: 'fil', tag: 'fil', name: 'Filipino', dir: 'ltr' },
  { code: 'my', tag: 'my', name: 'မြန်မာ', dir: 'ltr' },
  { code: 'km', tag: 'km', name: 'ខ្មែរ', dir: 'ltr' },
  { code: 'lo', tag: 'lo', name: 'ລາວ', dir: 'ltr' },
  { code: 'zh', tag: 'zh-Hans', name: '简体中文', dir: 'ltr' },
] as const satisfies readonly Language[];

export type LanguageCode = (typeof languages)[number]['code'];

export const defaultLanguage: LanguageCode = 'en';

export function isLanguageCode(value: unknown): value is LanguageCode {
  return languages.some((language) => language.code === value);
}

export function findLanguage(code: LanguageCode): Language {
  return languages.find((language) => language.code === code) ?? languages[0];
}
