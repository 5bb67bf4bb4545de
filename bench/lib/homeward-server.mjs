// Homeward as the benches run it: the real buildApp on a loopback port, logging at a chosen level.
import { buildApp, createKeyRing, defaultAppConfig, generateKeyMaterial } from '../../packages/server/dist/index.js';

/** The config every bench server runs with; sessions are created with it too, so the cookie name matches. */
export const benchAppConfig = { ...defaultAppConfig, publicUrl: 'http://127.0.0.1' };

/**
 * @param {import('kysely').Kysely<any>} db
 * @param {string} logLevel
 * @param {{ write(line: string): void } | undefined} logStream
 * @param {import('../../packages/server/dist/index.js').KeyRing} [keys] a key ring shared with other servers (PINs
 *   stored through one must match through the other); a new one by default
 */
export async function startHomeward(db, logLevel, logStream, keys = createKeyRing(generateKeyMaterial())) {
  const app = await buildApp({
    db,
    isDemo: true,
    config: benchAppConfig,
    keys,
    logLevel,
    ...(logStream && { logStream }),
    appsDir: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

/** @param {import('fastify').FastifyInstance} app */
export function originOf(app) {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}
