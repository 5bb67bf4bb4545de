// The OpenAPI 3.1 document, generated from the route schemas, served at /api/openapi.json,
// with an interactive reference at /api/docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { publicPlugin, sessionSecuritySchemes } from '../access/access-plugin.js';
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
      components: { securitySchemes: sessionSecuritySchemes },
      tags: [
        { name: 'operations', description: 'Liveness, readiness and instance information.' },
        { name: 'organisations', description: 'The public directory of embassies, consulates and partners.' },
        { name: 'sessions', description: 'Who is logged in; logging out here or everywhere.' },
        {
          name: 'citizen-login',
          description: 'Citizen login: the national digital ID (OIDC), or a phone one-time code plus passport number.',
        },
        { name: 'staff-login', description: 'Staff invitations, passkeys, recovery and the demo-only staff login.' },
        { name: 'prevention', description: 'The public job-offer check: an explained risk before anyone departs.' },
        {
          name: 'registry',
          description:
            'The registry of reported recruiters: reports, moderation, public search and the right of reply.',
        },
        {
          name: 'stays',
          description:
            'A citizen’s stay abroad, its check-ins (app, any browser), the duress PIN, pauses, trusted contacts and their links.',
        },
        {
          name: 'welfare-checks',
          description:
            'The embassy’s queue of alerts with explained risk: contact attempts, resolution, escalation to a case.',
        },
        {
          name: 'messaging',
          description:
            'Where a citizen is reminded (push, WhatsApp, SMS, email), the delivery of messages, and the providers’ signed webhooks: replies that count as check-ins, delivery receipts.',
        },
      ],
    },
    // Shared schemas keep their own names ("Problem") in components instead of def-0, def-1…
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`) },
  });
  await app.register(publicPlugin(swaggerUi, { routePrefix: '/api/docs' }));
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
}
