// Signing key rotation at the identity provider, over real HTTP against the demo provider: the relying
// party keeps the provider's JWKS (openid-client, through oauth4webapi, caches it per provider
// Configuration, which we keep), re-fetches it when an ID token names a kid it does not know, but not
// within 60 seconds of the last fetch. See docs/decisions/0009-citizen-login-oidc.md.
import { describe, expect, onTestFinished, test, vi } from 'vitest';
import {
  CookieClient,
  countRows,
  loginAtDemoProvider,
  loginAudits,
  startListeningApp,
} from '../test-support/citizen-login-client.js';
import { testDatabases } from '../test-support/test-databases.js';

const profiles = ['demo', 'demo-plain'] as const;

/** A whole login in a fresh browser; returns our callback's answer. */
async function logIn(baseUrl: string, provider: (typeof profiles)[number]): Promise<Response> {
  const browser = new CookieClient(baseUrl);
  return browser.request(await loginAtDemoProvider(browser, provider));
}

async function publishedKids(issuer: string): Promise<string[]> {
  const jwks = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] };
  return jwks.keys.map((key) => key.kid);
}

for (const database of testDatabases()) {
  describe('citizen login across a signing key rotation at the provider', () => {
    for (const provider of profiles) {
      test(`a new kid is refused within a minute of the last JWKS fetch, then accepted after one re-fetch: ${provider} (${database.name})`, async () => {
        const { database: handle, baseUrl, demo } = await startListeningApp(database);
        const discovery = await fetch(`${demo.issuer()}/.well-known/openid-configuration`);
        expect(((await discovery.json()) as { jwks_uri: string }).jwks_uri).toBe(`${demo.issuer()}/jwks`);
        const kidsBefore = await publishedKids(demo.issuer());
        let jwksRequests = 0;
        demo.testHooks.onJwksRequest = () => {
          jwksRequests += 1;
        };
        // Only Date is faked: it moves the provider and the relying party together, both in this process.
        vi.useFakeTimers({ toFake: ['Date'] });
        onTestFinished(() => {
          vi.useRealTimers();
        });
        const startedAt = Date.now();

        // Two logins, one JWKS fetch: the keys are cached, not fetched per login.
        expect((await logIn(baseUrl, provider)).status).toBe(303);
        expect((await logIn(baseUrl, provider)).status).toBe(303);
        expect(jwksRequests).toBe(1);

        demo.testHooks.rotateSigningKey();

        // 59 seconds after the fetch: the unknown kid does not trigger a re-fetch yet, so the login is refused.
        vi.setSystemTime(startedAt + 59_000);
        const refused = await logIn(baseUrl, provider);
        expect(refused.status).toBe(400);
        expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(refused.headers.get('set-cookie') ?? '').not.toMatch(/homeward_session=[^;]/);
        expect(((await refused.json()) as { type: string }).type).toBe(
          'https://homeward.example/problems/citizen-login-failed',
        );
        expect(jwksRequests).toBe(1);
        expect(await countRows(handle.db, 'session')).toBe(2);

        // 61 seconds after: the unknown kid makes the relying party fetch the JWKS once more, and it succeeds.
        vi.setSystemTime(startedAt + 61_000);
        const browser = new CookieClient(baseUrl);
        const accepted = await browser.request(await loginAtDemoProvider(browser, provider));
        expect(accepted.status).toBe(303);
        expect(jwksRequests).toBe(2);
        expect((await browser.request('/api/v1/session')).status).toBe(200);
        expect(await countRows(handle.db, 'session')).toBe(3);
        expect((await loginAudits(handle.db)).map(({ outcome, reason }) => ({ outcome, reason }))).toEqual([
          { outcome: 'success', reason: null },
          { outcome: 'success', reason: null },
          { outcome: 'failure', reason: 'id_token_key_unknown' },
          { outcome: 'success', reason: null },
        ]);
        // The old key is gone from the JWKS, not merely joined by a new one.
        const kidsAfter = await publishedKids(demo.issuer());
        expect(kidsAfter).toHaveLength(1);
        expect(kidsAfter).not.toContain(kidsBefore[0]);
      });
    }
  });
}
