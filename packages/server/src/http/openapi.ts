// The OpenAPI 3.1 document, generated from the route schemas, served at /api/openapi.json,
// with an interactive reference at /api/docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ProblemSchema } from './problem.js';

export interface OpenApiOptions {
  readonly version: string;
}

export async function registerOpenApi(app: FastifyInstance, options: OpenApiOptions): Promise<void> {
  app.addSchema(ProblemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Homeward API',
        version: options.version,
        description:
          'Check-ins, escalation and the referral mechanism for citizens abroad. Errors are RFC 9457 problem details; times are UTC ISO 8601.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      // Relative to wherever the document is served, so one document fits every deployment.
      servers: [{ url: '/' }],
      tags: [
        { name: 'operations', description: 'Liveness, readiness and instance information.' },
        { name: 'organisations', description: 'The public directory of embassies, consulates and partners.' },
      ],
    },
    // Shared schemas keep their own names ("Problem") in components instead of def-0, def-1…
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
