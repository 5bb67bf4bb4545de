// Shared set-up for the staff login tests: the app on a test database with the demo organisations, a
// real SMTP server, an admin's session, and the HTTP steps of each ceremony.
import type { Writable } from 'node:stream';
import type { StaffRole } from '@homeward/domain';
import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { onTestFinished } from 'vitest';
import type { Database } from '../database/database-schema.js';
import { demoOrganisationIds, seedDemo } from '../demo/seed-demo.js';
import { type App, type AppConfig, defaultAppConfig } from '../http/app.js';
import { type SmtpTestServer, startSmtpTestServer } from './smtp-test-server.js';
import { SoftwareAuthenticator } from './software-authenticator.js';
import { startTestApp } from './test-app.js';
import type { TestDatabase } from './test-databases.js';
import { loginAs, type TestSession } from './test-sessions.js';

export const bangkokEmbassyId = demoOrganisationIds.bangkokEmbassy;

/** A clock the test moves by hand. */
export function movableClock(start = new Date()) {
  let now = start;
  return {
    now: () => now,
    advanceHours(hours: number) {
      now = new Date(now.getTime() + hours * 3_600_000);
    },
  };
}

export interface StaffLoginSetup {
  readonly isDemo?: boolean;
  /** `true`: a working local SMTP server; `'refusing'`: one that refuses our credentials; default none. */
  readonly mail?: boolean | 'refusing';
  /** Where the app logs (at info level); from captureLogs(). */
  readonly logStream?: Writable;
}

export async function startStaffLoginApp(database: TestDatabase, setup: StaffLoginSetup = {}) {
  let smtp: SmtpTestServer | undefined;
  if (setup.mail) {
    const started = await startSmtpTestServer({ username: 'homeward', password: 'right' });
    onTestFinished(() => started.close());
    smtp = started;
  }
  const smtpUrl = setup.mail === 'refusing' ? smtp?.url.replace(':right@', ':wrong@') : smtp?.url;
  const config: AppConfig = {
    ...defaultAppConfig,
    mail: smtpUrl ? { smtpUrl, from: 'Homeward <no-reply@homeward.test>' } : undefined,
  };
  const clock = movableClock();
  const { app, database: handle } = await startTestApp(database, {
    config,
    clock,
    isDemo: setup.isDemo ?? false,
    ...(setup.logStream && { logLevel: 'info', logStream: setup.logStream }),
  });
  await seedDemo(handle.db);
  const admin = await loginAs(handle.db, 'admin', config);
  if (!admin) throw new Error('no admin session');
  const authenticator = new SoftwareAuthenticator(new URL(config.publicUrl).origin);
  return { app, db: handle.db, smtp, admin, config, clock, authenticator };
}

export function invite(
  app: App,
  session: TestSession | undefined,
  invitation: { email: string; role?: StaffRole; organisationId?: string },
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/staff/invitations',
    ...(session && { headers: session.headers }),
    payload: {
      email: invitation.email,
      displayName: 'Test Invitee',
      role: invitation.role ?? 'consular_officer',
      organisationId: invitation.organisationId ?? bangkokEmbassyId,
    },
  });
}

/** The token at the end of a registration link. */
export function tokenOf(link: string): string {
  const match = /#\/invitation\/([A-Za-z0-9_-]{43})$/.exec(link.trim());
  if (!match?.[1]) throw new Error('not a registration link');
  return match[1];
}

/** The registration link in an email's text. */
export function linkInText(text: string): string {
  const match = /(http\S+#\/invitation\/[A-Za-z0-9_-]{43})/.exec(text);
  if (!match?.[1]) throw new Error('no registration link in the message');
  return match[1];
}

/** Runs the whole registration with a link's token; returns the final answer. */
export async function registerPasskey(
  app: App,
  authenticator: SoftwareAuthenticator,
  token: string,
): Promise<LightMyRequestResponse> {
  const started = await app.inject({
    method: 'POST',
    url: '/api/v1/staff/passkeys/registration-options',
    payload: { token },
  });
  if (started.statusCode !== 200) return started;
  const { ceremonyId, options } = started.json();
  return app.inject({
    method: 'POST',
    url: '/api/v1/staff/passkeys',
    payload: { token, ceremonyId, response: authenticator.createCredential(options) },
  });
}

/** Runs a passkey login with the authenticator's newest credential; returns the final answer. */
export async function logInWithPasskey(
  app: App,
  authenticator: SoftwareAuthenticator,
): Promise<LightMyRequestResponse> {
  const started = await app.inject({ method: 'POST', url: '/api/v1/staff/login/options' });
  const { ceremonyId, options } = started.json();
  return app.inject({
    method: 'POST',
    url: '/api/v1/staff/login',
    payload: { ceremonyId, response: authenticator.getAssertion(options) },
  });
}

/** The Cookie header that carries the session a reply set. */
export function sessionCookieFrom(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((item) => item.name.endsWith('homeward_session'));
  if (!cookie) throw new Error('no session cookie in the reply');
  return `${cookie.name}=${cookie.value}`;
}

/** The audit log so far, oldest first. */
export async function auditRows(db: Kysely<Database>) {
  return db
    .selectFrom('audit_event')
    .select(['action', 'outcome', 'reason', 'actor_kind', 'resource_id'])
    .orderBy('id')
    .execute();
}
