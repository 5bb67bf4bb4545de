// The OIDC login routes: which providers are offered, the redirect to one, and the callback it
// redirects back to. Public: these are how a citizen gets a session. See
// docs/decisions/0009-citizen-login-oidc.md.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type Static, Type } from 'typebox';
import type { Database } from '../database/database-schema.js';
import { demoFapiClientId, demoPlainClientId } from '../demo-idp/demo-idp-clients.js';
import { citizenLoginCallbackPath } from '../demo-idp/demo-idp-plugin.js';
import type { AppConfig } from '../http/app.js';
import { Problem, problemResponses, sendProblem } from '../http/problem.js';
import { resolvePublicUrl } from '../http/public-url.js';
import type { KeyRing } from '../keys/key-ring.js';
import { isSecureOrigin, setSessionCookie } from '../sessions/session-cookie.js';
import { loginAttemptMinutes } from './oidc-login-attempts.js';
import { LoginRefused } from './oidc-login-failures.js';
import { completeOidcLogin, type OidcLoginDependencies, startOidcLogin } from './oidc-login-service.js';
import { type OfferedProvider, offeredProviders, ProviderConfigurations, type ProviderKey } from './oidc-providers.js';

export interface OidcLoginOptions {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly config: AppConfig;
  /** Where the citizen lands after logging in; the citizen app by default. */
  readonly landingPath?: string;
}

const loginCookieName = 'homeward_oidc_login';
const loginCookiePath = '/api/v1/citizen-login/';

const ProviderKeySchema = Type.Union([Type.Literal('national'), Type.Literal('demo'), Type.Literal('demo-plain')], {
  description: "'national' is the configured national digital ID; 'demo' and 'demo-plain' the built-in demo.",
});

// One list: the schema's literals and the providers' keys must agree.
const _keysAgree: Static<typeof ProviderKeySchema> extends ProviderKey
  ? ProviderKey extends Static<typeof ProviderKeySchema>
    ? true
    : never
  : never = true;

const OfferedProvidersSchema = Type.Object({
  providers: Type.Array(
    Type.Object({
      key: ProviderKeySchema,
      profile: Type.String({ description: 'The configuration profile, e.g. singpass or generic.' }),
      isDemo: Type.Boolean({ description: 'The built-in demo provider with synthetic citizens.' }),
      startUrl: Type.String({ description: 'Open this URL in the browser to log in with this provider.' }),
    }),
  ),
});

const StartQuerySchema = Type.Object({ provider: Type.Optional(ProviderKeySchema) }, { additionalProperties: false });

const CallbackQuerySchema = Type.Object(
  {
    state: Type.Optional(Type.String({ maxLength: 512 })),
    code: Type.Optional(Type.String({ maxLength: 2048 })),
    iss: Type.Optional(Type.String({ maxLength: 2048 })),
    error: Type.Optional(Type.String({ maxLength: 256 })),
    error_description: Type.Optional(Type.String({ maxLength: 2048 })),
  },
  { additionalProperties: true },
);

const RedirectSchema = Type.Null({ description: 'A redirect; follow the Location header.' });

const StartedLoginSchema = Type.Object({
  authorizationUrl: Type.String({ description: 'Open this URL in the browser that holds the login cookie.' }),
});

const LoggedInSchema = Type.Object({
  citizenId: Type.String({ format: 'uuid' }),
  csrfToken: Type.String({ description: 'Send it as x-csrf-token with cookie-authenticated writes.' }),
  expiresAt: Type.String({ format: 'date-time', description: 'When the session ends at the latest.' }),
});

/** A caller that asks for JSON (an app that navigates itself) gets JSON; a browser gets redirects. */
function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

const noProvider = () =>
  new Problem(404, 'not-found', 'Not found', 'No digital ID provider is configured on this server.');

