// Enforces each route's declared access policy. A route registered without `config.access` stops the
// server at start-up, so no route can be forgotten; the check runs before the body is read, so an
// anonymous or refused caller costs no parsing. See docs/decisions/0008-sessions-and-access-policy.md.
import { type Action, type Actor, decide, isAction, mayPerform, type ResourceFacts, roleOf } from '@homeward/domain';
import type {
  FastifyInstance,
  FastifyPluginAsync,
  FastifyPluginCallback,
  FastifyPluginOptions,
  FastifyRequest,
  RouteOptions,
} from 'fastify';
import type { Kysely } from 'kysely';
import { auditActorOf, recordAudit } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import { notFound } from '../http/problem.js';
import { forbidden, notAuthenticated } from './access-problems.js';
import type { AuthorizeOptions, RouteAccess } from './route-access.js';

export interface AccessPluginOptions {
  readonly db: Kysely<Database>;
}

/** How the OpenAPI document describes a session: the cookie, and the CSRF header writes need. */
export const sessionSecuritySchemes = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-homeward_session',
    description: 'The session cookie set at login (named homeward_session when served over plain http on localhost).',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description: 'The csrfToken from GET /api/v1/session; required with the cookie on POST, PUT, PATCH and DELETE.',
  },
} as const;

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The OpenAPI `security` of an operation, derived from its declared access unless it states its own. */
function securityOf(access: RouteAccess, methods: readonly string[]): Record<string, string[]>[] {
  if (access === 'public') return [];
  const needsCsrf = methods.some((method) => unsafeMethods.has(method));
  return [needsCsrf ? { sessionCookie: [], csrfToken: [] } : { sessionCookie: [] }];
}

/** Marks an instance whose plugin-made routes are public (see publicPlugin). */
const publicContext = Symbol('homeward.publicContext');

export class MissingAccessPolicyError extends Error {}

/** One registered route and the access it declared, in registration order (HEAD routes included). */
export interface RouteAccessDeclaration {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered so far with its declared access; the route × role matrix test reads it. */
    readonly routeAccessDeclarations: readonly RouteAccessDeclaration[];
  }
}

/**
 * Registers the onRoute check, the enforcement hook and request.authorize / request.requireActor on
 * the root instance. Call it before any route is registered (and after registerSessions).
 */
export function registerAccessPolicy(app: FastifyInstance, options: AccessPluginOptions): void {
  const { db } = options;
  const declarations: RouteAccessDeclaration[] = [];
  app.decorate('routeAccessDeclarations', declarations);

  app.addHook('onRoute', function checkAccessDeclared(this: FastifyInstance, route: RouteOptions) {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.config?.access === undefined && (this as unknown as Record<symbol, unknown>)[publicContext] === true) {
      route.config = { ...route.config, access: 'public' };
    }
    const declared = route.config?.access;
    const problem = describeInvalidAccess(declared);
    if (problem || declared === undefined) {
      throw new MissingAccessPolicyError(`${methods.join(',')} ${route.url}: ${problem}`);
    }
    if (route.schema && route.schema.security === undefined) {
      route.schema = { ...route.schema, security: securityOf(declared, methods) };
    }
    for (const method of methods) declarations.push({ method, url: route.url, access: declared });
  });

  const deny = async (request: FastifyRequest, action: string, resource: ResourceFacts, reason: string) => {
    await recordAudit(db, {
      actor: auditActorOf(request.actor),
      action,
      resource: { type: resource.type, ...(resource.id !== undefined && { id: resource.id }) },
      outcome: 'denied',
      reason,
      requestId: request.id,
    });
  };

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const actor = request.actor;
    if (actor === undefined) throw notAuthenticated();
    if (access === 'authenticated') return;
    const decision = mayPerform(roleOf(actor), access.action);
    if (!decision.allowed) {
      await deny(
        request,
        access.action,
        { type: 'route', id: `${request.method} ${request.routeOptions.url}` },
        decision.reason,
      );
      throw forbidden();
    }
  });

  app.decorateRequest('requireActor', function requireActor(this: FastifyRequest): Actor {
    if (this.actor === undefined) throw notAuthenticated();
    return this.actor;
  });

  app.decorateRequest(
    'authorize',
    async function authorize(
      this: FastifyRequest,
      action: Action,
      resource: ResourceFacts,
      authorizeOptions: AuthorizeOptions = {},
    ): Promise<Actor> {
      const actor = this.requireActor();
      const decision = decide(actor, action, resource);
      if (decision.allowed) return actor;
      await deny(this, action, resource, decision.reason);
      throw authorizeOptions.hideExistence ? notFound() : forbidden();
    },
  );
}

/** Why a declared access value is not valid, or undefined when it is. */
function describeInvalidAccess(access: RouteAccess | undefined): string | undefined {
  if (access === undefined) {
    return "declares no access policy; add config: { access: 'public' | 'authenticated' | { action } }";
  }
  if (access === 'public' || access === 'authenticated') return undefined;
  if (typeof access === 'object' && access !== null && typeof access.action === 'string') {
    return isAction(access.action)
      ? undefined
      : `names the unknown action '${access.action}'; add it to packages/domain/src/access/policy.ts`;
  }
  return 'has an access policy that is neither public, authenticated nor { action }';
}

/**
 * Wraps a third-party plugin whose routes we cannot annotate (static files, the API reference) so its
 * routes are public. Narrow on purpose: only the routes that this plugin itself registers, inside its
 * own encapsulated context; a route with its own `config.access` keeps it. The plugin's options are
 * given here, not to `register`, where Fastify would read `prefix` as the wrapper's own route prefix.
 *
 * ```ts
 * await app.register(publicPlugin(swaggerUi, { routePrefix: '/api/docs' }));
 * ```
 */
export function publicPlugin<Options extends FastifyPluginOptions>(
  plugin: FastifyPluginAsync<Options> | FastifyPluginCallback<Options>,
  options: Options = {} as Options,
): FastifyPluginAsync {
  return async (instance) => {
    instance.decorate(publicContext as unknown as string, true);
    await instance.register(plugin as FastifyPluginAsync<Options>, options);
  };
}
