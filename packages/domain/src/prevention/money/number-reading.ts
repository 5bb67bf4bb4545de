// Reading numbers as people type them in ads across the region: Thai, Lao, Burmese, Khmer and full-width digits,
// "," or "." as the thousands separator (Indonesian and Vietnamese write 15.000.000), and Chinese numerals.
import { digitZeros } from '../text/normalise-text.js';

/** Full-width punctuation that is part of how amounts are written, mapped to its ASCII twin. */
const fullWidthPunctuation: Readonly<Record<string, string>> = {
  '，': ',',
  '．': '.',
  '＄': '$',
  '￥': '¥',
  '－': '-',
  '＋': '+',
  '／': '/',
  '：': ':',
};

/** Anything `withAsciiDigits` may change: the digits above, the punctuation above, and the Burmese letter wa. */
const anythingToChange =
  /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0e50-\u0e59\u0ed0-\u0ed9\u1040-\u1049\u1090-\u1099\u17e0-\u17e9\uff10-\uff19，．＄￥－＋／：ဝ]/;

const myanmarZero = 0x1040;
const myanmarLetterWa = 'ဝ';

function asciiDigit(code: number): string | undefined {
  for (const zero of digitZeros) {
    if (code >= zero && code <= zero + 9) return String(code - zero);
  }
  return undefined;
}

/**
 * The text with every digit of the region's scripts as an ASCII digit, one UTF-16 unit for one, so offsets in the
 * result are offsets in the text. Burmese writers often type the letter wa (ဝ) for zero (၀); next to a Burmese
 * digit it is read as zero.
 *
 * ```ts
 * withAsciiDigits('๓๕,๐๐๐ บาท'); // '35,000 บาท'
 * withAsciiDigits('၁ဝဝ'); // '100'
 * ```
 */
export function withAsciiDigits(text: string): string {
  const firstToChange = text.search(anythingToChange);
  if (firstToChange < 0) return text;
  const pieces: string[] = [];
  let copiedUntil = 0;
  let previousWasMyanmarDigit = false;
  // A Burmese digit, the only thing that matters from before, would itself be something to change.
  for (let index = firstToChange; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // ASCII is kept as it is; only "," and "." matter, keeping a Burmese number going ("၈ဝဝ,ဝဝဝ").
    if (code < 0x80) {
      if (code !== 0x2c && code !== 0x2e) previousWasMyanmarDigit = false;
      continue;
    }
    let replacement = asciiDigit(code);
    if (replacement !== undefined) {
      previousWasMyanmarDigit = code >= myanmarZero && code <= myanmarZero + 9;
    } else if (isWaWrittenForZero(text, index, previousWasMyanmarDigit)) {
      replacement = '0';
      previousWasMyanmarDigit = true;
    } else {
      previousWasMyanmarDigit = false;
      replacement = fullWidthPunctuation[text.charAt(index)];
    }
    if (replacement === undefined) continue;
    pieces.push(text.slice(copiedUntil, index), replacement);
    copiedUntil = index + 1;
  }
  if (copiedUntil === 0) return text;
  pieces.push(text.slice(copiedUntil));
  return pieces.join('');
}

function isMyanmarDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= myanmarZero && code <= myanmarZero + 9;
}

/** A Burmese letter or vowel sign other than wa: after wa, it makes wa a letter ("ဝင်ငွေ", income), not a zero. */
function isMyanmarLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0x1000 && code <= 0x103f && code !== 0x101d;
}

function isWaWrittenForZero(text: string, index: number, previousWasMyanmarDigit: boolean): boolean {
  if (text.charAt(index) !== myanmarLetterWa || isMyanmarLetterAt(text, index + 1)) return false;
  return previousWasMyanmarDigit || isMyanmarDigitAt(text, index + 1);
}

const onlyAsciiDigits = /^\d+$/;

/**
 * The value of digits with "," and "." separators, deciding which is the decimal mark: with both, the last one;
 * with one repeated, it groups thousands; with one alone, three digits after it group thousands ("35,000",
 * "15.000") and one or two are decimals ("3.5", "1,5"). `undefined` for what is not a number (a date "15.10.2024").
 *
 * ```ts
 * readDigits('15.000.000'); // 15000000
 * readDigits('1,234.50'); // 1234.5
 * readDigits('3,5'); // 3.5
 * ```
 */
