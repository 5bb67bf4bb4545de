// Builds the Fastify application: plugins in order, one feature module per plugin.
// Nothing here listens on a port; serve.ts does, and tests call app.inject.
import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DestinationStream } from 'pino';
import type { Config } from '../config/config.js';
import { isDatabaseReachable } from '../database/database.js';
import type { Database } from '../database/database-schema.js';
import { healthRoutes } from '../health/health-routes.js';
import { instanceRoutes } from '../instance/instance-routes.js';
import type { KeyRing } from '../keys/key-ring.js';
import { loggerOptions } from '../logging/logger.js';
import { organisationRoutes } from '../organisations/organisation-routes.js';
import { version } from '../version.js';
import { closeConnectionsWhenClosing } from './closing-connections.js';
import { registerOpenApi } from './openapi.js';
import { handleError, handleNotFound } from './problem.js';
import { registerSecurityHeaders } from './security-headers.js';
import { defaultAppsDir, registerStaticApps } from './static-apps.js';

/** The settings the HTTP layer reads; tests pass a few and take defaults for the rest. */
export type AppConfig = Pick<Config, 'publicUrl' | 'trustProxy' | 'session' | 'oidc' | 'demoIdentityProvider' | 'mail'>;

export const defaultAppConfig: AppConfig = {
  publicUrl: 'http://localhost:3000',
  trustProxy: false,
  session: { idleMinutes: 30, absoluteHours: 12 },
  oidc: undefined,
  demoIdentityProvider: false,
  mail: undefined,
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
}

export type App = FastifyInstance;

export async function buildApp(options: AppOptions): Promise<App> {
  const logger = {
    ...loggerOptions(options.logLevel ?? 'info'),
    ...(options.logStream && { stream: options.logStream }),
  };
  const app = Fastify({
    logger,
    genReqId: () => randomUUID(),
    // A client-chosen request id would let a caller forge log correlation.
    requestIdHeader: false,
    // Requests arriving during shutdown get our own problem (closing-connections.ts), not a plain 503.
    return503OnClosing: false,
    ajv: { customOptions: { allErrors: true } },
    trustProxy: options.config.trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerSecurityHeaders(app);
  closeConnectionsWhenClosing(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  await registerOpenApi(app, { version });

  await app.register(healthRoutes, { isReady: () => isDatabaseReachable(options.db) });
  await app.register(instanceRoutes, { version, isDemo: options.isDemo });
  await app.register(organisationRoutes, { db: options.db });

  if (options.appsDir !== false) {
    const missing = await registerStaticApps(app, { appsDir: options.appsDir ?? defaultAppsDir });
    if (missing.length > 0) app.log.warn({ missing }, 'web apps not built; run npm run build');
  }
  return app;
}
