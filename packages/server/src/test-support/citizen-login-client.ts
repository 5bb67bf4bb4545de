// For the OIDC login tests: the app listening on a real port with the demo identity provider on, a
// small cookie-keeping HTTP client that follows redirects one at a time like a browser, and a driver
// that clicks through the demo provider's login page.
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../database/database-schema.js';
import { demoCitizens } from '../demo-idp/demo-citizens.js';
import { defaultAppConfig } from '../http/app.js';
import { startTestApp } from './test-app.js';
import type { TestDatabase } from './test-databases.js';

/** The app on 127.0.0.1 with a system-chosen port, so the provider and the relying party talk HTTP. */
export async function startListeningApp(database: TestDatabase) {
  const started = await startTestApp(database, {
    isDemo: true,
    config: { ...defaultAppConfig, publicUrl: 'http://127.0.0.1:0', demoIdentityProvider: true },
  });
  await started.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (started.app.server.address() as AddressInfo).port;
  const demo = started.app.demoIdentityProvider;
  if (demo === undefined) throw new Error('the demo identity provider is not enabled');
  return { ...started, baseUrl: `http://127.0.0.1:${port}`, demo };
}

interface StoredCookie {
  readonly value: string;
  readonly path: string;
}

/** One browser: its cookies, kept per name and path; redirects are returned, not followed. */
export class CookieClient {
  readonly cookies = new Map<string, StoredCookie>();

  constructor(readonly baseUrl: string) {}

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string>; accept?: string } = {},
  ): Promise<Response> {
    const target = new URL(url, this.baseUrl);
    const headers = new Headers();
    const cookie = [...this.cookies.entries()]
      .filter(([, stored]) => target.pathname.startsWith(stored.path))
      .map(([key, stored]) => `${key.split('\0')[0]}=${stored.value}`)
      .join('; ');
    if (cookie !== '') headers.set('cookie', cookie);
    if (init.accept !== undefined) headers.set('accept', init.accept);
    let body: string | undefined;
    if (init.form !== undefined) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.#store(line);
    return response;
  }

  #store(line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    const path = attributes.find((part) => part.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
    const isExpired = attributes.some(
      (part) => part.toLowerCase() === 'max-age=0' || /^expires=thu, 01 jan 1970/i.test(part),
    );
    const key = `${name}\0${path}`;
    if (isExpired || value === '') this.cookies.delete(key);
    else this.cookies.set(key, { value, path });
  }
}

function locationOf(response: Response): string {
  const location = response.headers.get('location');
  expect(response.status, `expected a redirect, got ${response.status}`).toBeGreaterThanOrEqual(300);
  expect(response.status).toBeLessThan(400);
  if (location === null) throw new Error('a redirect without a Location');
  return location;
}

/** Follows redirects until one leaves for `stopAt` (a path prefix) or a page answers. */
async function followUntil(client: CookieClient, start: string, stopAt: string): Promise<string | Response> {
  let url = start;
  for (let hops = 0; hops < 10; hops += 1) {
    if (new URL(url, client.baseUrl).pathname.startsWith(stopAt)) return url;
    const response = await client.request(url);
    if (response.status < 300 || response.status >= 400) return response;
    url = locationOf(response);
  }
  throw new Error('too many redirects');
}

export const callbackPath = '/api/v1/citizen-login/callback';

/**
 * Starts a login with `provider` and picks `subject` on the demo login page; stops at the redirect
 * back to our callback and returns its URL, so a test can use it or tamper with it first.
 */
export async function loginAtDemoProvider(
  client: CookieClient,
  provider: 'demo' | 'demo-plain',
  subject: string = demoCitizens[0]?.subject ?? '',
): Promise<string> {
  const interaction = await followUntil(
    client,
    `/api/v1/citizen-login/start?provider=${provider}`,
    '/demo-idp/interaction/',
  );
  if (typeof interaction !== 'string') {
    throw new Error(`the provider answered ${interaction.status}: ${await interaction.text()}`);
  }
  const page = await client.request(interaction);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(demoCitizens[0]?.name);
  const chosen = await client.request(`${interaction}/login?subject=${encodeURIComponent(subject)}`);
  const callback = await followUntil(client, locationOf(chosen), callbackPath);
  if (typeof callback !== 'string')
    throw new Error(`the provider answered ${callback.status}: ${await callback.text()}`);
  return callback;
}

export async function countRows(db: Kysely<Database>, table: 'session' | 'citizen'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function loginAudits(db: Kysely<Database>) {
  return db
    .selectFrom('audit_event')
    .select(['actor_kind', 'outcome', 'reason', 'resource_type'])
    .where('action', '=', 'citizen.login')
    .orderBy('id')
    .execute();
}
