// The phone login's SQL: challenges (one per code sent) and the citizens found or created by phone.
// No policy here; phone-login-service.ts decides. See docs/decisions/0011-phone-one-time-code-login.md.
import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from '../database/database-schema.js';
import type { KeyedHash } from '../keys/key-ring.js';
import type { PhoneLoginChallengeTable } from './citizen-login-tables.js';

type Executor = Kysely<Database> | Transaction<Database>;

export type PhoneLoginChallenge = Selectable<PhoneLoginChallengeTable>;

/** The advisory-lock class of the phone login ("PHON"), so its locks never meet another module's. */
const phoneLockClass = 0x50484f4e;

/**
 * Serialises, until the transaction ends, everything done for one phone number: counting its codes
 * before sending another, and finding or creating its citizen. Holds across server processes.
 */
export async function lockPhone(trx: Transaction<Database>, phoneHash: KeyedHash): Promise<void> {
  const objectId = phoneHash.digest.readInt32BE(0);
  await sql`select pg_advisory_xact_lock(${phoneLockClass}::integer, ${objectId}::integer)`.execute(trx);
}

/** When the codes for this phone (matched under every HMAC key) were sent since `since`. */
export async function listCodesSentSince(db: Executor, phoneDigests: readonly Buffer[], since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('phone_login_challenge')
    .select('created_at')
    .where('phone_hash', 'in', [...phoneDigests])
    .where('created_at', '>', since)
    .execute();
  return rows.map((row) => row.created_at);
}

export interface NewChallenge {
  readonly id: string;
  readonly phoneHash: KeyedHash;
  readonly identityCiphertext: string;
  readonly codeHash: KeyedHash;
  readonly maxAttempts: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export async function insertChallenge(db: Executor, challenge: NewChallenge): Promise<void> {
  await db
    .insertInto('phone_login_challenge')
    .values({
      id: challenge.id,
      phone_hash: challenge.phoneHash.digest,
      phone_key_id: challenge.phoneHash.keyId,
      identity_ciphertext: challenge.identityCiphertext,
      code_hash: challenge.codeHash.digest,
      code_key_id: challenge.codeHash.keyId,
      max_attempts: challenge.maxAttempts,
      created_at: challenge.createdAt,
      expires_at: challenge.expiresAt,
    })
    .execute();
}

/** Forgets challenges made before `before`: they no longer count towards any limit nor take guesses. */
export async function deleteChallengesMadeBefore(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('phone_login_challenge').where('created_at', '<', before).execute();
}

/**
 * Counts one guess and returns the challenge, but only while it may still take one (not used, not
 * expired, fewer than max_attempts guesses so far). One statement, so concurrent guesses can never
 * make more than max_attempts between them.
 */
export async function takeGuess(
  db: Executor,
  challengeId: string,
  now: Date,
): Promise<PhoneLoginChallenge | undefined> {
  return db
    .updateTable('phone_login_challenge')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', challengeId)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .where((eb) => eb('attempts', '<', eb.ref('max_attempts')))
    .returningAll()
    .executeTakeFirst();
}

export async function findChallenge(db: Executor, challengeId: string): Promise<PhoneLoginChallenge | undefined> {
  return db.selectFrom('phone_login_challenge').selectAll().where('id', '=', challengeId).executeTakeFirst();
}

/**
 * Marks the challenge used and wipes the sealed identity. True for exactly one caller, however many
 * guessed the right code at the same time.
 */
export async function consumeChallenge(db: Executor, challengeId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('phone_login_challenge')
    .set({ consumed_at: now, identity_ciphertext: null })
    .where('id', '=', challengeId)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface PhoneCitizen {
  readonly id: string;
  readonly passportHash: Uint8Array | null;
  readonly phoneKeyId: string | null;
}

/** The citizen registered with this phone (matched under every HMAC key); the oldest if ever several. */
export async function findCitizenByPhone(
  db: Executor,
  phoneDigests: readonly Buffer[],
): Promise<PhoneCitizen | undefined> {
  const row = await db
    .selectFrom('citizen')
    .select(['id', 'passport_hash', 'phone_key_id'])
    .where('phone_hash', 'in', [...phoneDigests])
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return row && { id: row.id, passportHash: row.passport_hash, phoneKeyId: row.phone_key_id };
}

/** A citizen known only by phone and passport: low assurance, from a phone one-time code. */
export async function createPhoneCitizen(
  db: Executor,
  identity: { readonly phoneHash: KeyedHash; readonly passportHash: KeyedHash; readonly now: Date },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('citizen')
    .values({
      id,
      // No provider gives us a name on this path; we ask for none (collect the minimum).
      display_name: '',
      assurance: 'low',
      assurance_source: 'phone_otp',
      phone_hash: identity.phoneHash.digest,
      phone_key_id: identity.phoneHash.keyId,
      passport_hash: identity.passportHash.digest,
      passport_key_id: identity.passportHash.keyId,
      last_login_at: identity.now,
    })
    .execute();
  return id;
}

/**
 * Records a phone login of a known citizen: the last-login time, the phone hash under the current key
 * (so old keys can retire), and the passport when the account had none yet. Never lowers the account's
 * assurance: a citizen known from the digital ID keeps it; this session alone is low.
 */
export async function recordPhoneLogin(
  db: Executor,
  citizenId: string,
  update: { readonly phoneHash: KeyedHash; readonly passportHash: KeyedHash | undefined; readonly now: Date },
): Promise<void> {
  await db
    .updateTable('citizen')
    .set({
      last_login_at: update.now,
      phone_hash: update.phoneHash.digest,
      phone_key_id: update.phoneHash.keyId,
      ...(update.passportHash && {
        passport_hash: update.passportHash.digest,
        passport_key_id: update.passportHash.keyId,
      }),
    })
    .where('id', '=', citizenId)
    .execute();
}
