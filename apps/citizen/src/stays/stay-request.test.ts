// What the registration form sends, which schedules it offers, and which PINs it lets through.
import { describe, expect, test } from 'vitest';
import {
  buildStayRequest,
  defaultGraceFor,
  durationMinutes,
  graceChoicesFor,
  pauseUntil,
  pinPairProblem,
  readPin,
  type StayFormValues,
} from './stay-request';

const filledIn: StayFormValues = {
  country: 'TH',
  city: ' Bangkok ',
  employerName: 'Golden Star Trading',
  recruiterName: '',
  recruiterPhone: '+66 81 555 0123',
  jobTitle: 'Customer service',
  salaryAmount: '25,000',
  salaryCurrency: 'THB',
  foundThrough: 'social_media',
  visaType: 'tourist',
  startsOn: '2026-12-01',
  expectedReturnOn: '2027-06-01',
  interval: 'P7D',
  grace: 'P1D',
  timeZone: 'Asia/Bangkok',
  hasQuietHours: true,
  quietStart: '22:00',
  quietEnd: '07:00',
  pin: '482913',
  duressPin: '482931',
};

const onlyRequired: StayFormValues = {
  ...filledIn,
  city: '',
  employerName: '',
  recruiterPhone: '',
  jobTitle: '',
  salaryAmount: '',
  foundThrough: '',
  visaType: '',
  expectedReturnOn: '',
  hasQuietHours: false,
};

describe('buildStayRequest', () => {
  test('a filled-in form becomes the contract’s body, trimmed, with the salary as a number', () => {
    expect(buildStayRequest(filledIn)).toEqual({
      ok: true,
      body: {
        destination: { country: 'TH', city: 'Bangkok' },
        employer: { name: 'Golden Star Trading' },
        recruiter: { phone: '+66 81 555 0123' },
        jobOffer: {
          title: 'Customer service',
          salary: { amount: 25000, currency: 'THB' },
          foundThrough: 'social_media',
        },
        visaType: 'tourist',
        startsOn: '2026-12-01',
        expectedReturnOn: '2027-06-01',
        schedule: {
          interval: 'P7D',
          grace: 'P1D',
          quietHours: { start: '22:00', end: '07:00' },
          timeZone: 'Asia/Bangkok',
        },
        pin: '482913',
        duressPin: '482931',
      },
    });
  });

  test('an optional field left empty is left out, never sent as an empty string', () => {
    const request = buildStayRequest(onlyRequired);
    expect(request.ok && request.body).toEqual({
      destination: { country: 'TH' },
      startsOn: '2026-12-01',
      schedule: { interval: 'P7D', grace: 'P1D', timeZone: 'Asia/Bangkok' },
      pin: '482913',
      duressPin: '482931',
    });
  });

  test('the first thing to put right is named', () => {
    const problemOf = (changes: Partial<StayFormValues>) => {
      const request = buildStayRequest({ ...filledIn, ...changes });
      return request.ok ? undefined : request.problem;
    };
    expect(problemOf({ country: '' })).toBe('countryMissing');
    expect(problemOf({ startsOn: '' })).toBe('startMissing');
    expect(problemOf({ expectedReturnOn: '2026-11-01' })).toBe('returnBeforeStart');
    expect(problemOf({ salaryAmount: 'a lot' })).toBe('salaryInvalid');
    expect(problemOf({ quietEnd: '' })).toBe('quietHoursInvalid');
    expect(problemOf({ pin: '1234' })).toBe('pinInvalid');
    expect(problemOf({ pin: '123456' })).toBe('pinTooEasy');
    expect(problemOf({ duressPin: '000000' })).toBe('duressInvalid');
    expect(problemOf({ duressPin: '482914' })).toBe('duressTooClose');
  });

  test('PINs typed in Thai digits are sent as 0–9', () => {
    const request = buildStayRequest({ ...filledIn, pin: '๔๘๒ ๙๑๓', duressPin: '๔๘๒๙๓๑' });
    expect(request.ok && [request.body.pin, request.body.duressPin]).toEqual(['482913', '482931']);
  });
});

describe('PINs', () => {
  test('digits of the scripts people here type are read as 0–9, spaces and dashes dropped', () => {
    expect(readPin(' ๑๒๓ ๔๕๖ ')).toBe('123456');
    expect(readPin('၁၂၃-၄၅၆')).toBe('123456');
    expect(readPin('១២៣៤៥៦')).toBe('123456');
    expect(readPin('໑໒໓໔໕໖')).toBe('123456');
    expect(readPin('１２３４５６')).toBe('123456');
    expect(readPin('12a456')).toBeUndefined();
  });

  test('runs anyone would guess first are refused, up and down and wrapping', () => {
    for (const pin of ['111111', '123456', '654321', '890123'])
      expect(pinPairProblem(pin, '482931')).toBe('pinTooEasy');
  });

  test('a duress PIN one slip of a finger away from the PIN is refused; two places apart is fine', () => {
    expect(pinPairProblem('482913', '482913')).toBe('duressTooClose');
    expect(pinPairProblem('482913', '482918')).toBe('duressTooClose');
    expect(pinPairProblem('482913', '482931')).toBeUndefined();
    expect(pinPairProblem('482913', '4829130')).toBe('duressTooClose');
    expect(pinPairProblem('482913', '48291300')).toBeUndefined();
  });

  test('PINs are 6 to 12 digits', () => {
    expect(pinPairProblem('48291', '582931')).toBe('pinInvalid');
    expect(pinPairProblem('4829134829134', '582931')).toBe('pinInvalid');
    expect(pinPairProblem('482913482913', '582931')).toBeUndefined();
  });
});

describe('schedule choices', () => {
  test('durations of the forms the form uses are read in minutes', () => {
    expect(durationMinutes('PT2M')).toBe(2);
    expect(durationMinutes('PT12H')).toBe(720);
    expect(durationMinutes('P7D')).toBe(10_080);
    expect(durationMinutes('P1DT6H')).toBe(1800);
    for (const odd of ['', 'P', 'PT', '7D', 'P1W']) expect(durationMinutes(odd)).toBeUndefined();
  });

  test('a grace period is never longer than the interval', () => {
    expect(graceChoicesFor('P1D').map((choice) => choice.value)).toEqual(['PT6H', 'PT12H', 'P1D']);
    expect(graceChoicesFor('P14D').map((choice) => choice.value)).toEqual(['PT6H', 'PT12H', 'P1D', 'P2D', 'P3D']);
  });

  test('the demo’s two-minute interval gets a two-minute grace, and only it does', () => {
    expect(graceChoicesFor('PT2M').map((choice) => choice.value)).toEqual(['PT2M']);
    expect(defaultGraceFor('PT2M')).toBe('PT2M');
    expect(defaultGraceFor('P1D')).toBe('PT12H');
    expect(defaultGraceFor('P7D')).toBe('P1D');
  });
});

describe('pauseUntil', () => {
  const now = new Date('2026-11-23T08:00:00Z');

  test('a time in the next 30 days is sent as a UTC instant', () => {
    expect(pauseUntil('2026-12-01T09:00', now)).toBe(new Date('2026-12-01T09:00').toISOString());
  });

  test('a time past, or more than 30 days ahead, or missing, is refused', () => {
    for (const value of ['2026-11-01T09:00', '2027-01-30T09:00', '', 'soon'])
      expect(pauseUntil(value, now)).toBeUndefined();
  });
});
