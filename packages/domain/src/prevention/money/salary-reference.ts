// How a promised salary compares with what the job usually pays in the destination country. Forced-scamming
// recruiters promise customer-service or "online marketing" work at several times the market with no experience
// asked; ordinary offers sit near the market. The table and its sources live in salary-reference-data.ts.

import { type CurrencyCode, type PayPeriod, toMonthlyUsd } from './currencies.js';
import {
  type CountrySalaryReference,
  type JobFamily,
  jobFamilies,
  regionalFallback,
  salaryReferences,
} from './salary-reference-data.js';

export { type JobFamily, jobFamilies };

/** Whether a string is one of the job families in the reference table. */
export function isJobFamily(value: string): value is JobFamily {
  return (jobFamilies as readonly string[]).includes(value);
}

function referenceFor(country: string): CountrySalaryReference | undefined {
  const code = country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  return salaryReferences[code] ?? regionalFallback;
}

/**
 * Typical gross monthly pay in US dollars for a job family in a country (ISO 3166-1 alpha-2), with the source of
 * the figure. A country not in the table gets the regional fallback (its `source` says so); something that is
 * not a country code gets `undefined`.
 *
 * ```ts
 * referenceMonthlyUsd('KH', 'customer_service'); // { usd: 350, source: 'Cambodia: …' }
 * referenceMonthlyUsd('??', 'factory'); // undefined
 * ```
 */
export function referenceMonthlyUsd(
  country: string,
  family: JobFamily,
): { readonly usd: number; readonly source: string } | undefined {
  const reference = referenceFor(country);
  if (reference === undefined) return undefined;
  return { usd: toMonthlyUsd(reference.monthly[family], reference.currency, 'month'), source: reference.source };
}

/**
 * Promised pay ÷ typical pay, both as US dollars a month: about 1 is the market, 2.5 or more is the mark of a
 * lure. `undefined` when the promise is not a positive amount or the country is not a country code.
 *
 * ```ts
 * salaryRatio({ amount: 1500, currency: 'USD', period: 'month' }, 'KH', 'customer_service'); // ≈ 4.3
 * salaryRatio({ amount: 1700, currency: 'MYR', period: 'month' }, 'MY', 'factory'); // ≈ 0.9
 * ```
 */
export function salaryRatio(
  promised: { amount: number; currency: CurrencyCode; period: PayPeriod },
  country: string,
  family: JobFamily,
): number | undefined {
  if (!Number.isFinite(promised.amount) || promised.amount <= 0) return undefined;
  const reference = referenceMonthlyUsd(country, family);
  if (reference === undefined) return undefined;
  return toMonthlyUsd(promised.amount, promised.currency, promised.period) / reference.usd;
}
