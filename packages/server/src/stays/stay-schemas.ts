// Request and reply shapes of stays, check-ins and trusted contacts. Every object refuses unknown fields and every
// string has a length limit, so Ajv turns away wrong types, huge strings and misspelt fields before a handler runs.
import { type Static, Type } from 'typebox';
import { contactChannels } from './stay-tables.js';

const literals = <const T extends string>(values: readonly T[], options: Record<string, unknown> = {}) =>
  Type.Enum(values as T[], options);
const closed = { additionalProperties: false } as const;
const text = (maxLength: number, options: Record<string, unknown> = {}) =>
  Type.String({ minLength: 1, maxLength, ...options });

export const foundThroughValues = [
  'social_media',
  'friend_or_relative',
  'licensed_agency',
  'unlicensed_agent',
  'job_site',
  'other',
] as const;
export const visaTypes = ['work', 'tourist', 'business', 'student', 'none', 'other'] as const;
export const requestedSignals = ['ok', 'need_help', 'sos'] as const;

const CountrySchema = Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2.', examples: ['TH'] });
const DateSchema = Type.String({
  format: 'date',
  description: 'A calendar date, YYYY-MM-DD.',
  examples: ['2026-12-01'],
});
const DurationSchema = Type.String({
  maxLength: 20,
  pattern: '^P',
  description: 'ISO 8601 duration in weeks, days, hours and minutes.',
  examples: ['P7D'],
});
const ClockTimeSchema = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', examples: ['22:00'] });
const PinSchema = Type.String({
  minLength: 4,
  maxLength: 40,
  description: '6 to 12 digits (any script; spaces and dashes ignored).',
  examples: ['482913'],
});

export const DestinationSchema = Type.Object(
  { country: CountrySchema, city: Type.Optional(text(100)) },
  { ...closed, description: 'Where the stay is.' },
);
export const EmployerSchema = Type.Object(
  { name: Type.Optional(text(200)), address: Type.Optional(text(500)) },
  closed,
);
export const RecruiterSchema = Type.Object(
  {
    name: Type.Optional(text(200)),
    phone: Type.Optional(text(40)),
    links: Type.Optional(Type.Array(text(500), { maxItems: 5 })),
  },
  { ...closed, description: 'The recruiter or agent who arranged the job.' },
);
export const JobOfferSchema = Type.Object(
  {
    title: Type.Optional(text(200)),
    salary: Type.Optional(
      Type.Object(
        {
          amount: Type.Number({ minimum: 0, maximum: 1e9 }),
          currency: Type.String({ pattern: '^[A-Za-z]{3}$', examples: ['USD'] }),
        },
        closed,
      ),
    ),
    foundThrough: Type.Optional(literals(foundThroughValues)),
  },
  closed,
);
export const ScheduleInputSchema = Type.Object(
  {
    interval: DurationSchema,
    grace: DurationSchema,
    quietHours: Type.Optional(Type.Object({ start: ClockTimeSchema, end: ClockTimeSchema }, closed)),
    timeZone: text(64, { description: 'IANA time zone of the citizen.', examples: ['Asia/Bangkok'] }),
  },
  {
    ...closed,
    description: 'Interval P1D to P30D (from PT2M on a demo installation); grace at least PT1M, at most the interval.',
  },
);

const detailFields = {
  destination: DestinationSchema,
  employer: Type.Optional(EmployerSchema),
  recruiter: Type.Optional(RecruiterSchema),
  jobOffer: Type.Optional(JobOfferSchema),
  route: Type.Optional(text(1000, { description: 'Route and border crossings, in the citizen’s words.' })),
  visaType: Type.Optional(literals(visaTypes)),
  startsOn: DateSchema,
  expectedReturnOn: Type.Optional(DateSchema),
};

export const CreateStayBodySchema = Type.Object(
  {
    ...detailFields,
    schedule: ScheduleInputSchema,
    pin: PinSchema,
    duressPin: {
      ...PinSchema,
      description: 'Checks in like the PIN, and silently tells the embassy you are in danger.',
    },
  },
  closed,
);
export type CreateStayBody = Static<typeof CreateStayBodySchema>;

