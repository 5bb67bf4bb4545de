// The public directory of organisation units: who a citizen abroad can turn to.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../database/database-schema.js';
import { notFound, problemResponses } from '../http/problem.js';
import { findOrganisation, listOrganisations } from './organisation-repository.js';
import {
  ListOrganisationsQuerySchema,
  OrganisationListSchema,
  OrganisationParamsSchema,
  OrganisationRef,
  OrganisationSchema,
} from './organisation-schemas.js';

export const organisationRoutes: FastifyPluginAsyncTypebox<{ readonly db: Kysely<Database> }> = async (app, { db }) => {
  app.addSchema(OrganisationSchema);

  app.get(
    '/api/v1/organisations',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listOrganisations',
        summary: 'List embassies, consulates and partner organisations',
        tags: ['organisations'],
        security: [],
        querystring: ListOrganisationsQuerySchema,
        response: { 200: OrganisationListSchema, ...problemResponses(400) },
      },
    },
    async (request) => ({ items: await listOrganisations(db, request.query) }),
  );

  app.get(
    '/api/v1/organisations/:organisationId',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getOrganisation',
        summary: 'Get one organisation unit',
        tags: ['organisations'],
        security: [],
        params: OrganisationParamsSchema,
        response: { 200: OrganisationRef, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.organisationId);
      if (!organisation) throw notFound('No organisation has this id.');
      return organisation;
    },
  );
};
