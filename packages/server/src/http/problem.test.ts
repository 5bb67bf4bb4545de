import { describe, expect, test } from 'vitest';
import { startTestApp, startTestAppWithTestRoutes } from '../test-support/test-app.js';
import { pglite } from '../test-support/test-databases.js';

describe('problem details', () => {
  test('an unknown route is a 404 problem with a request id to quote', async () => {
    const { app } = await startTestApp(pglite);
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toEqual({
      type: 'https://homeward.example/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'No route for GET at this path.',
      instance: expect.stringMatching(/^urn:homeward:request:[0-9a-f-]{36}$/),
    });
  });

  test('a malformed JSON body is a 400 problem, not a 500', async () => {
    const { postEcho } = await startTestAppWithTestRoutes(pglite);
    const response = await postEcho('application/json', '{"name": ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: 'https://homeward.example/problems/malformed-body', status: 400 });
  });

  test('a body in a media type nobody accepts is a 415 problem', async () => {
    const { postEcho } = await startTestAppWithTestRoutes(pglite);
    const response = await postEcho('application/x-unknown', 'x');
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ type: 'https://homeward.example/problems/unsupported-media-type' });
  });

  test('a body larger than the limit is a 413 problem', async () => {
    const { postEcho } = await startTestAppWithTestRoutes(pglite);
    const response = await postEcho('application/json', JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ type: 'https://homeward.example/problems/body-too-large', status: 413 });
  });

  test('a validation failure names every field at fault', async () => {
    const { app } = await startTestApp(pglite);
    const response = await app.inject({ method: 'GET', url: '/api/v1/organisations?kind=police&countryCode=thailand' });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.type).toBe('https://homeward.example/problems/validation-failed');
    expect(body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'querystring/countryCode',
      'querystring/kind',
    ]);
  });

  test('an unexpected error is a 500 that reveals nothing, and its details stay in the log', async () => {
    const { app, lines } = await startTestAppWithTestRoutes(
      pglite,
      new Error('connection to 10.0.0.5 refused for user admin'),
    );
    const response = await app.inject({ method: 'GET', url: '/api/v1/test-failure' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('10.0.0.5');
    expect(response.body).not.toContain('stack');
    expect(response.json()).toMatchObject({ type: 'https://homeward.example/problems/internal-error', status: 500 });
    expect(lines.join('')).toContain('unexpected error');
  });
});
