// The tables as TypeScript sees them; Kysely checks every query against these types.
import type { OrganisationKind } from '@homeward/domain';
import type { ColumnType, Generated } from 'kysely';

/** A `timestamptz` column: read as a Date, written as a Date or an ISO 8601 string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OrganisationTable {
  id: string;
  parent_id: string | null;
  kind: OrganisationKind;
  name: string;
  /** ISO 3166-1 alpha-2 code of the country the unit sits in. */
  country_code: string;
  city: string | null;
  created_at: Generated<Timestamp>;
}

export interface Database {
  organisation: OrganisationTable;
}
