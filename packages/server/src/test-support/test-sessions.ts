// Real accounts and sessions for tests that call routes as a given role: rows in the test database
// and a session made by createSession, sent as the cookie a browser would send.
import { randomUUID } from 'node:crypto';
import type { AssuranceLevel, Role, StaffRole } from '@homeward/domain';
import type { Kysely } from 'kysely';
import {
  type CitizenAccount,
  createStaffMember,
  findOrCreateCitizenByProvider,
  type StaffMember,
} from '../accounts/account-repository.js';
import type { StaffStatus } from '../accounts/account-tables.js';
import type { Database } from '../database/database-schema.js';
import { demoOrganisationIds, seedDemo } from '../demo/seed-demo.js';
import { type AppConfig, defaultAppConfig } from '../http/app.js';
import { sessionCookieName } from '../sessions/session-cookie.js';
import { createSession, type NewSession, type SessionSubject } from '../sessions/session-service.js';
import { testKeyRing } from './test-app.js';

/** The demo organisation each staff role belongs to by default (seedDemo creates them). */
export const defaultOrganisationOf: Readonly<Record<StaffRole, string>> = {
  consular_officer: demoOrganisationIds.bangkokEmbassy,
  consular_supervisor: demoOrganisationIds.bangkokEmbassy,
  partner_caseworker: demoOrganisationIds.shelter,
  partner_manager: demoOrganisationIds.shelter,
  law_enforcement_liaison: demoOrganisationIds.policeUnit,
  analyst: demoOrganisationIds.ministry,
  admin: demoOrganisationIds.ministry,
};

export interface TestStaffOptions {
  readonly organisationId?: string;
  readonly status?: StaffStatus;
  readonly email?: string;
}

/** An active staff member with this role; seeds the demo organisations if they are missing. */
export async function createTestStaff(
  db: Kysely<Database>,
  role: StaffRole,
  options: TestStaffOptions = {},
): Promise<StaffMember> {
  await seedDemo(db);
  return createStaffMember(db, {
    organisationId: options.organisationId ?? defaultOrganisationOf[role],
    role,
    email: options.email ?? `${role}.${randomUUID()}@test.example`,
    displayName: `Test ${role}`,
    status: options.status ?? 'active',
  });
}

/** A citizen as the demo identity provider would create one, with a fresh subject. */
export async function createTestCitizen(
  db: Kysely<Database>,
  assurance: AssuranceLevel = 'high',
): Promise<CitizenAccount> {
  const { citizen } = await findOrCreateCitizenByProvider(db, testKeyRing(), {
    issuer: 'https://id.test.example',
    subject: randomUUID(),
    displayName: 'Test Citizen',
    assurance,
    assuranceSource: 'test',
  });
  return citizen;
}

export interface TestSession extends NewSession {
  /** The Cookie header value a browser would send. */
  readonly cookie: string;
  /** Headers for any request: the cookie, plus the CSRF token writes need. */
  readonly headers: { readonly cookie: string; readonly 'x-csrf-token': string };
}

/** A session for a subject, as a login would create it. */
export async function createTestSession(
  db: Kysely<Database>,
  subject: SessionSubject,
  config: AppConfig = defaultAppConfig,
): Promise<TestSession> {
  const session = await createSession(db, config, subject);
  const cookie = `${sessionCookieName(config)}=${session.token}`;
  return { ...session, cookie, headers: { cookie, 'x-csrf-token': session.csrfToken } };
}

/**
 * A fresh account with this role and a session for it; undefined for 'anonymous'.
 *
 * ```ts
 * const officer = await loginAs(db, 'consular_officer');
 * await app.inject({ method: 'GET', url: '/api/v1/session', headers: officer?.headers });
 * ```
 */
export async function loginAs(
  db: Kysely<Database>,
  role: Role | 'anonymous',
  config: AppConfig = defaultAppConfig,
): Promise<TestSession | undefined> {
  if (role === 'anonymous') return undefined;
  if (role === 'citizen') {
    const citizen = await createTestCitizen(db);
    return createTestSession(db, { kind: 'citizen', citizenId: citizen.id, assurance: citizen.assurance }, config);
  }
  const member = await createTestStaff(db, role);
  return createTestSession(db, { kind: 'staff', staffId: member.id }, config);
}
