// Request and reply shapes of the public job-offer check. See docs/decisions/0012-job-offer-check.md.
import {
  foundThroughOptions,
  payPeriods,
  recruitmentFeeOptions,
  routeOptions,
  travelPaidByOptions,
  urgencyOptions,
  visaTypeOptions,
  yesNoUnsureOptions,
} from '@homeward/domain';
import { Type } from 'typebox';

/** Longest pasted advertisement we read: a long Facebook post is about 5,000 characters. */
export const maxOfferTextLength = 20_000;

/**
 * Text as people paste it: any script, newlines and tabs, but no other control characters. A NUL or a
 * stray escape code means binary data, not an advertisement, and is refused rather than analysed.
 */
const textPattern = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';

const shortText = (maxLength: number, description: string) =>
  Type.Optional(Type.String({ maxLength, pattern: textPattern, description }));

const countryCode = (description: string) =>
  Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', description: `${description} (ISO 3166-1 alpha-2).` }));

/** One of the domain's option lists, so the API and the rules cannot disagree on a value. */
const choice = (values: readonly string[], description: string) =>
  Type.Optional(
    Type.Union(
      values.map((value) => Type.Literal(value)),
      { description },
    ),
  );

export const JobOfferAnswersSchema = Type.Object(
  {
    jobTitle: shortText(200, 'The job title as offered.'),
    duties: shortText(2_000, 'What the work is said to be.'),
    destinationCountry: countryCode('Where the job is'),
    destinationCity: shortText(100, 'The city or area of the workplace.'),
    salary: Type.Optional(
      Type.Object(
        {
          amount: Type.Number({ exclusiveMinimum: 0, maximum: 1e12 }),
          currency: Type.String({ pattern: '^[A-Za-z]{3,4}$', description: 'ISO 4217 code, e.g. THB, USD.' }),
          period: Type.Union(payPeriods.map((period) => Type.Literal(period))),
        },
        { additionalProperties: false, description: 'The promised pay.' },
      ),
    ),
    foundThrough: choice(foundThroughOptions, 'How the offer was found.'),
    employerVerifiable: choice(yesNoUnsureOptions, 'Whether the employer can be found and checked.'),
    travelPaidBy: choice(travelPaidByOptions, 'Who pays for the journey.'),
    route: choice(routeOptions, 'How the journey goes.'),
    transitCountry: countryCode('A country crossed on the way'),
    visaType: choice(visaTypeOptions, 'The visa offered.'),
    passportHeld: choice(yesNoUnsureOptions, 'Whether the employer or recruiter will keep the passport.'),
    recruitmentFee: choice(recruitmentFeeOptions, 'Fees or debt to the recruiter.'),
    languagesRequired: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Za-z]{2,3}$' }), {
        maxItems: 10,
        description: 'Languages the job asks for (ISO 639 codes).',
      }),
    ),
    urgency: choice(urgencyOptions, 'Whether the recruiter presses to decide or leave quickly.'),
    employerName: shortText(200, 'The company named in the offer.'),
    recruiterPhone: shortText(40, "The recruiter's phone number, any format."),
    recruiterLinks: Type.Optional(
      Type.Array(Type.String({ maxLength: 300, pattern: textPattern }), {
        maxItems: 5,
        description: 'Links or handles of the recruiter (Telegram, Facebook, WhatsApp…).',
      }),
    ),
  },
  { additionalProperties: false, description: 'The questionnaire; every answer is optional.' },
);

export const JobOfferCheckBodySchema = Type.Object(
  {
    text: Type.Optional(
      Type.String({
        maxLength: maxOfferTextLength,
        pattern: textPattern,
        description: 'The advertisement or message as received, pasted in any language.',
      }),
    ),
    answers: Type.Optional(JobOfferAnswersSchema),
    language: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$',
        maxLength: 35,
        description: 'The language of the answer (BCP 47); otherwise Accept-Language, otherwise English.',
        examples: ['th'],
      }),
    ),
  },
  { additionalProperties: false },
);

export const JobOfferCheckResultSchema = Type.Object(
  {
    level: Type.Union([Type.Literal('low'), Type.Literal('elevated'), Type.Literal('high')], {
      description: 'How many and how strong the warning signs are.',
    }),
    score: Type.Number({ description: 'The sum of the flags’ weights that set the level.' }),
    flags: Type.Array(
      Type.Object({
        code: Type.String({ description: 'Stable machine code of the warning sign.' }),
        weight: Type.Number({ description: 'How much it adds to the score; protective signs subtract.' }),
        explanation: Type.String({ description: 'Why it matters, in the language of the answer.' }),
      }),
    ),
    advice: Type.Array(
      Type.Object({ code: Type.String(), text: Type.String({ description: 'What to do, in plain words.' }) }),
    ),
    registryMatches: Type.Array(
      Type.Object({
        kind: Type.Union([Type.Literal('phone'), Type.Literal('company'), Type.Literal('url'), Type.Literal('handle')]),
        display: Type.String(),
        reportCount: Type.Integer({ minimum: 1 }),
        reporterCount: Type.Integer({ minimum: 1 }),
        firstReportedAt: Type.String({ format: 'date-time' }),
      }),
      { description: 'Contacts in the offer that the moderated registry of reported recruiters lists.' },
    ),
    language: Type.String({ description: 'The language the explanations are in.' }),
  },
  { description: 'An explained risk result. Nothing of the offer is stored.' },
);
