// Currencies that job offers in the region are written in, reference exchange rates, and one way to turn any
// promised pay into "US dollars a month" so salaries can be compared with the reference table.

/** ISO 4217 codes we read in ads. USDT (Tether) is read as USD: it is pegged and scam ads quote it as dollars. */
export const currencyCodes = [
  'USD',
  'THB',
  'MYR',
  'IDR',
  'VND',
  'PHP',
  'MMK',
  'KHR',
  'LAK',
  'CNY',
  'SGD',
  'BND',
  'EUR',
  'GBP',
  'JPY',
  'KRW',
  'TWD',
  'HKD',
  'MOP',
  'AUD',
  'AED',
  'SAR',
  'QAR',
  'KWD',
  'INR',
  'BDT',
  'NPR',
  'LKR',
  'PKR',
] as const;

export type CurrencyCode = (typeof currencyCodes)[number];

export type PayPeriod = 'hour' | 'day' | 'week' | 'month' | 'year';

export const payPeriods: readonly PayPeriod[] = ['hour', 'day', 'week', 'month', 'year'];

/**
 * Whether a string is one of the currency codes we know, exactly as written (upper case).
 *
 * ```ts
 * isCurrencyCode('THB'); // true
 * isCurrencyCode('thb'); // false
 * ```
 */
export function isCurrencyCode(value: string): value is CurrencyCode {
  return (currencyCodes as readonly string[]).includes(value);
}

/**
 * Where the rates come from. They only need to be right to within a few per cent: a salary flag fires at
 * two and a half times the market, far beyond any exchange-rate drift.
 */
export const exchangeRateSource =
  'Approximate mid-market rates, mid-2025, rounded; IMF representative rates and central-bank reference rates ' +
  '(Bank of Thailand, Bank Negara Malaysia, Bank Indonesia, State Bank of Vietnam, Bangko Sentral ng Pilipinas, ' +
  'National Bank of Cambodia, Bank of the Lao PDR). MMK uses the market rate, not the Central Bank of Myanmar ' +
  'reference rate (2,100), because wages are exchanged at the market rate.';

/** Units of each currency for one US dollar (see `exchangeRateSource`). */
export const unitsPerUsd: Readonly<Record<CurrencyCode, number>> = {
  USD: 1,
  THB: 33,
  MYR: 4.3,
  IDR: 16_300,
  VND: 26_000,
  PHP: 57,
  MMK: 4_000,
  KHR: 4_020,
  LAK: 21_700,
  CNY: 7.2,
  SGD: 1.3,
  BND: 1.3,
  EUR: 0.88,
  GBP: 0.75,
  JPY: 147,
  KRW: 1_380,
  TWD: 30,
  HKD: 7.8,
  MOP: 8.05,
  AUD: 1.55,
  AED: 3.67,
  SAR: 3.75,
  QAR: 3.64,
  KWD: 0.307,
  INR: 86,
  BDT: 122,
  NPR: 137,
  LKR: 300,
  PKR: 283,
};

/**
 * How many of each period make a month. A day is one of 22 working days (a five-day week), an hour one of
 * eight in such a day: the lower of the usual counts, so a daily or hourly rate is never made to look
 * larger than it is and a legitimate day-rate job is not mistaken for an inflated salary.
 */
export const periodsPerMonth: Readonly<Record<PayPeriod, number>> = {
  hour: 8 * 22,
  day: 22,
  week: 4.33,
  month: 1,
  year: 1 / 12,
};

/**
 * An amount of pay as US dollars a month, at the shipped reference rates.
 *
 * ```ts
 * toMonthlyUsd(33_000, 'THB', 'month'); // 1000
 * toMonthlyUsd(10, 'USD', 'hour'); // 1760
 * ```
 */
export function toMonthlyUsd(amount: number, currency: CurrencyCode, period: PayPeriod): number {
  return (amount * periodsPerMonth[period]) / unitsPerUsd[currency];
}
