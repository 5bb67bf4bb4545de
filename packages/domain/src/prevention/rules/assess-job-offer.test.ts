import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { adviceCodes, baseAdvice } from './advice.js';
import { assessJobOffer, levelThresholds, riskLevels, scoreFlags } from './assess-job-offer.js';
import type { RegistryMatch } from './flag-rules.js';
import {
  foundThroughOptions,
  type JobOfferAnswers,
  recruitmentFeeOptions,
  routeOptions,
  travelPaidByOptions,
  urgencyOptions,
  visaTypeOptions,
  yesNoUnsureOptions,
} from './job-offer-answers.js';

const registryMatch: RegistryMatch = {
  kind: 'handle',
  display: 'telegram:@jobs_abroad_hr',
  reportCount: 2,
  reporterCount: 2,
  firstReportedAt: '2026-10-01T00:00:00Z',
};

const licensedFactoryOffer = {
  text: `Malaysia – Factory Workers (Electronics), Penang. Contoh Manpower Sdn Bhd, licence JTKSM No. 0000.
Basic salary RM 1,700/month + overtime. Work permit and written contract, SOCSO.
Employer pays levy, visa and flight. No placement fee. Workers keep their own passports. Walk-in interviews.`,
};

describe('levels', () => {
  test('nothing said, nothing raised: low, with the everyday advice only', () => {
    const assessment = assessJobOffer({});
    expect(assessment).toMatchObject({ level: 'low', score: 0, flags: [] });
    expect(assessment.advice).toEqual(adviceCodes.filter((code) => baseAdvice.includes(code)));
  });

  test('the score is the sum of the raised weights, and the thresholds set the level', () => {
    const lowAnswers: JobOfferAnswers = { travelPaidBy: 'recruiter', urgency: 'yes' };
    expect(assessJobOffer({ answers: lowAnswers })).toMatchObject({ level: 'low', score: 3 });
    const elevatedAnswers: JobOfferAnswers = { ...lowAnswers, foundThrough: 'social_media' };
    expect(assessJobOffer({ answers: elevatedAnswers })).toMatchObject({ level: 'elevated', score: 4 });
    const highAnswers: JobOfferAnswers = { ...elevatedAnswers, visaType: 'tourist', passportHeld: 'unsure' };
    expect(assessJobOffer({ answers: highAnswers })).toMatchObject({ level: 'high', score: 8 });
    expect(levelThresholds).toEqual({ elevated: 4, high: 8 });
  });

  test('a registry match makes the offer high even when everything else looks regular', () => {
    const assessment = assessJobOffer(licensedFactoryOffer, { registryMatches: [registryMatch] });
    expect(assessment.level).toBe('high');
    expect(assessment.score).toBeGreaterThanOrEqual(8);
  });

  test('a compound area named as the workplace with recruiter-paid travel is high on its own', () => {
    const assessment = assessJobOffer({ text: 'Hotel staff for a resort in Sihanoukville. Free air ticket.' });
    expect(assessment.score).toBeLessThan(levelThresholds.high);
    expect(assessment.level).toBe('high');
  });

  test('a compound hub passed through in the worker’s own country is not decisive', () => {
    const assessment = assessJobOffer({
      text: 'ထိုင်းနိုင်ငံ စက်ရုံ အလုပ်သမား။ မြဝတီ နယ်စပ်ဂိတ်မှ ဖြတ်ကျော်မည်။ လေယာဉ်လက်မှတ်အခမဲ့',
    });
    expect(assessment.flags.find((flag) => flag.code === 'compound_area_destination')?.weight).toBe(2);
    expect(assessment.level).not.toBe('high');
  });

  test('protective signals lower the score but never cancel a compound area', () => {
    const assessment = assessJobOffer({
      text: `${licensedFactoryOffer.text}\nThe factory is in Bavet, Cambodia.`,
    });
    expect(assessment.flags.map((flag) => flag.code)).toContain('licensed_agency_channel');
    expect(assessment.score).toBe(5);
    expect(assessment.level).toBe('elevated');
  });

  test('protective signals together take off at most five points', () => {
    const raised = [
      { code: 'tourist_visa_for_work', weight: 3 },
      { code: 'passport_held', weight: 3 },
      { code: 'licensed_agency_channel', weight: -3 },
      { code: 'work_visa_and_contract', weight: -2 },
      { code: 'employer_pays_costs', weight: -1 },
      { code: 'verifiable_employer', weight: -2 },
    ] as const;
    expect(scoreFlags(raised)).toBe(1);
    expect(scoreFlags([{ code: 'licensed_agency_channel', weight: -3 }])).toBe(0);
  });

  test('a licensed, regular offer is low, with its protective signals listed after any red flag', () => {
    const assessment = assessJobOffer(licensedFactoryOffer);
    expect(assessment.level).toBe('low');
    const weights = assessment.flags.map((flag) => flag.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(assessment.flags.every((flag) => flag.weight < 0)).toBe(true);
  });

  test('a typical compound recruitment ad is high', () => {
    const assessment = assessJobOffer({
      text: `URGENT Customer service in Cambodia 🇰🇭 Salary 1500 USD/month. No experience needed.
Free ticket + visa. Contact Telegram @cs_hiring_kh`,
    });
    expect(assessment.level).toBe('high');
    expect(assessment.advice[0]).toBe('pause_before_accepting');
    expect(assessment.advice).toContain('contact_embassy_before_leaving');
    expect(assessment.advice).toContain('report_recruiter');
  });
});

describe('text and answers together', () => {
  test('answers alone are assessed', () => {
    const assessment = assessJobOffer({
      answers: { destinationCountry: 'KH', jobTitle: 'Typing job', travelPaidBy: 'recruiter', visaType: 'tourist' },
    });
    expect(assessment.flags.map((flag) => flag.code)).toEqual(
      expect.arrayContaining(['tourist_visa_for_work', 'scam_job_family', 'recruiter_pays_travel']),
    );
  });

  test('an answer wins over the text when both say something', () => {
    const text = 'Come on a tourist visa. The company will keep your passport.';
    const fromText = assessJobOffer({ text });
    expect(fromText.flags.map((flag) => flag.code)).toEqual(
      expect.arrayContaining(['tourist_visa_for_work', 'passport_held']),
    );
    const answered = assessJobOffer({ text, answers: { visaType: 'work', passportHeld: 'no' } });
    expect(answered.flags.map((flag) => flag.code)).not.toContain('tourist_visa_for_work');
    expect(answered.flags.map((flag) => flag.code)).not.toContain('passport_held');
  });

  test('where the answers are silent or unknown, the text still counts', () => {
    const assessment = assessJobOffer({
      text: 'Free air ticket, tourist visa.',
      answers: { travelPaidBy: 'unknown', visaType: 'unknown', destinationCountry: 'TH' },
    });
    expect(assessment.flags.map((flag) => flag.code)).toEqual(
      expect.arrayContaining(['recruiter_pays_travel', 'tourist_visa_for_work']),
    );
  });

  test('the job title answered counts like the text for the kind of work', () => {
    const assessment = assessJobOffer({ text: 'Good job in Cambodia.', answers: { jobTitle: 'Online marketing' } });
    expect(assessment.flags.find((flag) => flag.code === 'scam_job_family')?.weight).toBe(3);
  });
});

const answersArbitrary: fc.Arbitrary<JobOfferAnswers> = fc.record(
  {
    destinationCountry: fc.constantFrom('TH', 'KH', 'MM', 'MY', 'JP', 'PH'),
    foundThrough: fc.constantFrom(...foundThroughOptions),
    employerVerifiable: fc.constantFrom(...yesNoUnsureOptions),
    travelPaidBy: fc.constantFrom(...travelPaidByOptions),
    route: fc.constantFrom(...routeOptions),
    visaType: fc.constantFrom(...visaTypeOptions),
    passportHeld: fc.constantFrom(...yesNoUnsureOptions),
    recruitmentFee: fc.constantFrom(...recruitmentFeeOptions),
    urgency: fc.constantFrom(...urgencyOptions),
    jobTitle: fc.constantFrom('Customer service', 'Factory operator', 'Caregiver', 'Typing job'),
  },
  { requiredKeys: [] },
);

describe('properties', () => {
  test('any answers with a registry match are high', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        return assessJobOffer({ answers }, { registryMatches: [registryMatch] }).level === 'high';
      }),
    );
  });

  test('saying the passport will be held never lowers the level', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const without = assessJobOffer({ answers: { ...answers, passportHeld: 'no' } });
        const held = assessJobOffer({ answers: { ...answers, passportHeld: 'yes' } });
        return riskLevels.indexOf(held.level) >= riskLevels.indexOf(without.level) && held.score >= without.score;
      }),
    );
  });

  test('the score is never negative and the advice is always in display order without repeats', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const assessment = assessJobOffer({ answers });
        const order = assessment.advice.map((code) => adviceCodes.indexOf(code));
        return (
          assessment.score >= 0 &&
          order.every((index, position) => position === 0 || index > (order[position - 1] ?? -1))
        );
      }),
    );
  });
});

// Speed is measured in bench/job-offer-assess.mjs, never asserted here.
test('huge and binary input is read without error, the same as the text once', () => {
  const once = 'Free ticket. Customer service in Cambodia. ';
  const huge = once.repeat(500);
  const binary = String.fromCharCode(...Array.from({ length: 5000 }, (_, index) => index % 65_536));
  expect(assessJobOffer({ text: huge })).toMatchObject({
    level: 'elevated',
    score: assessJobOffer({ text: once }).score,
  });
  expect(['low', 'elevated', 'high']).toContain(assessJobOffer({ text: binary }).level);
});
