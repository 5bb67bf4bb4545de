// The floor: a bare Fastify app (no plugins, no schemas, no logger) whose routes run the same SQL as
// Homeward's through the same Kysely handle and answer the same JSON. Homeward can't be faster than this.
import Fastify from 'fastify';
import { sql } from 'kysely';

/**
 * @param {import('kysely').Kysely<any>} db
 * @returns {Promise<import('fastify').FastifyInstance>} listening on a loopback port
 */
export async function startFloorApp(db) {
  const app = Fastify({ logger: false });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async () => {
    await sql`select 1`.execute(db);
    return { status: 'ready' };
  });

  // The same statement as listOrganisations in the server's organisation-repository.ts.
  app.get('/api/v1/organisations', async (request) => {
    const { kind } = /** @type {{ kind?: string }} */ (request.query);
    let query = db.selectFrom('organisation').selectAll().orderBy('country_code').orderBy('name').orderBy('id');
    if (kind) query = query.where('kind', '=', kind);
    const rows = await query.execute();
    return {
      items: rows.map((row) => ({
        id: row.id,
        parentId: row.parent_id,
        kind: row.kind,
        name: row.name,
        countryCode: row.country_code,
        city: row.city,
      })),
    };
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}