export function readDigits(written: string): number | undefined {
  if (onlyAsciiDigits.test(written)) return Number(written);
  // A no-break or thin space only ever groups thousands ("50 000").
  if (/[\u00a0\u2009\u202f](?!\d{3}(?!\d))/.test(written)) return undefined;
  const token = written.replace(/[\u00a0\u2009\u202f]/g, '');
  if (!/^\d+(?:[.,]\d+)*$/.test(token)) return undefined;
  const separators = token.replace(/\d/g, '');
  if (separators.length === 0) return Number(token);
  const groups = token.split(/[.,]/);
  const last = separators.charAt(separators.length - 1);
  const kinds = new Set(separators);
  if (kinds.size === 2) {
    const decimalCount = separators.split(last).length - 1;
    if (decimalCount !== 1) return undefined;
    const fraction = groups.pop() ?? '';
    return groupedThousands(groups) === undefined ? undefined : Number(`${groups.join('')}.${fraction}`);
  }
  if (separators.length > 1) return groupedThousands(groups);
  const [whole = '', fraction = ''] = groups;
  if (fraction.length <= 2 || whole === '0') return Number(`${whole}.${fraction}`);
  if (fraction.length === 3) return Number(whole + fraction);
  // Four or more digits after one separator: Chinese groups by ten thousand ("1,0000"), so keep every digit.
  return Number(whole + fraction);
}

function groupedThousands(groups: readonly string[]): number | undefined {
  const [first = '', ...rest] = groups;
  if (first.length > 3 || rest.some((group) => group.length !== 3)) return undefined;
  return Number(first + rest.join(''));
}

/** The ASCII-digit numbers in text (already through `withAsciiDigits`). */
export const digitsPattern = /\d+(?:[.,\u00a0\u2009\u202f]\d+)*/g;

const chineseDigitValues: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const chineseSmallUnits: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const chineseLargeUnits: Readonly<Record<string, number>> = {
  万: 10_000,
  萬: 10_000,
  亿: 100_000_000,
  億: 100_000_000,
};

const chineseDigits = new Set('零〇一二两兩三四五六七八九');
const chineseUnits = new Set('十拾百佰千仟万萬亿億');
/** A run of Chinese numeral characters: one character class, so matching it never backtracks. */
const chineseNumeralRun = /[零〇一二两兩三四五六七八九十拾百佰千仟万萬亿億]+/g;

/**
 * Where Chinese numerals that count something are: a run that starts with a digit (or 十) and holds at least one
 * unit after it, up to its last unit and the digit that may follow ("两万", "一万五", "三千"). A run with no unit
 * ("一二三") is not a number. Reads each character at most three times, so a long run costs no more than its length.
 *
 * ```ts
 * findChineseNumerals('月薪一万五，包吃住'); // [{ start: 2, end: 5 }]
 * ```
 */
export function findChineseNumerals(text: string): { readonly start: number; readonly end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const run of text.matchAll(chineseNumeralRun)) {
    const numeral = numeralInRun(text, run.index, run.index + run[0].length);
    if (numeral !== undefined) found.push(numeral);
  }
  return found;
}

/**
 * The number in one run of numeral characters: from its first digit (or 十) to its last unit, and the digit after
 * that unit if there is one; none when no unit follows the first digit.
 */
function numeralInRun(text: string, runStart: number, runEnd: number): { start: number; end: number } | undefined {
  let lastUnit = -1;
  for (let index = runStart; index < runEnd; index += 1) if (chineseUnits.has(text.charAt(index))) lastUnit = index;
  for (let start = runStart; start < lastUnit; start += 1) {
    const character = text.charAt(start);
    if (!chineseDigits.has(character) && character !== '十') continue;
    const followedByDigit = lastUnit + 1 < runEnd && chineseDigits.has(text.charAt(lastUnit + 1));
    return { start, end: followedByDigit ? lastUnit + 2 : lastUnit + 1 };
  }
  return undefined;
}

/**
 * The value of Chinese numerals, with the spoken shortcut that a digit after a unit counts in the next unit down
 * ("一万五" is 15,000, "三千五" 3,500).
 *
 * ```ts
 * readChineseNumerals('两万'); // 20000
 * readChineseNumerals('一万二千'); // 12000
 * ```
 */
export function readChineseNumerals(numerals: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let previousUnit: number | undefined;
  for (const character of numerals) {
    const digitValue = chineseDigitValues[character];
    const smallUnit = chineseSmallUnits[character];
    const largeUnit = chineseLargeUnits[character];
    if (digitValue === 0) {
      // 零 marks a skipped place ("一万零五" is 10,005), so what follows counts as itself.
      previousUnit = undefined;
    } else if (digitValue !== undefined) {
      digit = digitValue;
    } else if (smallUnit !== undefined) {
      section += (digit ?? 1) * smallUnit;
      digit = undefined;
      previousUnit = smallUnit;
    } else if (largeUnit !== undefined) {
      total += (section + (digit ?? 0)) * largeUnit;
      section = 0;
      digit = undefined;
      previousUnit = largeUnit;
    } else {
      return undefined;
    }
  }
  const trailing = digit === undefined ? 0 : previousUnit === undefined ? digit : (digit * previousUnit) / 10;
  return total + section + trailing;
}
