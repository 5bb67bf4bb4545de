// The floor: a bare Fastify app (no plugins, no schemas, no logger) whose routes run the same SQL as
// Homeward's through the same Kysely handle and answer the same JSON. Homeward can't be faster than this.
import Fastify from 'fastify';
import { sql } from 'kysely';
import {
  findActiveSession,
  getStaffMember,
  listOrganisations,
  sessionCookieName,
} from '../../packages/server/dist/index.js';

/**
 * @param {import('kysely').Kysely<any>} db
 * @param {Pick<import('../../packages/server/dist/index.js').AppConfig, 'publicUrl' | 'session'>} config
 *   the config Homeward runs with, for the cookie's name and the idle limit
 * @returns {Promise<import('fastify').FastifyInstance>} listening on a loopback port
 */
export async function startFloorApp(db, config) {
  const app = Fastify({ logger: false });
  const cookiePrefix = `${sessionCookieName(config)}=`;

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async () => {
    await sql`select 1`.execute(db);
    return { status: 'ready' };
  });

  // The very repository functions Homeward's session plugin and route call (findActiveSession, then
  // getStaffMember), so the statements, the once-a-minute last_seen_at write and the row mapping are the same.
  app.get('/api/v1/session', async (request, reply) => {
    const token = request.headers.cookie
      ?.split('; ')
      .find((pair) => pair.startsWith(cookiePrefix))
      ?.slice(cookiePrefix.length);
    const session = token ? await findActiveSession(db, config, token, new Date()) : undefined;
    if (session?.actor.kind !== 'staff') return reply.code(401).send({ status: 401 });
    const { actor } = session;
    const member = await getStaffMember(db, actor.staffId);
    if (!member) return reply.code(401).send({ status: 401 });
    reply.header('cache-control', 'no-store');
    return {
      kind: 'staff',
      subjectId: actor.staffId,
      role: actor.role,
      assurance: null,
      assuranceSource: null,
      displayName: member.displayName,
      organisationId: actor.organisationId,
      jurisdiction: [...actor.jurisdiction],
      isDemoAccount: member.isDemo,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  });

  // The very repository function Homeward's route calls, so the statement and row mapping are the same.
  app.get('/api/v1/organisations', async (request) => {
    const { kind } = /** @type {{ kind?: 'embassy' }} */ (request.query);
    return { items: await listOrganisations(db, { kind }) };
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}
