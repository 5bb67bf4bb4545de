// Dates and countries as the console shows them: in the page's language, from the browser's own data.

/** A country's name in the page's language, from its code. */
export function countryName(code: string | null): string {
  if (code === null || code === '') return '—';
  try {
    return new Intl.DisplayNames([document.documentElement.lang || 'en', 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A time in the page's language, in the reader's regional form when the browser has one. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const language = document.documentElement.lang || 'en';
  const locales = [navigator.language, language].filter((locale) => locale.split('-')[0] === language.split('-')[0]);
  return new Intl.DateTimeFormat(locales.length > 0 ? locales : [language], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}
