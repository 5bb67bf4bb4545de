// Our JSON Web Key Set: the public halves of our signing keys (identity providers check our client
// assertions with them) and encryption keys (providers encrypt ID tokens and userinfo to them).
// Every key of the ring is listed, not only the current one, so a rotation never breaks a login.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../http/problem.js';
import type { KeyRing } from './key-ring.js';

const PublicJwkSchema = Type.Object(
  {
    kty: Type.Literal('EC'),
    crv: Type.Literal('P-256'),
    x: Type.String({ description: 'The public point, base64url.' }),
    y: Type.String({ description: 'The public point, base64url.' }),
    kid: Type.String({ description: 'Key id; the newest key of each use comes first.' }),
    use: Type.Union([Type.Literal('sig'), Type.Literal('enc')]),
    alg: Type.String({ description: 'ES256 for signing keys, ECDH-ES+A256KW for encryption keys.' }),
  },
  // The response schema is a second net: a private part (`d`) is dropped even if one slipped through.
  { additionalProperties: false },
);

export const JwksSchema = Type.Object(
  { keys: Type.Array(PublicJwkSchema) },
  { title: 'JWKS', description: 'A JSON Web Key Set (RFC 7517) of public keys only.' },
);

/** How long providers and proxies may cache the set; a rotated key appears to them within this time. */
const cacheSeconds = 300;

export const jwksRoutes: FastifyPluginAsyncTypebox<{ readonly keys: KeyRing }> = async (app, { keys }) => {
  const jwks = keys.publicJwks();
  app.get(
    '/.well-known/jwks.json',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getJwks',
        summary: "Homeward's public signing and encryption keys (JWKS)",
        description:
          'For identity providers: verify our client assertions with the `sig` keys, encrypt ID tokens and userinfo to an `enc` key. Never contains private key parts.',
        tags: ['operations'],
        security: [],
        response: { 200: JwksSchema, ...problemResponses(500) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', `public, max-age=${cacheSeconds}`);
      return jwks;
    },
  );
};
