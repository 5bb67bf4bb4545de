// Phone numbers in free text and as typed into a report, reduced to E.164 so one number is always one registry key.
// libphonenumber-js (the "max" metadata) decides what is a valid number; we only prepare the text for it.
import {
  type CountryCode,
  findPhoneNumbersInText,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import { digitsToAscii } from './normalise-text.js';

// Dates look like Bangkok landlines to a phone parser: 2024-05-12 would read as +66 2 024 0512.
const datePatterns = [/\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/gu, /\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/gu];
// What WhatsApp links carry: the number in international form without the plus.
const whatsAppLink = /\b(?:wa\.me\/|(?:api\.)?whatsapp\.com\/send\/?\?(?:[^\s#]*&)?phone=)\+?(\d{7,15})/giu;

const spaces = (text: string) => ' '.repeat(text.length);

// What a phone number may be written with, as libphonenumber reads it: digits, plus signs, brackets and its
// punctuation (dashes, slashes, dots, spaces, tildes). A number never spans two runs of these.
const phoneRun =
  /[+\uff0b([\uff08\uff3b)\]\uff09\uff3d\p{Nd}\-\u2010-\u2015\u2212\u30fc\uff0d\uff0f/\uff0e. \u00a0\u00ad\u200b\u2060\u3000~\u2053\u223c\uff5e]+/gu;
const decimalDigit = /\p{Nd}/gu;
/** Fewer digits than this is no phone number (Singapore's and Hong Kong's, the region's shortest, have eight). */
const fewestDigits = 6;
/** Of a longer run (a list of numbers, or a hostile text), only the start is read, up to a space. */
const longestRun = 80;
/** The runs read in one text at most: an ad never gives this many numbers, and each costs the parser some time. */
const mostRuns = 64;

/** A run cut to at most {@link longestRun} characters, at a space, the rest blanked out. */
function shortened(run: string): string {
  if (run.length <= longestRun) return run;
  const cut = Math.max(0, run.lastIndexOf(' ', longestRun));
  return run.slice(0, cut) + ' '.repeat(run.length - cut);
}

/**
 * The text with every run of phone characters that cannot hold a number (too few digits, or beyond the first
 * {@link mostRuns}) blanked out, and long runs shortened, so the parser, which is slow on digits, only reads likely
 * numbers. Blanking keeps offsets, and what stands next to a run the parser reads.
 */
function onlyLikelyNumbers(text: string): string {
  let kept = 0;
  return text.replace(phoneRun, (whole) => {
    const run = shortened(whole);
    const digits = run.length < fewestDigits ? 0 : (run.match(decimalDigit)?.length ?? 0);
    if (digits < fewestDigits || kept >= mostRuns) return spaces(run);
    kept += 1;
    return run;
  });
}

/** The text with the given ranges (in order or not, not overlapping) blanked out, in one pass. */
function withoutRanges(text: string, ranges: readonly { start: number; end: number }[]): string {
  if (ranges.length === 0) return text;
  const pieces: string[] = [];
  let from = 0;
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = Math.max(from, range.start);
    if (range.end <= start) continue;
    pieces.push(text.slice(from, start), ' '.repeat(range.end - start));
    from = range.end;
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}

/** Full-width and local digits in ASCII, full-width plus signs plain, invisible characters gone; same length. */
export function preparePhoneText(text: string): string {
  return digitsToAscii(text)
    .replace(/＋/gu, '+')
    .replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/gu, ' ');
}

/** "0066 81…" is how the number is dialled from abroad; the parser wants "+66 81…". Same length. */
function internationalPrefixAsPlus(text: string): string {
  return text.replace(/(?<![\d+,.])00(?=[1-9]\d)/gu, ' +');
}

const supportedCountries = (countries: readonly string[] | undefined): CountryCode[] =>
  (countries ?? []).map((country) => country.toUpperCase()).filter((country) => isSupportedCountry(country));

/**
 * One phone number as a reporter types it, in any format, as E.164; `undefined` when it is not a valid number.
 * `defaultCountry` (ISO 3166-1 alpha-2) resolves a local format such as "081-234-5678". A number written with its
 * country code but no plus ("66812345678", as copied from a WhatsApp link) is understood too.
 *
 * ```ts
 * normaliseRegistryPhone('081-234-5678', 'TH'); // '+66812345678'
 * normaliseRegistryPhone('wa.me/66812345678'); // '+66812345678'
 * normaliseRegistryPhone('12345'); // undefined
 * ```
 */
export function normaliseRegistryPhone(typed: string, defaultCountry?: string): string | undefined {
  const prepared = preparePhoneText(typed.normalize('NFKC'))
    .trim()
    .replace(/^(?:tel:|(?:https?:\/\/)?(?:wa\.me\/|(?:api\.)?whatsapp\.com\/send\/?\?phone=))/iu, '');
  if (!/^[+\d\s().\-–/]{6,30}$/u.test(prepared) || (prepared.match(/\+/gu)?.length ?? 0) > 1) return undefined;
  const international = internationalPrefixAsPlus(prepared).trim();
  const [country] = supportedCountries(defaultCountry === undefined ? [] : [defaultCountry]);
  const local = parsePhoneNumberFromString(international, country);
  if (local?.isValid()) return local.number;
  if (international.startsWith('+')) return undefined;
  const withPlus = parsePhoneNumberFromString(`+${international.replace(/\D/gu, '')}`);
  return withPlus?.isValid() ? withPlus.number : undefined;
}

/** A phone number found in text: E.164 and where it stood, so the caller can read the words before it. */
export interface FoundPhone {
  readonly number: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Every valid phone number in `text` (already passed through {@link preparePhoneText}), in order, without repeats.
 * International formats are read whatever the default countries; a local format is read with the first default
 * country that makes it valid. Parts of the text to ignore (links) are passed as ranges.
 */
export function findPhonesInPreparedText(
  text: string,
  defaultCountries: readonly string[] | undefined,
  ignore: readonly { start: number; end: number }[] = [],
): FoundPhone[] {
  let masked = withoutRanges(text, ignore);
  for (const pattern of datePatterns) masked = masked.replace(pattern, spaces);
  masked = onlyLikelyNumbers(internationalPrefixAsPlus(masked));
  const found: FoundPhone[] = [];
  const overlaps = (start: number, end: number) => found.some((other) => start < other.end && other.start < end);
  for (const country of [...supportedCountries(defaultCountries), undefined]) {
    const numbers = findPhoneNumbersInText(masked, country === undefined ? undefined : { defaultCountry: country });
    for (const { number, startsAt, endsAt } of numbers) {
      if (number.isValid() && !overlaps(startsAt, endsAt)) {
        found.push({ number: number.number, start: startsAt, end: endsAt });
      }
    }
  }
  for (const link of [...text.matchAll(whatsAppLink)].slice(0, mostRuns)) {
    const number = normaliseRegistryPhone(`+${link[1] ?? ''}`);
    if (number) found.push({ number, start: link.index, end: link.index + link[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
