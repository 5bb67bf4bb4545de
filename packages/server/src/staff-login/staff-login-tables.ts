// The tables of staff registration links (invitations and recovery), passkeys and pending WebAuthn
// challenges, as Kysely sees them. See docs/decisions/0010-staff-login.md.
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamptz with a database default: optional on insert. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const registrationLinkPurposes = ['invitation', 'recovery'] as const;
export type RegistrationLinkPurpose = (typeof registrationLinkPurposes)[number];

export const ceremonyPurposes = ['registration', 'authentication'] as const;
export type CeremonyPurpose = (typeof ceremonyPurposes)[number];

/** A single-use link that lets one staff member register a passkey: an invitation or a recovery. */
export interface StaffRegistrationLinkTable {
  id: string;
  staff_id: string;
  purpose: RegistrationLinkPurpose;
  /** SHA-256 of the link's token; the token itself is only ever in the link. */
  token_hash: Buffer;
  /** The admin who made it; null when `homeward create-admin` did. */
  created_by_staff_id: string | null;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface StaffPasskeyTable {
  /** The WebAuthn credential id, base64url. */
  credential_id: string;
  staff_id: string;
  /** The COSE public key. */
  public_key: Buffer;
  /** The authenticator's signature counter (0 for authenticators that keep none); int8, read as a string or bigint. */
  counter: ColumnType<string | number | bigint, number, number>;
  transports: ColumnType<string[], string[] | undefined, string[]>;
  device_type: string;
  is_backed_up: boolean;
  aaguid: string;
  created_at: GeneratedTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** A challenge handed out for one ceremony; taken (deleted) by the verification that uses it. */
export interface WebauthnChallengeTable {
  id: string;
  purpose: CeremonyPurpose;
  /** base64url, as in the options and the client data. */
  challenge: string;
  /** For a registration: the link it was started with. */
  registration_link_id: string | null;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
}

export interface StaffLoginTables {
  staff_registration_link: StaffRegistrationLinkTable;
  staff_passkey: StaffPasskeyTable;
  webauthn_challenge: WebauthnChallengeTable;
}