export const UpdateStayBodySchema = Type.Object(
  {
    destination: Type.Optional(DestinationSchema),
    employer: Type.Optional(EmployerSchema),
    recruiter: Type.Optional(RecruiterSchema),
    jobOffer: Type.Optional(JobOfferSchema),
    route: Type.Optional(detailFields.route),
    visaType: Type.Optional(literals(visaTypes)),
    startsOn: Type.Optional(DateSchema),
    expectedReturnOn: Type.Optional(DateSchema),
    schedule: Type.Optional(ScheduleInputSchema),
  },
  { ...closed, minProperties: 1 },
);
export type UpdateStayBody = Static<typeof UpdateStayBodySchema>;

/** The personal details, sealed together in one column. */
export type StayDetails = Pick<
  CreateStayBody,
  'destination' | 'employer' | 'recruiter' | 'jobOffer' | 'route' | 'visaType'
>;

const TrustedContactSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  channel: literals(contactChannels),
  language: Type.String(),
  status: literals(['invited', 'confirmed'] as const),
});

/** The fields of a stay's reply; the welfare queue's detail shows them too. */
export const stayProperties = {
  id: Type.String({ format: 'uuid' }),
  status: literals(['active', 'paused', 'ended'] as const),
  isOverdue: Type.Boolean(),
  destination: DestinationSchema,
  employer: Type.Optional(EmployerSchema),
  recruiter: Type.Optional(RecruiterSchema),
  jobOffer: Type.Optional(JobOfferSchema),
  route: Type.Optional(Type.String()),
  visaType: Type.Optional(literals(visaTypes)),
  startsOn: DateSchema,
  expectedReturnOn: Type.Optional(DateSchema),
  embassy: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }),
  schedule: ScheduleInputSchema,
  nextCheckInDueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  pausedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastCheckInAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  trustedContacts: Type.Array(TrustedContactSchema),
  createdAt: Type.String({ format: 'date-time' }),
};

export const StaySchema = Type.Object(stayProperties, {
  $id: 'Stay',
  title: 'Stay',
  description: 'A stay abroad, as its citizen sees it.',
});
export type StayReply = Static<typeof StaySchema>;

export const StayListSchema = Type.Object({ items: Type.Array(Type.Ref('Stay')) });
export const StayParamsSchema = Type.Object({ stayId: Type.String({ format: 'uuid' }) }, closed);
export const ContactParamsSchema = Type.Object(
  { stayId: Type.String({ format: 'uuid' }), contactId: Type.String({ format: 'uuid' }) },
  closed,
);

export const PinBodySchema = Type.Object({ pin: PinSchema }, closed);
export const PauseBodySchema = Type.Object(
  { pin: PinSchema, until: Type.String({ format: 'date-time', description: 'Offline until; at most 30 days ahead.' }) },
  closed,
);
export const ChangePinsBodySchema = Type.Object(
  { currentPin: PinSchema, pin: PinSchema, duressPin: PinSchema },
  closed,
);

export const IdempotencyHeadersSchema = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 100,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'Any unique string (a UUID); a retry with the same key is answered as the first request was.',
    }),
  ),
});

const LocationSchema = Type.Object(
  {
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
  },
  { ...closed, description: 'Optional, coarse: kept to about a kilometre.' },
);

const checkInFields = {
  pin: PinSchema,
  signal: literals(requestedSignals, { description: 'ok, need_help (say what in `message`) or sos.' }),
  message: Type.Optional(text(500)),
  location: Type.Optional(LocationSchema),
};

export const CheckInBodySchema = Type.Object(checkInFields, closed);
export type CheckInBody = Static<typeof CheckInBodySchema>;

export const AnyBrowserCheckInBodySchema = Type.Object(
  {
    nationalId: text(40, { description: 'The national ID number, as on the card.', examples: ['S0000001A'] }),
    ...checkInFields,
  },
  closed,
);

export const CheckInReceiptSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    receivedAt: Type.String({ format: 'date-time' }),
    nextCheckInDueAt: Type.String({ format: 'date-time' }),
  },
  { description: 'The check-in was recorded; the same answer whichever of your PINs you used.' },
);

export const CreateTrustedContactBodySchema = Type.Object(
  {
    name: text(100),
    channel: literals(contactChannels),
    address: text(200, { description: 'An email address, or a phone number in international form.' }),
    language: Type.String({ pattern: '^[a-z]{2,3}$', examples: ['id'] }),
  },
  closed,
);

export const CreatedTrustedContactSchema = Type.Object({
  contact: TrustedContactSchema,
  invitationUrl: Type.String({
    description: 'The link the contact opens to agree; also sent to them once messaging is configured.',
  }),
});
