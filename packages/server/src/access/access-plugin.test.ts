import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { Type } from 'typebox';
import { expect, test } from 'vitest';
import { startTestApp } from '../test-support/test-app.js';
import { testDatabases } from '../test-support/test-databases.js';
import { loginAs } from '../test-support/test-sessions.js';
import { publicPlugin } from './access-plugin.js';

const here = dirname(fileURLToPath(import.meta.url));
const problemType = (slug: string) => `https://homeward.example/problems/${slug}`;

for (const database of testDatabases()) {
  test(`registering a route without an access policy stops the app from building (${database.name})`, async () => {
    await expect(
      startTestApp(database, {
        beforeReady: (instance) => {
          instance.get('/api/v1/forgotten', async () => ({ secret: true }));
        },
      }),
    ).rejects.toThrow(/GET \/api\/v1\/forgotten: declares no access policy/);
  });

  test(`a route naming an action the policy does not know stops the app too (${database.name})`, async () => {
    await expect(
      startTestApp(database, {
        beforeReady: (instance) => {
          // @ts-expect-error: the action is not in the policy's list, which is the point.
          instance.get('/api/v1/mystery', { config: { access: { action: 'mystery.read' } } }, async () => ({}));
        },
      }),
    ).rejects.toThrow(/unknown action 'mystery\.read'/);
  });

  test(`only the routes a wrapped plugin registers become public (${database.name})`, async () => {
    const { app } = await startTestApp(database, {
      beforeReady: (instance) => {
        instance.register(publicPlugin(fastifyStatic, { root: here, prefix: '/test-static/' }));
      },
    });
    const declarations = app.routeAccessDeclarations.filter((route) => route.url.startsWith('/test-static/'));
    expect(declarations.length).toBeGreaterThan(0);
    for (const declaration of declarations) expect(declaration.access).toBe('public');
    const file = await app.inject({ method: 'GET', url: '/test-static/access-plugin.test.ts' });
    expect(file.statusCode, file.body).toBe(200);
    await expect(
      startTestApp(database, {
        beforeReady: (instance) => {
          instance.register(publicPlugin(fastifyStatic, { root: here, prefix: '/test-static/' }));
          instance.get('/api/v1/beside-the-plugin', async () => ({}));
        },
      }),
    ).rejects.toThrow(/beside-the-plugin: declares no access policy/);
  });

  test(`an action route refuses the anonymous with 401 and a wrong role with an audited 403 (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database, {
      beforeReady: (instance) => {
        instance.post(
          '/api/v1/test-invite',
          {
            config: { access: { action: 'staff.invite' } },
            schema: { body: Type.Object({ email: Type.String() }) },
          },
          async () => ({ invited: true }),
        );
      },
    });
    const officer = await loginAs(handle.db, 'consular_officer');
    const admin = await loginAs(handle.db, 'admin');
    const invite = (headers?: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/v1/test-invite', payload: { email: 'x' }, ...(headers && { headers }) });

    const anonymous = await invite();
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().type).toBe(problemType('not-authenticated'));
    // The check runs before validation: a refused caller learns nothing from the schema.
    const anonymousBadBody = await app.inject({ method: 'POST', url: '/api/v1/test-invite', payload: { wrong: 1 } });
    expect(anonymousBadBody.statusCode).toBe(401);

    const refused = await invite(officer?.headers);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().type).toBe(problemType('forbidden'));
    const allowed = await invite(admin?.headers);
    expect(allowed.statusCode).toBe(200);

    const denials = await handle.db
      .selectFrom('audit_event')
      .select(['actor_kind', 'action', 'resource_type', 'resource_id', 'reason'])
      .where('outcome', '=', 'denied')
      .execute();
    expect(denials).toEqual([
      {
        actor_kind: 'staff',
        action: 'staff.invite',
        resource_type: 'route',
        resource_id: 'POST /api/v1/test-invite',
        reason: 'role_not_permitted',
      },
    ]);
  });

  test(`request.authorize applies the record rules, audits denials and can hide the record (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database, {
      beforeReady: (instance) => {
        instance.get<{ Params: { countryCode: string }; Querystring: { hide?: string } }>(
          '/api/v1/test-stays/:countryCode',
          { config: { access: { action: 'stay.read' } } },
          async (request) => {
            await request.authorize(
              'stay.read',
              { type: 'stay', id: 'stay-1', countryCode: request.params.countryCode },
              { hideExistence: request.query.hide === 'yes' },
            );
            return { read: true };
          },
        );
      },
    });
    const officer = await loginAs(handle.db, 'consular_officer');
    const read = (url: string) => app.inject({ method: 'GET', url, headers: officer?.headers });
    expect((await read('/api/v1/test-stays/TH')).statusCode).toBe(200);
    const outside = await read('/api/v1/test-stays/KH');
    expect(outside.statusCode).toBe(403);
    expect((await read('/api/v1/test-stays/KH?hide=yes')).statusCode).toBe(404);
    const denials = await handle.db
      .selectFrom('audit_event')
      .select(['action', 'resource_type', 'resource_id', 'reason'])
      .where('outcome', '=', 'denied')
      .execute();
    expect(denials).toEqual([
      { action: 'stay.read', resource_type: 'stay', resource_id: 'stay-1', reason: 'outside_jurisdiction' },
      { action: 'stay.read', resource_type: 'stay', resource_id: 'stay-1', reason: 'outside_jurisdiction' },
    ]);
  });

  test(`the API description shows which operations need the session cookie and the CSRF header (${database.name})`, async () => {
    const { app } = await startTestApp(database);
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(document.paths['/api/v1/organisations'].get.security).toEqual([]);
    expect(document.paths['/api/v1/session'].get.security).toEqual([{ sessionCookie: [] }]);
    expect(document.paths['/api/v1/session/logout'].post.security).toEqual([{ sessionCookie: [], csrfToken: [] }]);
  });
}
