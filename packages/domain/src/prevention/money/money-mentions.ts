// Amounts of money in the free text of a job ad ("35,000 THB", "Rp 15 juta", "15-25 triệu/tháng", "月薪2万",
// "လစာ ၁၅ သိန်း"), in any of the region's languages and mixed, so a promised salary can be compared with the market.
// A number counts as money only with a currency, a number word that means money, or a pay word near it: ages,
// head counts, heights, years and phone numbers in the same ad are not salaries.
// It runs on every job-offer check (up to 20,000 characters), so it reads in one pass: the numbers are found first,
// then only a few dozen characters around each are looked at, with the letter trees of phrase-table.ts rather than
// large regular expressions. The time grows with the length of the text, and nothing is compiled on the first call.

import { type CurrencyCode, type PayPeriod, unitsPerUsd } from './currencies.js';
import {
  currenciesAfter,
  currenciesAfterCaseSensitive,
  currenciesBefore,
  currenciesBeforeCaseSensitive,
  moneyWords,
  type NumberWord,
  notMoneyAfter,
  notMoneyBefore,
  numberWords,
  numberWordsBefore,
  type PeriodWord,
  periodsAfter,
  periodsBefore,
  rangeSeparators,
  yearWordsBefore,
} from './money-lexicon.js';
import {
  digitsPattern,
  findChineseNumerals,
  readChineseNumerals,
  readDigits,
  withAsciiDigits,
} from './number-reading.js';
import { isSpaceCode, type PhraseMatch, type PhraseTable } from './phrase-table.js';

