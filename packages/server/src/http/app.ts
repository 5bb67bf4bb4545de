// Builds the Fastify application: plugins in order, one feature module per plugin.
// Nothing here listens on a port; serve.ts does, and tests call app.inject.
import { randomUUID } from 'node:crypto';
import AjvCompiler from '@fastify/ajv-compiler';
import fastifyRateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Clock } from '@homeward/domain';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DestinationStream } from 'pino';
import { publicPlugin, registerAccessPolicy } from '../access/access-plugin.js';
import type { CheckInLimits } from '../check-ins/check-in-limits.js';
import { defaultCheckInLimits } from '../check-ins/check-in-limits.js';
import { oidcLoginRoutes } from '../citizen-login/oidc-login-routes.js';
import { phoneLoginRoutes } from '../citizen-login/phone-login-routes.js';
import type { Config } from '../config/config.js';
import { noMessaging } from '../config/messaging-config.js';
import { isDatabaseReachable } from '../database/database.js';
import type { Database } from '../database/database-schema.js';
import { demoIdentityProvider } from '../demo-idp/demo-idp-plugin.js';
import { healthRoutes } from '../health/health-routes.js';
import { instanceRoutes } from '../instance/instance-routes.js';
import { jwksRoutes } from '../keys/jwks-routes.js';
import type { KeyRing } from '../keys/key-ring.js';
import { loggerOptions } from '../logging/logger.js';
import { availableChannels } from '../notifications/channel-registry.js';
import { deliveryRoutes } from '../notifications/delivery-routes.js';
import { messageChannelRoutes } from '../notifications/message-channel-routes.js';
import { webhookRoutes } from '../notifications/webhook-routes.js';
import { organisationRoutes } from '../organisations/organisation-routes.js';
import { jobOfferCheckRoutes } from '../prevention/job-offer-check-routes.js';
import { registryRoutes } from '../registry/registry-routes.js';
import type { RegistrySettings } from '../registry/registry-settings.js';
import { registerSessions } from '../sessions/session-plugin.js';
import { sessionRoutes } from '../sessions/session-routes.js';
import { systemClock } from '../sessions/system-clock.js';
import { staffLoginRoutes } from '../staff-login/staff-login-routes.js';
import { stayRoutes } from '../stays/stay-routes.js';
import { trustedContactRoutes } from '../stays/trusted-contact-routes.js';
import { version } from '../version.js';
import { alertRoutes } from '../welfare/alert-routes.js';
import { closeConnectionsWhenClosing } from './closing-connections.js';
import { registerOpenApi } from './openapi.js';
import { handleError, handleNotFound, Problem } from './problem.js';
import { registerSecurityHeaders } from './security-headers.js';
import { defaultAppsDir, registerStaticApps } from './static-apps.js';

/** The settings the HTTP layer reads; tests pass a few and take defaults for the rest. */
export type AppConfig = Pick<
  Config,
  'publicUrl' | 'trustProxy' | 'session' | 'oidc' | 'demoIdentityProvider' | 'mail' | 'messaging'
>;

export const defaultAppConfig: AppConfig = {
  publicUrl: 'http://localhost:3000',
  trustProxy: false,
  session: { idleMinutes: 30, absoluteHours: 12 },
  oidc: undefined,
  demoIdentityProvider: false,
  mail: undefined,
  messaging: noMessaging,
};

export interface AppOptions {
  readonly db: Kysely<Database>;
  readonly isDemo: boolean;
  readonly config: AppConfig;
  readonly keys: KeyRing;
  readonly logLevel?: string;
  /** Where logs go; standard output unless a test wants to read them. */
  readonly logStream?: DestinationStream;
  /** The folder holding apps/citizen and apps/console; `false` serves no apps. */
  readonly appsDir?: string | false;
  /** Session timeouts read the time from here; tests pass a clock they can move. */
  readonly clock?: Clock;
  /** The recruiter registry's proof-of-work difficulty and limits; production defaults otherwise. */
  readonly registry?: Partial<RegistrySettings>;
  /** The PIN-guessing limits of check-ins; production defaults otherwise. */
  readonly checkInLimits?: CheckInLimits;
}

export type App = FastifyInstance;

const ajvCompilerFactory = AjvCompiler();
type ValidatorFactory = Parameters<typeof ajvCompilerFactory>;

/**
 * Query strings, parameters and headers arrive as text, so Ajv turns "50" into 50 there; a JSON body says what
 * type each value has, and a number where the API wants a string (a PIN) or a string where it wants a number is
 * refused with a 400 instead of being converted.
 */
function bodiesWithoutCoercion(externalSchemas: ValidatorFactory[0], options: ValidatorFactory[1]) {
  const lenient = ajvCompilerFactory(externalSchemas, options);
  const strict = ajvCompilerFactory(externalSchemas, {
    ...options,
    customOptions: { ...options?.customOptions, coerceTypes: false },
  } as ValidatorFactory[1]);
  return (definition: { schema: unknown; httpPart?: string }) =>
    (definition.httpPart === 'body' ? strict : lenient)(definition as never);
}

