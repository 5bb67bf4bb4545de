// The tables of the citizens, staff members and sessions, as Kysely sees them.
import type { AssuranceLevel, StaffRole } from '@homeward/domain';
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamptz with a database default: optional on insert. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type StaffStatus = 'invited' | 'active' | 'disabled';

export interface CitizenTable {
  id: string;
  /** HMAC of the national identifier under `national_id_key_id` (see KeyRing.keyedHash('national-id', …)). */
  national_id_hash: Uint8Array | null;
  national_id_key_id: string | null;
  provider_issuer: string | null;
  provider_subject: string | null;
  display_name: string;
  assurance: AssuranceLevel;
  /** The provider's acr/amr value, or 'phone_otp'. */
  assurance_source: string;
  phone_hash: Uint8Array | null;
  phone_key_id: string | null;
  passport_hash: Uint8Array | null;
  passport_key_id: string | null;
  created_at: GeneratedTimestamp;
  last_login_at: Timestamp | null;
}

export interface StaffMemberTable {
  id: string;
  organisation_id: string;
  role: StaffRole;
  /** Lower-case; unique. */
  email: string;
  display_name: string;
  status: Generated<StaffStatus>;
  is_demo: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface SessionTable {
  id: string;
  /** SHA-256 of the cookie token; the token itself is never stored. */
  token_hash: Uint8Array;
  csrf_token: string;
  citizen_id: string | null;
  staff_id: string | null;
  /** The citizen's assurance for this login; null for staff. */
  assurance: AssuranceLevel | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** The absolute limit; the idle limit is last_seen_at plus the configured idle minutes. */
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface AccountTables {
  citizen: CitizenTable;
  staff_member: StaffMemberTable;
  session: SessionTable;
}
