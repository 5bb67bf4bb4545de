// The welfare-check queue over HTTP, for consular officers and supervisors: list, read, record a contact attempt,
// resolve, escalate to a case. Record-level access goes through request.authorize (404 outside jurisdiction).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Clock } from '@homeward/domain';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { auditActorOf } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import { Problem, problemResponses } from '../http/problem.js';
import type { KeyRing } from '../keys/key-ring.js';
import { systemClock } from '../sessions/system-clock.js';
import {
  AlertDetailSchema,
  AlertListQuerySchema,
  AlertListSchema,
  AlertParamsSchema,
  AlertSummarySchema,
  ContactAttemptBodySchema,
  EscalationBodySchema,
  ResolutionBodySchema,
} from './alert-schemas.js';
import {
  type AlertDependencies,
  alertFacts,
  escalateAlert,
  listAlerts,
  readAlert,
  recordContactAttempt,
  resolveAlert,
  type StaffContext,
} from './alert-service.js';

export interface AlertRoutesOptions {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly clock?: Clock;
}

const tags = ['welfare-checks'];
const read = { access: { action: 'alert.read' as const } };
const act = { access: { action: 'alert.act' as const } };

function staffContext(request: FastifyRequest): StaffContext {
  const actor = request.requireActor();
  if (actor.kind !== 'staff') throw new Problem(403, 'forbidden', 'Forbidden');
  return { actor, auditActor: auditActorOf(actor), requestId: request.id };
}

export const alertRoutes: FastifyPluginAsyncTypebox<AlertRoutesOptions> = async (app, options) => {
  const deps: AlertDependencies = { db: options.db, keys: options.keys, clock: options.clock ?? systemClock };
  app.addSchema(AlertSummarySchema);

  /** The staff member, once the policy allows this action on this alert; 404 otherwise. */
  const authorized = async (request: FastifyRequest, action: 'alert.read' | 'alert.act', alertId: string) => {
    await request.authorize(action, await alertFacts(deps, alertId), { hideExistence: true });
    return staffContext(request);
  };

  app.get(
    '/api/v1/alerts',
    {
      config: read,
      schema: {
        operationId: 'listAlerts',
        summary: 'The welfare-check queue',
        description:
          'Alerts of stays in your jurisdiction: open and contacting by default, highest explained risk first. The cursor is an offset: the order changes as stays stay overdue, so a page may repeat or skip an alert that moved.',
        tags,
        querystring: AlertListQuerySchema,
        response: { 200: AlertListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listAlerts(deps, staffContext(request), request.query),
  );

  app.get(
    '/api/v1/alerts/:alertId',
    {
      config: read,
      schema: {
        operationId: 'getAlert',
        summary: 'One alert with its stay, check-ins and contact attempts',
        description: 'Reading it is audited. Staff see a duress check-in as `duress`; the citizen’s screen showed ok.',
        tags,
        params: AlertParamsSchema,
        response: { 200: AlertDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      readAlert(deps, await authorized(request, 'alert.read', request.params.alertId), request.params.alertId),
  );

  app.post(
    '/api/v1/alerts/:alertId/contact-attempts',
    {
      config: act,
      bodyLimit: 16 * 1024,
      schema: {
        operationId: 'recordAlertContactAttempt',
        summary: 'Record an attempt to reach the citizen',
        tags,
        params: AlertParamsSchema,
        body: ContactAttemptBodySchema,
        response: {
          201: Type.Object({ id: Type.String({ format: 'uuid' }), at: Type.String({ format: 'date-time' }) }),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const context = await authorized(request, 'alert.act', request.params.alertId);
      return reply.code(201).send(await recordContactAttempt(deps, context, request.params.alertId, request.body));
    },
  );

  app.post(
    '/api/v1/alerts/:alertId/resolution',
    {
      config: act,
      bodyLimit: 16 * 1024,
      schema: {
        operationId: 'resolveAlert',
        summary: 'Resolve an alert with a reason',
        tags,
        params: AlertParamsSchema,
        body: ResolutionBodySchema,
        response: { 200: Type.Ref('AlertSummary'), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      resolveAlert(
        deps,
        await authorized(request, 'alert.act', request.params.alertId),
        request.params.alertId,
        request.body,
      ),
  );

  app.post(
    '/api/v1/alerts/:alertId/escalation',
    {
      config: act,
      bodyLimit: 16 * 1024,
      schema: {
        operationId: 'escalateAlert',
        summary: 'Escalate an alert: open a case',
        description:
          'Opens a case at screening, linked to the alert. Escalating again answers with the same case (200).',
        tags,
        params: AlertParamsSchema,
        body: EscalationBodySchema,
        response: {
          201: Type.Object({ caseId: Type.String({ format: 'uuid' }) }),
          200: Type.Object({ caseId: Type.String({ format: 'uuid' }) }),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const context = await authorized(request, 'alert.act', request.params.alertId);
      const result = await escalateAlert(deps, context, request.params.alertId, request.body.note);
      return reply.code(result.isNew ? 201 : 200).send({ caseId: result.caseId });
    },
  );
};