export async function buildApp(options: AppOptions): Promise<App> {
  const logger = {
    ...loggerOptions(options.logLevel ?? 'info'),
    ...(options.logStream && { stream: options.logStream }),
  };
  const app = Fastify({
    logger,
    // One line per request, when it is answered (below), instead of Fastify's two (received, completed).
    disableRequestLogging: true,
    genReqId: () => randomUUID(),
    // A client-chosen request id would let a caller forge log correlation.
    requestIdHeader: false,
    // Requests arriving during shutdown get our own problem (closing-connections.ts), not a plain 503.
    return503OnClosing: false,
    // Unknown fields are refused (400), not silently dropped: a client that misspells a field learns at once.
    ajv: { customOptions: { allErrors: true, removeAdditional: false } },
    // The compiler is called with the route schema definition; the package types say schema only.
    schemaController: { compilersFactory: { buildValidator: bodiesWithoutCoercion as never } },
    trustProxy: options.config.trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  });
  registerSecurityHeaders(app);
  closeConnectionsWhenClosing(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  // Sessions before the access policy: its hook reads the actor the session hook sets. Both before any
  // route, since the policy's onRoute check must see every route.
  await registerSessions(app, { db: options.db, config: options.config, clock: options.clock ?? systemClock });
  registerAccessPolicy(app, { db: options.db });
  // Off by default; a route opts in with config.rateLimit ({ max, timeWindow }).
  await app.register(fastifyRateLimit, {
    global: false,
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: (_request, context) =>
      context.statusCode === 429
        ? new Problem(429, 'too-many-requests', 'Too many requests', `Retry in ${context.after}.`)
        : new Problem(
            context.statusCode,
            'too-many-requests',
            'Too many requests',
            'Too many requests; this client is blocked for now.',
          ),
  });
  await registerOpenApi(app, { version });

  await app.register(healthRoutes, { isReady: () => isDatabaseReachable(options.db) });
  await app.register(instanceRoutes, { version, isDemo: options.isDemo });
  await app.register(organisationRoutes, { db: options.db });
  await app.register(sessionRoutes, { db: options.db, config: options.config });
  await app.register(jwksRoutes, { keys: options.keys });
  await app.register(phoneLoginRoutes, {
    db: options.db,
    keys: options.keys,
    config: options.config,
    isDemo: options.isDemo,
    clock: options.clock ?? systemClock,
  });

  await app.register(registryRoutes, {
    db: options.db,
    keys: options.keys,
    clock: options.clock ?? systemClock,
    ...(options.registry && { settings: options.registry }),
  });

  await app.register(jobOfferCheckRoutes, { db: options.db });

  await app.register(stayRoutes, {
    db: options.db,
    keys: options.keys,
    isDemo: options.isDemo,
    publicUrl: options.config.publicUrl,
    clock: options.clock ?? systemClock,
    ...(options.checkInLimits && { checkInLimits: options.checkInLimits }),
  });
  await app.register(trustedContactRoutes, {
    db: options.db,
    keys: options.keys,
    publicUrl: options.config.publicUrl,
    clock: options.clock ?? systemClock,
  });
  await app.register(alertRoutes, { db: options.db, keys: options.keys, clock: options.clock ?? systemClock });

  // Messaging: the citizen's reminder channels, the providers' signed webhooks, undelivered messages for staff.
  const messaging = options.config.messaging;
  await app.register(messageChannelRoutes, {
    deps: {
      db: options.db,
      keys: options.keys,
      clock: options.clock ?? systemClock,
      available: availableChannels(options.config),
    },
    pushPublicKey: messaging.push?.publicKey,
  });
  await app.register(webhookRoutes, {
    deps: {
      db: options.db,
      keys: options.keys,
      clock: options.clock ?? systemClock,
      limits: options.checkInLimits ?? defaultCheckInLimits,
    },
    messaging,
    publicUrl: options.config.publicUrl,
  });
  await app.register(deliveryRoutes, { db: options.db, clock: options.clock ?? systemClock });

  await app.register(demoIdentityProvider, { config: options.config, keys: options.keys });
  await app.register(oidcLoginRoutes, { db: options.db, keys: options.keys, config: options.config });
  await app.register(staffLoginRoutes, {
    db: options.db,
    config: options.config,
    isDemo: options.isDemo,
    clock: options.clock ?? systemClock,
  });

  if (options.appsDir !== false) {
    const appsDir = options.appsDir ?? defaultAppsDir;
    let missing: string[] = [];
    // Static files are public; publicPlugin marks exactly the routes @fastify/static registers.
    await app.register(
      publicPlugin(async (instance: FastifyInstance) => {
        missing = await registerStaticApps(instance, { appsDir });
      }),
    );
    if (missing.length > 0) app.log.warn({ missing }, 'web apps not built; run npm run build');
  }
  return app;
}
