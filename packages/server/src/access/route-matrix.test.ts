// The route × role matrix: every route the app registers, with the roles that may call it, checked by
// calling each route as each role through HTTP with a real session. A route without a row fails here.
//
// Adding a route? Add one row below: 'METHOD /path/:param': [roles that may call it]. Use the role
// lists (`everyone`, `anyLoggedIn`, …) or name roles; 'anonymous' means no session. Fastify's automatic
// HEAD twin of a GET needs no row of its own.
import type { Role } from '@homeward/domain';
import { staffRoles } from '@homeward/domain';
import type { InjectOptions } from 'fastify';
import { expect, test } from 'vitest';
import { type AppOptions, defaultAppConfig } from '../http/app.js';
import { problemTypeBase } from '../http/problem.js';
import { startTestApp } from '../test-support/test-app.js';
import { testDatabases } from '../test-support/test-databases.js';
import { loginAs } from '../test-support/test-sessions.js';
import type { RouteAccessDeclaration } from './access-plugin.js';

type Principal = 'anonymous' | Role;

const principals: readonly Principal[] = ['anonymous', 'citizen', ...staffRoles];
const everyone = principals;
const anyLoggedIn: readonly Principal[] = ['citizen', ...staffRoles];
const onlyAdmin: readonly Principal[] = ['admin'];
const registryModerators: readonly Principal[] = ['analyst', 'consular_officer', 'consular_supervisor'];
const onlyCitizen: readonly Principal[] = ['citizen'];
const consularStaff: readonly Principal[] = ['consular_officer', 'consular_supervisor'];

export const routeMatrix: Readonly<Record<string, readonly Principal[]>> = {
  // operations, API description, keys
  'GET /healthz': everyone,
  'GET /readyz': everyone,
  'GET /api/v1/instance': everyone,
  'GET /api/openapi.json': everyone,
  'GET /api/docs': everyone,
  'HEAD /api/docs/': everyone,
  'GET /api/docs/json': everyone,
  'GET /api/docs/yaml': everyone,
  'GET /api/docs/static/*': everyone,
  'GET /api/docs/static/index.html': everyone,
  'GET /api/docs/static/swagger-initializer.js': everyone,
  'GET /.well-known/jwks.json': everyone,

  // organisations: the public directory
  'GET /api/v1/organisations': everyone,
  'GET /api/v1/organisations/:organisationId': everyone,

  // sessions
  'GET /api/v1/session': anyLoggedIn,
  'POST /api/v1/session/logout': anyLoggedIn,
  'POST /api/v1/session/logout-everywhere': anyLoggedIn,

  // citizen login
  'GET /api/v1/citizen-login/providers': everyone,
  'GET /api/v1/citizen-login/start': everyone,
  'GET /api/v1/citizen-login/callback': everyone,
  'POST /api/v1/citizen-login/phone/start': everyone,
  'POST /api/v1/citizen-login/phone/verify': everyone,

  // demo identity provider (demo mode)
  'GET /demo-idp/*': everyone,
  'POST /demo-idp/*': everyone,
  'OPTIONS /demo-idp/*': everyone,

  // staff login and administration
  'GET /api/v1/staff': onlyAdmin,
  'POST /api/v1/staff/invitations': onlyAdmin,
  'POST /api/v1/staff/:staffId/recovery': onlyAdmin,
  'POST /api/v1/staff/:staffId/disable': onlyAdmin,
  'POST /api/v1/staff/registration-links/inspect': everyone,
  'POST /api/v1/staff/passkeys/registration-options': everyone,
  'POST /api/v1/staff/passkeys': everyone,
  'POST /api/v1/staff/login/options': everyone,
  'POST /api/v1/staff/login': everyone,
  'GET /api/v1/staff/demo-accounts': everyone,
  'POST /api/v1/staff/demo-login': everyone,

  // prevention: the public job-offer check
  'POST /api/v1/job-offer-checks': everyone,

  // registry of reported recruiters: public reports, search and right of reply; moderation
  'POST /api/v1/registry/challenges': everyone,
  'POST /api/v1/registry/reports': everyone,
  'GET /api/v1/registry/search': everyone,
  'POST /api/v1/registry/entries/:entryId/removal-requests': everyone,
  'GET /api/v1/registry/reports': registryModerators,
  'GET /api/v1/registry/reports/:reportId': registryModerators,
  'GET /api/v1/registry/reports/:reportId/screenshots/:index': registryModerators,
  'POST /api/v1/registry/reports/:reportId/decision': registryModerators,
  'GET /api/v1/registry/removal-requests': registryModerators,
  'POST /api/v1/registry/removal-requests/:requestId/decision': registryModerators,

  // stays and check-ins: the citizen's own; any browser and trusted contacts' links are public
  'POST /api/v1/stays': onlyCitizen,
  'GET /api/v1/stays': onlyCitizen,
  'GET /api/v1/stays/:stayId': onlyCitizen,
  'PATCH /api/v1/stays/:stayId': onlyCitizen,
  'POST /api/v1/stays/:stayId/pause': onlyCitizen,
  'POST /api/v1/stays/:stayId/resume': onlyCitizen,
  'POST /api/v1/stays/:stayId/end': onlyCitizen,
  'PUT /api/v1/stays/:stayId/pins': onlyCitizen,
  'POST /api/v1/stays/:stayId/check-ins': onlyCitizen,
  'POST /api/v1/stays/:stayId/trusted-contacts': onlyCitizen,
  'DELETE /api/v1/stays/:stayId/trusted-contacts/:contactId': onlyCitizen,
  'PUT /api/v1/stays/:stayId/embassy': ['consular_supervisor'],
  'POST /api/v1/check-ins': everyone,
  'POST /api/v1/trusted-contact-links/lookup': everyone,
  'POST /api/v1/trusted-contact-links/confirm': everyone,
  'POST /api/v1/trusted-contact-links/concern': everyone,

  // the welfare-check queue
  'GET /api/v1/alerts': consularStaff,
  'GET /api/v1/alerts/:alertId': consularStaff,
  'POST /api/v1/alerts/:alertId/contact-attempts': consularStaff,
  'POST /api/v1/alerts/:alertId/resolution': consularStaff,
  'POST /api/v1/alerts/:alertId/escalation': consularStaff,

  // messaging: reminder channels, providers' webhooks (signed, not logged in), undelivered messages
  'GET /api/v1/stays/:stayId/channels': onlyCitizen,
  'POST /api/v1/stays/:stayId/channels': onlyCitizen,
  'DELETE /api/v1/stays/:stayId/channels/:channelId': onlyCitizen,
  'GET /api/v1/push/public-key': everyone,
  'POST /api/v1/webhooks/twilio/sms': everyone,
  'POST /api/v1/webhooks/twilio/status': everyone,
  'GET /api/v1/webhooks/whatsapp': everyone,
  'POST /api/v1/webhooks/whatsapp': everyone,
  'GET /api/v1/deliveries': consularStaff,
  'POST /api/v1/deliveries/:messageId/retry': consularStaff,
};

