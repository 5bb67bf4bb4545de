// The tables of the citizen login attempts (OIDC and phone one-time codes), as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * A one-time code sent to a phone for the lower-assurance login (phone-login-*.ts). The phone number and
 * the code are kept as keyed hashes (KeyRing.keyedHash) with their key ids; the phone and passport numbers
 * travel to the verification sealed with KeyRing.encryptField, and are wiped once the code is used.
 * Rows are deleted an hour after they were made (the longest rate-limit window).
 */
export interface PhoneLoginChallengeTable {
  id: string;
  phone_hash: Uint8Array;
  phone_key_id: string;
  /** `{ phone, passportNumber }` as JSON, sealed with encryptField bound to this row's id; null once used. */
  identity_ciphertext: string | null;
  code_hash: Uint8Array;
  code_key_id: string;
  /** Guesses made so far; no guess is accepted once it reaches max_attempts. */
  attempts: Generated<number>;
  max_attempts: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** Set by the one guess that logged someone in; a consumed challenge takes no more guesses. */
  consumed_at: Timestamp | null;
}

/**
 * One login through the national digital ID (OIDC), from the redirect to the provider until the callback
 * uses it, once. Looked up by a hash of `state`; the PKCE verifier, nonce and per-login DPoP key travel
 * sealed with KeyRing.encryptField bound to this row's id (oidc-login-attempts.ts).
 */
export interface OidcLoginAttemptTable {
  id: string;
  /** Which offered provider (oidc-providers.ts), e.g. 'national' or 'demo'. */
  provider_key: string;
  /** SHA-256 of the `state` sent to the provider. */
  state_hash: Buffer;
  /** SHA-256 of the browser-binding cookie set at the start: a callback from another browser is refused. */
  browser_hash: Buffer;
  /** `{ codeVerifier, nonce, dpopKey? }` as JSON, sealed with encryptField. */
  secrets_ciphertext: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** Set by the one callback that used this attempt, whatever its outcome. */
  consumed_at: Timestamp | null;
}

export interface CitizenLoginTables {
  phone_login_challenge: PhoneLoginChallengeTable;
  oidc_login_attempt: OidcLoginAttemptTable;
}
