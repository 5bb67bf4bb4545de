// Who am I, log out, log out everywhere. Logging in happens in citizen-login/ and staff-login/,
// which call createSession and setSessionCookie.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { notAuthenticated } from '../access/access-problems.js';
import { getCitizen, getStaffMember } from '../accounts/account-repository.js';
import { auditActorOf, recordAudit } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import { problemResponses } from '../http/problem.js';
import { type CookieConfig, clearSessionCookie } from './session-cookie.js';
import { NoContentSchema, SessionInfoSchema } from './session-schemas.js';
import { revokeSession, revokeSessionsOf } from './session-service.js';

export interface SessionRoutesOptions {
  readonly db: Kysely<Database>;
  readonly config: CookieConfig;
}

export const sessionRoutes: FastifyPluginAsyncTypebox<SessionRoutesOptions> = async (app, { db, config }) => {
  app.get(
    '/api/v1/session',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'getSession',
        summary: 'Who is logged in, with the CSRF token for writes',
        tags: ['sessions'],
        response: { 200: SessionInfoSchema, ...problemResponses(401) },
      },
    },
    async (request, reply) => {
      const actor = request.requireActor();
      const session = request.currentSession;
      if (!session) throw notAuthenticated();
      // The reply carries the CSRF token: no cache may keep it.
      reply.header('cache-control', 'no-store');
      const common = { csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
      if (actor.kind === 'citizen') {
        const citizen = await getCitizen(db, actor.citizenId);
        if (!citizen) throw notAuthenticated();
        return {
          kind: 'citizen' as const,
          subjectId: actor.citizenId,
          role: 'citizen' as const,
          assurance: actor.assurance,
          assuranceSource: citizen.assuranceSource,
          displayName: citizen.displayName,
          organisationId: null,
          jurisdiction: [],
          isDemoAccount: false,
          ...common,
        };
      }
      const member = await getStaffMember(db, actor.staffId);
      if (!member) throw notAuthenticated();
      return {
        kind: 'staff' as const,
        subjectId: actor.staffId,
        role: actor.role,
        assurance: null,
        assuranceSource: null,
        displayName: member.displayName,
        organisationId: actor.organisationId,
        jurisdiction: [...actor.jurisdiction],
        isDemoAccount: member.isDemo,
        ...common,
      };
    },
  );

  app.post(
    '/api/v1/session/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'logout',
        summary: 'End this session',
        tags: ['sessions'],
        response: { 204: NoContentSchema, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const actor = request.requireActor();
      await db.transaction().execute(async (transaction) => {
        await revokeSession(transaction, actor.sessionId);
        await recordAudit(transaction, {
          actor: auditActorOf(actor),
          action: 'session.logout',
          resource: { type: 'session', id: actor.sessionId },
          outcome: 'success',
          requestId: request.id,
        });
      });
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/session/logout-everywhere',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'logoutEverywhere',
        summary: 'End every session of the logged-in citizen or staff member, on every device',
        tags: ['sessions'],
        response: { 204: NoContentSchema, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const actor = request.requireActor();
      const owner =
        actor.kind === 'citizen'
          ? ({ kind: 'citizen', citizenId: actor.citizenId } as const)
          : ({ kind: 'staff', staffId: actor.staffId } as const);
      const revoked = await db.transaction().execute(async (transaction) => {
        const count = await revokeSessionsOf(transaction, owner);
        await recordAudit(transaction, {
          actor: auditActorOf(actor),
          action: 'session.logout_everywhere',
          resource:
            actor.kind === 'citizen'
              ? { type: 'citizen', id: actor.citizenId }
              : { type: 'staff_member', id: actor.staffId },
          outcome: 'success',
          requestId: request.id,
        });
        return count;
      });
      request.log.info({ revoked }, 'sessions revoked everywhere');
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );
};
