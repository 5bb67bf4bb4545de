// How the optional questions become the API's answers: only what was answered, in the API's values.
import { describe, expect, test } from 'vitest';
import { buildAnswers, choiceQuestions, parseAmount } from './questionnaire';

describe('parseAmount', () => {
  test('reads amounts as people type them', () => {
    expect(parseAmount('35,000')).toBe(35_000);
    expect(parseAmount('35 000')).toBe(35_000);
    expect(parseAmount('Rp 15.000.000')).toBe(15_000_000);
    expect(parseAmount('1,200.50')).toBe(1_200.5);
    expect(parseAmount('$1200')).toBe(1_200);
  });

  test('gives nothing for no amount, zero or nonsense', () => {
    for (const typed of ['', 'a lot', '0', '1.2.3']) expect(parseAmount(typed), typed).toBeUndefined();
  });
});

describe('buildAnswers', () => {
  test('an empty form gives no answers', () => {
    expect(buildAnswers({})).toEqual({});
    expect(buildAnswers({ visaType: '', jobTitle: '  ', salaryAmount: '', salaryPeriod: 'month' })).toEqual({});
  });

  test('keeps the chosen values, the country and trimmed text', () => {
    expect(
      buildAnswers({
        foundThrough: 'messaging_app',
        route: 'flight_then_overland',
        destinationCountry: 'TH',
        destinationCity: ' Mae Sot ',
      }),
    ).toEqual({
      foundThrough: 'messaging_app',
      route: 'flight_then_overland',
      destinationCountry: 'TH',
      destinationCity: 'Mae Sot',
    });
  });

  test('ignores a value the question does not offer', () => {
    expect(buildAnswers({ visaType: 'diplomatic', urgency: 'unsure' })).toEqual({});
  });

  test('sends the salary only with an amount and a currency, monthly unless another period is picked', () => {
    expect(buildAnswers({ salaryAmount: '35,000' })).toEqual({});
    expect(buildAnswers({ salaryAmount: '35,000', salaryCurrency: 'THB' })).toEqual({
      salary: { amount: 35_000, currency: 'THB', period: 'month' },
    });
    expect(buildAnswers({ salaryAmount: '500', salaryCurrency: 'USD', salaryPeriod: 'week' })).toEqual({
      salary: { amount: 500, currency: 'USD', period: 'week' },
    });
  });

  test('every question offers the values the API takes', () => {
    const apiValues: Record<string, string[]> = {
      foundThrough: [
        'social_media',
        'messaging_app',
        'friend_or_relative',
        'licensed_agency',
        'unlicensed_agent',
        'job_board',
        'employer_directly',
        'other',
      ],
      employerVerifiable: ['yes', 'no', 'unsure'],
      travelPaidBy: ['employer', 'recruiter', 'self', 'unknown'],
      route: ['direct_flight', 'flight_then_overland', 'overland', 'unknown'],
      visaType: ['work', 'tourist', 'business', 'student', 'none', 'unknown'],
      passportHeld: ['yes', 'no', 'unsure'],
      recruitmentFee: ['none', 'fee', 'debt', 'salary_deduction', 'unsure'],
      urgency: ['yes', 'no'],
    };
    expect(
      Object.fromEntries(choiceQuestions.map((question) => [question.name, question.options.map(([value]) => value)])),
    ).toEqual(apiValues);
  });
});
