// The short-lived, single-use record of one OIDC login between the redirect and the callback. Only
// hashes of `state` and of the browser-binding cookie are stored; the PKCE verifier, the nonce and the
// per-login DPoP private key are sealed with the field-encryption key, bound to the row's id.
import { createHash, randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../database/database-schema.js';
import type { KeyRing } from '../keys/key-ring.js';

/** How long a person has at the provider before the attempt lapses. */
export const loginAttemptMinutes = 10;

export interface LoginAttemptSecrets {
  readonly codeVerifier: string;
  readonly nonce: string;
  /** The DPoP key pair of this login (private JWK, public part included), for FAPI 2.0 profiles. */
  readonly dpopKey?: JWK | undefined;
}

export interface NewLoginAttempt {
  readonly providerKey: string;
  readonly state: string;
  readonly browserToken: string;
  readonly secrets: LoginAttemptSecrets;
  readonly now: Date;
}

export interface ClaimedLoginAttempt {
  readonly id: string;
  readonly providerKey: string;
  readonly isSameBrowser: boolean;
  readonly secrets: LoginAttemptSecrets;
}

export type ClaimOutcome =
  | { readonly kind: 'claimed'; readonly attempt: ClaimedLoginAttempt }
  | { readonly kind: 'unknown' | 'used' | 'expired' };

export const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

const associatedData = (id: string) => `oidc_login_attempt:${id}`;

export async function createLoginAttempt(
  db: Kysely<Database>,
  keys: KeyRing,
  attempt: NewLoginAttempt,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('oidc_login_attempt')
    .values({
      id,
      provider_key: attempt.providerKey,
      state_hash: sha256(attempt.state),
      browser_hash: sha256(attempt.browserToken),
      secrets_ciphertext: keys.encryptField(JSON.stringify(attempt.secrets), associatedData(id)),
      created_at: attempt.now,
      expires_at: new Date(attempt.now.getTime() + loginAttemptMinutes * 60_000),
    })
    .execute();
  return id;
}

/**
 * Uses up the attempt `state` names, once: of two concurrent callbacks with the same state, one
 * claims it and the other finds it used. Says why when there is nothing to claim.
 */
export async function claimLoginAttempt(
  db: Kysely<Database>,
  keys: KeyRing,
  claim: { readonly state: string; readonly browserToken: string | undefined; readonly now: Date },
): Promise<ClaimOutcome> {
  const stateHash = sha256(claim.state);
  const row = await db
    .updateTable('oidc_login_attempt')
    .set({ consumed_at: claim.now })
    .where('state_hash', '=', stateHash)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', claim.now)
    .returningAll()
    .executeTakeFirst();
  if (row === undefined) {
    const known = await db
      .selectFrom('oidc_login_attempt')
      .select(['consumed_at'])
      .where('state_hash', '=', stateHash)
      .executeTakeFirst();
    if (known === undefined) return { kind: 'unknown' };
    return { kind: known.consumed_at === null ? 'expired' : 'used' };
  }
  const isSameBrowser =
    claim.browserToken !== undefined && Buffer.compare(sha256(claim.browserToken), row.browser_hash) === 0;
  return {
    kind: 'claimed',
    attempt: {
      id: row.id,
      providerKey: row.provider_key,
      isSameBrowser,
      secrets: JSON.parse(keys.decryptField(row.secrets_ciphertext, associatedData(row.id))) as LoginAttemptSecrets,
    },
  };
}

/** Attempts that lapsed an hour ago or more; nothing reads them any more. */
export async function deleteLapsedLoginAttempts(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('oidc_login_attempt')
    .where('expires_at', '<', new Date(now.getTime() - 60 * 60_000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
