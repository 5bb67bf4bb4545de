// The welfare-check alert's explained risk score: each factor, and the order it puts alerts in.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type AlertRiskFacts, type AlertSource, alertRisk, hoursOverdueFactor, riskAreaOf } from './alert-risk.js';

const quiet: AlertRiskFacts = { source: 'missed_check_in', priorAlerts: 0, openConcerns: 0 };
const codes = (facts: AlertRiskFacts) => alertRisk(facts).factors.map((factor) => factor.code);

describe('factors', () => {
  test('a plain missed check-in has one factor', () => {
    expect(alertRisk(quiet)).toEqual({ score: 10, factors: [{ code: 'missed_check_in', weight: 10 }] });
  });

  test('hours overdue count two points an hour, up to a day and a half', () => {
    expect(alertRisk({ ...quiet, hoursOverdue: 6.7 }).factors).toContainEqual({
      code: 'hours_overdue',
      weight: 12,
      detail: 6,
    });
    expect(alertRisk({ ...quiet, hoursOverdue: 500 }).factors).toContainEqual({
      code: 'hours_overdue',
      weight: 72,
      detail: 36,
    });
    expect(codes({ ...quiet, hoursOverdue: 0.5 })).not.toContain('hours_overdue');
  });

  test('a city in the gazetteer, in any spelling, weighs more than the country alone', () => {
    expect(alertRisk({ ...quiet, destinationCity: 'Mya Wadi', destinationCountry: 'MM' }).factors).toContainEqual(
      expect.objectContaining({ code: 'near_compound_area', weight: 20 }),
    );
    expect(alertRisk({ ...quiet, destinationCity: 'Yangon', destinationCountry: 'mm' }).factors).toContainEqual({
      code: 'compound_country',
      weight: 10,
      detail: 'MM',
    });
    expect(codes({ ...quiet, destinationCity: 'Bangkok', destinationCountry: 'TH' })).toEqual(['missed_check_in']);
  });

  test('a saved job-offer check adds its level; a low one adds nothing', () => {
    expect(alertRisk({ ...quiet, jobOffer: { level: 'high', score: 14 } }).factors).toContainEqual({
      code: 'job_offer_red_flags',
      weight: 20,
      detail: 'high',
    });
    expect(codes({ ...quiet, jobOffer: { level: 'low', score: 1 } })).toEqual(['missed_check_in']);
  });

  test('prior alerts and open concerns from family add, with a cap', () => {
    const risk = alertRisk({ ...quiet, priorAlerts: 9, openConcerns: 5 });
    expect(risk.factors).toContainEqual({ code: 'prior_alerts', weight: 20, detail: 9 });
    expect(risk.factors).toContainEqual({ code: 'concern_from_family', weight: 30, detail: 5 });
    expect(risk.score).toBe(60);
    expect(risk.factors.map((factor) => factor.weight)).toEqual([30, 20, 10]);
  });
});

describe('order', () => {
  const sources: AlertSource[] = ['missed_check_in', 'need_help', 'sos', 'duress', 'trusted_contact_concern'];
  const factsArbitrary = fc.record({
    source: fc.constantFrom(...sources),
    hoursOverdue: fc.double({ min: 0, max: 1000, noNaN: true }),
    destinationCity: fc.constantFrom('Myawaddy', 'Bangkok', 'Sihanoukville', 'Manila'),
    priorAlerts: fc.nat(20),
    openConcerns: fc.nat(5),
  });

  test('duress and SOS always outrank a missed check-in with no other factor, however long overdue', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10_000, noNaN: true }), (hoursOverdue) => {
        const silent = alertRisk({ ...quiet, hoursOverdue }).score;
        expect(alertRisk({ ...quiet, source: 'sos' }).score).toBeGreaterThan(silent);
        expect(alertRisk({ ...quiet, source: 'duress' }).score).toBeGreaterThan(silent);
      }),
    );
  });

  test('more hours overdue never lowers the score, and the score is the sum of its factors', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.double({ min: 0, max: 100, noNaN: true }), (facts, more) => {
        const risk = alertRisk(facts);
        expect(alertRisk({ ...facts, hoursOverdue: facts.hoursOverdue + more }).score).toBeGreaterThanOrEqual(
          risk.score,
        );
        expect(risk.score).toBe(risk.factors.reduce((sum, factor) => sum + factor.weight, 0));
      }),
    );
  });
});

describe('what a stay keeps for its alerts', () => {
  test('the area looked up once from the city scores as the city itself would', () => {
    const area = riskAreaOf('Mya Wadi');
    expect(area).toEqual({ id: 'myawaddy', kind: 'compound_hub' });
    expect(alertRisk({ ...quiet, destinationArea: area })).toEqual(
      alertRisk({ ...quiet, destinationCity: 'Mya Wadi' }),
    );
    expect(riskAreaOf('Bangkok')).toBeUndefined();
    expect(riskAreaOf(undefined)).toBeUndefined();
  });

  test('repeated wrong PINs weigh more than silence alone and less than an SOS', () => {
    const guessing = alertRisk({ ...quiet, source: 'pin_failures' }).score;
    expect(guessing).toBeGreaterThan(alertRisk({ ...quiet, hoursOverdue: 2 }).score);
    expect(guessing).toBeLessThan(alertRisk({ ...quiet, source: 'sos' }).score);
  });

  test('the hours-overdue factor alone is what alertRisk adds for them', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (hours) => {
        const withHours = alertRisk({ ...quiet, hoursOverdue: hours }).score;
        expect(withHours - alertRisk(quiet).score).toBe(hoursOverdueFactor(hours)?.weight ?? 0);
      }),
    );
  });
});
