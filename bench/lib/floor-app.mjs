// The floor: a bare Fastify app (no plugins, no schemas, no logger) whose routes run the same SQL as
// Homeward's through the same Kysely handle and answer the same JSON. Homeward can't be faster than this.
import Fastify from 'fastify';
import { sql } from 'kysely';
import { hashSessionToken, listOrganisations, sessionCookieName } from '../../packages/server/dist/index.js';

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

  app.get('/api/v1/session', async (request, reply) => {
    const token = request.headers.cookie
      ?.split('; ')
      .find((pair) => pair.startsWith(cookiePrefix))
      ?.slice(cookiePrefix.length);
    const now = new Date();
    // The statements Homeward runs for this request: findActiveSession's SELECT, then getStaffMember's.
    // Homeward also writes last_seen_at once a minute per session; a short run hardly ever does.
    const session =
      token &&
      (await db
        .selectFrom('session')
        .leftJoin('staff_member', 'staff_member.id', 'session.staff_id')
        .leftJoin('organisation', 'organisation.id', 'staff_member.organisation_id')
        .select([
          'session.id',
          'session.csrf_token',
          'session.citizen_id',
          'session.staff_id',
          'session.assurance',
          'session.last_seen_at',
          'session.expires_at',
          'session.revoked_at',
          'staff_member.role',
          'staff_member.status',
          'staff_member.organisation_id',
          'organisation.jurisdiction',
        ])
        .where('session.token_hash', '=', hashSessionToken(token))
        .executeTakeFirst());
    const idleExpiry = session && new Date(session.last_seen_at.getTime() + config.session.idleMinutes * 60_000);
    if (!session || session.revoked_at !== null || session.status !== 'active') {
      return reply.code(401).send({ status: 401 });
    }
    if (now >= session.expires_at || now >= idleExpiry) {
      return reply.code(401).send({ status: 401 });
    }
    const member = await db
      .selectFrom('staff_member')
      .selectAll()
      .where('id', '=', session.staff_id)
      .executeTakeFirst();
    if (!member) return reply.code(401).send({ status: 401 });
    reply.header('cache-control', 'no-store');
    return {
      kind: 'staff',
      role: session.role,
      assurance: null,
      assuranceSource: null,
      displayName: member.display_name,
      organisationId: session.organisation_id,
      jurisdiction: session.jurisdiction ?? [],
      isDemoAccount: member.is_demo,
      csrfToken: session.csrf_token,
      expiresAt: (idleExpiry < session.expires_at ? idleExpiry : session.expires_at).toISOString(),
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
