// Reads the session cookie on every routed request and sets request.actor; refuses cookie-authenticated
// writes without the session's CSRF token, and writes whose Origin names another site.
// See docs/decisions/0008-sessions-and-access-policy.md.

import { timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { Clock } from '@homeward/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { crossSiteRequest, csrfTokenInvalid } from '../access/access-problems.js';
import { resolvePublicUrl } from '../http/public-url.js';
import '../access/route-access.js';
import { auditActorOf, recordAudit } from '../audit/audit-log.js';
import type { Config } from '../config/config.js';
import type { Database } from '../database/database-schema.js';
import { sessionCookieName } from './session-cookie.js';
import { findActiveSession } from './session-service.js';

export interface SessionPluginOptions {
  readonly db: Kysely<Database>;
  readonly config: Pick<Config, 'publicUrl' | 'session'>;
  readonly clock: Clock;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Registers on the root instance (not encapsulated) so every route sees request.actor. */
export async function registerSessions(app: FastifyInstance, options: SessionPluginOptions): Promise<void> {
  const { db, config, clock } = options;
  const cookieName = sessionCookieName(config);
  // Resolved on use: with PORT=0 the configured URL names port 0 until the server listens.
  const ownOrigin = () => new URL(resolvePublicUrl(app, config.publicUrl)).origin;

  await app.register(fastifyCookie);
  app.decorateRequest('actor', undefined);
  app.decorateRequest('currentSession', undefined);

  const refuse = async (request: FastifyRequest, reason: string) => {
    await recordAudit(db, {
      actor: auditActorOf(request.actor),
      action: 'request.write',
      resource: { type: 'route', id: `${request.method} ${request.routeOptions.url}` },
      outcome: 'denied',
      reason,
      requestId: request.id,
    });
  };

  app.addHook('onRequest', async (request) => {
    // Unrouted requests end in the 404 handler, which needs no session.
    if (request.routeOptions.url === undefined) return;
    const token = request.cookies[cookieName];
    if (token) {
      const session = await findActiveSession(db, config, token, clock.now());
      if (session) {
        request.currentSession = session;
        request.actor = session.actor;
      }
    }
    if (safeMethods.has(request.method)) return;

    const origin = request.headers.origin;
    if (
      origin !== undefined &&
      origin !== ownOrigin() &&
      request.routeOptions.config.acceptsCrossSiteRequests !== true
    ) {
      await refuse(request, 'cross_site_origin');
      throw crossSiteRequest();
    }
    if (request.currentSession && !hasCsrfToken(request, request.currentSession.csrfToken)) {
      await refuse(request, 'csrf_token_invalid');
      throw csrfTokenInvalid();
    }
  });
}

function hasCsrfToken(request: FastifyRequest, expected: string): boolean {
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string') return false;
  const sentBytes = Buffer.from(sent, 'utf8');
  const expectedBytes = Buffer.from(expected, 'utf8');
  return sentBytes.length === expectedBytes.length && timingSafeEqual(sentBytes, expectedBytes);
}
