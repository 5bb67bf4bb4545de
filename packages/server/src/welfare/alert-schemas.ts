// Request and reply shapes of the welfare-check queue.
import { alertSources } from '@homeward/domain';
import { type Static, Type } from 'typebox';
import { stayProperties } from '../stays/stay-schemas.js';
import { alertStatuses } from '../stays/stay-tables.js';

const literals = <const T extends string>(values: readonly T[], options: Record<string, unknown> = {}) =>
  Type.Enum(values as T[], options);
const closed = { additionalProperties: false } as const;

export const contactAttemptChannels = ['phone', 'sms', 'whatsapp', 'email', 'in_person', 'partner'] as const;
export const contactAttemptOutcomes = [
  'reached_safe',
  'reached_needs_help',
  'no_answer',
  'wrong_number',
  'other',
] as const;
export const resolutionReasons = ['reached_safe', 'checked_in', 'returned_home', 'false_alarm', 'other'] as const;

export const AlertListQuerySchema = Type.Object(
  {
    status: Type.Optional(literals(alertStatuses)),
    source: Type.Optional(literals(alertSources)),
    embassyId: Type.Optional(Type.String({ format: 'uuid' })),
    sort: Type.Optional(
      literals(['risk', 'age'] as const, { description: 'risk (default): highest first; age: oldest first.' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 9, pattern: '^[0-9]+$', description: 'From nextCursor.' })),
  },
  closed,
);
export type AlertListQuery = Static<typeof AlertListQuerySchema>;

const RiskFactorSchema = Type.Object({
  code: Type.String(),
  weight: Type.Integer(),
  detail: Type.Optional(Type.Union([Type.String(), Type.Number()])),
});

const summaryProperties = {
  id: Type.String({ format: 'uuid' }),
  source: literals(alertSources),
  status: literals(alertStatuses),
  riskScore: Type.Integer(),
  riskFactors: Type.Array(RiskFactorSchema, { description: 'Why the score is what it is, strongest first.' }),
  raisedAt: Type.String({ format: 'date-time' }),
  missedPeriods: Type.Integer(),
  isSupervisorEscalated: Type.Boolean(),
  contactAttempts: Type.Integer(),
  stay: Type.Object({
    id: Type.String({ format: 'uuid' }),
    destinationCountry: Type.String(),
    embassyId: Type.String({ format: 'uuid' }),
  }),
};

export const AlertSummarySchema = Type.Object(summaryProperties, { $id: 'AlertSummary', title: 'AlertSummary' });
export type AlertSummary = Static<typeof AlertSummarySchema>;

export const AlertListSchema = Type.Object({
  items: Type.Array(Type.Ref('AlertSummary')),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const AlertParamsSchema = Type.Object({ alertId: Type.String({ format: 'uuid' }) }, closed);

export const AlertDetailSchema = Type.Object(
  {
    ...summaryProperties,
    citizen: Type.Object({ displayName: Type.String() }),
    stayDetails: Type.Object(stayProperties),
    contactAttemptLog: Type.Array(
      Type.Object({
        at: Type.String({ format: 'date-time' }),
        channel: Type.String(),
        outcome: Type.String(),
        note: Type.Union([Type.String(), Type.Null()]),
        staffId: Type.String({ format: 'uuid' }),
      }),
    ),
    recentCheckIns: Type.Array(
      Type.Object({ receivedAt: Type.String({ format: 'date-time' }), signal: Type.String(), channel: Type.String() }),
    ),
    message: Type.Optional(Type.String()),
    resolution: Type.Optional(
      Type.Object({ reason: Type.String(), note: Type.Union([Type.String(), Type.Null()]), at: Type.String() }),
    ),
    caseId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { title: 'AlertDetail' },
);

export const ContactAttemptBodySchema = Type.Object(
  {
    channel: literals(contactAttemptChannels),
    outcome: literals(contactAttemptOutcomes),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  closed,
);

export const ResolutionBodySchema = Type.Object(
  { reason: literals(resolutionReasons), note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
  closed,
);

export const EscalationBodySchema = Type.Object(
  { note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
  closed,
);
