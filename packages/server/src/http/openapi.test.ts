import { expect, test } from 'vitest';
import { startTestApp } from '../test-support/test-app.js';
import { pglite } from '../test-support/test-databases.js';

const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

test('the OpenAPI 3.1 document lists every operation with a unique operationId and declared problems', async () => {
  const { app } = await startTestApp(pglite);
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  const document = response.json();
  expect(document.openapi).toBe('3.1.0');
  const operations = Object.values(document.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
    (path) => methods.flatMap((method) => (path[method] ? [path[method]] : [])),
  );
  const operationIds = operations.map((operation) => operation.operationId);
  expect(operationIds).toEqual(
    expect.arrayContaining(['getHealth', 'getReadiness', 'getInstance', 'listOrganisations']),
  );
  expect(operationIds.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  expect(new Set(operationIds).size).toBe(operationIds.length);
  expect(document.components.schemas.Problem.properties).toHaveProperty('type');
  const withoutClientErrors = new Set(['getHealth', 'getReadiness', 'getInstance', 'getJwks']);
  for (const operation of operations) {
    if (withoutClientErrors.has(operation.operationId as string)) continue;
    const statuses = Object.keys(operation.responses as object);
    expect(
      statuses.some((status) => status.startsWith('4')),
      `${operation.operationId} declares a 4xx`,
    ).toBe(true);
  }
  const declaredTags = new Set((document.tags as { name: string }[]).map((tag) => tag.name));
  const undeclaredTags = operations.flatMap((operation) =>
    ((operation.tags as string[] | undefined) ?? ['(none)']).filter((tag) => !declaredTags.has(tag)),
  );
  expect(undeclaredTags).toEqual([]);
  const listResponses = document.paths['/api/v1/organisations'].get.responses;
  expect(Object.keys(listResponses['400'].content)).toEqual(['application/problem+json']);
});

test('the interactive API reference is served at /api/docs', async () => {
  const { app } = await startTestApp(pglite);
  const response = await app.inject({ method: 'GET', url: '/api/docs/' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/html/);
  expect(response.body).toContain('swagger-ui');
});
