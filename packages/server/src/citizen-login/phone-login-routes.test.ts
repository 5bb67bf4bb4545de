// The phone login through HTTP, on PGlite and PostgreSQL: codes, guesses, sessions and rate limits.
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../database/database.js';
import { type App, buildApp, defaultAppConfig } from '../http/app.js';
import { startTestApp, testKeyRing } from '../test-support/test-app.js';
import { type TestDatabase, testDatabases } from '../test-support/test-databases.js';

const startUrl = '/api/v1/citizen-login/phone/start';
const verifyUrl = '/api/v1/citizen-login/phone/verify';

/** A valid Thai mobile number per index, written the way people type it. */
const phoneNumber = (index: number) => `+66 81 234 ${String(index).padStart(4, '0')}`;
const e164 = (index: number) => `+6681234${String(index).padStart(4, '0')}`;

async function startDemo(database: TestDatabase) {
  return startTestApp(database, { isDemo: true });
}

function requestCode(app: App, phone: string, passportNumber = 'E1234567', remoteAddress = '203.0.113.7') {
  return app.inject({ method: 'POST', url: startUrl, payload: { phone, passportNumber }, remoteAddress });
}

function sendCode(app: App, challengeId: string, code: string) {
  return app.inject({ method: 'POST', url: verifyUrl, payload: { challengeId, code } });
}

/** Asks for a code in demo mode, where the start answer carries it. */
async function codeFor(app: App, phone: string, passportNumber?: string) {
  const response = await requestCode(app, phone, passportNumber);
  expect(response.statusCode).toBe(200);
  return response.json() as { challengeId: string; demoCode: string; expiresAt: string };
}

const wrongCodeFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

