// Request and reply shapes of the registry. Length limits live here, so Ajv refuses oversized fields
// before a handler runs; what a schema cannot say (control characters, a valid phone) the handlers check.
import { Type } from 'typebox';
import { maxScreenshotBase64Length, maxScreenshots } from './registry-screenshots.js';
import { maxSearchResults } from './registry-settings.js';
import {
  registryReportStatuses,
  registrySubjectKinds,
  removalRequestStatuses,
  screenshotContentTypes,
} from './registry-tables.js';

export const maxDescriptionLength = 4_000;
export const maxStatementLength = 4_000;
export const maxReasonLength = 1_000;
export const maxSubjects = 10;

const literals = <const T extends string>(values: readonly T[], options: Record<string, unknown> = {}) =>
  Type.Enum(values as T[], options);

const SubjectKindSchema = literals(registrySubjectKinds, {
  description: 'phone (any format), company, url or handle (@name, telegram:@name, line:name, wa:+number).',
});

const CountrySchema = Type.String({
  pattern: '^[A-Za-z]{2}$',
  description: 'ISO 3166-1 alpha-2 country; resolves phone numbers written in a local format.',
  examples: ['TH'],
});

const ProofOfWorkFields = {
  challenge: Type.String({
    minLength: 16,
    maxLength: 64,
    pattern: '^[A-Za-z0-9_-]+$',
    description: 'From POST /api/v1/registry/challenges. Spent by this request; reusing it returns the first answer.',
  }),
  nonce: Type.String({
    minLength: 1,
    maxLength: 64,
    pattern: '^[\\x21-\\x7e]+$',
    description: 'Makes SHA-256("<challenge>:<nonce>") start with at least `difficulty` zero bits.',
    examples: ['183042'],
  }),
};

export const SubjectInputSchema = Type.Object(
  {
    kind: SubjectKindSchema,
    value: Type.String({ minLength: 1, maxLength: 500, examples: ['+66 81 234 5678'] }),
  },
  { additionalProperties: false },
);

export const ChallengeSchema = Type.Object(
  {
    challenge: Type.String({ description: 'Send it back, with the nonce you found, within 10 minutes.' }),
    difficulty: Type.Integer({ minimum: 0, description: 'Leading zero bits SHA-256("<challenge>:<nonce>") needs.' }),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { description: 'A proof-of-work puzzle, spent by one report or removal request.' },
);

export const CreateReportBodySchema = Type.Object(
  {
    ...ProofOfWorkFields,
    subjects: Type.Array(SubjectInputSchema, {
      minItems: 1,
      maxItems: maxSubjects,
      description: 'What is being reported: phone numbers, companies, links, handles.',
    }),
    description: Type.Optional(
      Type.String({
        maxLength: maxDescriptionLength,
        description: 'What happened, in any language. Read by moderators only; never published.',
      }),
    ),
    country: Type.Optional(CountrySchema),
    screenshots: Type.Optional(
      Type.Array(
        Type.Object(
          {
            contentType: literals(screenshotContentTypes),
            data: Type.String({
              minLength: 1,
              maxLength: maxScreenshotBase64Length,
              description: 'The image, base64 (at most 2 MB decoded). Metadata (EXIF, GPS) is removed.',
            }),
          },
          { additionalProperties: false },
        ),
        { maxItems: maxScreenshots },
      ),
    ),
  },
  { additionalProperties: false },
);

export const SubmittedReportSchema = Type.Object(
  {
    reportId: Type.String({ format: 'uuid' }),
    status: Type.Literal('pending'),
    duplicate: Type.Boolean({
      description: 'True when you had already reported every subject in the last 30 days: nothing new was added.',
    }),
  },
  { description: 'The report waits for a moderator; nothing is published before approval.' },
);

export const SearchQuerySchema = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200, description: 'A phone number, company name, link or handle.' }),
    kind: Type.Optional(SubjectKindSchema),
    country: Type.Optional(CountrySchema),
  },
  { additionalProperties: false },
);

export const PublicEntrySchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: SubjectKindSchema,
    display: Type.String(),
    reportCount: Type.Integer({ description: 'Approved reports naming it.' }),
    reporterCount: Type.Integer({ description: 'Independent reporters among them.' }),
    firstReportedAt: Type.String({ format: 'date-time' }),
    lastReportedAt: Type.String({ format: 'date-time' }),
    disputed: Type.Boolean({ description: 'Someone listed asked for removal, and it is pending or was refused.' }),
  },
  { $id: 'RegistryEntry', title: 'RegistryEntry' },
);

