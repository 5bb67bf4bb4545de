// The national digital ID login over real HTTP, against the built-in demo identity provider as the
// peer, in both profiles: plain OIDC ('demo-plain') and FAPI 2.0 like Singpass ('demo': PAR, DPoP,
// encrypted ID token and userinfo). Every refusal answers 4xx, is audited with its reason, and
// creates no session.
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, test } from 'vitest';
import { demoCitizens } from '../demo-idp/demo-citizens.js';
import {
  CookieClient,
  callbackPath,
  countRows,
  loginAtDemoProvider,
  loginAudits,
  startListeningApp,
} from '../test-support/citizen-login-client.js';
import { testKeyRing } from '../test-support/test-app.js';
import { testDatabases } from '../test-support/test-databases.js';

const profiles = ['demo', 'demo-plain'] as const;
const [aster, banyan] = demoCitizens as [(typeof demoCitizens)[0], (typeof demoCitizens)[0]];

async function expectRefused(response: Response, reason: string) {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.headers.get('set-cookie') ?? '').not.toMatch(/homeward_session=[^;]/);
  const problem = (await response.json()) as { type: string; detail: string };
  expect(problem.type).toBe('https://homeward.example/problems/citizen-login-failed');
  return { problem, reason };
}

for (const database of testDatabases()) {
  describe(`citizen login with the digital ID (${database.name})`, () => {
    for (const provider of profiles) {
      test(`a demo citizen logs in end to end and the session names them (${provider})`, async () => {
        const { app, database: handle, baseUrl } = await startListeningApp(database);
        const browser = new CookieClient(baseUrl);
        const callback = await loginAtDemoProvider(browser, provider, banyan.subject);
        const landed = await browser.request(callback);
        expect(landed.status).toBe(303);
        expect(landed.headers.get('location')).toBe('/');

        const session = await browser.request('/api/v1/session');
        expect(session.status).toBe(200);
        const info = (await session.json()) as { kind: string; displayName: string; assurance: string };
        expect(info).toMatchObject({ kind: 'citizen', displayName: banyan.name, assurance: 'substantial' });

        const citizen = await handle.db.selectFrom('citizen').selectAll().executeTakeFirstOrThrow();
        expect(citizen.provider_issuer).toBe(app.demoIdentityProvider?.issuer());
        expect(citizen.provider_subject).toBe(banyan.subject);
        if (provider === 'demo') {
          // The national id arrived in sub_attributes and is kept only as a keyed hash.
          expect(Buffer.from(citizen.national_id_hash ?? [])).toEqual(
            testKeyRing().keyedHash('national-id', banyan.nationalId).digest,
          );
          expect(citizen.assurance_source).toBe('urn:singpass:authentication:loa:2');
        } else {
          expect(citizen.national_id_hash).toBeNull();
          expect(citizen.assurance_source).toBe('http://eidas.europa.eu/LoA/substantial');
        }
        const everything = JSON.stringify(await handle.db.selectFrom('citizen').selectAll().execute());
        expect(everything).not.toContain(banyan.nationalId);
        expect(await loginAudits(handle.db)).toEqual([
          { actor_kind: 'citizen', outcome: 'success', reason: null, resource_type: 'citizen' },
        ]);
      });

      test(`a callback with a state this server never issued is refused (${provider})`, async () => {
        const { database: handle, baseUrl } = await startListeningApp(database);
        const browser = new CookieClient(baseUrl);
        const callback = new URL(await loginAtDemoProvider(browser, provider));
        callback.searchParams.set('state', 'forged-state-value');
        await expectRefused(await browser.request(callback.href), 'state_mismatch');
        expect(await countRows(handle.db, 'session')).toBe(0);
        expect(await loginAudits(handle.db)).toEqual([
          { actor_kind: 'anonymous', outcome: 'failure', reason: 'state_mismatch', resource_type: 'oidc_login' },
        ]);
      });

      test(`a replayed callback is refused: the login attempt is single-use (${provider})`, async () => {
        const { database: handle, baseUrl } = await startListeningApp(database);
        const browser = new CookieClient(baseUrl);
        const callback = await loginAtDemoProvider(browser, provider);
        const cookies = new Map(browser.cookies);
        expect((await browser.request(callback)).status).toBe(303);
        for (const [key, value] of cookies) if (key.startsWith('homeward_oidc_login')) browser.cookies.set(key, value);
        await expectRefused(await browser.request(callback), 'login_attempt_used');
        expect(await countRows(handle.db, 'session')).toBe(1);
        expect((await loginAudits(handle.db)).map((entry) => entry.reason)).toEqual([null, 'login_attempt_used']);
      });

      test(`a used code slipped into a fresh login is refused by the provider (${provider})`, async () => {
        const { database: handle, baseUrl } = await startListeningApp(database);
        const victim = new CookieClient(baseUrl);
        const first = new URL(await loginAtDemoProvider(victim, provider));
        expect((await victim.request(first.href)).status).toBe(303);
        // Someone who saw the victim's callback URL starts a login of their own and swaps in the code.
        const intruder = new CookieClient(baseUrl);
        const second = new URL(await loginAtDemoProvider(intruder, provider, aster.subject));
        second.searchParams.set('code', first.searchParams.get('code') ?? '');
        await expectRefused(await intruder.request(second.href), 'token_request_refused');
        expect(await countRows(handle.db, 'session')).toBe(1);
        expect((await loginAudits(handle.db)).map((entry) => entry.reason)).toEqual([null, 'token_request_refused']);
      });

      test(`a callback in another browser than the one that started is refused (${provider})`, async () => {
        const { database: handle, baseUrl } = await startListeningApp(database);
        const callback = await loginAtDemoProvider(new CookieClient(baseUrl), provider);
        await expectRefused(await new CookieClient(baseUrl).request(callback), 'browser_mismatch');
        expect(await countRows(handle.db, 'session')).toBe(0);
        expect((await loginAudits(handle.db)).map((entry) => entry.reason)).toEqual(['browser_mismatch']);
      });

      const tamperings = [
        {
          name: 'an expired ID token',
          reason: 'id_token_expired',
          hook: (claims: Record<string, unknown>) => ({
            claims: { ...claims, iat: Math.floor(Date.now() / 1000) - 3600, exp: Math.floor(Date.now() / 1000) - 1800 },
          }),
        },
        {
          name: 'an ID token signed with a key the provider does not hold',
          reason: 'id_token_signature_invalid',
          hook: (claims: Record<string, unknown>) => ({ claims, signWith: 'stranger' as const }),
        },
        {
          name: 'an ID token for another audience',
          reason: 'id_token_claim_mismatch',
          hook: (claims: Record<string, unknown>) => ({ claims: { ...claims, aud: 'some-other-client' } }),
        },
      ];
      for (const tampering of tamperings) {
        test(`${tampering.name} is refused (${provider})`, async () => {
          const { database: handle, baseUrl, demo } = await startListeningApp(database);
          demo.testHooks.idToken = tampering.hook;
          const browser = new CookieClient(baseUrl);
          const callback = await loginAtDemoProvider(browser, provider);
          await expectRefused(await browser.request(callback), tampering.reason);
          expect(await countRows(handle.db, 'session')).toBe(0);
          expect(await countRows(handle.db, 'citizen')).toBe(0);
          expect(await loginAudits(handle.db)).toEqual([
            { actor_kind: 'anonymous', outcome: 'failure', reason: tampering.reason, resource_type: 'oidc_login' },
          ]);
        });
      }
    }

    test('a DPoP proof from another key than the one the login began with is refused (FAPI 2.0)', async () => {
      const { database: handle, baseUrl } = await startListeningApp(database);
      const browser = new CookieClient(baseUrl);
      const callback = await loginAtDemoProvider(browser, 'demo');
      // Swap the attempt's DPoP key for another, as a thief holding the code but not the key would.
      const row = await handle.db.selectFrom('oidc_login_attempt').selectAll().executeTakeFirstOrThrow();
      const keys = testKeyRing();
      const secrets = JSON.parse(keys.decryptField(row.secrets_ciphertext, `oidc_login_attempt:${row.id}`));
      const { privateKey } = await generateKeyPair('ES256', { extractable: true });
      secrets.dpopKey = await exportJWK(privateKey);
      await handle.db
        .updateTable('oidc_login_attempt')
        .set({ secrets_ciphertext: keys.encryptField(JSON.stringify(secrets), `oidc_login_attempt:${row.id}`) })
        .where('id', '=', row.id)
        .execute();
      await expectRefused(await browser.request(callback), 'token_request_refused');
      expect(await countRows(handle.db, 'session')).toBe(0);
      expect((await loginAudits(handle.db)).map((entry) => entry.reason)).toEqual(['token_request_refused']);
    });

    test('the FAPI 2.0 client cannot be sent to the provider without a pushed authorization request', async () => {
      const { baseUrl } = await startListeningApp(database);
      const browser = new CookieClient(baseUrl);
      const start = await browser.request('/api/v1/citizen-login/start?provider=demo');
      const pushed = new URL(start.headers.get('location') ?? '');
      // Only client_id and request_uri travel in the front channel.
      expect([...pushed.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
      const direct = new URL('/demo-idp/auth', baseUrl);
      for (const [name, value] of Object.entries({
        client_id: 'homeward-demo-fapi',
        response_type: 'code',
        scope: 'openid',
        redirect_uri: `${baseUrl}${callbackPath}`,
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        state: 'front-channel',
      })) {
        direct.searchParams.set(name, value);
      }
      // The provider refuses and sends the error back to our callback, which refuses in turn.
      const refused = await browser.request(direct.href);
      expect(refused.status).toBe(303);
      const answer = new URL(refused.headers.get('location') ?? '');
      expect(answer.pathname).toBe(callbackPath);
      expect(answer.searchParams.get('error')).toBe('invalid_request');
      expect(answer.searchParams.get('error_description')).toMatch(/pushed authorization request/i);
    });

    test('an app that asks for JSON gets the provider URL and then its session as JSON instead of redirects', async () => {
      const { database: handle, baseUrl } = await startListeningApp(database);
      const app = new CookieClient(baseUrl);
      const started = await app.request('/api/v1/citizen-login/start?provider=demo-plain', {
        accept: 'application/json',
      });
      expect(started.status).toBe(200);
      const { authorizationUrl } = (await started.json()) as { authorizationUrl: string };
      expect(new URL(authorizationUrl).pathname).toBe('/demo-idp/auth');
      const callback = await loginAtDemoProvider(app, 'demo-plain');
      const finished = await app.request(callback, { accept: 'application/json' });
      expect(finished.status).toBe(200);
      const session = (await finished.json()) as { citizenId: string; csrfToken: string };
      const citizen = await handle.db.selectFrom('citizen').select('id').executeTakeFirstOrThrow();
      expect(session.citizenId).toBe(citizen.id);
      expect(session.csrfToken.length).toBeGreaterThan(10);
    });

    test('the providers on offer are listed for the citizen app', async () => {
      const { baseUrl } = await startListeningApp(database);
      const listed = await new CookieClient(baseUrl).request('/api/v1/citizen-login/providers');
      expect(await listed.json()).toEqual({
        providers: [
          { key: 'demo', profile: 'singpass', isDemo: true, startUrl: '/api/v1/citizen-login/start?provider=demo' },
          {
            key: 'demo-plain',
            profile: 'generic',
            isDemo: true,
            startUrl: '/api/v1/citizen-login/start?provider=demo-plain',
          },
        ],
      });
    });
  });
}
