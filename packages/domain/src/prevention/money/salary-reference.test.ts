import { describe, expect, test } from 'vitest';
import { currencyCodes } from './currencies.js';
import { findMoneyMentions } from './money-mentions.js';
import { isJobFamily, jobFamilies, referenceMonthlyUsd, salaryRatio } from './salary-reference.js';
import { salaryReferences } from './salary-reference-data.js';

const requiredCountries = ['TH', 'MY', 'KH', 'MM', 'LA', 'PH', 'VN', 'ID', 'SG', 'CN', 'JP', 'KR', 'TW', 'AE'].concat([
  'HK',
  'MO',
  'SA',
  'QA',
  'KW',
]);

describe('the salary reference table', () => {
  test.each(requiredCountries)('%s has a figure for every job family, with its source', (country) => {
    const reference = salaryReferences[country];
    expect(reference?.source.length).toBeGreaterThan(40);
    expect(currencyCodes).toContain(reference?.currency);
    for (const family of jobFamilies) {
      const usd = referenceMonthlyUsd(country, family)?.usd ?? 0;
      expect(usd, `${country} ${family}`).toBeGreaterThan(20);
      expect(usd, `${country} ${family}`).toBeLessThan(10_000);
    }
  });

  test("Hong Kong's domestic helpers are compared with the Labour Department's minimum allowable wage", () => {
    expect(referenceMonthlyUsd('HK', 'domestic_work')).toEqual({
      usd: 4_990 / 7.8,
      source: expect.stringMatching(/Labour Department.*4,990/),
    });
  });

  test('a country not in the table falls back to the regional figures and says so', () => {
    expect(referenceMonthlyUsd('BD', 'factory')).toEqual({ usd: 350, source: expect.stringMatching(/fallback/i) });
    expect(referenceMonthlyUsd('kh', 'factory')?.usd).toBe(230);
  });

  test.each(['', 'Cambodia', '12', 'K'])('%j is not a country, so there is no reference', (country) => {
    expect(referenceMonthlyUsd(country, 'factory')).toBeUndefined();
  });

  test('isJobFamily knows the families and nothing else', () => {
    expect(isJobFamily('online_marketing')).toBe(true);
    expect(isJobFamily('scammer')).toBe(false);
  });
});

describe('salaryRatio tells a lure from the market', () => {
  test.each([
    ['customer service in Cambodia', 1_500, 'KH', 'customer_service'],
    ['online marketing in Cambodia', 1_500, 'KH', 'online_marketing'],
    ['a typing job in Cambodia', 1_500, 'KH', 'data_entry'],
    ['customer service in Myanmar', 1_500, 'MM', 'customer_service'],
    ['online marketing in Myanmar', 1_500, 'MM', 'online_marketing'],
    ['customer service in Laos', 1_500, 'LA', 'customer_service'],
    ['customer service in Thailand', 1_500, 'TH', 'customer_service'],
    ['customer service somewhere unknown', 1_500, 'ZZ', 'customer_service'],
  ] as const)('USD %s a month for %s is several times the market', (_label, amount, country, family) => {
    expect(salaryRatio({ amount, currency: 'USD', period: 'month' }, country, family)).toBeGreaterThanOrEqual(2.5);
  });

  test.each([
    ['a factory operator in Malaysia', 'RM 1,700–2,200', 'MY', 'factory'],
    ['a hotel housekeeper in Thailand', '12,000–15,000 THB', 'TH', 'hospitality'],
    ['a caregiver in Taiwan', 'NT$ 20,000+', 'TW', 'caregiving'],
    ['a nurse in Singapore', 'S$ 3,000', 'SG', 'nursing'],
    ['a domestic worker in Hong Kong terms paid in the UAE', 'AED 1,500', 'AE', 'domestic_work'],
    ['a garment worker in Cambodia', '$230', 'KH', 'factory'],
    ['a BPO agent in the Philippines', '₱22,000', 'PH', 'customer_service'],
    ['a factory worker in Vietnam', '7.500.000 đồng', 'VN', 'factory'],
    ['a factory worker in Indonesia', 'Rp 5.000.000', 'ID', 'factory'],
    ['a factory worker in Japan', '¥200,000 円', 'JP', 'factory'],
    ['a factory worker in Korea', '₩2,400,000', 'KR', 'factory'],
    ['a domestic helper in Hong Kong', 'HK$ 4,990', 'HK', 'domestic_work'],
    ['a hotel room attendant in Macau', 'MOP 11,000', 'MO', 'hospitality'],
    ['a domestic worker in Saudi Arabia', 'SAR 1,500', 'SA', 'domestic_work'],
    ['a construction worker in Qatar', 'QAR 1,800', 'QA', 'construction'],
    ['a domestic worker in Kuwait', 'KWD 120', 'KW', 'domestic_work'],
    ['a caregiver in Japan paid in yên', '190.000 yên', 'JP', 'caregiving'],
  ] as const)('%s at %s is about the market', (_label, written, country, family) => {
    const [mention] = findMoneyMentions(written);
    if (mention?.currency === undefined) throw new Error(`no currency read in ${written}`);
    const ratio = salaryRatio({ amount: mention.amount, currency: mention.currency, period: 'month' }, country, family);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.5);
  });

  test('a daily wage is compared as a month of working days', () => {
    const ratio = salaryRatio({ amount: 400, currency: 'THB', period: 'day' }, 'TH', 'construction');
    expect(ratio).toBeCloseTo((400 * 22) / 11_000, 5);
  });

  test.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('an amount of %d gives no ratio', (amount) => {
    expect(salaryRatio({ amount, currency: 'USD', period: 'month' }, 'KH', 'factory')).toBeUndefined();
  });

  test('no ratio without a country', () => {
    expect(salaryRatio({ amount: 1_500, currency: 'USD', period: 'month' }, '', 'factory')).toBeUndefined();
  });
});
