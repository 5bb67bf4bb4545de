// The tables as TypeScript sees them; Kysely checks every query against these types.
import type { OrganisationKind } from '@homeward/domain';
import type { ColumnType, Generated } from 'kysely';
import type { AccountTables } from '../accounts/account-tables.js';
import type { AuditTables } from '../audit/audit-tables.js';
import type { CitizenLoginTables } from '../citizen-login/citizen-login-tables.js';
import type { NotificationTables } from '../notifications/notification-tables.js';
import type { RegistryTables } from '../registry/registry-tables.js';
import type { StaffLoginTables } from '../staff-login/staff-login-tables.js';
import type { StayTables } from '../stays/stay-tables.js';

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
  /** ISO 3166-1 alpha-2 codes of the countries an embassy or consulate looks after; empty for other kinds. */
  jurisdiction: Generated<string[]>;
  created_at: Generated<Timestamp>;
}

/** Every table; each feature module declares its own in a `*-tables.ts` file. */
export interface Database
  extends AuditTables,
    AccountTables,
    CitizenLoginTables,
    StaffLoginTables,
    RegistryTables,
    StayTables,
    NotificationTables {
  organisation: OrganisationTable;
}
