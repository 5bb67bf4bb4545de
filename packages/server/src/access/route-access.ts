// What each route declares about who may call it, and what the request carries for the policy layer.
import type { Action, Actor, ResourceFacts } from '@homeward/domain';
import type { ActiveSession } from '../sessions/session-service.js';

/**
 * A route's access policy, declared as `config: { access: … }` in its route options:
 * - `'public'`: no login needed (directory data, health, login pages);
 * - `'authenticated'`: any logged-in actor (session info, logout);
 * - `{ action }`: an actor whose role may perform the action (packages/domain/src/access/policy.ts);
 *   record-level rules then go through `request.authorize(action, resource)` in the handler.
 */
export type RouteAccess = 'public' | 'authenticated' | { readonly action: Action };

export interface AuthorizeOptions {
  /** Answer 404 instead of 403, so a refused caller cannot learn that the record exists. */
  readonly hideExistence?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route; registering a route without it throws (access-plugin.ts). */
    access?: RouteAccess;
    /**
     * Accept unsafe methods whose Origin header names another site (a provider's form_post callback,
     * an inbound webhook). Such a route must not rely on the session cookie.
     */
    acceptsCrossSiteRequests?: boolean;
  }

  interface FastifyRequest {
    /** Who is acting, from the session cookie; undefined for an anonymous request. */
    actor: Actor | undefined;
    /** The session behind `actor`, with its CSRF token and expiry. */
    currentSession: ActiveSession | undefined;
    /** The actor, or a 401 problem when there is none. */
    requireActor(): Actor;
    /**
     * Record-level check: throws a 403 problem (404 with `hideExistence`) and audits the denial
     * unless `decide(actor, action, resource)` allows it. Returns the actor on success.
     */
    authorize(action: Action, resource: ResourceFacts, options?: AuthorizeOptions): Promise<Actor>;
  }
}
