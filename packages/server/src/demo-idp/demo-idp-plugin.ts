// Mounts the demo identity provider under /demo-idp in the same Fastify server: each request's raw
// Node request and response go to oidc-provider (a Koa app) after reply.hijack(), and the login
// page is served here. Same origin as the apps, so the demo needs no second port and no CORS.
// See docs/decisions/0009-citizen-login-oidc.md.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import type Provider from 'oidc-provider';
import type { AppConfig } from '../http/app.js';
import { resolvePublicUrl } from '../http/public-url.js';
import { computeSecurityHeaders } from '../http/security-headers.js';
import type { KeyRing } from '../keys/key-ring.js';
import { findDemoCitizen } from './demo-citizens.js';
import { type DemoIdentityProviderTestHooks, demoAcrFor } from './demo-idp-clients.js';
import { renderDemoLoginPage } from './demo-idp-page.js';

export const demoIdpPath = '/demo-idp';
/** Where the relying party receives the provider's answer (citizen-login-routes.ts). */
export const citizenLoginCallbackPath = '/api/v1/citizen-login/callback';

/** What the running app exposes about its demo provider; tests set `testHooks`, nothing else can. */
export interface DemoIdentityProviderHandle {
  issuer(): string;
  readonly testHooks: DemoIdentityProviderTestHooks;
}

declare module 'fastify' {
  interface FastifyInstance {
    demoIdentityProvider?: DemoIdentityProviderHandle;
  }
}

export interface DemoIdpPluginOptions {
  readonly config: AppConfig;
  readonly keys: KeyRing;
}

const plugin: FastifyPluginAsync<DemoIdpPluginOptions> = async (app, options) => {
  if (!options.config.demoIdentityProvider) return;
  // Loaded only when on: oidc-provider is demo-only here, and warns at import on Node 20.
  const { createDemoProvider } = await import('./demo-idp-provider.js');
  const securityHeaders = computeSecurityHeaders();
  const issuer = () => `${resolvePublicUrl(app, options.config.publicUrl)}${demoIdpPath}`;
  let provider: Provider | undefined;
  const testHooks: DemoIdentityProviderTestHooks = {
    // Each provider instance makes its own signing key (new kid), so forgetting it rotates the key.
    rotateSigningKey: () => {
      provider = undefined;
    },
  };
  // Built on first use: with PORT=0 the issuer's port is known only once the server listens.
  const getProvider = () => {
    provider ??= createDemoProvider({
      issuer: issuer(),
      redirectUri: `${resolvePublicUrl(app, options.config.publicUrl)}${citizenLoginCallbackPath}`,
      clientJwks: options.keys.publicJwks(),
      trustProxy: options.config.trustProxy !== false,
      testHooks,
    });
    return provider;
  };
  app.decorate('demoIdentityProvider', { issuer, testHooks } satisfies DemoIdentityProviderHandle);

  const handle = async (raw: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    const current = getProvider();
    const path = new URL(raw.url ?? '/', 'http://placeholder').pathname;
    if (path === `${demoIdpPath}/jwks`) testHooks.onJwksRequest?.();
    const interaction = /^\/demo-idp\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(path);
    if (interaction) {
      await handleInteraction(current, raw, response, interaction[1] as string, interaction[2]);
      return;
    }
    // oidc-provider works out its mount path from originalUrl versus url, as under Express.
    (raw as IncomingMessage & { originalUrl?: string }).originalUrl = raw.url;
    raw.url = (raw.url ?? '/').slice(demoIdpPath.length) || '/';
    await current.callback()(raw, response);
  };

  app.route({
    method: ['GET', 'POST', 'OPTIONS'],
    url: `${demoIdpPath}/*`,
    schema: { hide: true },
    // The provider's own endpoints take no Homeward session; its redirects may come from anywhere.
    config: { access: 'public', acceptsCrossSiteRequests: true },
    // Hijacked before Fastify reads the body: oidc-provider parses its own requests.
    onRequest: async (request, reply) => {
      reply.hijack();
      try {
        await handle(request.raw, reply.raw);
      } catch (error) {
        request.log.error({ err: error }, 'demo identity provider failed');
        if (!reply.raw.headersSent) reply.raw.writeHead(500, { 'content-type': 'text/plain' });
        reply.raw.end('The demo identity provider failed.');
      }
    },
    handler: async () => undefined,
  });
};

/** The login page and its two answers (…/login?subject=…, …/abort), all GET: see demo-idp-page.ts. */
async function handleInteraction(
  provider: Provider,
  raw: IncomingMessage,
  response: ServerResponse,
  uid: string,
  action: string | undefined,
): Promise<void> {
  const details = await provider.interactionDetails(raw, response);
  if (details.uid !== uid) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end('This login is no longer current.');
    return;
  }
  if (raw.method !== 'GET') {
    response.writeHead(405, { allow: 'GET' }).end();
    return;
  }
  if (action === undefined) {
    const page = renderDemoLoginPage(`${demoIdpPath}/interaction/${uid}`, raw.headers['accept-language']);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
    return;
  }
  if (action === 'abort') {
    await provider.interactionFinished(raw, response, {
      error: 'access_denied',
      error_description: 'The person cancelled the login.',
    });
    return;
  }
  const query = new URL(raw.url ?? '/', 'http://placeholder').searchParams;
  const citizen = findDemoCitizen(query.get('subject') ?? '');
  if (citizen === undefined) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end('Choose one of the demo citizens.');
    return;
  }
  const clientId = String(details.params.client_id ?? '');
  const acrValues = typeof details.params.acr_values === 'string' ? details.params.acr_values : undefined;
  await provider.interactionFinished(
    raw,
    response,
    { login: { accountId: citizen.subject, acr: demoAcrFor(clientId, acrValues), amr: ['pwd', 'otp'] } },
    { mergeWithLastSubmission: false },
  );
}

/** Registered on the root instance (not encapsulated) so `app.demoIdentityProvider` is visible to tests. */
export const demoIdentityProvider = Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
}) as FastifyPluginAsync<DemoIdpPluginOptions>;
