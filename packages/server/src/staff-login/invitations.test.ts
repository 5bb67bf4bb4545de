// Invitations: only an admin invites; the link is emailed through a real SMTP server, works once,
// expires, and registers a passkey that logs the new member in.
import { describe, expect, test } from 'vitest';
import { captureLogs } from '../test-support/capture-logs.js';
import { SoftwareAuthenticator } from '../test-support/software-authenticator.js';
import {
  auditRows,
  invite,
  linkInText,
  registerPasskey,
  sessionCookieFrom,
  startStaffLoginApp,
  tokenOf,
} from '../test-support/staff-login-setup.js';
import { testDatabases } from '../test-support/test-databases.js';
import { loginAs } from '../test-support/test-sessions.js';

for (const database of testDatabases()) {
  describe(`staff invitations (${database.name})`, () => {
    test(`an admin's invitation is emailed with a link that registers a passkey and logs the member in (${database.name})`, async () => {
      const { app, db, smtp, admin, authenticator } = await startStaffLoginApp(database, { mail: true });
      const invited = await invite(app, admin, { email: 'New.Officer@Embassy.test' });
      expect(invited.statusCode).toBe(201);
      expect(invited.json()).toMatchObject({ delivery: 'email', staffId: expect.any(String) });
      expect(invited.json()).not.toHaveProperty('link');

      const message = await smtp?.waitForMessageTo('new.officer@embassy.test');
      expect(message?.subject).toBe('Your invitation to the Homeward console');
      expect(message?.from).toBe('no-reply@homeward.test');
      const link = linkInText(message?.text ?? '');
      expect(link).toMatch(/^http:\/\/localhost:3000\/console\/#\/invitation\/[A-Za-z0-9_-]{43}$/);
      const token = tokenOf(link);

      const inspected = await app.inject({
        method: 'POST',
        url: '/api/v1/staff/registration-links/inspect',
        payload: { token },
      });
      expect(inspected.json()).toMatchObject({
        state: 'open',
        purpose: 'invitation',
        email: 'new.officer@embassy.test',
        role: 'consular_officer',
        organisationName: 'Embassy in Bangkok (demo)',
      });

      const registered = await registerPasskey(app, authenticator, token);
      expect(registered.statusCode).toBe(200);
      expect(registered.json().staff).toMatchObject({ role: 'consular_officer', email: 'new.officer@embassy.test' });
      const session = await app.inject({
        method: 'GET',
        url: '/api/v1/session',
        headers: { cookie: sessionCookieFrom(registered) },
      });
      expect(session.json()).toMatchObject({ kind: 'staff', role: 'consular_officer' });

      const member = await db
        .selectFrom('staff_member')
        .select('status')
        .where('id', '=', invited.json().staffId)
        .executeTakeFirstOrThrow();
      expect(member.status).toBe('active');
      // The database holds the token's hash, never the token.
      const stored = await db.selectFrom('staff_registration_link').select('token_hash').execute();
      expect(stored.map((row) => Buffer.from(row.token_hash).toString('base64url'))).not.toContain(token);

      const actions = (await auditRows(db)).map((row) => `${row.action}:${row.outcome}`);
      expect(actions).toEqual(
        expect.arrayContaining(['staff.invite:success', 'staff.passkey_register:success', 'session.create:success']),
      );
    });

    test(`an invitation link works once (${database.name})`, async () => {
      const { app, admin, authenticator } = await startStaffLoginApp(database);
      const { link } = (await invite(app, admin, { email: 'once@embassy.test' })).json();
      const token = tokenOf(link);
      expect((await registerPasskey(app, authenticator, token)).statusCode).toBe(200);
      const again = await registerPasskey(app, new SoftwareAuthenticator('http://localhost:3000'), token);
      expect(again.statusCode).toBe(410);
      expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
      const inspected = await app.inject({
        method: 'POST',
        url: '/api/v1/staff/registration-links/inspect',
        payload: { token },
      });
      expect(inspected.json().state).toBe('used');
    });

    test(`two registrations racing on one link: the second ceremony is refused (${database.name})`, async () => {
      const { app, admin, authenticator } = await startStaffLoginApp(database);
      const token = tokenOf((await invite(app, admin, { email: 'race@embassy.test' })).json().link);
      const options = async () =>
        (
          await app.inject({
            method: 'POST',
            url: '/api/v1/staff/passkeys/registration-options',
            payload: { token },
          })
        ).json();
      const first = await options();
      const second = await options();
      const finish = (ceremony: { ceremonyId: string; options: never }) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/staff/passkeys',
          payload: {
            token,
            ceremonyId: ceremony.ceremonyId,
            response: authenticator.createCredential(ceremony.options),
          },
        });
      expect((await finish(first)).statusCode).toBe(200);
      expect((await finish(second)).statusCode).toBe(410);
    });

    test(`an invitation expires after 72 hours (${database.name})`, async () => {
      const { app, admin, authenticator, clock } = await startStaffLoginApp(database);
      const token = tokenOf((await invite(app, admin, { email: 'late@embassy.test' })).json().link);
      clock.advanceHours(72);
      const registered = await registerPasskey(app, authenticator, token);
      expect(registered.statusCode).toBe(410);
      expect(registered.json().type).toMatch(/registration-link-not-usable$/);
    });

    test(`a registration response cannot be replayed: the challenge is single-use (${database.name})`, async () => {
      const { app, admin, authenticator } = await startStaffLoginApp(database);
      const token = tokenOf((await invite(app, admin, { email: 'replay@embassy.test' })).json().link);
      const started = await app.inject({
        method: 'POST',
        url: '/api/v1/staff/passkeys/registration-options',
        payload: { token },
      });
      const { ceremonyId, options } = started.json();
      const response = new SoftwareAuthenticator('https://phishing.example').createCredential(options);
      const wrongOrigin = await app.inject({
        method: 'POST',
        url: '/api/v1/staff/passkeys',
        payload: { token, ceremonyId, response },
      });
      expect(wrongOrigin.statusCode).toBe(400);
      expect(wrongOrigin.json().type).toMatch(/passkey-not-verified$/);
      // The failed attempt used up the challenge: the right response on the same ceremony is refused too.
      const retried = await app.inject({
        method: 'POST',
        url: '/api/v1/staff/passkeys',
        payload: { token, ceremonyId, response: authenticator.createCredential(options) },
      });
      expect(retried.statusCode).toBe(400);
      expect(retried.json().type).toMatch(/passkey-ceremony-expired$/);
    });

    test(`an authenticator that did not verify the user is refused (${database.name})`, async () => {
      const { app, admin } = await startStaffLoginApp(database);
      const token = tokenOf((await invite(app, admin, { email: 'nouv@embassy.test' })).json().link);
      const presenceOnly = new SoftwareAuthenticator('http://localhost:3000', { isUserVerified: false });
      expect((await registerPasskey(app, presenceOnly, token)).statusCode).toBe(400);
    });

    test(`only an admin may invite; refusals create nobody (${database.name})`, async () => {
      const { app, db } = await startStaffLoginApp(database);
      const officer = await loginAs(db, 'consular_officer');
      const byOfficer = await invite(app, officer, { email: 'sneaky@embassy.test', role: 'admin' });
      expect(byOfficer.statusCode).toBe(403);
      const anonymous = await invite(app, undefined, { email: 'sneaky@embassy.test' });
      expect(anonymous.statusCode).toBe(401);
      const created = await db
        .selectFrom('staff_member')
        .select('id')
        .where('email', '=', 'sneaky@embassy.test')
        .execute();
      expect(created).toEqual([]);
      expect((await auditRows(db)).some((row) => row.action === 'staff.invite' && row.outcome === 'denied')).toBe(true);
    });

    test(`without a mail server the admin receives the link; a taken email or unknown organisation is refused (${database.name})`, async () => {
      const { app, admin } = await startStaffLoginApp(database);
      const invited = await invite(app, admin, { email: 'linkonly@embassy.test' });
      expect(invited.json()).toMatchObject({
        delivery: 'link',
        link: expect.stringContaining('/console/#/invitation/'),
      });
      expect((await invite(app, admin, { email: 'LinkOnly@embassy.test' })).statusCode).toBe(409);
      const unknown = await invite(app, admin, {
        email: 'nowhere@embassy.test',
        organisationId: '019ab000-0000-7000-8000-0000000000ff',
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().type).toMatch(/unknown-organisation$/);
    });

    test(`a mail server that refuses the message leaves no invited member behind (${database.name})`, async () => {
      const { lines, logStream } = captureLogs();
      const { app, db, admin } = await startStaffLoginApp(database, { mail: 'refusing', logStream });
      const invited = await invite(app, admin, { email: 'unsent@embassy.test' });
      expect(invited.statusCode).toBe(503);
      // The operator learns why (the SMTP error code), and nothing about whom.
      expect(lines.join('')).toMatch(/"smtpError":"EAUTH 535".*registration link email not sent/);
      expect(lines.join('')).not.toContain('unsent@embassy.test');
      const rows = await db
        .selectFrom('staff_member')
        .select('id')
        .where('email', '=', 'unsent@embassy.test')
        .execute();
      expect(rows).toEqual([]);
      const failures = (await auditRows(db)).filter((row) => row.action === 'staff.invite');
      expect(failures.map((row) => [row.outcome, row.reason])).toEqual([['failure', 'mail_not_sent']]);
    });
  });
}
