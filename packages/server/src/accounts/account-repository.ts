// Finding and creating citizen and staff accounts; SQL only, no policy.
import { randomUUID } from 'node:crypto';
import type { AssuranceLevel, StaffRole } from '@homeward/domain';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from '../database/database-schema.js';
import type { KeyRing } from '../keys/key-ring.js';
import type { CitizenTable, StaffMemberTable, StaffStatus } from './account-tables.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The purpose string under which national identifiers are hashed (KeyRing.keyedHash). */
export const nationalIdHashPurpose = 'national-id';

export interface CitizenAccount {
  readonly id: string;
  readonly displayName: string;
  readonly assurance: AssuranceLevel;
  readonly assuranceSource: string;
  readonly providerIssuer: string | null;
  readonly createdAt: Date;
  readonly lastLoginAt: Date | null;
}

export interface StaffMember {
  readonly id: string;
  readonly organisationId: string;
  readonly role: StaffRole;
  readonly email: string;
  readonly displayName: string;
  readonly status: StaffStatus;
  readonly isDemo: boolean;
  readonly createdAt: Date;
}

export interface ProviderIdentity {
  /** The provider's issuer identifier. */
  readonly issuer: string;
  /** The provider's (often opaque, pairwise) subject. */
  readonly subject: string;
  /** The national identifier, when the provider released it; only its keyed hash is stored. */
  readonly nationalId?: string | undefined;
  readonly displayName: string;
  readonly assurance: AssuranceLevel;
  /** The provider's acr (or amr) value the assurance was derived from. */
  readonly assuranceSource: string;
  /** When the login happened; defaults to now. */
  readonly now?: Date | undefined;
}

/**
 * The citizen a provider's (issuer, subject) belongs to, created on first login; later logins refresh
 * the minimum profile (display name, assurance) and the last-login time. A citizen first known without
 * a provider identity (for example from the phone path) is linked when the national identifier matches.
 * Concurrent first logins of one subject end on one row (the unique (issuer, subject) constraint).
 */
export async function findOrCreateCitizenByProvider(
  db: Executor,
  keys: KeyRing,
  identity: ProviderIdentity,
): Promise<{ readonly citizen: CitizenAccount; readonly created: boolean }> {
  const now = identity.now ?? new Date();
  const nationalId =
    identity.nationalId === undefined ? undefined : keys.keyedHash(nationalIdHashPurpose, identity.nationalId);
  const profile = {
    display_name: identity.displayName,
    assurance: identity.assurance,
    assurance_source: identity.assuranceSource,
    last_login_at: now,
    ...(nationalId && { national_id_hash: nationalId.digest, national_id_key_id: nationalId.keyId }),
  };

  if (identity.nationalId !== undefined) {
    const digests = keys.keyedHashes(nationalIdHashPurpose, identity.nationalId).map((hash) => hash.digest);
    const linked = await db
      .updateTable('citizen')
      .set({ ...profile, provider_issuer: identity.issuer, provider_subject: identity.subject })
      .where('national_id_hash', 'in', digests)
      .where('provider_issuer', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (linked) return { citizen: toCitizenAccount(linked), created: false };
  }

  const row = await db
    .insertInto('citizen')
    .values({ id: randomUUID(), provider_issuer: identity.issuer, provider_subject: identity.subject, ...profile })
    .onConflict((conflict) => conflict.columns(['provider_issuer', 'provider_subject']).doUpdateSet(profile))
    .returningAll()
    // xmax is 0 on a freshly inserted row version and non-zero on one an upsert updated.
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .executeTakeFirstOrThrow();
  return { citizen: toCitizenAccount(row), created: row.inserted };
}

export async function getCitizen(db: Executor, citizenId: string): Promise<CitizenAccount | undefined> {
  const row = await db.selectFrom('citizen').selectAll().where('id', '=', citizenId).executeTakeFirst();
  return row && toCitizenAccount(row);
}

/** The citizen whose national identifier is this one (matched under every HMAC key, current first). */
export async function findCitizenByNationalId(
  db: Executor,
  keys: KeyRing,
  nationalId: string,
): Promise<CitizenAccount | undefined> {
  const digests = keys.keyedHashes(nationalIdHashPurpose, nationalId).map((hash) => hash.digest);
  const row = await db
    .selectFrom('citizen')
    .selectAll()
    .where('national_id_hash', 'in', digests)
    .orderBy('created_at')
    .executeTakeFirst();
  return row && toCitizenAccount(row);
}

export interface NewStaffMember {
  readonly organisationId: string;
  readonly role: StaffRole;
  readonly email: string;
  readonly displayName: string;
  readonly status?: StaffStatus;
  readonly isDemo?: boolean;
  /** Chosen by the caller for fixed demo ids; a fresh UUID otherwise. */
  readonly id?: string;
}

/** Creates a staff member; the email is stored lower-case. Throws on a duplicate email (unique constraint). */
export async function createStaffMember(db: Executor, member: NewStaffMember): Promise<StaffMember> {
  const row = await db
    .insertInto('staff_member')
    .values({
      id: member.id ?? randomUUID(),
      organisation_id: member.organisationId,
      role: member.role,
      email: normaliseEmail(member.email),
      display_name: member.displayName,
      status: member.status ?? 'invited',
      is_demo: member.isDemo ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStaffMember(row);
}

export async function findStaffByEmail(db: Executor, email: string): Promise<StaffMember | undefined> {
  const row = await db
    .selectFrom('staff_member')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  return row && toStaffMember(row);
}

export async function getStaffMember(db: Executor, staffId: string): Promise<StaffMember | undefined> {
  const row = await db.selectFrom('staff_member').selectAll().where('id', '=', staffId).executeTakeFirst();
  return row && toStaffMember(row);
}

export async function setStaffStatus(db: Executor, staffId: string, status: StaffStatus): Promise<boolean> {
  const result = await db.updateTable('staff_member').set({ status }).where('id', '=', staffId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Emails compare case-insensitively; we keep one spelling. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toCitizenAccount(row: Selectable<CitizenTable>): CitizenAccount {
  return {
    id: row.id,
    displayName: row.display_name,
    assurance: row.assurance,
    assuranceSource: row.assurance_source,
    providerIssuer: row.provider_issuer,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

function toStaffMember(row: Selectable<StaffMemberTable>): StaffMember {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    role: row.role,
    email: row.email,
    displayName: row.display_name,
    status: row.status,
    isDemo: row.is_demo,
    createdAt: row.created_at,
  };
}
