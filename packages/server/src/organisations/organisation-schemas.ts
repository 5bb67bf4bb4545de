// Request and reply shapes for the organisation directory.
import { organisationKinds } from '@homeward/domain';
import { type Static, Type } from 'typebox';

export const OrganisationKindSchema = Type.Enum(organisationKinds, {
  description: 'ministry, embassy, consulate, partner organisation or law-enforcement unit',
});

export const CountryCodeSchema = Type.String({
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166-1 alpha-2 country code, e.g. TH',
  examples: ['TH'],
});

export const OrganisationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    parentId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    kind: OrganisationKindSchema,
    name: Type.String(),
    countryCode: CountryCodeSchema,
    city: Type.Union([Type.String(), Type.Null()]),
    jurisdiction: Type.Array(CountryCodeSchema, {
      description: 'The countries whose citizens an embassy or consulate looks after; empty for other kinds.',
    }),
  },
  { $id: 'Organisation', title: 'Organisation' },
);

export type Organisation = Static<typeof OrganisationSchema>;

export const ListOrganisationsQuerySchema = Type.Object(
  {
    kind: Type.Optional(OrganisationKindSchema),
    countryCode: Type.Optional(CountryCodeSchema),
  },
  { additionalProperties: false },
);

/** A reference to the shared Organisation schema, typed as an Organisation. */
export const OrganisationRef = Type.Unsafe<Organisation>({ $ref: 'Organisation#' });

export const OrganisationListSchema = Type.Object({ items: Type.Array(OrganisationRef) });

export const OrganisationParamsSchema = Type.Object({ organisationId: Type.String({ format: 'uuid' }) });