export interface MoneyMention {
  /** The amount, or the lower bound of a range ("15-25 triệu" gives 15,000,000). */
  readonly amount: number;
  /** The upper bound of a range. */
  readonly upTo?: number;
  /** The currency as written; `undefined` when none is written. */
  readonly currency: CurrencyCode | undefined;
  /** What a number word implies when no currency is written: "15 triệu" is đồng, "15 သိန်း" kyat. */
  readonly impliedCurrency?: CurrencyCode;
  /** The pay period as written (or named by a pay word such as "เงินเดือน" or "月薪"); `undefined` when none. */
  readonly period: PayPeriod | undefined;
  /** Offsets into the text given: `text.slice(start, end)` is the mention. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A mention while it is read: its text is filled in last, from the text as given. */
type WrittenMention = { -readonly [Key in keyof MoneyMention]: MoneyMention[Key] };

interface NumberToken {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly digits: string;
  /** Chinese numerals carry their own units ("两万"). */
  readonly numberWord: NumberWord | undefined;
}

/** One amount: a number, its number words and whatever currency is glued to it. */
interface Amount {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly numberWord: NumberWord | undefined;
  readonly currency: CurrencyCode | undefined;
  readonly token: NumberToken;
}

/** The text before a number that pay words, "not money" words and period words are looked for in. */
interface Window {
  readonly from: number;
  readonly to: number;
}

const gluedDigitAfter = /(\d)(?![\d.,])/y;
/** What may trail an amount: ",-" and ".-" (Indonesian and Thai style) and "+" ("8000+", "or more"). */
const trailingMark = /[.,]-(?!\s*\d)|\+{1,2}(?!\s*\d)/y;
const phoneLike = /(?:\(?\+|\(?(?<![\d.,])0)[\d\s\-().]{7,}\d/g;
const latinLetter = /\p{Script=Latin}/u;
const letterAfterSpace = /^\s?\p{L}/u;
const nonDigit = /\D/g;
const sentenceMarks = '\n。！？!?;|•';
const clauseMarks = ',，、';
/** Besides spaces, what may stand between a word and the amount it names: "RM: 3000", "gaji: 2000". */
const colons = ':：';

/** How far before a number we look for pay words, currencies and the like. */
const lookBehind = 40;
/** Without a currency, a money mention is at least this much: smaller numbers are ages, hours and counts. */
const smallestUncurrencedAmount = 100;
/** With a currency, at least this many US dollars: "KCN 2 Đồng Nai" is an address, not two đồng. */
const smallestUsdAmount = 0.5;

/**
 * Every amount of money in free text, in the order written. Linear in the length of the text: the numbers are
 * found in one pass, and only a few dozen characters around each are looked at.
 *
 * ```ts
 * findMoneyMentions('Gaji RM3500 sebulan');
 * // [{ amount: 3500, currency: 'MYR', period: 'month', start: 5, end: 19, text: 'RM3500 sebulan' }]
 * findMoneyMentions('Lương 15-25 triệu/tháng')[0]; // { amount: 15_000_000, upTo: 25_000_000, period: 'month', … }
 * findMoneyMentions('Tuyển 50 người, 18-35 tuổi'); // []
 * ```
 */
export function findMoneyMentions(text: string): MoneyMention[] {
  const scanned = withAsciiDigits(text);
  const tokens = findNumberTokens(scanned);
  const tokensByStart = new Map(tokens.map((token) => [token.start, token]));
  const phoneSpans = findPhoneSpans(scanned);
  const mentions: MoneyMention[] = [];
  let consumedUntil = 0;
  let previousEnd = 0;
  for (const token of tokens) {
    if (token.start < consumedUntil) continue;
    const mention = readMention(scanned, token, tokensByStart, phoneSpans, previousEnd);
    previousEnd = token.end;
    if (mention === undefined) continue;
    mention.text = text.slice(mention.start, mention.end);
    mentions.push(mention);
    consumedUntil = mention.end;
    previousEnd = mention.end;
  }
  return mentions;
}

function findNumberTokens(scanned: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const match of scanned.matchAll(digitsPattern)) {
    const value = readDigits(match[0]);
    if (value === undefined) continue;
    tokens.push({
      start: match.index,
      end: match.index + match[0].length,
      value,
      digits: match[0],
      numberWord: undefined,
    });
  }
  for (const { start, end } of findChineseNumerals(scanned)) {
    const numerals = scanned.slice(start, end);
    const value = readChineseNumerals(numerals);
    if (value === undefined) continue;
    const impliesMoney = /[万萬亿億]/.test(numerals);
    tokens.push({ start, end, value, digits: '', numberWord: { value: 1, impliesMoney } });
  }
  return tokens.sort((left, right) => left.start - right.start);
}

/** Where phone numbers are, in order, so a number inside one is not read as money. */
function findPhoneSpans(scanned: string): (readonly [number, number])[] {
  const spans: (readonly [number, number])[] = [];
  for (const match of scanned.matchAll(phoneLike)) {
    const digitCount = match[0].replace(nonDigit, '').length;
    if (digitCount >= 8 && digitCount <= 15) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

function isInsideSpan(spans: readonly (readonly [number, number])[], position: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to] = spans[middle] ?? [0, 0];
    if (position < from) high = middle - 1;
    else if (position >= to) low = middle + 1;
    else return true;
  }
  return false;
}

function readMention(
  scanned: string,
  token: NumberToken,
  tokensByStart: ReadonlyMap<number, NumberToken>,
  phoneSpans: readonly (readonly [number, number])[],
  previousEnd: number,
): WrittenMention | undefined {
  const lower = readAmount(scanned, token, previousEnd);
  const range = readRangeEnd(scanned, lower, tokensByStart);
  let end = range?.upper.end ?? lower.end;
  let currency = lower.currency ?? range?.upper.currency;
  // Without a range, readAmount has already looked for a currency after the amount.
  if (currency === undefined && range !== undefined) {
    const after = readCurrencyAfter(scanned, end);
    if (after !== undefined) {
      currency = after.currency;
      end = after.end;
    }
  }
  const period = matchAfterSpaces(periodsAfter, scanned, end, 2);
  const periodWord = period?.meaning;
  const expressionEnd = end;
  if (period !== undefined) end = period.end;

  const numberWord = lower.numberWord ?? range?.upper.numberWord;
  const amount = range?.lowerValue ?? lower.value;
  if (!(amount > 0) || !Number.isFinite(amount)) return undefined;
  if (currency !== undefined && amount / unitsPerUsd[currency] < smallestUsdAmount) return undefined;
  if (currency === undefined) {
    const facts = { scanned, token, lower, expressionEnd, amount, numberWord, periodWord, phoneSpans, previousEnd };
    if (!isUncurrencedMoney(facts)) return undefined;
  }
  const impliedCurrency = currency === undefined ? numberWord?.impliedCurrency : undefined;
  const upTo = range?.upper.value;
  const readPeriod = periodWord?.period ?? periodNamedBefore(scanned, windowBefore(scanned, lower.start, previousEnd));
  const start = lower.start;
  // Object literals of a fixed shape, without spreads: this runs for every amount of every request.
  if (upTo === undefined) {
    return impliedCurrency === undefined
      ? { amount, currency, period: readPeriod, start, end, text: '' }
      : { amount, currency, impliedCurrency, period: readPeriod, start, end, text: '' };
  }
  return impliedCurrency === undefined
    ? { amount, upTo, currency, period: readPeriod, start, end, text: '' }
    : { amount, upTo, currency, impliedCurrency, period: readPeriod, start, end, text: '' };
}

function readAmount(scanned: string, token: NumberToken, previousEnd: number): Amount {
  let value = token.value;
  let end = token.end;
  let start = token.start;
  let numberWord = token.numberWord;
  const wordAfter = token.digits === '' ? undefined : matchAfterSpaces(numberWords, scanned, end, 1);
  if (wordAfter !== undefined) {
    numberWord = wordAfter.meaning;
    value *= wordAfter.meaning.value;
    end = wordAfter.end;
    const compound = readCompound(scanned, end, wordAfter.meaning.value);
    value += compound.value;
    end = compound.end;
  } else if (token.digits !== '') {
    const from = Math.max(previousEnd, start - 12);
    const wordBefore = numberWordsBefore.matchEndingAt(scanned, skipBackward(scanned, start, from, Infinity), {
      from,
      to: start,
    });
    if (wordBefore !== undefined) {
      numberWord = wordBefore.meaning;
      value *= wordBefore.meaning.value;
      start = wordBefore.start;
    }
  }
  const mark = matchSticky(trailingMark, scanned, end);
  if (mark !== undefined) end = mark;
  const prefix = readCurrencyBefore(scanned, start, previousEnd);
  // "$" and "¥" are shared by several currencies: a currency word after the number settles which ("¥200,000円").
  const suffix = prefix === undefined || prefix.isShared ? readCurrencyAfter(scanned, end) : undefined;
  return {
    start: prefix?.start ?? start,
    end: suffix?.end ?? end,
    value,
    numberWord,
    currency: suffix?.currency ?? prefix?.currency,
    token,
  };
}

/** "2万5千", "3 หมื่น 5 พัน", "1 juta 500 ribu" (a smaller number word), or "1tr5", "2万5" (one digit, next place). */
function readCompound(scanned: string, end: number, unit: number): { value: number; end: number } {
  const compound = readCompoundPart(scanned, end);
  if (compound !== undefined && compound.word.value < unit) {
    return { value: compound.count * compound.word.value, end: compound.end };
  }
  if (unit >= 1000) {
    gluedDigitAfter.lastIndex = end;
    const glued = gluedDigitAfter.exec(scanned);
    if (glued !== null && !letterAfterSpace.test(scanned.slice(end + 1, end + 3))) {
      return { value: (Number(glued[1]) * unit) / 10, end: end + 1 };
    }
  }
  return { value: 0, end };
}

/** A number and a number word straight after an amount: the "5 พัน" of "3 หมื่น 5 พัน". */
function readCompoundPart(scanned: string, at: number): { count: number; word: NumberWord; end: number } | undefined {
  let position = isSpaceCode(scanned.charCodeAt(at)) ? at + 1 : at;
  const digitsStart = position;
  position = skipDigits(scanned, position);
  if (position === digitsStart) return undefined;
  if ((scanned[position] === '.' || scanned[position] === ',') && isDigitAt(scanned, position + 1)) {
    position = skipDigits(scanned, position + 1);
  }
  const count = readDigits(scanned.slice(digitsStart, position));
  const word = matchAfterSpaces(numberWords, scanned, position, 1);
  if (count === undefined || word === undefined) return undefined;
  return { count, word: word.meaning, end: word.end };
}

interface RangeEnd {
  readonly upper: Amount;
  readonly lowerValue: number;
}

function readRangeEnd(
  scanned: string,
  lower: Amount,
  tokensByStart: ReadonlyMap<number, NumberToken>,
): RangeEnd | undefined {
  const separator = rangeSeparators.matchAt(scanned, skipForward(scanned, lower.end, Infinity));
  if (separator === undefined) return undefined;
  let position = skipForward(scanned, separator.end, Infinity);
  let currency: CurrencyCode | undefined;
  const prefix = currenciesBefore.matchAt(scanned, position);
  if (prefix !== undefined) {
    currency = prefix.meaning;
    position = skipForward(scanned, prefix.end, 3, colons);
  }
  const token = tokensByStart.get(position);
  if (token === undefined) return undefined;
  const upper = readAmount(scanned, token, position);
  const upperCurrency = currency ?? upper.currency;
  if (lower.currency !== undefined && upperCurrency !== undefined && lower.currency !== upperCurrency) return undefined;
  let lowerValue = lower.value;
  // "2-3万", "15-25 triệu": the number word written once counts for both ends.
  if (lower.numberWord === undefined && upper.numberWord !== undefined && upper.token.digits !== '') {
    const scaled = lower.value * upper.numberWord.value;
    if (scaled < upper.value) lowerValue = scaled;
  }
  if (!(upper.value > lowerValue)) return undefined;
  return { upper: { ...upper, currency: upperCurrency }, lowerValue };
}

function readCurrencyBefore(
  scanned: string,
  start: number,
  previousEnd: number,
): { currency: CurrencyCode; start: number; isShared: boolean } | undefined {
  const from = Math.max(previousEnd, start - 16);
  const bounds = { from, to: start };
  const wordEnd = skipBackward(scanned, start, from, Number.POSITIVE_INFINITY, colons);
  const word = start - wordEnd <= 3 ? currenciesBefore.matchEndingAt(scanned, wordEnd, bounds) : undefined;
  const match = word ?? currenciesBeforeCaseSensitive.matchEndingAt(scanned, start, bounds);
  if (match === undefined) return undefined;
  const written = scanned.slice(match.start, match.end);
  return { currency: match.meaning, start: match.start, isShared: written === '$' || written === '¥' };
}

/** A currency after an amount: "35,000 บาท", "3000U", or in brackets: "2万（人民币）", "15,000 (USD)". */
function readCurrencyAfter(scanned: string, end: number): { currency: CurrencyCode; end: number } | undefined {
  const written = matchAfterSpaces(currenciesAfter, scanned, end, 2);
  if (written !== undefined) return { currency: written.meaning, end: written.end };
  const capital = matchAfterSpaces(currenciesAfterCaseSensitive, scanned, end, 1);
  if (capital !== undefined) return { currency: capital.meaning, end: capital.end };
  const bracket = skipForward(scanned, end, 2);
  if (scanned[bracket] !== '(' && scanned[bracket] !== '（') return undefined;
  const inBrackets = matchAfterSpaces(currenciesAfter, scanned, bracket + 1, 1);
  if (inBrackets === undefined) return undefined;
  const closing = skipForward(scanned, inBrackets.end, 1);
  if (scanned[closing] !== ')' && scanned[closing] !== '）') return undefined;
  return { currency: inBrackets.meaning, end: closing + 1 };
}

interface UncurrencedFacts {
  readonly scanned: string;
  readonly token: NumberToken;
  readonly lower: Amount;
  readonly expressionEnd: number;
  readonly amount: number;
  readonly numberWord: NumberWord | undefined;
  readonly periodWord: PeriodWord | undefined;
  readonly phoneSpans: readonly (readonly [number, number])[];
  readonly previousEnd: number;
}

/**
 * Whether a number with no currency is still money: it must look like an amount (not a phone number, a year,
 * an identifier, an age or a head count) and something must say it is money (a number word such as "triệu",
 * a pay word such as "gaji" before it, or "per month" after it).
 */
function isUncurrencedMoney(facts: UncurrencedFacts): boolean {
  const { scanned, token, lower, expressionEnd, amount, numberWord, periodWord } = facts;
  if (amount < smallestUncurrencedAmount) return false;
  if (/^0\d/.test(token.digits)) return false;
  if (numberWord === undefined && token.digits.replace(nonDigit, '').length >= 9) return false;
  if (/[\p{Script=Latin}+#@_/]/u.test(scanned.charAt(lower.start - 1))) return false;
  if (latinLetter.test(scanned.charAt(expressionEnd)) && periodWord === undefined) return false;
  if (isInsideSpan(facts.phoneSpans, token.start)) return false;
  if (periodWord === undefined && matchAfterSpaces(notMoneyAfter, scanned, expressionEnd, 1) !== undefined) {
    return false;
  }
  const window = windowBefore(scanned, lower.start, facts.previousEnd);
  const moneyWordAt = moneyWords.lastMatchIn(scanned, window.from, window.to)?.start ?? -1;
  if ((notMoneyBefore.lastMatchIn(scanned, window.from, window.to)?.start ?? -1) > moneyWordAt) return false;
  if (isYearLike(token, numberWord)) {
    if (!isJustBefore(moneyWords, scanned, window, colons)) return false;
    if (isJustBefore(yearWordsBefore, scanned, window, '')) return false;
  }
  if (numberWord?.impliesMoney) return true;
  if (moneyWordAt >= 0 || matchAfterSpaces(moneyWords, scanned, expressionEnd, 2) !== undefined) return true;
  return periodWord !== undefined && !periodWord.bare;
}

function isYearLike(token: NumberToken, numberWord: NumberWord | undefined): boolean {
  if (numberWord !== undefined || !/^\d{4}$/.test(token.digits)) return false;
  return (token.value >= 1900 && token.value <= 2100) || (token.value >= 2400 && token.value <= 2700);
}

/** Whether one of the phrases ends the window, perhaps followed by spaces and some of `spacing` ("gaji: 2000"). */
function isJustBefore(table: PhraseTable<unknown>, scanned: string, window: Window, spacing: string): boolean {
  const end = skipBackward(scanned, window.to, window.from, Number.POSITIVE_INFINITY, spacing);
  return table.matchEndingAt(scanned, end, window) !== undefined;
}

/** The text before a number in the same sentence, back to the previous number. */
function windowBefore(scanned: string, start: number, previousEnd: number): Window {
  const from = Math.max(previousEnd, start - lookBehind);
  return { from: lastMarkBefore(scanned, from, start, sentenceMarks), to: start };
}

/** The period a word before the amount names, from the same clause ("เงินเดือน 15,000", "月薪2万"). */
function periodNamedBefore(scanned: string, window: Window): PayPeriod | undefined {
  const clauseStart = lastMarkBefore(scanned, window.from, window.to, clauseMarks);
  return periodsBefore.lastMatchIn(scanned, clauseStart, window.to)?.meaning;
}

/** Just after the last of `marks` in `scanned.slice(from, to)`, or `from` when there is none. */
function lastMarkBefore(scanned: string, from: number, to: number, marks: string): number {
  for (let position = to - 1; position >= from; position -= 1) {
    if (marks.includes(scanned.charAt(position))) return position + 1;
  }
  return from;
}

/** The phrase at `at` after up to `maxSpaces` spaces, taking as many spaces as allowed first, as `\s{0,n}` does. */
function matchAfterSpaces<Meaning>(
  table: PhraseTable<Meaning>,
  scanned: string,
  at: number,
  maxSpaces: number,
): PhraseMatch<Meaning> | undefined {
  for (let spaces = skipForward(scanned, at, maxSpaces) - at; spaces >= 0; spaces -= 1) {
    const match = table.matchAt(scanned, at + spaces);
    if (match !== undefined) return { start: at, end: match.end, meaning: match.meaning };
  }
  return undefined;
}

/** Past up to `limit` spaces (and characters of `spacing`) from `at`. */
function skipForward(scanned: string, at: number, limit: number, spacing?: string): number {
  let position = at;
  while (position < scanned.length && position - at < limit && isSpacing(scanned, position, spacing)) position += 1;
  return position;
}

/** Back over spaces (and characters of `spacing`) before `at`, at most `limit` of them and not before `from`. */
function skipBackward(scanned: string, at: number, from: number, limit: number, spacing?: string): number {
  let position = at;
  while (position > from && at - position < limit && isSpacing(scanned, position - 1, spacing)) position -= 1;
  return position;
}

function isSpacing(scanned: string, position: number, spacing = ''): boolean {
  const character = scanned.charAt(position);
  return character !== '' && (isSpaceCode(character.charCodeAt(0)) || spacing.includes(character));
}

function skipDigits(scanned: string, at: number): number {
  let position = at;
  while (isDigitAt(scanned, position)) position += 1;
  return position;
}

function isDigitAt(scanned: string, position: number): boolean {
  const code = scanned.charCodeAt(position);
  return code >= 48 && code <= 57;
}

/** The end of a small sticky pattern's match at `at`, or `undefined`. */
function matchSticky(pattern: RegExp, text: string, at: number): number | undefined {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match === null ? undefined : at + match[0].length;
}