export const SearchResultSchema = Type.Object({
  kind: SubjectKindSchema,
  normalised: Type.String({ description: 'The form the search compared (E.164, host/path, @handle, folded name).' }),
  entries: Type.Array(Type.Ref('RegistryEntry'), { maxItems: maxSearchResults }),
});

export const EntryParamsSchema = Type.Object({ entryId: Type.String({ format: 'uuid' }) });
export const ReportParamsSchema = Type.Object({ reportId: Type.String({ format: 'uuid' }) });
export const ScreenshotParamsSchema = Type.Object({
  reportId: Type.String({ format: 'uuid' }),
  index: Type.Integer({ minimum: 0, maximum: maxScreenshots - 1 }),
});
export const RemovalRequestParamsSchema = Type.Object({ requestId: Type.String({ format: 'uuid' }) });

export const CreateRemovalRequestBodySchema = Type.Object(
  {
    ...ProofOfWorkFields,
    requesterName: Type.String({ minLength: 1, maxLength: 200 }),
    contactEmail: Type.String({ format: 'email', maxLength: 254 }),
    statement: Type.String({ minLength: 1, maxLength: maxStatementLength }),
  },
  { additionalProperties: false },
);

export const SubmittedRemovalRequestSchema = Type.Object({
  requestId: Type.String({ format: 'uuid' }),
  status: Type.Literal('pending'),
});

const PageQueryFields = {
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
};

export const ListReportsQuerySchema = Type.Object(
  { status: Type.Optional(literals(registryReportStatuses)), ...PageQueryFields },
  { additionalProperties: false },
);

const DecisionSchema = Type.Union([
  Type.Null(),
  Type.Object({ decidedAt: Type.String({ format: 'date-time' }), reason: Type.Union([Type.String(), Type.Null()]) }),
]);

const ReportSubjectSchema = Type.Object({ kind: SubjectKindSchema, value: Type.String(), normalised: Type.String() });

const ReportSummaryFields = {
  id: Type.String({ format: 'uuid' }),
  status: literals(registryReportStatuses),
  country: Type.Union([Type.String(), Type.Null()]),
  subjects: Type.Array(ReportSubjectSchema),
  screenshotCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
};

export const ReportListSchema = Type.Object({
  items: Type.Array(Type.Object(ReportSummaryFields)),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass it as `cursor` for the next page.' }),
});

export const ReportDetailsSchema = Type.Object(
  { ...ReportSummaryFields, description: Type.Union([Type.String(), Type.Null()]), decision: DecisionSchema },
  { description: 'A report as a moderator sees it. Who reported is never shown.' },
);

export const ReportDecisionBodySchema = Type.Object(
  {
    decision: literals(['approve', 'reject'] as const),
    reason: Type.String({ minLength: 1, maxLength: maxReasonLength }),
    subjects: Type.Optional(
      Type.Array(SubjectInputSchema, {
        minItems: 1,
        maxItems: maxSubjects,
        description: 'On approval: the subjects to publish, edited or dropped to remove anything personal.',
      }),
    ),
    country: Type.Optional(CountrySchema),
  },
  { additionalProperties: false },
);

export const ReportDecidedSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: literals(registryReportStatuses),
  entryIds: Type.Array(Type.String({ format: 'uuid' }), { description: 'The entries the approval added to.' }),
});

export const ListRemovalRequestsQuerySchema = Type.Object(
  { status: Type.Optional(literals(removalRequestStatuses)), ...PageQueryFields },
  { additionalProperties: false },
);

export const RemovalRequestListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      status: literals(removalRequestStatuses),
      entry: Type.Object({
        id: Type.String({ format: 'uuid' }),
        kind: SubjectKindSchema,
        display: Type.String(),
        removed: Type.Boolean(),
      }),
      requesterName: Type.String(),
      contactEmail: Type.String(),
      statement: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
      decision: DecisionSchema,
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const RemovalDecisionBodySchema = Type.Object(
  {
    decision: literals(['remove', 'keep'] as const),
    reason: Type.String({ minLength: 1, maxLength: maxReasonLength }),
  },
  { additionalProperties: false },
);

export const RemovalDecidedSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: literals(removalRequestStatuses),
});
