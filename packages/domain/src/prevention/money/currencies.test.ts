import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { currencyCodes, isCurrencyCode, payPeriods, toMonthlyUsd, unitsPerUsd } from './currencies.js';

describe('isCurrencyCode', () => {
  test.each(['USD', 'THB', 'MYR', 'IDR', 'VND', 'PHP', 'MMK', 'KHR', 'LAK', 'CNY', 'SGD', 'EUR', 'JPY', 'KRW', 'TWD'])(
    '%s is a currency we read',
    (code) => {
      expect(isCurrencyCode(code)).toBe(true);
    },
  );

  test.each(['HKD', 'AED', 'INR'])('%s is a currency we read', (code) => {
    expect(isCurrencyCode(code)).toBe(true);
  });

  test.each(['usd', 'USDT', 'XXX', '', ' USD'])('%j is not a currency code', (value) => {
    expect(isCurrencyCode(value)).toBe(false);
  });
});

describe('toMonthlyUsd', () => {
  test.each([
    [33_000, 'THB', 'month', 1_000],
    [4_300, 'MYR', 'month', 1_000],
    [1_500, 'USD', 'month', 1_500],
    [10, 'USD', 'hour', 1_760],
    [50, 'USD', 'day', 1_100],
    [100, 'USD', 'week', 433],
    [24_000, 'USD', 'year', 2_000],
    [26_000_000, 'VND', 'month', 1_000],
    [4_000_000, 'MMK', 'month', 1_000],
  ] as const)('%d %s a %s is about %d US dollars a month', (amount, currency, period, expected) => {
    expect(toMonthlyUsd(amount, currency, period)).toBeCloseTo(expected, 0);
  });

  test('every currency has a positive rate, so no amount converts to nothing or infinity', () => {
    for (const code of currencyCodes) expect(unitsPerUsd[code]).toBeGreaterThan(0);
  });

  test('longer periods never make the same rate a smaller monthly amount', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e9, noNaN: true }), fc.constantFrom(...currencyCodes), (amount, code) => {
        const monthly = payPeriods.map((period) => toMonthlyUsd(amount, code, period));
        // hour > day > week > month > year for the same number.
        for (let index = 1; index < monthly.length; index += 1) {
          expect(monthly[index]).toBeLessThan(monthly[index - 1] ?? Number.POSITIVE_INFINITY);
        }
      }),
    );
  });
});
