// Liveness (/healthz: the process answers) and readiness (/readyz: the database answers),
// for load balancers and orchestrators.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { databaseUnavailable, problemResponses } from '../http/problem.js';

const StatusSchema = Type.Object({ status: Type.String() });

export const healthRoutes: FastifyPluginAsyncTypebox<{ readonly isReady: () => Promise<boolean> }> = async (
  app,
  options,
) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getHealth',
        summary: 'Whether the process is up',
        tags: ['operations'],
        security: [],
        response: { 200: StatusSchema, ...problemResponses(500) },
      },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getReadiness',
        summary: 'Whether the process can serve requests (its database answers)',
        tags: ['operations'],
        security: [],
        response: { 200: StatusSchema, ...problemResponses(503) },
      },
    },
    async () => {
      if (!(await options.isReady())) throw databaseUnavailable();
      return { status: 'ready' };
    },
  );
};
