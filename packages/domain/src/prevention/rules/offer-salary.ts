// The promised salary of a job offer: from the questionnaire, or read from the pasted text (the first amount that
// is not a fee, a deposit, an advance or a bonus), with the currency and period assumed when the ad leaves them out,
// and the salary table's family to compare it with.
import { type CurrencyCode, isCurrencyCode, type PayPeriod, toMonthlyUsd } from '../money/currencies.js';
import { findMoneyMentions, type MoneyMention } from '../money/money-mentions.js';
import { type JobFamily, jobFamilies, referenceMonthlyUsd } from '../money/salary-reference.js';
import type { JobOfferAnswers } from './job-offer-answers.js';
import type { Language } from './languages.js';
import { currencyOfCountry } from './lexicons/places.js';
import { compilePhrases, findPhrases, prepareText } from './phrase-matcher.js';
import type { OfferJobFamily } from './phrase-signals.js';

/** The promised pay, as read. */
export interface SalarySignal {
  readonly amount: number;
  readonly upTo?: number;
  readonly currency: CurrencyCode;
  readonly period: PayPeriod;
  readonly monthlyUsd: number;
  readonly source: 'answers' | 'text';
  /** The text of the mention, or the answer written out. */
  readonly evidence: string;
  /** Whether the currency or period was not written and had to be assumed. */
  readonly isAssumed: boolean;
}

/** The salary table's family behind a kind of work (the two lures without a family of their own are priced as such). */
export function referenceFamilyOf(family: OfferJobFamily): JobFamily {
  if (family === 'chat_operator') return 'customer_service';
  if (family === 'crypto_investment') return 'sales';
  return family;
}

/** A code the salary table does not hold (ISO's user-assigned ZZ), which gets its regional fallback. */
export const regionalCountry = 'ZZ';

/**
 * The salary table's family to compare an offer's pay with, in a country.
 *
 * ```ts
 * chooseReferenceFamily(['chat_operator', 'hospitality'], 'TH'); // the better paid of customer_service and hospitality
 * ```
 */
export function chooseReferenceFamily(families: readonly OfferJobFamily[], country: string): JobFamily {
  // Compare with the best-paid family the offer could mean, so an ordinary offer is not flagged for an odd word.
  // With no family at all, only a salary beyond the best-paid family in the country stands out.
  const candidates = families.length > 0 ? [...new Set(families.map(referenceFamilyOf))] : [...jobFamilies];
  let best: JobFamily = candidates[0] ?? 'general_labour';
  let bestUsd = -1;
  for (const family of candidates) {
    const usd = referenceMonthlyUsd(country, family)?.usd ?? 0;
    if (usd > bestUsd) {
      best = family;
      bestUsd = usd;
    }
  }
  return best;
}

// Money just after these words (in the same clause) is a fee, a deposit, an advance, an allowance or a bonus,
// not the salary.
const notSalaryWords = compilePhrases([
  'fee',
  'fees',
  'deposit',
  'levy',
  'biaya',
  'uang jaminan',
  'yuran',
  'bayaran',
  'phí',
  'cọc',
  'bayad',
  'ค่าหัว',
  'ค่านายหน้า',
  'ค่าดำเนินการ',
  'ค่าสมัคร',
  'มัดจำ',
  'ค่าเอกสาร',
  'ค่าเช่า',
  'เบี้ย',
  '费',
  '押金',
  '保证金',
  'allowance',
  'elaun',
  'bonus',
  'thưởng',
  'ပွဲခ',
  'commission',
  'komisi',
  'overtime',
  'ot',
  'lembur',
  'rent',
  'sewa',
  'advance',
  'ứng',
  'pinjam',
  'loan',
  'hutang',
  'utang',
  'potong',
  'trừ',
  'deduct',
]);
const clauseBreak = /[\n!?;。！？]/u;
const lookBehind = 24;
/** Amounts looked at for the salary at most: an ad states its pay among its first few, and each costs a reading. */
const mostMentions = 64;

function isSalaryContext(text: string, start: number, previousEnd: number): boolean {
  let from = Math.max(previousEnd, start - lookBehind);
  const before = text.slice(from, start);
  for (let index = before.length - 1; index >= 0; index -= 1) {
    if (clauseBreak.test(before[index] ?? '')) {
      from += index + 1;
      break;
    }
  }
  return findPhrases(prepareText(text.slice(from, start)), notSalaryWords).length === 0;
}

// "¥" is written for both yuan and yen: the destination decides, China unless Japan.
function currencyAsMeant(mention: MoneyMention, destination: string | undefined): CurrencyCode | undefined {
  const written = mention.currency ?? mention.impliedCurrency;
  const isBareYen = /[¥￥]/u.test(mention.text) && !/[元円]|rmb|yuan|yen|yên|人民币|人民幣/iu.test(mention.text);
  if ((written === 'CNY' || written === 'JPY') && isBareYen) return destination === 'JP' ? 'JPY' : 'CNY';
  return written;
}

/**
 * The salary read from an ad's text: the first amount of money not written just after a fee, deposit, advance,
 * allowance or bonus word. A missing currency is taken from the ad's language (yuan for Chinese), the destination or
 * the worker's home, or US dollars, whichever gives a plausible monthly wage; a missing period is a month.
 *
 * ```ts
 * salaryFromText('Biaya Rp 5 juta. Gaji Rp 15 juta/bulan', 'KH', 'ID', 'id')?.amount; // 15_000_000
 * ```
 */
export function salaryFromText(
  text: string,
  destination: string | undefined,
  home: string | undefined,
  writtenIn: Language | undefined,
): SalarySignal | undefined {
  let previousEnd = 0;
  for (const mention of findMoneyMentions(text).slice(0, mostMentions)) {
    const isSalary = isSalaryContext(text, mention.start, previousEnd);
    previousEnd = mention.end;
    if (!isSalary) continue;
    const written = currencyAsMeant(mention, destination);
    const period = mention.period ?? 'month';
    // Chinese-language ads for jobs in the region quote yuan unless they say otherwise.
    const languageCurrency = writtenIn === 'zh' ? 'CNY' : undefined;
    const guesses = [
      written,
      languageCurrency,
      destination && currencyOfCountry[destination],
      home && currencyOfCountry[home],
      'USD',
    ];
    for (const guess of guesses) {
      if (guess === undefined || !isCurrencyCode(guess)) continue;
      const monthlyUsd = toMonthlyUsd(mention.amount, guess, period);
      // An assumed currency must give a plausible monthly pay; a written one is taken as written.
      if (guess !== written && (monthlyUsd < 80 || monthlyUsd > 15_000)) continue;
      return {
        amount: mention.amount,
        ...(mention.upTo === undefined ? {} : { upTo: mention.upTo }),
        currency: guess,
        period,
        monthlyUsd,
        source: 'text',
        evidence: mention.text,
        isAssumed: guess !== written || mention.period === undefined,
      };
    }
  }
  return undefined;
}

/** The salary answered in the questionnaire, when it has a positive amount and a known currency. */
export function salaryFromAnswers(answers: JobOfferAnswers): SalarySignal | undefined {
  const salary = answers.salary;
  if (!salary || !Number.isFinite(salary.amount) || salary.amount <= 0) return undefined;
  const currency = salary.currency.trim().toUpperCase();
  if (!isCurrencyCode(currency)) return undefined;
  return {
    amount: salary.amount,
    currency,
    period: salary.period,
    monthlyUsd: toMonthlyUsd(salary.amount, currency, salary.period),
    source: 'answers',
    evidence: `salary: ${salary.amount} ${currency} per ${salary.period}`,
    isAssumed: false,
  };
}
