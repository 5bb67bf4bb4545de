// The job-offer check's optional questions, as data (each answer's value is the API's, each label a
// catalogue key with its English), and how the form's values become the API's `answers`: only what
// was answered is sent.

/** A question answered by picking one of a few values; `''` means not answered. */
export interface ChoiceQuestion {
  readonly name: string;
  readonly label: readonly [key: string, english: string];
  readonly options: readonly (readonly [value: string, key: string, english: string])[];
}

const yes = ['yes', 'check.answer.yes', 'Yes'] as const;
const no = ['no', 'check.answer.no', 'No'] as const;
const unsure = ['unsure', 'check.answer.unsure', 'I am not sure'] as const;
const unknown = ['unknown', 'check.answer.unknown', 'I don’t know'] as const;

export const noAnswer = ['check.answer.none', 'No answer'] as const;

export const choiceQuestions: readonly ChoiceQuestion[] = [
  {
    name: 'foundThrough',
    label: ['check.q.foundThrough', 'How did the offer reach you?'],
    options: [
      ['social_media', 'check.q.foundThrough.social_media', 'Social media (Facebook, TikTok, Instagram…)'],
      ['messaging_app', 'check.q.foundThrough.messaging_app', 'A messaging app (Telegram, WhatsApp, LINE…)'],
      ['friend_or_relative', 'check.q.foundThrough.friend_or_relative', 'A friend or relative'],
      ['licensed_agency', 'check.q.foundThrough.licensed_agency', 'A licensed recruitment agency'],
      ['unlicensed_agent', 'check.q.foundThrough.unlicensed_agent', 'An agent or broker without a licence'],
      ['job_board', 'check.q.foundThrough.job_board', 'A job website'],
      ['employer_directly', 'check.q.foundThrough.employer_directly', 'The employer directly'],
      ['other', 'check.q.foundThrough.other', 'Another way'],
    ],
  },
  {
    name: 'employerVerifiable',
    label: [
      'check.q.employerVerifiable',
      'Can you find and check the employer (a real address, website or registration)?',
    ],
    options: [yes, no, unsure],
  },
  {
    name: 'travelPaidBy',
    label: ['check.q.travelPaidBy', 'Who pays for the journey?'],
    options: [
      ['employer', 'check.q.travelPaidBy.employer', 'The employer'],
      ['recruiter', 'check.q.travelPaidBy.recruiter', 'The recruiter or agent'],
      ['self', 'check.q.travelPaidBy.self', 'I pay'],
      unknown,
    ],
  },
  {
    name: 'route',
    label: ['check.q.route', 'How will you travel?'],
    options: [
      ['direct_flight', 'check.q.route.direct_flight', 'A direct flight to the country of the job'],
      ['flight_then_overland', 'check.q.route.flight_then_overland', 'A flight, then by road or boat across a border'],
      ['overland', 'check.q.route.overland', 'By road or boat all the way'],
      unknown,
    ],
  },
  {
    name: 'visaType',
    label: ['check.q.visaType', 'Which visa will you travel on?'],
    options: [
      ['work', 'check.q.visaType.work', 'A work visa or work permit'],
      ['tourist', 'check.q.visaType.tourist', 'A tourist visa'],
      ['business', 'check.q.visaType.business', 'A business visa'],
      ['student', 'check.q.visaType.student', 'A student visa'],
      ['none', 'check.q.visaType.none', 'No visa'],
      unknown,
    ],
  },
  {
    name: 'passportHeld',
    label: ['check.q.passportHeld', 'Will the employer or recruiter keep your passport?'],
    options: [yes, no, unsure],
  },
  {
    name: 'recruitmentFee',
    label: ['check.q.recruitmentFee', 'Must you pay a fee or take on a debt for this job?'],
    options: [
      ['none', 'check.q.recruitmentFee.none', 'No, nothing'],
      ['fee', 'check.q.recruitmentFee.fee', 'Yes, a fee'],
      ['debt', 'check.q.recruitmentFee.debt', 'Yes, a loan or debt to repay'],
      ['salary_deduction', 'check.q.recruitmentFee.salary_deduction', 'Yes, taken from my pay'],
      unsure,
    ],
  },
  {
    name: 'urgency',
    label: ['check.q.urgency', 'Are they pressing you to decide or leave quickly?'],
    options: [yes, no],
  },
];

/** Countries the destination list offers; their names come from the browser, in the page's language. */
export const destinationCountries = [
  'TH',
  'MY',
  'KH',
  'MM',
  'LA',
  'PH',
  'VN',
  'ID',
  'SG',
  'BN',
  'TL',
  'CN',
  'HK',
  'MO',
  'TW',
  'JP',
  'KR',
  'AE',
  'SA',
  'QA',
  'KW',
  'OM',
  'BH',
  'TR',
  'GB',
  'US',
  'AU',
] as const;

export const currencies = [
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
  'HKD',
  'TWD',
  'JPY',
  'KRW',
  'AED',
  'EUR',
] as const;

export const payPeriods = [
  ['month', 'check.q.period.month', 'a month'],
  ['week', 'check.q.period.week', 'a week'],
  ['day', 'check.q.period.day', 'a day'],
  ['hour', 'check.q.period.hour', 'an hour'],
  ['year', 'check.q.period.year', 'a year'],
] as const;

/** Free-text questions, sent as typed (trimmed). */
export const textQuestions = [
  ['jobTitle', 'check.q.jobTitle', 'Job title', 200],
  ['destinationCity', 'check.q.destinationCity', 'City or area of the workplace', 100],
  ['employerName', 'check.q.employerName', 'Name of the company', 200],
  ['recruiterPhone', 'check.q.recruiterPhone', 'The recruiter’s phone number', 40],
] as const;

/**
 * A typed amount as a number: spaces, commas and apostrophes group thousands, and so do dots in
 * "15.000.000" (the Indonesian and Vietnamese way); one dot with one or two decimals is a decimal point.
 *
 * @example parseAmount('Rp 15.000.000') // 15000000
 */
export function parseAmount(typed: string): number | undefined {
  let digits = typed.replace(/[^\d.,' ]/g, '').replace(/[,' ]/g, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(digits)) digits = digits.replaceAll('.', '');
  if (!/^\d+(\.\d+)?$/.test(digits)) return undefined;
  const amount = Number(digits);
  return Number.isFinite(amount) && amount > 0 ? amount : undefined;
}

/**
 * The API's `answers` from the form's values by field name: blank fields left out, the salary only
 * with an amount and a currency (a month when no period is picked).
 *
 * @example buildAnswers({ visaType: 'tourist', salaryAmount: '35,000', salaryCurrency: 'THB' })
 * // { visaType: 'tourist', salary: { amount: 35000, currency: 'THB', period: 'month' } }
 */
export function buildAnswers(values: Readonly<Record<string, string>>): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const question of choiceQuestions) {
    const value = values[question.name] ?? '';
    if (question.options.some(([option]) => option === value)) answers[question.name] = value;
  }
  for (const [name, , , maxLength] of textQuestions) {
    const value = (values[name] ?? '').trim().slice(0, maxLength);
    if (value !== '') answers[name] = value;
  }
  const country = values.destinationCountry ?? '';
  if (/^[A-Z]{2}$/.test(country)) answers.destinationCountry = country;
  const amount = parseAmount(values.salaryAmount ?? '');
  const currency = values.salaryCurrency ?? '';
  if (amount !== undefined && /^[A-Z]{3}$/.test(currency)) {
    const period = payPeriods.find(([value]) => value === values.salaryPeriod)?.[0] ?? 'month';
    answers.salary = { amount, currency, period };
  }
  return answers;
}
