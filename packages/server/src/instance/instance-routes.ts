// What this installation is: the apps read it to show the demo banner.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../http/problem.js';

export const InstanceSchema = Type.Object({
  name: Type.String(),
  version: Type.String(),
  demo: Type.Boolean({
    description: 'True on a demo installation: synthetic data only, never enter real information.',
  }),
});

export const instanceRoutes: FastifyPluginAsyncTypebox<{ readonly version: string; readonly isDemo: boolean }> = async (
  app,
  options,
) => {
  const instance = { name: 'Homeward', version: options.version, demo: options.isDemo };
  app.get(
    '/api/v1/instance',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getInstance',
        summary: 'Describe this installation',
        tags: ['operations'],
        security: [],
        response: { 200: InstanceSchema, ...problemResponses(500) },
      },
    },
    async () => instance,
  );
};
