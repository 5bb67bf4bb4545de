import { CompactEncrypt, compactDecrypt, createLocalJWKSet, importJWK, jwtVerify, SignJWT } from 'jose';
import { expect, test } from 'vitest';
import { startTestApp } from '../test-support/test-app.js';
import { testDatabases } from '../test-support/test-databases.js';
import { createKeyRing, generateKeyMaterial } from './key-ring.js';
import { rotateKeyMaterial } from './key-rotation.js';

const material = rotateKeyMaterial(generateKeyMaterial(new Date('2026-01-01T00:00:00Z')));
const keys = createKeyRing(material);

for (const database of testDatabases()) {
  test(`the JWKS publishes every signing and encryption key of the ring and no private part (${database.name})`, async () => {
    const { app } = await startTestApp(database, { keys });
    const response = await app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const body = response.json() as { keys: Record<string, unknown>[] };
    expect(body.keys.map((key) => key.kid)).toEqual(
      [...material.signing, ...material.encryption].map((key) => key.kid),
    );
    for (const key of body.keys) expect(key).not.toHaveProperty('d');
    expect(response.body).not.toContain('"d"');
    for (const secret of [...material.signing, ...material.encryption].map((key) => key.d as string)) {
      expect(response.body).not.toContain(secret);
    }
  });

  test(`what our current signing key signs verifies against the published set, as a provider checks it (${database.name})`, async () => {
    const { app } = await startTestApp(database, { keys });
    const jwks = (await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json();
    const signing = keys.signingKeys[0];
    if (signing === undefined) throw new Error('no signing key');
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: signing.kid as string, typ: 'JWT' })
      .setIssuer('homeward')
      .setAudience('https://provider.example')
      .setExpirationTime('2m')
      .sign(await importJWK(signing, 'ES256'));
    const verified = await jwtVerify(assertion, createLocalJWKSet(jwks), { audience: 'https://provider.example' });
    expect(verified.protectedHeader.kid).toBe(signing.kid);

    // A provider encrypts to an older (still published) encryption key; we can still open it.
    const older = keys.encryptionKeys[1];
    if (older === undefined) throw new Error('no older encryption key');
    const published = (jwks.keys as { kid: string }[]).find((key) => key.kid === older.kid);
    const token = await new CompactEncrypt(new TextEncoder().encode('id token'))
      .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256CBC-HS512', kid: older.kid as string })
      .encrypt(await importJWK({ ...published }, 'ECDH-ES+A256KW'));
    const opened = await compactDecrypt(token, await importJWK(older, 'ECDH-ES+A256KW'));
    expect(new TextDecoder().decode(opened.plaintext)).toBe('id token');
  });
}

test('the JWKS operation is in the OpenAPI document with an id, a tag and a response schema', async () => {
  const [database] = testDatabases();
  if (database === undefined) throw new Error('no test database');
  const { app } = await startTestApp(database);
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const operation = document.paths['/.well-known/jwks.json'].get;
  expect(operation).toMatchObject({ operationId: 'getJwks', tags: ['operations'] });
  const schema = operation.responses['200'].content['application/json'].schema;
  expect(schema.properties.keys.items.properties).not.toHaveProperty('d');
  expect(schema.properties.keys.items.additionalProperties).toBe(false);
});

test('the JWKS route declares public access for the policy layer', async () => {
  const [database] = testDatabases();
  if (database === undefined) throw new Error('no test database');
  let access: unknown;
  const { app } = await startTestApp(database, {
    beforeReady: (instance) =>
      instance.addHook('onRequest', async (request) => {
        access = (request.routeOptions.config as { access?: unknown }).access;
      }),
  });
  await app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
  expect(access).toBe('public');
});
