// Stays and check-ins over HTTP: the citizen's own routes, the any-browser check-in (national ID number + PIN, no
// login), a supervisor's hand-over to another embassy. Thin handlers; the rules are in the services. Trusted contacts
// and their links: trusted-contact-routes.ts.
// See docs/decisions/0016-stays-check-ins-and-the-welfare-queue.md.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Clock } from '@homeward/domain';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { auditActorOf } from '../audit/audit-log.js';
import { type CheckInLimits, defaultCheckInLimits } from '../check-ins/check-in-limits.js';
import { FieldProblems } from '../check-ins/check-in-problems.js';
import { type CheckInReceipt, recordCheckIn } from '../check-ins/check-in-service.js';
import type { Database } from '../database/database-schema.js';
import { problemResponses } from '../http/problem.js';
import type { KeyRing } from '../keys/key-ring.js';
import { systemClock } from '../sessions/system-clock.js';
import { reassignStay, stayAccessFacts } from './stay-embassy.js';
import { answering, citizenContext, manage, publicRateLimit, smallBody } from './stay-http.js';
import { changePins, transitionStay } from './stay-pinned-changes.js';
import {
  AnyBrowserCheckInBodySchema,
  ChangePinsBodySchema,
  CheckInBodySchema,
  CheckInReceiptSchema,
  CreateStayBodySchema,
  IdempotencyHeadersSchema,
  PauseBodySchema,
  PinBodySchema,
  StayListSchema,
  StayParamsSchema,
  StaySchema,
  UpdateStayBodySchema,
} from './stay-schemas.js';
import { createStay, listStays, readStayAudited, type StayDependencies, updateStay } from './stay-service.js';

export interface StayRoutesOptions {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly isDemo: boolean;
  readonly publicUrl: string;
  readonly clock?: Clock;
  readonly checkInLimits?: CheckInLimits;
}

const tags = ['stays'];

const receiptReply = (receipt: CheckInReceipt) => ({
  id: receipt.id,
  receivedAt: receipt.receivedAt.toISOString(),
  nextCheckInDueAt: receipt.nextCheckInDueAt.toISOString(),
});

/** Coarse location: two decimals are about a kilometre, enough to send help and no closer. */
const coarse = (location: { latitude: number; longitude: number } | undefined) =>
  location && {
    latitude: Math.round(location.latitude * 100) / 100,
    longitude: Math.round(location.longitude * 100) / 100,
  };

/** A date-time the schema accepted but a Date cannot hold (a leap second) is a 400 naming the field. */
function validTime(value: string | undefined, field: string): Date {
  const time = new Date(value ?? '');
  if (Number.isNaN(time.getTime())) throw new FieldProblems([{ field, message: 'is not a valid time' }]);
  return time;
}