/** The app as the matrix sees it: demo mode and the demo identity provider on, so every route exists. */
const matrixAppOptions: Partial<Omit<AppOptions, 'db'>> = {
  isDemo: true,
  config: { ...defaultAppConfig, demoIdentityProvider: true },
};

/** 'METHOD /url' for every registered route, leaving out Fastify's automatic HEAD twin of a GET. */
function routeKeys(declarations: readonly RouteAccessDeclaration[]): string[] {
  const keys = new Set(declarations.map((route) => `${route.method} ${route.url}`));
  return [...keys].filter((key) => !(key.startsWith('HEAD ') && keys.has(`GET ${key.slice(5)}`))).sort();
}

/** Routes the matrix does not list, and rows that name no route. */
export function compareWithMatrix(
  declarations: readonly RouteAccessDeclaration[],
  matrix: Readonly<Record<string, readonly Principal[]>>,
): { readonly missingRows: string[]; readonly rowsWithoutRoute: string[] } {
  const keys = routeKeys(declarations);
  return {
    missingRows: keys.filter((key) => !(key in matrix)),
    rowsWithoutRoute: Object.keys(matrix).filter((key) => !keys.includes(key)),
  };
}

/** A concrete request for a route pattern: ids for params, something for wildcards, an empty JSON body. */
function requestFor(key: string): InjectOptions {
  const [method, pattern] = key.split(' ') as [InjectOptions['method'], string];
  const url = pattern.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000').replace('*', 'route-matrix');
  const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  return { method, url, ...(hasBody && { payload: {} }) };
}

const accessProblems = new Set([`${problemTypeBase}not-authenticated`, `${problemTypeBase}forbidden`]);

function problemTypeOf(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && 'type' in parsed ? String(parsed.type) : undefined;
  } catch {
    return undefined;
  }
}

for (const database of testDatabases()) {
  test(`every route has a row in the matrix and every row a route (${database.name})`, async () => {
    const { app } = await startTestApp(database, matrixAppOptions);
    expect(compareWithMatrix(app.routeAccessDeclarations, routeMatrix)).toEqual({
      missingRows: [],
      rowsWithoutRoute: [],
    });
  });

  test(`each route answers each role as the matrix says (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database, matrixAppOptions);
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const key of routeKeys(app.routeAccessDeclarations)) {
      const allowed = routeMatrix[key] ?? [];
      for (const principal of principals) {
        // A fresh session per call: a logout must not end the session the next call uses.
        const session = await loginAs(handle.db, principal);
        const response = await app.inject({ ...requestFor(key), ...(session && { headers: session.headers }) });
        const isAccessDenial =
          (response.statusCode === 401 || response.statusCode === 403) &&
          accessProblems.has(problemTypeOf(response.body) ?? '');
        outcomes.push(`${key} as ${principal}: ${isAccessDenial ? 'denied' : 'allowed'} (${response.statusCode})`);
        expected.push(
          `${key} as ${principal}: ${allowed.includes(principal) ? 'allowed' : 'denied'} (${response.statusCode})`,
        );
      }
    }
    expect(outcomes).toEqual(expected);
  });
}

for (const database of testDatabases()) {
  test(`a route added without an access policy stops the app before the matrix runs (${database.name})`, async () => {
    await expect(
      startTestApp(database, {
        ...matrixAppOptions,
        beforeReady: (instance) => {
          instance.get('/api/v1/unguarded', async () => ({}));
        },
      }),
    ).rejects.toThrow(/GET \/api\/v1\/unguarded: declares no access policy/);
  });

  test(`a route with a policy but no row in the matrix is reported, as is a row without a route (${database.name})`, async () => {
    const { app } = await startTestApp(database, {
      ...matrixAppOptions,
      beforeReady: (instance) => {
        instance.get('/api/v1/unlisted', { config: { access: 'authenticated' } }, async () => ({}));
      },
    });
    const { 'GET /api/v1/organisations': _removed, ...matrixWithoutARow } = routeMatrix;
    expect(
      compareWithMatrix(app.routeAccessDeclarations, { ...matrixWithoutARow, 'GET /api/v1/gone': everyone }),
    ).toEqual({
      missingRows: ['GET /api/v1/organisations', 'GET /api/v1/unlisted'],
      rowsWithoutRoute: ['GET /api/v1/gone'],
    });
  });
}