for (const database of testDatabases()) {
  describe(`phone login (${database.name})`, () => {
    test(`the right code logs a new citizen in with assurance low from phone_otp (${database.name})`, async () => {
      const { app, database: handle } = await startDemo(database);
      const { challengeId, demoCode, expiresAt } = await codeFor(app, phoneNumber(1), ' e 1234-567 ');
      expect(demoCode).toMatch(/^[0-9]{6}$/);
      expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);

      const response = await sendCode(app, challengeId, `${demoCode.slice(0, 3)} ${demoCode.slice(3)}`);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ assurance: 'low', assuranceSource: 'phone_otp', isNewAccount: true });
      expect(response.headers['set-cookie']).toBeDefined();

      const citizen = await handle.db
        .selectFrom('citizen')
        .selectAll()
        .where('id', '=', body.citizenId)
        .executeTakeFirstOrThrow();
      expect(citizen).toMatchObject({ assurance: 'low', assurance_source: 'phone_otp' });
      expect(Buffer.from(citizen.phone_hash ?? [])).toEqual(testKeyRing().keyedHash('phone', e164(1)).digest);
      expect(Buffer.from(citizen.passport_hash ?? [])).toEqual(testKeyRing().keyedHash('passport', 'E1234567').digest);
      const sessions = await handle.db
        .selectFrom('session')
        .selectAll()
        .where('citizen_id', '=', body.citizenId)
        .execute();
      expect(sessions.map((session) => session.assurance)).toEqual(['low']);

      // Staff and the citizen's own app see the assurance of this login through the session.
      const cookie = response.cookies.map((each) => `${each.name}=${each.value}`).join('; ');
      const session = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
      expect(session.statusCode).toBe(200);
      expect(session.json()).toMatchObject({ kind: 'citizen', role: 'citizen', assurance: 'low' });

      const audit = await handle.db
        .selectFrom('audit_event')
        .select(['action', 'outcome', 'actor_kind', 'resource_id'])
        .where('action', '=', 'citizen.login')
        .execute();
      expect(audit).toEqual([
        { action: 'citizen.login', outcome: 'success', actor_kind: 'citizen', resource_id: body.citizenId },
      ]);
    });

    test(`neither the phone nor the passport number is stored in clear (${database.name})`, async () => {
      const { app, database: handle } = await startDemo(database);
      const { challengeId, demoCode } = await codeFor(app, phoneNumber(2), 'E7654321');
      const pending = await handle.db.selectFrom('phone_login_challenge').selectAll().execute();
      await sendCode(app, challengeId, demoCode);
      const used = await handle.db.selectFrom('phone_login_challenge').selectAll().execute();
      const citizens = await handle.db.selectFrom('citizen').selectAll().execute();
      // Byte columns as text too, so a number stored in a bytea column would show.
      const stored = JSON.stringify([pending, used, citizens], (_key, value) =>
        value instanceof Uint8Array || value?.type === 'Buffer'
          ? Buffer.from(value.data ?? value).toString('latin1')
          : value,
      );
      for (const secret of ['812340002', 'E7654321', demoCode]) expect(stored).not.toContain(secret);
      expect(used[0]?.identity_ciphertext).toBeNull();
    });

    test(`a returning citizen is found by phone and keeps one account (${database.name})`, async () => {
      const { app, database: handle } = await startDemo(database);
      const first = await codeFor(app, phoneNumber(3));
      const firstLogin = (await sendCode(app, first.challengeId, first.demoCode)).json();
      const second = await codeFor(app, `0066-81-234-0003`, 'e1234567');
      const secondLogin = await sendCode(app, second.challengeId, second.demoCode);
      expect(secondLogin.statusCode).toBe(200);
      expect(secondLogin.json()).toMatchObject({ citizenId: firstLogin.citizenId, isNewAccount: false });
      expect(await handle.db.selectFrom('citizen').select('id').execute()).toHaveLength(1);
    });

    test(`a known phone with another passport number is refused and no session is made (${database.name})`, async () => {
      const { app, database: handle } = await startDemo(database);
      const first = await codeFor(app, phoneNumber(4), 'E1234567');
      expect((await sendCode(app, first.challengeId, first.demoCode)).statusCode).toBe(200);
      const other = await codeFor(app, phoneNumber(4), 'X9999999');
      const refused = await sendCode(app, other.challengeId, other.demoCode);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().type).toBe('https://homeward.example/problems/passport-mismatch');
      expect(refused.headers['set-cookie']).toBeUndefined();
      expect(await handle.db.selectFrom('session').select('id').execute()).toHaveLength(1);
      // The code is spent: trying it again is no way to guess passport numbers.
      expect((await sendCode(app, other.challengeId, other.demoCode)).statusCode).toBe(400);
    });

    test(`wrong codes are counted and the sixth try is refused even with the right code (${database.name})`, async () => {
      const { app, database: handle } = await startDemo(database);
      const { challengeId, demoCode } = await codeFor(app, phoneNumber(5));
      const wrong = wrongCodeFor(demoCode);
      for (let attempt = 1; attempt <= 5; attempt++) {
        const response = await sendCode(app, challengeId, wrong);
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({
          type: 'https://homeward.example/problems/one-time-code-wrong',
          detail: expect.stringContaining(attempt < 5 ? `${5 - attempt} tr` : 'no tries are left'),
        });
      }
      const sixth = await sendCode(app, challengeId, demoCode);
      expect(sixth.statusCode).toBe(400);
      expect(sixth.json().type).toBe('https://homeward.example/problems/one-time-code-unusable');
      const challenge = await handle.db
        .selectFrom('phone_login_challenge')
        .select(['attempts', 'consumed_at'])
        .executeTakeFirstOrThrow();
      expect(challenge).toEqual({ attempts: 5, consumed_at: null });
      expect(await handle.db.selectFrom('session').select('id').execute()).toEqual([]);
      const reasons = await handle.db
        .selectFrom('audit_event')
        .select('reason')
        .where('action', '=', 'citizen.login')
        .orderBy('id')
        .execute();
      expect(reasons.map((row) => row.reason)).toEqual([...Array(5).fill('wrong_code'), 'challenge_exhausted']);
    });

    test(`concurrent wrong guesses never make more than five tries between them (${database.name})`, async () => {
      const { app, database: handle } = await startDemo(database);
      const { challengeId, demoCode } = await codeFor(app, phoneNumber(6));
      const responses = await Promise.all(
        Array.from({ length: 12 }, () => sendCode(app, challengeId, wrongCodeFor(demoCode))),
      );
      expect(responses.filter((response) => response.statusCode === 401)).toHaveLength(5);
      expect(responses.filter((response) => response.statusCode === 400)).toHaveLength(7);
      const { attempts } = await handle.db
        .selectFrom('phone_login_challenge')
        .select('attempts')
        .executeTakeFirstOrThrow();
      expect(attempts).toBe(5);
    });

    test(`an expired code is refused (${database.name})`, async () => {
      const { app, database: handle } = await startDemo(database);
      const { challengeId, demoCode } = await codeFor(app, phoneNumber(7));
      await handle.db
        .updateTable('phone_login_challenge')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('id', '=', challengeId)
        .execute();
      const response = await sendCode(app, challengeId, demoCode);
      expect(response.statusCode).toBe(400);
      expect(response.json().type).toBe('https://homeward.example/problems/one-time-code-unusable');
      expect(await handle.db.selectFrom('session').select('id').execute()).toEqual([]);
      const audit = await handle.db
        .selectFrom('audit_event')
        .select('reason')
        .where('action', '=', 'citizen.login')
        .execute();
      expect(audit).toEqual([{ reason: 'challenge_expired' }]);
    });

    test(`a used code cannot log in again (${database.name})`, async () => {
      const { app, database: handle } = await startDemo(database);
      const { challengeId, demoCode } = await codeFor(app, phoneNumber(8));
      expect((await sendCode(app, challengeId, demoCode)).statusCode).toBe(200);
      const again = await sendCode(app, challengeId, demoCode);
      expect(again.statusCode).toBe(400);
      expect(again.json().type).toBe('https://homeward.example/problems/one-time-code-unusable');
      expect(await handle.db.selectFrom('session').select('id').execute()).toHaveLength(1);
    });

    test(`several verifications of the right code at once make exactly one session (${database.name})`, async () => {
      const { app, database: handle } = await startDemo(database);
      const { challengeId, demoCode } = await codeFor(app, phoneNumber(9));
      const responses = await Promise.all(Array.from({ length: 5 }, () => sendCode(app, challengeId, demoCode)));
      expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 400, 400, 400, 400]);
      expect(await handle.db.selectFrom('session').select('id').execute()).toHaveLength(1);
      expect(await handle.db.selectFrom('citizen').select('id').execute()).toHaveLength(1);
    });

    test(`two first logins of one phone at once make one citizen (${database.name})`, async () => {
      const { app, database: handle } = await startDemo(database);
      const first = await codeFor(app, phoneNumber(10));
      const second = await codeFor(app, phoneNumber(10));
      const responses = await Promise.all([
        sendCode(app, first.challengeId, first.demoCode),
        sendCode(app, second.challengeId, second.demoCode),
      ]);
      expect(responses.map((response) => response.statusCode)).toEqual([200, 200]);
      expect(new Set(responses.map((response) => response.json().citizenId)).size).toBe(1);
      expect(await handle.db.selectFrom('citizen').select('id').execute()).toHaveLength(1);
    });

    test(`the per-phone limit holds across two server processes on one database (${database.name})`, async () => {
      const { app, database: handle } = await startDemo(database);
      // A second app with a connection pool of its own where the database allows one (PGlite has one owner).
      const otherDb = handle.url ? await openDatabase({ databaseUrl: handle.url, poolSize: 2 }) : undefined;
      const other = await buildApp({
        db: otherDb?.db ?? handle.db,
        isDemo: true,
        config: defaultAppConfig,
        keys: testKeyRing(),
        logLevel: 'silent',
        appsDir: false,
      });
      try {
        const apps = [app, other, app];
        for (const [index, each] of apps.entries()) {
          const response = await requestCode(each, phoneNumber(11), 'E1234567', `198.51.100.${index}`);
          expect(response.statusCode).toBe(200);
        }
        for (const each of [other, app]) {
          const refused = await requestCode(each, '+66812340011', 'E1234567', '198.51.100.9');
          expect(refused.statusCode).toBe(429);
          expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(refused.json().type).toBe('https://homeward.example/problems/too-many-requests');
          const retryAfter = Number(refused.headers['retry-after']);
          expect(retryAfter).toBeGreaterThan(0);
          expect(retryAfter).toBeLessThanOrEqual(15 * 60);
        }
        // Another number is not held back by this one.
        expect((await requestCode(other, phoneNumber(12))).statusCode).toBe(200);
        expect(await handle.db.selectFrom('phone_login_challenge').select('id').execute()).toHaveLength(4);
      } finally {
        await other.close();
        await otherDb?.close();
      }
    });

    test(`concurrent code requests for one phone never pass the limit (${database.name})`, async () => {
      const { app, database: handle } = await startDemo(database);
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, index) => requestCode(app, phoneNumber(17), 'E1234567', `198.51.100.${index}`)),
      );
      expect(responses.filter((response) => response.statusCode === 200)).toHaveLength(3);
      expect(responses.filter((response) => response.statusCode === 429)).toHaveLength(5);
      expect(await handle.db.selectFrom('phone_login_challenge').select('id').execute()).toHaveLength(3);
    });

    test(`one address asking for too many codes gets a 429 problem with Retry-After (${database.name})`, async () => {
      const { app } = await startDemo(database);
      for (let index = 0; index < 20; index++) {
        expect((await requestCode(app, phoneNumber(100 + index))).statusCode).toBe(200);
      }
      const refused = await requestCode(app, phoneNumber(200));
      expect(refused.statusCode).toBe(429);
      expect(refused.json().type).toBe('https://homeward.example/problems/too-many-requests');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Another address is still served.
      expect((await requestCode(app, phoneNumber(200), 'E1234567', '192.0.2.1')).statusCode).toBe(200);
    });

    test(`an invalid phone or passport number is a 400 problem naming the field, and nothing is stored (${database.name})`, async () => {
      const { app, database: handle } = await startDemo(database);
      for (const phone of ['12345', '+66 12', 'not a number', '812345678']) {
        const response = await requestCode(app, phone);
        expect(response.statusCode).toBe(400);
        expect(response.json().errors).toEqual([{ field: 'body/phone', message: expect.any(String) }]);
      }
      const badPassport = await requestCode(app, phoneNumber(13), '12/34');
      expect(badPassport.json().errors).toEqual([{ field: 'body/passportNumber', message: expect.any(String) }]);
      const badCode = await sendCode(app, '019ab000-0000-7000-8000-000000000001', '12ab56');
      expect(badCode.statusCode).toBe(400);
      expect(badCode.json().errors).toEqual([expect.objectContaining({ field: 'body/code' })]);
      expect(await handle.db.selectFrom('phone_login_challenge').select('id').execute()).toEqual([]);
    });

    test(`asking for a code answers alike whether or not an account has the phone (${database.name})`, async () => {
      const { app } = await startDemo(database);
      const known = await codeFor(app, phoneNumber(14));
      await sendCode(app, known.challengeId, known.demoCode);
      const forKnown = await requestCode(app, phoneNumber(14));
      const forUnknown = await requestCode(app, phoneNumber(15));
      expect(forUnknown.statusCode).toBe(forKnown.statusCode);
      expect(Object.keys(forUnknown.json()).sort()).toEqual(Object.keys(forKnown.json()).sort());
      expect(forUnknown.headers['content-length']).toBe(forKnown.headers['content-length']);
      expect(forUnknown.headers['set-cookie']).toBe(forKnown.headers['set-cookie']);
    });

    test(`an unknown challenge is refused like a used one (${database.name})`, async () => {
      const { app } = await startDemo(database);
      const response = await sendCode(app, '019ab000-0000-7000-8000-000000000001', '123456');
      expect(response.statusCode).toBe(400);
      expect(response.json().type).toBe('https://homeward.example/problems/one-time-code-unusable');
    });

    test(`outside demo mode with no text-message channel the phone login says it is not configured (${database.name})`, async () => {
      const { app, database: handle } = await startTestApp(database);
      const response = await requestCode(app, phoneNumber(16));
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        type: 'https://homeward.example/problems/phone-login-unavailable',
        title: 'Phone login is not configured',
      });
      expect(response.json()).not.toHaveProperty('demoCode');
      expect(await handle.db.selectFrom('phone_login_challenge').select('id').execute()).toEqual([]);
    });
  });
}
