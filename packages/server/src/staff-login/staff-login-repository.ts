// Queries for registration links, passkeys and WebAuthn challenges; SQL only, no policy.
import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@homeward/domain';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../database/database-schema.js';
import type { RegisteredPasskey } from './passkey-ceremonies.js';
import type {
  CeremonyPurpose,
  RegistrationLinkPurpose,
  StaffPasskeyTable,
  StaffRegistrationLinkTable,
} from './staff-login-tables.js';

type Executor = Kysely<Database> | Transaction<Database>;

export type RegistrationLinkRow = Selectable<StaffRegistrationLinkTable>;

export interface NewRegistrationLink {
  readonly staffId: string;
  readonly purpose: RegistrationLinkPurpose;
  readonly tokenHash: Buffer;
  readonly createdByStaffId: string | null;
  readonly expiresAt: Date;
}

export async function insertRegistrationLink(db: Executor, link: NewRegistrationLink): Promise<RegistrationLinkRow> {
  return db
    .insertInto('staff_registration_link')
    .values({
      id: randomUUID(),
      staff_id: link.staffId,
      purpose: link.purpose,
      token_hash: link.tokenHash,
      created_by_staff_id: link.createdByStaffId,
      expires_at: link.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findRegistrationLinkByTokenHash(
  db: Executor,
  tokenHash: Buffer,
): Promise<RegistrationLinkRow | undefined> {
  return db.selectFrom('staff_registration_link').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * Marks the link used if, at `now`, it is still open (unused, unrevoked, unexpired). One UPDATE, so of
 * two registrations racing on one link exactly one wins.
 */
export async function useRegistrationLink(db: Executor, linkId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('staff_registration_link')
    .set({ used_at: now })
    .where('id', '=', linkId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Revokes every open link of a staff member (a new one replaces them, or the member is disabled). */
export async function revokeOpenRegistrationLinks(db: Executor, staffId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('staff_registration_link')
    .set({ revoked_at: now })
    .where('staff_id', '=', staffId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface NewChallenge {
  readonly purpose: CeremonyPurpose;
  readonly challenge: string;
  readonly registrationLinkId: string | null;
  readonly expiresAt: Date;
}

/** Stores a challenge and clears the expired ones, so abandoned ceremonies never pile up. */
export async function insertChallenge(db: Executor, challenge: NewChallenge, now: Date): Promise<string> {
  await db.deleteFrom('webauthn_challenge').where('expires_at', '<=', now).execute();
  const id = randomUUID();
  await db
    .insertInto('webauthn_challenge')
    .values({
      id,
      purpose: challenge.purpose,
      challenge: challenge.challenge,
      registration_link_id: challenge.registrationLinkId,
      expires_at: challenge.expiresAt,
    })
    .execute();
  return id;
}

/** Deletes and returns the challenge: whatever the verification's outcome, it can never be used again. */
export async function takeChallenge(db: Executor, ceremonyId: string, purpose: CeremonyPurpose) {
  return db
    .deleteFrom('webauthn_challenge')
    .where('id', '=', ceremonyId)
    .where('purpose', '=', purpose)
    .returningAll()
    .executeTakeFirst();
}

export type PasskeyRow = Selectable<StaffPasskeyTable>;

export interface NewPasskey extends RegisteredPasskey {
  readonly staffId: string;
}

export async function insertPasskey(db: Executor, passkey: NewPasskey): Promise<void> {
  await db
    .insertInto('staff_passkey')
    .values({
      credential_id: passkey.credentialId,
      staff_id: passkey.staffId,
      public_key: Buffer.from(passkey.publicKey),
      counter: passkey.counter,
      transports: [...passkey.transports],
      device_type: passkey.deviceType,
      is_backed_up: passkey.isBackedUp,
      aaguid: passkey.aaguid,
    })
    .execute();
}

export async function findPasskey(db: Executor, credentialId: string): Promise<PasskeyRow | undefined> {
  return db.selectFrom('staff_passkey').selectAll().where('credential_id', '=', credentialId).executeTakeFirst();
}

/** The credential ids a staff member may still log in with (to exclude them from a new registration). */
export async function listActivePasskeyIds(db: Executor, staffId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('staff_passkey')
    .select('credential_id')
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map((row) => row.credential_id);
}

/**
 * Moves the signature counter from `seen` to `next` only if nobody moved it meanwhile; false means a
 * concurrent login with the same counter value, which is what a cloned authenticator looks like.
 */
export async function advancePasskeyCounter(
  db: Executor,
  credentialId: string,
  seen: number,
  next: number,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('staff_passkey')
    .set({ counter: next, last_used_at: now })
    .where('credential_id', '=', credentialId)
    .where('counter', '=', seen)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function revokePasskeysOf(db: Executor, staffId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('staff_passkey')
    .set({ revoked_at: now })
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findOrganisationName(db: Executor, organisationId: string): Promise<string | undefined> {
  const row = await db.selectFrom('organisation').select('name').where('id', '=', organisationId).executeTakeFirst();
  return row?.name;
}

/** Whether a staff member with this role exists who is not disabled (create-admin refuses a second admin). */
export async function hasUsableStaffWithRole(db: Executor, role: StaffRole): Promise<boolean> {
  const row = await db
    .selectFrom('staff_member')
    .select('id')
    .where('role', '=', role)
    .where('status', '!=', 'disabled')
    .where('is_demo', '=', false)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