export const stayRoutes: FastifyPluginAsyncTypebox<StayRoutesOptions> = async (app, options) => {
  const clock = options.clock ?? systemClock;
  const deps: StayDependencies = {
    db: options.db,
    keys: options.keys,
    clock,
    limits: options.checkInLimits ?? defaultCheckInLimits,
    isDemo: options.isDemo,
  };

  app.addSchema(StaySchema);
  const StayRef = Type.Ref('Stay');

  app.post(
    '/api/v1/stays',
    {
      config: manage,
      bodyLimit: smallBody,
      schema: {
        operationId: 'createStay',
        summary: 'Register a stay abroad',
        description:
          'Registers the stay, its check-in schedule and its two PINs. The first check-in is due one interval from now. One stay at a time: end the current one first. A retry with the same Idempotency-Key returns the stay it created.',
        tags,
        headers: IdempotencyHeadersSchema,
        body: CreateStayBodySchema,
        response: { 201: StayRef, 200: StayRef, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        const created = await createStay(
          deps,
          citizenContext(request),
          request.body,
          request.headers['idempotency-key'],
        );
        return reply.code(created.isNew ? 201 : 200).send(created.stay);
      }),
  );

  app.get(
    '/api/v1/stays',
    {
      config: manage,
      schema: {
        operationId: 'listStays',
        summary: 'The citizen’s own stays, newest first',
        tags,
        response: { 200: StayListSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => ({ items: await listStays(deps, citizenContext(request)) }),
  );

  app.get(
    '/api/v1/stays/:stayId',
    {
      config: manage,
      schema: {
        operationId: 'getStay',
        summary: 'One of the citizen’s stays',
        tags,
        params: StayParamsSchema,
        response: { 200: StayRef, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      answering(reply, () => readStayAudited(deps, citizenContext(request), request.params.stayId)),
  );

  app.patch(
    '/api/v1/stays/:stayId',
    {
      config: manage,
      bodyLimit: smallBody,
      schema: {
        operationId: 'updateStay',
        summary: 'Change a stay’s details or schedule',
        description:
          'A new schedule counts from the start of the current period, but never makes a check-in due in the past.',
        tags,
        params: StayParamsSchema,
        body: UpdateStayBodySchema,
        response: { 200: StayRef, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      answering(reply, () => updateStay(deps, citizenContext(request), request.params.stayId, request.body)),
  );

  const pinned = (
    path: string,
    operationId: string,
    summary: string,
    description: string,
    change: (body: { pin: string; until?: string }) => Parameters<typeof transitionStay>[4],
    body: typeof PinBodySchema | typeof PauseBodySchema,
  ) =>
    app.post(
      path,
      {
        config: manage,
        bodyLimit: smallBody,
        schema: {
          operationId,
          summary,
          description,
          tags,
          params: StayParamsSchema,
          body,
          response: { 200: StayRef, ...problemResponses(400, 401, 403, 404, 409, 429) },
        },
      },
      async (request, reply) =>
        answering(reply, () => {
          const input = request.body as { pin: string; until?: string };
          return transitionStay(deps, citizenContext(request), request.params.stayId, input.pin, change(input));
        }),
    );

  pinned(
    '/api/v1/stays/:stayId/pause',
    'pauseStay',
    'Go offline until a time ("offline until …")',
    'Needs the PIN. No reminders or alerts for missed check-ins until then (at most 30 days); then the check-in is due at once. An alert already raised goes on.',
    (body) => ({ type: 'pause', until: validTime(body.until, 'body/until') }),
    PauseBodySchema,
  );
  pinned(
    '/api/v1/stays/:stayId/resume',
    'resumeStay',
    'Back online before the pause ends',
    'Needs the PIN.',
    () => ({ type: 'resume' }),
    PinBodySchema,
  );
  pinned(
    '/api/v1/stays/:stayId/end',
    'endStay',
    'End the stay ("I am home")',
    'Needs the PIN. No more check-ins are expected.',
    () => ({ type: 'end' }),
    PinBodySchema,
  );

  app.put(
    '/api/v1/stays/:stayId/pins',
    {
      config: manage,
      bodyLimit: smallBody,
      schema: {
        operationId: 'changeStayPins',
        summary: 'Change the check-in PIN and the duress PIN',
        tags,
        params: StayParamsSchema,
        body: ChangePinsBodySchema,
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        await changePins(deps, citizenContext(request), request.params.stayId, request.body);
        return reply.code(204).send(null);
      }),
  );

  app.post(
    '/api/v1/stays/:stayId/check-ins',
    {
      config: { access: { action: 'check_in.record' } },
      bodyLimit: smallBody,
      schema: {
        operationId: 'checkIn',
        summary: 'Check in from the app',
        description:
          'Needs the PIN. Answered only once the check-in is stored. A retry with the same Idempotency-Key is answered as the first time and counts once.',
        tags,
        params: StayParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: CheckInBodySchema,
        response: { 201: CheckInReceiptSchema, ...problemResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        const context = citizenContext(request);
        const receipt = await recordCheckIn(deps, {
          who: { kind: 'stay', stayId: request.params.stayId, citizenId: context.citizenId },
          pin: request.body.pin,
          signal: request.body.signal,
          message: request.body.message,
          location: coarse(request.body.location),
          idempotencyKey: request.headers['idempotency-key'],
          channel: 'app',
          sourceAddress: context.sourceAddress,
          actor: context.actor,
          requestId: request.id,
        });
        return reply.code(201).send(receiptReply(receipt));
      }),
  );

  app.post(
    '/api/v1/check-ins',
    {
      config: { access: 'public', rateLimit: publicRateLimit },
      bodyLimit: smallBody,
      schema: {
        operationId: 'checkInFromAnyBrowser',
        summary: 'Check in from any browser with the national ID number and PIN',
        description:
          'For a citizen without their own phone. A wrong PIN and an unknown ID number are answered alike; repeated failures are refused for a few minutes.',
        tags,
        security: [],
        headers: IdempotencyHeadersSchema,
        body: AnyBrowserCheckInBodySchema,
        response: { 201: CheckInReceiptSchema, ...problemResponses(400, 401, 409, 429) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        const receipt = await recordCheckIn(deps, {
          who: { kind: 'identifier', nationalId: request.body.nationalId },
          pin: request.body.pin,
          signal: request.body.signal,
          message: request.body.message,
          location: coarse(request.body.location),
          idempotencyKey: request.headers['idempotency-key'],
          channel: 'browser',
          sourceAddress: request.ip,
          actor: { kind: 'anonymous' },
          requestId: request.id,
        });
        return reply.code(201).send(receiptReply(receipt));
      }),
  );

  app.put(
    '/api/v1/stays/:stayId/embassy',
    {
      config: { access: { action: 'stay.reassign' } },
      bodyLimit: 1024,
      schema: {
        operationId: 'reassignStayEmbassy',
        summary: 'Hand a stay to another embassy or consulate (supervisor)',
        description:
          'The destination decides the embassy by default; a supervisor of the embassy in charge may hand the stay on. Its open alerts move with it.',
        tags,
        params: StayParamsSchema,
        body: Type.Object({ embassyId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ embassy: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }) }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        const actor = await request.authorize(
          'stay.reassign',
          await stayAccessFacts(options.db, request.params.stayId),
          { hideExistence: true },
        );
        return reassignStay(
          { db: options.db, clock },
          { actor: auditActorOf(actor), requestId: request.id },
          request.params.stayId,
          request.body.embassyId,
        );
      }),
  );
};
