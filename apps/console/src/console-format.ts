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
  return new Intl.DateTimeFormat(readerLocales(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The page's language, in the reader's regional form when the browser has one (en-GB: 24 Nov 2026). */
function readerLocales(): string[] {
  const language = document.documentElement.lang || 'en';
  const locales = [navigator.language, language].filter((locale) => locale.split('-')[0] === language.split('-')[0]);
  return locales.length > 0 ? locales : [language];
}

/** A time of day in the page's language ("14:05:09"), for "read at" lines. */
export function formatClock(date: Date): string {
  return new Intl.DateTimeFormat(readerLocales(), { timeStyle: 'medium' }).format(date);
}

/** A calendar date (`YYYY-MM-DD`) in the page's language, read as that day wherever the reader is. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(readerLocales(), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
