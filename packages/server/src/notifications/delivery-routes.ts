// Messages that could not be delivered, for the embassy's staff: who (kind of recipient), what (template), why (the
// provider's error code), never an address or a text. A message can be sent again from here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Clock } from '@homeward/domain';
import { type Kysely, sql } from 'kysely';
import { Type } from 'typebox';
import { auditActorOf, recordAudit } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import { Problem, problemResponses } from '../http/problem.js';

export interface DeliveryRoutesOptions {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
}

const tags = ['messaging'];
const closed = { additionalProperties: false } as const;
const statuses = ['pending', 'sending', 'sent', 'delivered', 'failed', 'dead'] as const;

const DeliverySchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    template: Type.String(),
    recipientKind: Type.Enum(['citizen', 'trusted_contact', 'organisation']),
    stayId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    status: Type.Enum([...statuses]),
    attempts: Type.Integer(),
    channel: Type.Union([Type.String(), Type.Null()]),
    provider: Type.Union([Type.String(), Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'Delivery', ...closed },
);

const deliveryNotFound = () => new Problem(404, 'delivery-not-found', 'Message not found');

export const deliveryRoutes: FastifyPluginAsyncTypebox<DeliveryRoutesOptions> = async (app, options) => {
  const { db } = options;

  app.get(
    '/api/v1/deliveries',
    {
      config: { access: { action: 'delivery.read' } },
      schema: {
        operationId: 'listDeliveries',
        summary: 'Messages by delivery status',
        description: 'Dead-lettered messages by default: those that exhausted their tries or every channel.',
        tags,
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum([...statuses], { default: 'dead' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          },
          closed,
        ),
        response: {
          200: Type.Object({ items: Type.Array(DeliverySchema) }, closed),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = request.requireActor();
      if (actor.kind !== 'staff') throw new Problem(403, 'forbidden', 'Forbidden');
      const status = request.query.status ?? 'dead';
      const rows = await db
        .selectFrom('outbox_message')
        .leftJoin('stay', 'stay.id', 'outbox_message.stay_id')
        .select([
          'outbox_message.id',
          'outbox_message.template',
          'outbox_message.recipient_kind',
          'outbox_message.stay_id',
          'outbox_message.status',
          'outbox_message.attempts',
          'outbox_message.channel',
          'outbox_message.provider',
          'outbox_message.last_error',
          'outbox_message.created_at',
          'outbox_message.updated_at',
        ])
        .where('outbox_message.status', '=', status)
        // A reminder dropped because the citizen no longer needed it is not a failure anyone must look at.
        .where((eb) =>
          eb.or([eb('outbox_message.last_error', 'is', null), eb('outbox_message.last_error', '<>', 'no_longer_due')]),
        )
        .where(sql<boolean>`coalesce(stay.embassy_id, outbox_message.recipient_id) = ${actor.organisationId}`)
        .orderBy('outbox_message.updated_at', 'desc')
        .limit(request.query.limit ?? 50)
        .execute();
      await recordAudit(db, {
        actor: auditActorOf(actor),
        action: 'delivery.list',
        resource: { type: 'outbox_message' },
        outcome: 'success',
        requestId: request.id,
      });
      return {
        items: rows.map((row) => ({
          id: row.id,
          template: row.template,
          recipientKind: row.recipient_kind,
          stayId: row.stay_id,
          status: row.status,
          attempts: row.attempts,
          channel: row.channel,
          provider: row.provider,
          lastError: row.last_error,
          createdAt: row.created_at.toISOString(),
          updatedAt: row.updated_at?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/v1/deliveries/:messageId/retry',
    {
      config: { access: { action: 'delivery.retry' } },
      schema: {
        operationId: 'retryDelivery',
        summary: 'Send a dead-lettered message again',
        description: 'Every channel is tried again, with a fresh budget of tries.',
        tags,
        params: Type.Object({ messageId: Type.String({ format: 'uuid' }) }, closed),
        response: {
          202: Type.Object({ id: Type.String({ format: 'uuid' }), status: Type.Literal('pending') }, closed),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const actor = request.requireActor();
      if (actor.kind !== 'staff') throw new Problem(403, 'forbidden', 'Forbidden');
      const now = options.clock.now();
      const id = request.params.messageId;
      await db.transaction().execute(async (trx) => {
        const message = await trx
          .selectFrom('outbox_message')
          .leftJoin('stay', 'stay.id', 'outbox_message.stay_id')
          .select(['outbox_message.status'])
          .where('outbox_message.id', '=', id)
          .where(sql<boolean>`coalesce(stay.embassy_id, outbox_message.recipient_id) = ${actor.organisationId}`)
          .forUpdate('outbox_message')
          .executeTakeFirst();
        if (!message) throw deliveryNotFound();
        if (message.status !== 'dead' && message.status !== 'failed') {
          throw new Problem(
            409,
            'delivery-not-retryable',
            'Not retryable',
            'Only a dead or failed message is sent again.',
          );
        }
        await trx
          .updateTable('outbox_message')
          .set({
            status: 'pending',
            available_at: now,
            skipped_channels: sql<string[]>`'{}'`,
            retried_attempts: sql<number>`attempts`,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        await recordAudit(trx, {
          actor: auditActorOf(actor),
          action: 'delivery.retry',
          resource: { type: 'outbox_message', id },
          outcome: 'success',
          requestId: request.id,
        });
      });
      return reply.code(202).send({ id, status: 'pending' as const });
    },
  );
};
