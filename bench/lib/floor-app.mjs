// The floor: a bare Fastify app (no plugins, no schemas, no logger) whose routes run the same SQL as
// Homeward's through the same Kysely handle and answer the same JSON. Homeward can't be faster than this.
import Fastify from 'fastify';
import { sql } from 'kysely';
import { listOrganisations } from '../../packages/server/dist/index.js';

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

  // The very repository function Homeward's route calls, so the statement and row mapping are the same.
  app.get('/api/v1/organisations', async (request) => {
    const { kind } = /** @type {{ kind?: 'embassy' }} */ (request.query);
    return { items: await listOrganisations(db, { kind }) };
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}