export const oidcLoginRoutes: FastifyPluginAsyncTypebox<OidcLoginOptions> = async (app, options) => {
  const demo = app.demoIdentityProvider;
  const providers = offeredProviders(
    options.config,
    demo && { issuer: demo.issuer, fapiClientId: demoFapiClientId, plainClientId: demoPlainClientId },
  );
  const deps: OidcLoginDependencies = {
    db: options.db,
    keys: options.keys,
    config: options.config,
    configurations: new ProviderConfigurations(options.keys),
    now: () => new Date(),
  };
  const publicUrl = () => resolvePublicUrl(app, options.config.publicUrl);
  const landingPath = options.landingPath ?? '/';

  app.get(
    '/api/v1/citizen-login/providers',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listCitizenLoginProviders',
        summary: 'The digital ID providers a citizen may log in with',
        tags: ['citizen-login'],
        security: [],
        response: { 200: OfferedProvidersSchema, ...problemResponses(400) },
      },
    },
    async () => ({
      providers: providers.map((provider) => ({
        key: provider.key,
        profile: provider.profile.name,
        isDemo: provider.isDemo,
        startUrl: `/api/v1/citizen-login/start?provider=${provider.key}`,
      })),
    }),
  );

  app.get(
    '/api/v1/citizen-login/start',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'startCitizenLogin',
        summary: 'Redirect to the national digital ID to log in',
        description:
          'Answers 303 to the provider (after a pushed authorization request for FAPI 2.0 profiles), or 200 with ' +
          'its URL to a caller that accepts only JSON, and sets a ' +
          `short-lived cookie tying the login to this browser; the login must finish within ${loginAttemptMinutes} minutes.`,
        tags: ['citizen-login'],
        security: [],
        querystring: StartQuerySchema,
        response: { 200: StartedLoginSchema, 303: RedirectSchema, ...problemResponses(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const provider = pickProvider(providers, request.query.provider);
      try {
        const started = await startOidcLogin(deps, provider, `${publicUrl()}${citizenLoginCallbackPath}`);
        reply.setCookie(loginCookieName, started.browserToken, {
          path: loginCookiePath,
          httpOnly: true,
          secure: isSecureOrigin(options.config),
          // Lax: the provider's redirect back is a top-level GET navigation from another site.
          sameSite: 'lax',
          maxAge: loginAttemptMinutes * 60,
        });
        request.log.info({ provider: provider.key }, 'citizen login started');
        reply.header('cache-control', 'no-store');
        if (wantsJson(request)) return { authorizationUrl: started.authorizationUrl };
        return reply.redirect(started.authorizationUrl, 303);
      } catch (error) {
        return answerRefusal(request, reply, error);
      }
    },
  );

  app.get(
    citizenLoginCallbackPath,
    {
      config: { access: 'public' },
      schema: {
        operationId: 'finishCitizenLogin',
        summary: 'Where the digital ID provider sends the citizen back',
        description:
          'Verifies the answer (state, code, ID token) and on success sets the session cookie and answers 303 to ' +
          'the citizen app (200 with the session to a caller that accepts only JSON). Any refusal answers a ' +
          'problem; no session is created and the refusal is audited.',
        tags: ['citizen-login'],
        security: [],
        querystring: CallbackQuerySchema,
        response: { 200: LoggedInSchema, 303: RedirectSchema, ...problemResponses(400, 503) },
      },
    },
    async (request, reply) => {
      const currentUrl = new URL(`${publicUrl()}${request.url}`);
      // The browser-binding cookie is spent whatever happens.
      reply.clearCookie(loginCookieName, { path: loginCookiePath });
      try {
        const loggedIn = await completeOidcLogin(deps, providers, {
          currentUrl,
          browserToken: request.cookies[loginCookieName],
          requestId: request.id,
        });
        setSessionCookie(reply, loggedIn.session.token, options.config);
        request.log.info({ citizenId: loggedIn.citizenId }, 'citizen logged in with the digital ID');
        reply.header('cache-control', 'no-store');
        if (wantsJson(request)) {
          const { csrfToken, expiresAt } = loggedIn.session;
          return { citizenId: loggedIn.citizenId, csrfToken, expiresAt: expiresAt.toISOString() };
        }
        return reply.redirect(landingPath, 303);
      } catch (error) {
        return answerRefusal(request, reply, error);
      }
    },
  );
};

function pickProvider(providers: readonly OfferedProvider[], key: string | undefined): OfferedProvider {
  const provider = key === undefined ? providers[0] : providers.find((candidate) => candidate.key === key);
  if (provider === undefined) throw noProvider();
  return provider;
}

function answerRefusal(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (!(error instanceof LoginRefused)) throw error;
  // The reason code only: the cause may quote the provider, whose words may name the person.
  request.log.warn({ reason: error.reason }, 'citizen login refused');
  reply.header('cache-control', 'no-store');
  return sendProblem(reply, error.toProblem());
}
