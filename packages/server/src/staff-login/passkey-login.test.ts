// Logging in with a passkey, recovery an admin controls, disabling, and the demo-only staff login.
import { describe, expect, test } from 'vitest';
import { SoftwareAuthenticator } from '../test-support/software-authenticator.js';
import {
  auditRows,
  invite,
  linkInText,
  logInWithPasskey,
  registerPasskey,
  sessionCookieFrom,
  startStaffLoginApp,
  tokenOf,
} from '../test-support/staff-login-setup.js';
import { testDatabases } from '../test-support/test-databases.js';

/** An app with one officer who registered a passkey on `authenticator`. */
async function startWithRegisteredOfficer(
  database: Parameters<typeof startStaffLoginApp>[0],
  setup: Parameters<typeof startStaffLoginApp>[1] = {},
) {
  const started = await startStaffLoginApp(database, setup);
  const invited = (await invite(started.app, started.admin, { email: 'officer@embassy.test' })).json();
  const link = invited.link ?? linkInText((await started.smtp?.waitForMessageTo('officer@embassy.test'))?.text ?? '');
  const registered = await registerPasskey(started.app, started.authenticator, tokenOf(link));
  expect(registered.statusCode).toBe(200);
  return { ...started, officerId: invited.staffId as string };
}

for (const database of testDatabases()) {
  describe(`passkey login (${database.name})`, () => {
    test(`a registered passkey logs in with discoverable options and user verification (${database.name})`, async () => {
      const { app, db, authenticator, officerId } = await startWithRegisteredOfficer(database);
      const started = await app.inject({ method: 'POST', url: '/api/v1/staff/login/options' });
      const { options } = started.json();
      expect(options.allowCredentials ?? []).toEqual([]);
      expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'required' });

      const loggedIn = await logInWithPasskey(app, authenticator);
      expect(loggedIn.statusCode).toBe(200);
      expect(loggedIn.json()).toMatchObject({ staff: { id: officerId }, csrfToken: expect.any(String) });
      const session = await app.inject({
        method: 'GET',
        url: '/api/v1/session',
        headers: { cookie: sessionCookieFrom(loggedIn) },
      });
      expect(session.json()).toMatchObject({ kind: 'staff', role: 'consular_officer' });
      const stored = await db.selectFrom('staff_passkey').select(['counter', 'last_used_at']).executeTakeFirstOrThrow();
      expect(Number(stored.counter)).toBe(1);
      expect(stored.last_used_at).not.toBeNull();
    });

    test(`an assertion whose counter did not move forward is refused as a cloned authenticator (${database.name})`, async () => {
      const { app, db, authenticator } = await startWithRegisteredOfficer(database);
      expect((await logInWithPasskey(app, authenticator)).statusCode).toBe(200);
      const credential = authenticator.credentials[0];
      if (!credential) throw new Error('no credential');
      credential.counter = 0; // The clone signs with counter 1 again.
      const cloned = await logInWithPasskey(app, authenticator);
      expect(cloned.statusCode).toBe(401);
      expect(cloned.cookies).toEqual([]);
      const failure = (await auditRows(db)).filter((row) => row.action === 'staff.login' && row.outcome === 'failure');
      expect(failure.map((row) => row.reason)).toEqual(['counter_regression']);
    });

    test(`an assertion for another challenge, or from an unknown passkey, is refused (${database.name})`, async () => {
      const { app, authenticator } = await startWithRegisteredOfficer(database);
      const first = (await app.inject({ method: 'POST', url: '/api/v1/staff/login/options' })).json();
      const second = (await app.inject({ method: 'POST', url: '/api/v1/staff/login/options' })).json();
      const signedForFirst = authenticator.getAssertion(first.options);
      const swapped = await app.inject({
        method: 'POST',
        url: '/api/v1/staff/login',
        payload: { ceremonyId: second.ceremonyId, response: signedForFirst },
      });
      expect(swapped.statusCode).toBe(401);

      const stranger = new SoftwareAuthenticator('http://localhost:3000');
      stranger.createCredential({
        challenge: 'x',
        rp: { id: 'localhost', name: 'Homeward' },
        user: { id: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'x', displayName: 'x' },
        pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
      });
      const unknown = await logInWithPasskey(app, stranger);
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json().type).toMatch(/passkey-not-accepted$/);
    });

    test(`recovery revokes the member's passkeys and sessions and emails a fresh single-use link (${database.name})`, async () => {
      const { app, db, smtp, admin, authenticator, officerId } = await startWithRegisteredOfficer(database, {
        mail: true,
      });
      const loggedIn = await logInWithPasskey(app, authenticator);
      const officerCookie = sessionCookieFrom(loggedIn);

      const recovered = await app.inject({
        method: 'POST',
        url: `/api/v1/staff/${officerId}/recovery`,
        headers: admin.headers,
      });
      expect(recovered.statusCode).toBe(200);
      expect(recovered.json()).toMatchObject({ staffId: officerId, delivery: 'email' });

      const oldSession = await app.inject({
        method: 'GET',
        url: '/api/v1/session',
        headers: { cookie: officerCookie },
      });
      expect(oldSession.statusCode).toBe(401);
      expect((await logInWithPasskey(app, authenticator)).statusCode).toBe(401);

      const emails = smtp?.messages.filter((message) => message.recipients.includes('officer@embassy.test')) ?? [];
      expect(emails.map((message) => message.subject)).toEqual([
        'Your invitation to the Homeward console',
        'Reset your Homeward console sign-in',
      ]);
      const oldToken = tokenOf(linkInText(emails[0]?.text ?? ''));
      const newToken = tokenOf(linkInText(emails[1]?.text ?? ''));
      expect(
        (await registerPasskey(app, new SoftwareAuthenticator('http://localhost:3000'), oldToken)).statusCode,
      ).toBe(410);

      const replacement = new SoftwareAuthenticator('http://localhost:3000');
      expect((await registerPasskey(app, replacement, newToken)).statusCode).toBe(200);
      expect((await logInWithPasskey(app, replacement)).statusCode).toBe(200);
      const actions = (await auditRows(db)).map((row) => `${row.action}:${row.outcome}:${row.reason ?? ''}`);
      expect(actions).toContain('staff.recover:success:');
      expect(actions).toContain('staff.login:failure:credential_revoked');
    });

    test(`a disabled member's sessions end and their passkey no longer logs in (${database.name})`, async () => {
      const { app, db, admin, authenticator, officerId } = await startWithRegisteredOfficer(database);
      const officerCookie = sessionCookieFrom(await logInWithPasskey(app, authenticator));
      const disabled = await app.inject({
        method: 'POST',
        url: `/api/v1/staff/${officerId}/disable`,
        headers: admin.headers,
      });
      expect(disabled.json()).toEqual({ staffId: officerId, status: 'disabled' });
      expect(
        (await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: officerCookie } })).statusCode,
      ).toBe(401);
      expect((await logInWithPasskey(app, authenticator)).statusCode).toBe(401);
      const recovery = await app.inject({
        method: 'POST',
        url: `/api/v1/staff/${officerId}/recovery`,
        headers: admin.headers,
      });
      expect(recovery.statusCode).toBe(409);
      const adminRow = await db
        .selectFrom('staff_member')
        .select('id')
        .where('role', '=', 'admin')
        .where('is_demo', '=', false)
        .executeTakeFirstOrThrow();
      const self = await app.inject({
        method: 'POST',
        url: `/api/v1/staff/${adminRow.id}/disable`,
        headers: admin.headers,
      });
      expect(self.statusCode).toBe(409);
    });

    test(`an officer may neither recover nor disable anyone (${database.name})`, async () => {
      const { app, authenticator, officerId } = await startWithRegisteredOfficer(database);
      const loggedIn = await logInWithPasskey(app, authenticator);
      const headers = { cookie: sessionCookieFrom(loggedIn), 'x-csrf-token': loggedIn.json().csrfToken };
      for (const action of ['recovery', 'disable']) {
        const response = await app.inject({ method: 'POST', url: `/api/v1/staff/${officerId}/${action}`, headers });
        expect(response.statusCode, action).toBe(403);
      }
    });
  });

  describe(`demo staff login (${database.name})`, () => {
    test(`outside demo mode the demo staff login does not exist (${database.name})`, async () => {
      const { app } = await startStaffLoginApp(database, { isDemo: false });
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/staff/demo-login',
        payload: { role: 'consular_officer' },
      });
      expect(login.statusCode).toBe(404);
      expect(login.cookies).toEqual([]);
      expect((await app.inject({ method: 'GET', url: '/api/v1/staff/demo-accounts' })).statusCode).toBe(404);
    });

    test(`in demo mode a newcomer logs in as the synthetic demo officer without a passkey (${database.name})`, async () => {
      const { app, db } = await startStaffLoginApp(database, { isDemo: true });
      const accounts = await app.inject({ method: 'GET', url: '/api/v1/staff/demo-accounts' });
      expect(accounts.json().items).toContainEqual(expect.objectContaining({ role: 'consular_officer' }));
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/staff/demo-login',
        payload: { role: 'consular_officer' },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json().staff).toMatchObject({ role: 'consular_officer', isDemo: true });
      const session = await app.inject({
        method: 'GET',
        url: '/api/v1/session',
        headers: { cookie: sessionCookieFrom(login) },
      });
      expect(session.json()).toMatchObject({ kind: 'staff', isDemoAccount: true });
      // Only accounts the demo seed made: a real staff member with the role is never picked.
      const realAnalysts = await db.selectFrom('staff_member').select('id').where('role', '=', 'analyst').execute();
      expect(realAnalysts).toEqual([]);
      const analyst = await app.inject({
        method: 'POST',
        url: '/api/v1/staff/demo-login',
        payload: { role: 'analyst' },
      });
      expect(analyst.statusCode).toBe(404);
      expect((await auditRows(db)).map((row) => row.action)).toContain('staff.demo_login');
    });
  });
}
