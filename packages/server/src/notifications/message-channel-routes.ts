// The citizen's reminder channels over HTTP, and the public key a browser needs to subscribe to Web Push.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Problem, problemResponses } from '../http/problem.js';
import { answering, citizenContext, manage, smallBody } from '../stays/stay-http.js';
import { StayParamsSchema } from '../stays/stay-schemas.js';
import { channelKinds } from './channels/channel.js';
import {
  addChannel,
  listChannels,
  type MessageChannelDependencies,
  type NewChannel,
  removeChannel,
} from './message-channels.js';

export interface MessageChannelRoutesOptions {
  readonly deps: MessageChannelDependencies;
  /** The VAPID public key, when Web Push is configured. */
  readonly pushPublicKey: string | undefined;
}

const tags = ['messaging'];
const closed = { additionalProperties: false } as const;

const ChannelSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.Enum([...channelKinds]),
    address: Type.String({ description: 'Masked: the last digits of a number, the first letter of an email.' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'MessageChannel', ...closed },
);

const AddChannelBodySchema = Type.Union(
  [
    Type.Object(
      {
        kind: Type.Enum(['sms', 'whatsapp', 'email']),
        address: Type.String({
          minLength: 3,
          maxLength: 254,
          description: 'A phone number with its country code, or an email address.',
        }),
      },
      closed,
    ),
    Type.Object(
      {
        kind: Type.Literal('push'),
        subscription: Type.Object(
          {
            endpoint: Type.String({ pattern: '^https://[^\\s]+$', maxLength: 1000 }),
            expirationTime: Type.Optional(Type.Union([Type.Null(), Type.Number()])),
            keys: Type.Object(
              {
                p256dh: Type.String({ pattern: '^[A-Za-z0-9_-]{80,100}={0,2}$' }),
                auth: Type.String({ pattern: '^[A-Za-z0-9_-]{16,30}={0,2}$' }),
              },
              closed,
            ),
          },
          { ...closed, description: 'The browser’s PushSubscription, as `toJSON()` gives it.' },
        ),
      },
      closed,
    ),
  ],
  { description: 'Where reminders may reach the citizen; one per kind, a new one replaces the old.' },
);

const ChannelParamsSchema = Type.Object(
  { stayId: Type.String({ format: 'uuid' }), channelId: Type.String({ format: 'uuid' }) },
  closed,
);

export const messageChannelRoutes: FastifyPluginAsyncTypebox<MessageChannelRoutesOptions> = async (app, options) => {
  const { deps } = options;

  app.get(
    '/api/v1/stays/:stayId/channels',
    {
      config: manage,
      schema: {
        operationId: 'listMessageChannels',
        summary: 'Where reminders go',
        description: 'The stay’s channels, masked, and the kinds this service can send by.',
        tags,
        params: StayParamsSchema,
        response: {
          200: Type.Object(
            { items: Type.Array(ChannelSchema), available: Type.Array(Type.Enum([...channelKinds])) },
            closed,
          ),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) =>
      answering(reply, () => listChannels(deps, citizenContext(request), request.params.stayId)),
  );

  app.post(
    '/api/v1/stays/:stayId/channels',
    {
      config: manage,
      bodyLimit: smallBody,
      schema: {
        operationId: 'addMessageChannel',
        summary: 'Add a way to be reminded',
        description: 'A phone number for SMS or WhatsApp, an email address, or this browser’s push subscription.',
        tags,
        params: StayParamsSchema,
        body: AddChannelBodySchema,
        response: { 201: ChannelSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        const created = await addChannel(
          deps,
          citizenContext(request),
          request.params.stayId,
          request.body as NewChannel,
        );
        return reply.code(201).send(created);
      }),
  );

  app.delete(
    '/api/v1/stays/:stayId/channels/:channelId',
    {
      config: manage,
      schema: {
        operationId: 'removeMessageChannel',
        summary: 'Stop reminders on a channel',
        tags,
        params: ChannelParamsSchema,
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        await removeChannel(deps, citizenContext(request), request.params.stayId, request.params.channelId);
        return reply.code(204).send(null);
      }),
  );

  app.get(
    '/api/v1/push/public-key',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getPushPublicKey',
        summary: 'The Web Push (VAPID) public key',
        description: 'For `pushManager.subscribe({ applicationServerKey })`; 404 when this service has no Web Push.',
        tags,
        response: { 200: Type.Object({ publicKey: Type.String() }, closed), ...problemResponses(404) },
      },
    },
    async () => {
      if (!options.pushPublicKey) throw new Problem(404, 'push-not-available', 'Web Push not available');
      return { publicKey: options.pushPublicKey };
    },
  );
};
