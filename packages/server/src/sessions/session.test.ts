import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { setStaffStatus } from '../accounts/account-repository.js';
import { defaultAppConfig } from '../http/app.js';
import { startTestApp } from '../test-support/test-app.js';
import { testDatabases } from '../test-support/test-databases.js';
import { createTestCitizen, createTestSession, createTestStaff, loginAs } from '../test-support/test-sessions.js';
import { setSessionCookie } from './session-cookie.js';
import { createSession } from './session-service.js';

const minutes = (count: number) => count * 60_000;

/** A clock the test moves by hand. */
function manualClock(start: Date) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

for (const database of testDatabases()) {
  test(`without a session, who-am-I is a 401 problem (${database.name})`, async () => {
    const { app } = await startTestApp(database);
    const response = await app.inject({ method: 'GET', url: '/api/v1/session' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: 'homeward_session=not-a-session' },
    });
    expect(unknown.statusCode).toBe(401);
  });

  test(`a citizen's session says who they are, with a CSRF token no cache keeps (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database);
    const citizen = await createTestCitizen(handle.db, 'substantial');
    const session = await createTestSession(handle.db, {
      kind: 'citizen',
      citizenId: citizen.id,
      assurance: 'substantial',
    });
    const response = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: session.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      kind: 'citizen',
      subjectId: citizen.id,
      role: 'citizen',
      assurance: 'substantial',
      assuranceSource: 'test',
      displayName: 'Test Citizen',
      organisationId: null,
      jurisdiction: [],
      isDemoAccount: false,
      csrfToken: session.csrfToken,
      expiresAt: expect.any(String),
    });
  });

  test(`a staff session carries the role, organisation and its jurisdiction (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database);
    const session = await loginAs(handle.db, 'consular_officer');
    const response = await app.inject({ method: 'GET', url: '/api/v1/session', headers: session?.headers });
    expect(response.json()).toMatchObject({
      kind: 'staff',
      role: 'consular_officer',
      assurance: null,
      organisationId: '019ab000-0000-7000-8000-000000000010',
      jurisdiction: ['TH'],
    });
  });

  test(`a session row holds only the SHA-256 of its token, and creating it is audited (${database.name})`, async () => {
    const { database: handle } = await startTestApp(database);
    const citizen = await createTestCitizen(handle.db);
    const session = await createSession(handle.db, defaultAppConfig, {
      kind: 'citizen',
      citizenId: citizen.id,
      assurance: 'high',
    });
    const row = await handle.db.selectFrom('session').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(session.token);
    expect(Buffer.from(row.token_hash)).toEqual(createHash('sha256').update(session.token).digest());
    expect(Buffer.from(session.token, 'base64url')).toHaveLength(32);
    const audit = await handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'session.create')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ actor_kind: 'citizen', actor_id: citizen.id, resource_id: session.sessionId }),
    ]);
  });

  for (const { publicUrl, name, secure } of [
    { publicUrl: 'https://homeward.example', name: '__Host-homeward_session', secure: true },
    { publicUrl: 'http://localhost:3000', name: 'homeward_session', secure: false },
  ]) {
    test(`the cookie for ${publicUrl} is ${name}, HttpOnly, SameSite=Lax, Path=/ (${database.name})`, async () => {
      const config = { ...defaultAppConfig, publicUrl };
      const { app, database: handle } = await startTestApp(database, {
        config,
        beforeReady: (instance) => {
          instance.post('/api/v1/test-login', { config: { access: 'public' } }, async (_request, reply) => {
            const citizen = await createTestCitizen(handle.db);
            const session = await createSession(handle.db, config, {
              kind: 'citizen',
              citizenId: citizen.id,
              assurance: 'high',
            });
            setSessionCookie(reply, session.token, config);
            return { ok: true };
          });
        },
      });
      const response = await app.inject({ method: 'POST', url: '/api/v1/test-login' });
      const cookie = String(response.headers['set-cookie']);
      expect(cookie).toMatch(new RegExp(`^${name}=[A-Za-z0-9_-]{43};`));
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).toContain('Path=/');
      expect(cookie).not.toContain('Domain=');
      expect(cookie.includes('Secure')).toBe(secure);
      const token = cookie.slice(name.length + 1, cookie.indexOf(';'));
      const whoAmI = await app.inject({ method: 'GET', url: '/api/v1/session', cookies: { [name]: token } });
      expect(whoAmI.statusCode).toBe(200);
    });
  }

  test(`a cookie-authenticated write without the right CSRF token is a 403 and changes nothing (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database);
    const session = await loginAs(handle.db, 'citizen');
    const cookie = { cookie: session?.cookie ?? '' };
    const missing = await app.inject({ method: 'POST', url: '/api/v1/session/logout', headers: cookie });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/session/logout',
      headers: { ...cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    for (const response of [missing, wrong]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().type).toBe('https://homeward.example/problems/csrf-token-invalid');
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers: cookie })).statusCode).toBe(200);
    const denials = await handle.db
      .selectFrom('audit_event')
      .select(['action', 'outcome', 'reason'])
      .where('outcome', '=', 'denied')
      .execute();
    expect(denials).toEqual([
      { action: 'request.write', outcome: 'denied', reason: 'csrf_token_invalid' },
      { action: 'request.write', outcome: 'denied', reason: 'csrf_token_invalid' },
    ]);
  });

  test(`a write whose Origin is another site is refused even with the CSRF token (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database);
    const session = await loginAs(handle.db, 'citizen');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/session/logout',
      headers: { ...session?.headers, origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().type).toBe('https://homeward.example/problems/cross-site-request');
    const sameSite = await app.inject({
      method: 'POST',
      url: '/api/v1/session/logout',
      headers: { ...session?.headers, origin: 'http://localhost:3000' },
    });
    expect(sameSite.statusCode).toBe(204);
  });

  test(`logout ends this session only, clears the cookie and is audited (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database);
    const citizen = await createTestCitizen(handle.db);
    const subject = { kind: 'citizen', citizenId: citizen.id, assurance: 'high' } as const;
    const phone = await createTestSession(handle.db, subject);
    const laptop = await createTestSession(handle.db, subject);
    const response = await app.inject({ method: 'POST', url: '/api/v1/session/logout', headers: phone.headers });
    expect(response.statusCode).toBe(204);
    expect(String(response.headers['set-cookie'])).toMatch(/^homeward_session=;/);
    const whoAmI = (headers: { cookie: string }) => app.inject({ method: 'GET', url: '/api/v1/session', headers });
    expect((await whoAmI(phone.headers)).statusCode).toBe(401);
    expect((await whoAmI(laptop.headers)).statusCode).toBe(200);
    const audit = await handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'session.logout')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: citizen.id, resource_id: phone.sessionId, outcome: 'success' });
  });

  test(`logout everywhere ends every session of that person and no one else's (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database);
    const member = await createTestStaff(handle.db, 'partner_caseworker');
    const first = await createTestSession(handle.db, { kind: 'staff', staffId: member.id });
    const second = await createTestSession(handle.db, { kind: 'staff', staffId: member.id });
    const colleague = await loginAs(handle.db, 'partner_caseworker');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/session/logout-everywhere',
      headers: first.headers,
    });
    expect(response.statusCode).toBe(204);
    const whoAmI = (headers: { cookie: string } | undefined) =>
      app.inject({ method: 'GET', url: '/api/v1/session', ...(headers && { headers }) });
    expect((await whoAmI(first.headers)).statusCode).toBe(401);
    expect((await whoAmI(second.headers)).statusCode).toBe(401);
    expect((await whoAmI(colleague?.headers)).statusCode).toBe(200);
    const audit = await handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'session.logout_everywhere')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_kind: 'staff', resource_type: 'staff_member', resource_id: member.id });
  });

  test(`an idle session ends after the idle limit; use slides it, at most one write a minute (${database.name})`, async () => {
    const clock = manualClock(new Date('2026-11-23T08:00:00Z'));
    const { app, database: handle } = await startTestApp(database, { clock });
    const citizen = await createTestCitizen(handle.db);
    const session = await createSession(
      handle.db,
      defaultAppConfig,
      { kind: 'citizen', citizenId: citizen.id, assurance: 'high' },
      { now: clock.now() },
    );
    const cookie = { cookie: `homeward_session=${session.token}` };
    const whoAmI = () => app.inject({ method: 'GET', url: '/api/v1/session', headers: cookie });
    const lastSeen = async () =>
      (await handle.db.selectFrom('session').select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at;

    clock.advance(30_000);
    expect((await whoAmI()).statusCode).toBe(200);
    expect(await lastSeen()).toEqual(new Date('2026-11-23T08:00:00Z'));

    clock.advance(minutes(29)); // 29.5 minutes after the login, inside the 30-minute idle limit
    const slid = await whoAmI();
    expect(slid.statusCode).toBe(200);
    expect(await lastSeen()).toEqual(clock.now());
    expect(slid.json().expiresAt).toBe(new Date(clock.now().getTime() + minutes(30)).toISOString());

    clock.advance(minutes(30));
    expect((await whoAmI()).statusCode).toBe(401);
  });

  test(`a session in constant use still ends at the absolute limit (${database.name})`, async () => {
    const clock = manualClock(new Date('2026-11-23T08:00:00Z'));
    const { app, database: handle } = await startTestApp(database, { clock });
    const member = await createTestStaff(handle.db, 'analyst');
    const session = await createSession(
      handle.db,
      defaultAppConfig,
      { kind: 'staff', staffId: member.id },
      { now: clock.now() },
    );
    const whoAmI = () =>
      app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: `homeward_session=${session.token}` } });
    // Every 20 minutes for 11 h 40 min: never idle, always inside the 12-hour limit.
    for (let step = 0; step < 35; step += 1) {
      clock.advance(minutes(20));
      expect((await whoAmI()).statusCode).toBe(200);
    }
    clock.advance(minutes(20)); // 12 hours after the login
    expect((await whoAmI()).statusCode).toBe(401);
  });

  test(`disabling a staff member ends their sessions at once (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database);
    const member = await createTestStaff(handle.db, 'consular_supervisor');
    const session = await createTestSession(handle.db, { kind: 'staff', staffId: member.id });
    const whoAmI = () => app.inject({ method: 'GET', url: '/api/v1/session', headers: session.headers });
    expect((await whoAmI()).statusCode).toBe(200);
    await setStaffStatus(handle.db, member.id, 'disabled');
    expect((await whoAmI()).statusCode).toBe(401);
  });
}
