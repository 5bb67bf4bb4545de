// Trusted contacts over HTTP: the citizen names and removes them; the contact's own link (public, the token in the
// body, never the URL) looks up whose contact they are, agrees, and raises a concern.
// See docs/decisions/0016-stays-check-ins-and-the-welfare-queue.md.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Clock } from '@homeward/domain';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Database } from '../database/database-schema.js';
import { problemResponses } from '../http/problem.js';
import type { KeyRing } from '../keys/key-ring.js';
import { systemClock } from '../sessions/system-clock.js';
import { answering, citizenContext, manage, publicRateLimit, smallBody } from './stay-http.js';
import {
  ContactParamsSchema,
  CreatedTrustedContactSchema,
  CreateTrustedContactBodySchema,
  StayParamsSchema,
} from './stay-schemas.js';
import {
  addTrustedContact,
  confirmContactLink,
  lookUpContactLink,
  raiseConcern,
  withdrawTrustedContact,
} from './trusted-contacts.js';

export interface TrustedContactRoutesOptions {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly publicUrl: string;
  readonly clock?: Clock;
}

const tags = ['stays'];

export const trustedContactRoutes: FastifyPluginAsyncTypebox<TrustedContactRoutesOptions> = async (app, options) => {
  const contactDeps = {
    db: options.db,
    keys: options.keys,
    clock: options.clock ?? systemClock,
    publicUrl: options.publicUrl,
  };

  app.post(
    '/api/v1/stays/:stayId/trusted-contacts',
    {
      config: manage,
      bodyLimit: smallBody,
      schema: {
        operationId: 'addTrustedContact',
        summary: 'Name a trusted contact',
        description:
          'The contact receives nothing until they agree through their link. The link is also returned, for the citizen to pass on.',
        tags,
        params: StayParamsSchema,
        body: CreateTrustedContactBodySchema,
        response: { 201: CreatedTrustedContactSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        const context = citizenContext(request);
        const created = await addTrustedContact(contactDeps, context, request.params.stayId, request.body);
        return reply.code(201).send(created);
      }),
  );

  app.delete(
    '/api/v1/stays/:stayId/trusted-contacts/:contactId',
    {
      config: manage,
      schema: {
        operationId: 'removeTrustedContact',
        summary: 'Remove a trusted contact',
        tags,
        params: ContactParamsSchema,
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        await withdrawTrustedContact(
          contactDeps,
          citizenContext(request),
          request.params.stayId,
          request.params.contactId,
        );
        return reply.code(204).send(null);
      }),
  );

  const TokenBody = Type.Object(
    { token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) },
    { additionalProperties: false },
  );
  const linkRoute = { access: 'public' as const, rateLimit: publicRateLimit };

  app.post(
    '/api/v1/trusted-contact-links/lookup',
    {
      config: linkRoute,
      bodyLimit: 1024,
      schema: {
        operationId: 'lookUpTrustedContactLink',
        summary: 'Whose trusted contact this link makes you',
        description: 'The token from the link goes in the body, never the URL.',
        tags,
        security: [],
        body: TokenBody,
        response: {
          200: Type.Object({
            status: Type.Enum(['invited', 'confirmed']),
            citizenName: Type.String(),
            language: Type.String(),
          }),
          ...problemResponses(400, 404, 429),
        },
      },
    },
    async (request, reply) => answering(reply, () => lookUpContactLink(contactDeps, request.body.token, request.id)),
  );

  app.post(
    '/api/v1/trusted-contact-links/confirm',
    {
      config: linkRoute,
      bodyLimit: 1024,
      schema: {
        operationId: 'confirmTrustedContactLink',
        summary: 'Agree to be told if the person goes silent',
        tags,
        security: [],
        body: TokenBody,
        response: { 200: Type.Object({ status: Type.Literal('confirmed') }), ...problemResponses(400, 404, 429) },
      },
    },
    async (request, reply) => answering(reply, () => confirmContactLink(contactDeps, request.body.token, request.id)),
  );

  app.post(
    '/api/v1/trusted-contact-links/concern',
    {
      config: linkRoute,
      bodyLimit: smallBody,
      schema: {
        operationId: 'raiseTrustedContactConcern',
        summary: 'Tell the embassy you are worried',
        description: 'Becomes a welfare-check alert in the embassy’s queue.',
        tags,
        security: [],
        body: Type.Object(
          {
            token: TokenBody.properties.token,
            message: Type.String({ minLength: 1, maxLength: 1000 }),
            lastHeardAt: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ receivedAt: Type.String({ format: 'date-time' }) }),
          ...problemResponses(400, 404, 409, 429),
        },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        const received = await raiseConcern(contactDeps, request.body.token, request.body, request.id);
        return reply.code(201).send(received);
      }),
  );
};
