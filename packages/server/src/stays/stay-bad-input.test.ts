import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../database/database-schema.js';
import { seedDemo } from '../demo/seed-demo.js';
import { type App, buildApp, defaultAppConfig } from '../http/app.js';
import { movableClock, stayBody, testPins } from '../test-support/stay-client.js';
import { accountsSeed } from '../test-support/stay-seed.js';
import { testKeyRing } from '../test-support/test-app.js';
import { type TestDatabase, type TestDatabaseHandle, testDatabases } from '../test-support/test-databases.js';
import { createTestSession, loginAs, type TestSession } from '../test-support/test-sessions.js';

/** What every case may use: a citizen with a stay, its confirmed contact, an alert, an officer. */
interface Fixture {
  readonly app: App;
  readonly database: TestDatabaseHandle;
  readonly citizen: TestSession;
  /** A citizen without a stay, so a registration is refused for its input and not for a stay already active. */
  readonly newcomer: TestSession;
  readonly officer: TestSession;
  readonly stayId: string;
  readonly contactId: string;
  readonly token: string;
  readonly alertId: string;
  readonly nationalId: string;
}

type Shared = Pick<Fixture, 'app' | 'database' | 'officer'>;

async function openShared(testDatabase: TestDatabase): Promise<Shared> {
  const database = await testDatabase.open();
  const app = await buildApp({
    db: database.db,
    isDemo: false,
    config: defaultAppConfig,
    keys: testKeyRing(),
    logLevel: 'silent',
    appsDir: false,
    clock: movableClock(),
    // A case that wrongly reaches the PIN check must not lock every later case out through the source limit.
    checkInLimits: { windowMinutes: 15, perStay: 5, perSource: 100_000 },
  });
  await app.ready();
  await seedDemo(database.db);
  const officer = await loginAs(database.db, 'consular_officer');
  if (!officer) throw new Error('no officer');
  return { app, database, officer };
}

/** A citizen with a session and a national ID number the any-browser check-in finds. */
async function citizenWithSession(db: Kysely<Database>) {
  const { citizenId, nationalId } = await accountsSeed(db);
  const session = await createTestSession(db, { kind: 'citizen', citizenId, assurance: 'high' });
  return { session, nationalId };
}

/**
 * Fresh people and records for one case, so a case that wrongly succeeds (a stay paused, PINs changed, an alert
 * resolved) fails alone and leaves the next case its own untouched stay.
 */
async function freshFixture(shared: Shared): Promise<Fixture> {
  const { app, database } = shared;
  const { session: citizen, nationalId } = await citizenWithSession(database.db);
  const { session: newcomer } = await citizenWithSession(database.db);
  const ok = async (request: InjectOptions, status: number) => {
    const response = await app.inject(request);
    if (response.statusCode !== status) throw new Error(`setup: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const stayId: string = (
    await ok({ method: 'POST', url: '/api/v1/stays', headers: citizen.headers, payload: stayBody() }, 201)
  ).id;
  const added = await ok(
    {
      method: 'POST',
      url: `/api/v1/stays/${stayId}/trusted-contacts`,
      headers: citizen.headers,
      payload: { name: 'Sister (test)', channel: 'email', address: 'sister@test.example', language: 'id' },
    },
    201,
  );
  // Confirmed in the database: the link routes are rate-limited per address, and the cases need those turns.
  await database.db
    .updateTable('trusted_contact')
    .set({ status: 'confirmed', confirmed_at: new Date() })
    .where('id', '=', added.contact.id)
    .execute();
  await ok(
    {
      method: 'POST',
      url: `/api/v1/stays/${stayId}/check-ins`,
      headers: citizen.headers,
      payload: { pin: testPins.pin, signal: 'sos' },
    },
    201,
  );
  const alert = await database.db
    .selectFrom('alert')
    .select('id')
    .where('stay_id', '=', stayId)
    .executeTakeFirstOrThrow();
  return {
    ...shared,
    citizen,
    newcomer,
    stayId,
    contactId: added.contact.id,
    token: String(added.invitationUrl).split('#')[1] ?? '',
    alertId: alert.id,
    nationalId,
  };
}

const countedTables = [
  'stay',
  'check_in',
  'check_in_failure',
  'alert',
  'alert_contact_attempt',
  'case_record',
  'trusted_contact',
  'outbox_message',
  'escalation_step',
  'audit_event',
] as const;

async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of countedTables) {
    const result = await sql<{ count: string }>`select count(*) as count from ${sql.table(table)}`.execute(db);
    counts[table] = Number(result.rows[0]?.count);
  }
  return counts;
}

/** The state columns a refused request must leave as they were. */
async function stayState(db: Kysely<Database>, stayId: string) {
  return db
    .selectFrom('stay')
    .select(['phase', 'due_at', 'paused_until', 'version', 'pin_digest', 'schedule', 'details_ciphertext'])
    .where('id', '=', stayId)
    .executeTakeFirstOrThrow();
}

/** A problem document that tells the caller what was wrong and nothing about the server. */
function expectProblem(response: LightMyRequestResponse, status: number | readonly number[], slug?: string) {
  const statuses = typeof status === 'number' ? [status] : status;
  expect(statuses, response.body).toContain(response.statusCode);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json();
  expect(body.type).toMatch(/^https:\/\/homeward\.example\/problems\/[a-z0-9-]+$/);
  if (slug) expect(body.type).toBe(`https://homeward.example/problems/${slug}`);
  expect(body.status).toBe(response.statusCode);
  expect(response.body).not.toMatch(/\n\s+at |node_modules|\.[jt]s:\d+|Error:|stack/);
}

/** True when the problem points at the field: in its errors (path or message) or its detail. */
function namesField(body: { detail?: string; errors?: { field: string; message: string }[] }, field: string) {
  const inErrors = (body.errors ?? []).some((error) => error.field === field || error.message.includes(field));
  return inErrors || (body.detail ?? '').includes(field);
}

interface BadInput {
  readonly route: string;
  readonly does: string;
  readonly request: (fixture: Fixture) => InjectOptions;
  /** The status, or the statuses either of which is right (a rule refusal may be a 400 or a 409). */
  readonly status: number | readonly number[];
  readonly slug?: string;
  /** A field the problem must name (a path such as body/pin, or a property name for a missing one). */
  readonly field?: string;
  /** Refusals the access policy audits on purpose (a caller without the right role). */
  readonly isAuditedOnPurpose?: boolean;
}

const megabyte = 'x'.repeat(1024 * 1024);
const badIds = ['not-a-uuid', '12345678-1234-1234-1234-1234567890123', "1' or '1'='1"];

type Body = Record<string, unknown>;

/** The cases every JSON body route shares: not JSON, not an object, wrong media type, unknown field, 1 MB. */
function bodyCases(
  route: string,
  target: (fixture: Fixture) => { method: InjectOptions['method']; url: string; headers?: Record<string, string> },
  valid: (fixture: Fixture) => Body,
  hugeField: string,
): BadInput[] {
  const send = (payload: (fixture: Fixture) => string | Body, contentType = 'application/json') => {
    return (fixture: Fixture): InjectOptions => {
      const { method, url, headers } = target(fixture);
      const body = payload(fixture);
      return {
        method,
        url,
        headers: { ...headers, 'content-type': contentType },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      };
    };
  };
  return [
    { route, does: 'a malformed JSON body', request: send(() => '{"pin": "48'), status: 400, slug: 'malformed-body' },
    { route, does: 'an empty JSON body', request: send(() => ''), status: 400, slug: 'malformed-body' },
    { route, does: 'a JSON array instead of an object', request: send(() => '[]'), status: 400 },
    { route, does: 'JSON null instead of an object', request: send(() => 'null'), status: 400 },
    {
      route,
      does: 'a __proto__ key',
      request: send((fixture) =>
        JSON.stringify({ ...valid(fixture), polluted: true }).replace(
          '"polluted":true',
          '"__proto__":{"isAdmin":true}',
        ),
      ),
      status: 400,
    },
    {
      route,
      does: 'a body that is not JSON',
      request: send((fixture) => `<pin>${JSON.stringify(valid(fixture))}</pin>`, 'application/xml'),
      status: 415,
      slug: 'unsupported-media-type',
    },
    {
      route,
      does: 'an unknown field',
      request: send((fixture) => ({ ...valid(fixture), isVerified: true })),
      status: 400,
      slug: 'validation-failed',
      field: 'body',
    },
    {
      route,
      does: 'a 1 MB string',
      request: send((fixture) => ({ ...valid(fixture), [hugeField]: megabyte })),
      status: 413,
      slug: 'body-too-large',
    },
  ];
}

/** Field-level cases: each replaces (or with `undefined`, removes) one field of a valid body. */
function fieldCases(
  route: string,
  target: (fixture: Fixture) => { method: InjectOptions['method']; url: string; headers?: Record<string, string> },
  valid: (fixture: Fixture) => Body,
  changes: readonly [does: string, change: Body, field: string, status?: number, slug?: string][],
): BadInput[] {
  return changes.map(([does, change, field, status = 400, slug = 'validation-failed']) => ({
    route,
    does,
    request: (fixture) => {
      const body: Body = { ...valid(fixture), ...change };
      for (const [key, value] of Object.entries(change)) if (value === undefined) delete body[key];
      const { method, url, headers } = target(fixture);
      return { method, url, ...(headers && { headers }), payload: body };
    },
    status,
    slug,
    field,
  }));
}

/** A bad id in the path, for a route whose path has one. */
function paramCases(
  route: string,
  request: (fixture: Fixture, id: string) => InjectOptions,
  field: string,
): BadInput[] {
  return badIds.map((id) => ({
    route,
    does: `the id ${JSON.stringify(id)}`,
    request: (fixture) => request(fixture, encodeURIComponent(id)),
    status: 400,
    slug: 'validation-failed',
    field,
  }));
}

const citizenAt = (method: InjectOptions['method'], path: (fixture: Fixture) => string) => (fixture: Fixture) => ({
  method,
  url: path(fixture),
  headers: fixture.citizen.headers,
});
const officerAt = (method: InjectOptions['method'], path: (fixture: Fixture) => string) => (fixture: Fixture) => ({
  method,
  url: path(fixture),
  headers: fixture.officer.headers,
});
const publicAt = (path: string) => () => ({ method: 'POST' as const, url: path });

const stayPath =
  (suffix = '') =>
  (fixture: Fixture) =>
    `/api/v1/stays/${fixture.stayId}${suffix}`;
const alertPath =
  (suffix = '') =>
  (fixture: Fixture) =>
    `/api/v1/alerts/${fixture.alertId}${suffix}`;

const createStay = (fixture: Fixture) => ({
  method: 'POST' as const,
  url: '/api/v1/stays',
  headers: fixture.newcomer.headers,
});
const createBody = () => stayBody();
const schedule = (change: Body) => ({ schedule: { ...stayBody().schedule, ...change } });

const inAWeek = '2026-12-08T03:00:00Z'; // the fixture's clock starts at 2026-12-01T03:00:00Z
const pinBody = () => ({ pin: testPins.pin });
const pauseBody = () => ({ pin: testPins.pin, until: inAWeek });
const pinsBody = () => ({ currentPin: testPins.pin, pin: '604817', duressPin: '604871' });
const checkInBody = () => ({ pin: testPins.pin, signal: 'ok' });
const browserBody = (fixture: Fixture) => ({ nationalId: fixture.nationalId, pin: testPins.pin, signal: 'ok' });
const contactBody = () => ({ name: 'Brother (test)', channel: 'sms', address: '+62 812 0000 0001', language: 'id' });
const tokenBody = (fixture: Fixture) => ({ token: fixture.token });
const concernBody = (fixture: Fixture) => ({ token: fixture.token, message: 'No word from her since Monday (test)' });
const attemptBody = () => ({ channel: 'phone', outcome: 'no_answer' });
const resolutionBody = () => ({ reason: 'reached_safe' });

const pinFields = (pinKey: string) =>
  [
    [`${pinKey} as a number`, { [pinKey]: 482913 }, `body/${pinKey}`],
    [`no ${pinKey}`, { [pinKey]: undefined }, pinKey],
    [`a ${pinKey} of 41 characters`, { [pinKey]: '4'.repeat(41) }, `body/${pinKey}`],
  ] as [string, Body, string][];

const schemaCases: BadInput[] = [
  // POST /api/v1/stays
  ...bodyCases('POST /api/v1/stays', createStay, createBody, 'route'),
  ...fieldCases('POST /api/v1/stays', createStay, createBody, [
    ['no destination', { destination: undefined }, 'destination'],
    ['no schedule', { schedule: undefined }, 'schedule'],
    ['no startsOn', { startsOn: undefined }, 'startsOn'],
    ['a destination country of three letters', { destination: { country: 'THA' } }, 'body/destination/country'],
    ['a destination as a string', { destination: 'Thailand' }, 'body/destination'],
    ['an unknown field in the destination', { destination: { country: 'TH', region: 'x' } }, 'body/destination'],
    ['a city of 101 characters', { destination: { country: 'TH', city: 'c'.repeat(101) } }, 'body/destination/city'],
    ['an empty employer name', { employer: { name: '' } }, 'body/employer/name'],
    ['six recruiter links', { recruiter: { links: Array(6).fill('https://x.example') } }, 'body/recruiter/links'],
    [
      'a salary as a string',
      { jobOffer: { salary: { amount: '1500', currency: 'USD' } } },
      'body/jobOffer/salary/amount',
    ],
    ['a negative salary', { jobOffer: { salary: { amount: -1, currency: 'USD' } } }, 'body/jobOffer/salary/amount'],
    ['an unknown foundThrough', { jobOffer: { foundThrough: 'tiktok' } }, 'body/jobOffer/foundThrough'],
    ['an unknown visa type', { visaType: 'golden' }, 'body/visaType'],
    ['a route of 1001 characters', { route: 'r'.repeat(1001) }, 'body/route'],
    ['a startsOn that is not a date', { startsOn: '01/12/2026' }, 'body/startsOn'],
    ['a startsOn that does not exist', { startsOn: '2026-02-30' }, 'body/startsOn'],
    ['a startsOn in the year 0, which no calendar has', { startsOn: '0000-06-01' }, 'body/startsOn'],
    ['an expectedReturnOn as a number', { expectedReturnOn: 20270101 }, 'body/expectedReturnOn'],
    ['an interval that is not a duration', schedule({ interval: '7 days' }), 'body/schedule/interval'],
    ['an interval of 21 characters', schedule({ interval: `P${'1'.repeat(19)}D` }), 'body/schedule/interval'],
    ['no time zone', schedule({ timeZone: undefined }), 'timeZone'],
    [
      'quiet hours at 25:00',
      schedule({ quietHours: { start: '25:00', end: '07:00' } }),
      'body/schedule/quietHours/start',
    ],
    ...pinFields('pin'),
    ...pinFields('duressPin'),
  ]),
  {
    route: 'POST /api/v1/stays',
    does: 'an Idempotency-Key of three characters',
    request: (fixture) => ({
      ...createStay(fixture),
      headers: { ...fixture.newcomer.headers, 'idempotency-key': 'abc' },
      payload: createBody(),
    }),
    status: 400,
    slug: 'validation-failed',
    field: 'headers/idempotency-key',
  },

  // GET /api/v1/stays (no input of its own: only who asks)
  {
    route: 'GET /api/v1/stays',
    does: 'no session',
    request: () => ({ method: 'GET', url: '/api/v1/stays' }),
    status: 401,
  },
  {
    route: 'GET /api/v1/stays',
    does: 'a staff session',
    request: (fixture) => ({ method: 'GET', url: '/api/v1/stays', headers: fixture.officer.headers }),
    status: 403,
    isAuditedOnPurpose: true,
  },

  // GET /api/v1/stays/:stayId
  ...paramCases(
    'GET /api/v1/stays/:stayId',
    (fixture, id) => ({ method: 'GET', url: `/api/v1/stays/${id}`, headers: fixture.citizen.headers }),
    'params/stayId',
  ),

  // PATCH /api/v1/stays/:stayId
  ...bodyCases('PATCH /api/v1/stays/:stayId', citizenAt('PATCH', stayPath()), () => ({ route: 'By bus' }), 'route'),
  ...fieldCases('PATCH /api/v1/stays/:stayId', citizenAt('PATCH', stayPath()), () => ({}), [
    ['an empty body', {}, 'body'],
    ['a PIN, which only PUT /pins changes', { pin: '604817' }, 'body'],
    ['a schedule without a grace', { schedule: { interval: 'P2D', timeZone: 'Asia/Bangkok' } }, 'grace'],
    ['a visa type as a number', { visaType: 3 }, 'body/visaType'],
    ['an expectedReturnOn that is not a date', { expectedReturnOn: 'soon' }, 'body/expectedReturnOn'],
    ['an expectedReturnOn in the year 0', { expectedReturnOn: '0000-06-01' }, 'body/expectedReturnOn'],
  ]),
  ...paramCases(
    'PATCH /api/v1/stays/:stayId',
    (fixture, id) => ({
      method: 'PATCH',
      url: `/api/v1/stays/${id}`,
      headers: fixture.citizen.headers,
      payload: { route: 'By bus' },
    }),
    'params/stayId',
  ),

  // POST /api/v1/stays/:stayId/pause
  ...bodyCases('POST /api/v1/stays/:stayId/pause', citizenAt('POST', stayPath('/pause')), pauseBody, 'pin'),
  ...fieldCases('POST /api/v1/stays/:stayId/pause', citizenAt('POST', stayPath('/pause')), pauseBody, [
    ...pinFields('pin'),
    ['no until', { until: undefined }, 'until'],
    ['an until that is a date only', { until: '2026-12-08' }, 'body/until'],
    ['an until as a number', { until: 1_800_000_000_000 }, 'body/until'],
    ['an until at hour 25', { until: '2026-12-08T25:00:00Z' }, 'body/until'],
  ]),
  ...paramCases(
    'POST /api/v1/stays/:stayId/pause',
    (fixture, id) => ({
      method: 'POST',
      url: `/api/v1/stays/${id}/pause`,
      headers: fixture.citizen.headers,
      payload: pauseBody(),
    }),
    'params/stayId',
  ),

  // POST /api/v1/stays/:stayId/resume and /end
  ...(['resume', 'end'] as const).flatMap((action) => [
    ...bodyCases(`POST /api/v1/stays/:stayId/${action}`, citizenAt('POST', stayPath(`/${action}`)), pinBody, 'pin'),
    ...fieldCases(
      `POST /api/v1/stays/:stayId/${action}`,
      citizenAt('POST', stayPath(`/${action}`)),
      pinBody,
      pinFields('pin'),
    ),
    ...paramCases(
      `POST /api/v1/stays/:stayId/${action}`,
      (fixture, id) => ({
        method: 'POST',
        url: `/api/v1/stays/${id}/${action}`,
        headers: fixture.citizen.headers,
        payload: pinBody(),
      }),
      'params/stayId',
    ),
  ]),

  // PUT /api/v1/stays/:stayId/pins
  ...bodyCases('PUT /api/v1/stays/:stayId/pins', citizenAt('PUT', stayPath('/pins')), pinsBody, 'pin'),
  ...fieldCases('PUT /api/v1/stays/:stayId/pins', citizenAt('PUT', stayPath('/pins')), pinsBody, [
    ...pinFields('currentPin'),
    ...pinFields('pin'),
    ...pinFields('duressPin'),
  ]),
  ...paramCases(
    'PUT /api/v1/stays/:stayId/pins',
    (fixture, id) => ({
      method: 'PUT',
      url: `/api/v1/stays/${id}/pins`,
      headers: fixture.citizen.headers,
      payload: pinsBody(),
    }),
    'params/stayId',
  ),

  // POST /api/v1/stays/:stayId/check-ins
  ...bodyCases(
    'POST /api/v1/stays/:stayId/check-ins',
    citizenAt('POST', stayPath('/check-ins')),
    checkInBody,
    'message',
  ),
  ...fieldCases('POST /api/v1/stays/:stayId/check-ins', citizenAt('POST', stayPath('/check-ins')), checkInBody, [
    ...pinFields('pin'),
    ['no signal', { signal: undefined }, 'signal'],
    ['the signal duress, which only the PIN decides', { signal: 'duress' }, 'body/signal'],
    ['a signal as a boolean', { signal: true }, 'body/signal'],
    ['a message of 501 characters', { message: 'm'.repeat(501) }, 'body/message'],
    ['an empty message', { message: '' }, 'body/message'],
    ['a latitude of 91', { location: { latitude: 91, longitude: 100 } }, 'body/location/latitude'],
    ['a longitude as a string', { location: { latitude: 16.7, longitude: '98.5' } }, 'body/location/longitude'],
    ['a location without a longitude', { location: { latitude: 16.7 } }, 'longitude'],
  ]),
  ...paramCases(
    'POST /api/v1/stays/:stayId/check-ins',
    (fixture, id) => ({
      method: 'POST',
      url: `/api/v1/stays/${id}/check-ins`,
      headers: fixture.citizen.headers,
      payload: checkInBody(),
    }),
    'params/stayId',
  ),
  {
    route: 'POST /api/v1/stays/:stayId/check-ins',
    does: 'an Idempotency-Key with a space in it',
    request: (fixture) => ({
      method: 'POST',
      url: `/api/v1/stays/${fixture.stayId}/check-ins`,
      headers: { ...fixture.citizen.headers, 'idempotency-key': 'retry key 0001' },
      payload: checkInBody(),
    }),
    status: 400,
    slug: 'validation-failed',
    field: 'headers/idempotency-key',
  },

  // POST /api/v1/check-ins (any browser)
  ...bodyCases('POST /api/v1/check-ins', publicAt('/api/v1/check-ins'), browserBody, 'nationalId'),
  ...fieldCases('POST /api/v1/check-ins', publicAt('/api/v1/check-ins'), browserBody, [
    ['no national ID number', { nationalId: undefined }, 'nationalId'],
    ['a national ID number as a number', { nationalId: 12345678 }, 'body/nationalId'],
    ['an empty national ID number', { nationalId: '' }, 'body/nationalId'],
    ['a national ID number of 41 characters', { nationalId: 'S'.repeat(41) }, 'body/nationalId'],
    ...pinFields('pin'),
    ['an unknown signal', { signal: 'fine' }, 'body/signal'],
    ['a message as an object', { message: { text: 'hi' } }, 'body/message'],
  ]),
  {
    route: 'POST /api/v1/check-ins',
    does: 'an Idempotency-Key of 101 characters',
    request: (fixture) => ({
      method: 'POST',
      url: '/api/v1/check-ins',
      headers: { 'idempotency-key': 'k'.repeat(101) },
      payload: browserBody(fixture),
    }),
    status: 400,
    slug: 'validation-failed',
    field: 'headers/idempotency-key',
  },

  // POST /api/v1/stays/:stayId/trusted-contacts
  ...bodyCases(
    'POST /api/v1/stays/:stayId/trusted-contacts',
    citizenAt('POST', stayPath('/trusted-contacts')),
    contactBody,
    'name',
  ),
  ...fieldCases(
    'POST /api/v1/stays/:stayId/trusted-contacts',
    citizenAt('POST', stayPath('/trusted-contacts')),
    contactBody,
    [
      ['no name', { name: undefined }, 'name'],
      ['no address', { address: undefined }, 'address'],
      ['a name of 101 characters', { name: 'n'.repeat(101) }, 'body/name'],
      ['an address of 201 characters', { address: 'a'.repeat(201) }, 'body/address'],
      ['an unknown channel', { channel: 'telegram' }, 'body/channel'],
      ['a language that is not a language code', { language: 'Indonesian' }, 'body/language'],
      ['a name as an array', { name: ['Brother'] }, 'body/name'],
    ],
  ),
  ...paramCases(
    'POST /api/v1/stays/:stayId/trusted-contacts',
    (fixture, id) => ({
      method: 'POST',
      url: `/api/v1/stays/${id}/trusted-contacts`,
      headers: fixture.citizen.headers,
      payload: contactBody(),
    }),
    'params/stayId',
  ),

  // DELETE /api/v1/stays/:stayId/trusted-contacts/:contactId
  ...paramCases(
    'DELETE /api/v1/stays/:stayId/trusted-contacts/:contactId',
    (fixture, id) => ({
      method: 'DELETE',
      url: `/api/v1/stays/${fixture.stayId}/trusted-contacts/${id}`,
      headers: fixture.citizen.headers,
    }),
    'params/contactId',
  ),
  ...paramCases(
    'DELETE /api/v1/stays/:stayId/trusted-contacts/:contactId',
    (fixture, id) => ({
      method: 'DELETE',
      url: `/api/v1/stays/${id}/trusted-contacts/${fixture.contactId}`,
      headers: fixture.citizen.headers,
    }),
    'params/stayId',
  ),

  // POST /api/v1/trusted-contact-links/lookup and /confirm
  ...(['lookup', 'confirm'] as const).flatMap((action) => {
    const route = `POST /api/v1/trusted-contact-links/${action}`;
    const target = publicAt(`/api/v1/trusted-contact-links/${action}`);
    return [
      ...bodyCases(route, target, tokenBody, 'token').map((badCase) =>
        // This route's body limit is 1 KB: even a long token is refused before it is read.
        badCase.status === 413
          ? { ...badCase, does: 'a 2 KB token', request: (fixture: Fixture) => withToken(badCase, fixture) }
          : badCase,
      ),
      ...fieldCases(route, target, tokenBody, [
        ['no token', { token: undefined }, 'token'],
        ['a token as a number', { token: 12345 }, 'body/token'],
        ['a token of 19 characters', { token: 't'.repeat(19) }, 'body/token'],
        ['a token of 101 characters', { token: 't'.repeat(101) }, 'body/token'],
        ['a token with characters outside base64url', { token: `${'t'.repeat(30)}/+=` }, 'body/token'],
      ]),
    ];
  }),

  // POST /api/v1/trusted-contact-links/concern
  ...bodyCases(
    'POST /api/v1/trusted-contact-links/concern',
    publicAt('/api/v1/trusted-contact-links/concern'),
    concernBody,
    'message',
  ),
  ...fieldCases(
    'POST /api/v1/trusted-contact-links/concern',
    publicAt('/api/v1/trusted-contact-links/concern'),
    concernBody,
    [
      ['no message', { message: undefined }, 'message'],
      ['an empty message', { message: '' }, 'body/message'],
      ['a message of 1001 characters', { message: 'm'.repeat(1001) }, 'body/message'],
      ['a lastHeardAt that is not a date-time', { lastHeardAt: 'last Monday' }, 'body/lastHeardAt'],
      ['no token', { token: undefined }, 'token'],
      ['a token of 19 characters', { token: 't'.repeat(19) }, 'body/token'],
    ],
  ),

  // GET /api/v1/alerts
  ...(
    [
      ['an unknown status', 'status=closed', 'querystring/status'],
      ['two statuses', 'status=open&status=resolved', 'querystring/status'],
      ['an unknown source', 'source=rumour', 'querystring/source'],
      ['an embassy id that is not a uuid', 'embassyId=bangkok', 'querystring/embassyId'],
      ['an unknown sort', 'sort=name', 'querystring/sort'],
      ['a limit of 0', 'limit=0', 'querystring/limit'],
      ['a limit of 101', 'limit=101', 'querystring/limit'],
      ['a limit that is not a number', 'limit=ten', 'querystring/limit'],
      ['a limit of 1.5', 'limit=1.5', 'querystring/limit'],
      ['a negative cursor', 'cursor=-1', 'querystring/cursor'],
      ['a cursor of 41 digits', `cursor=${'9'.repeat(41)}`, 'querystring/cursor'],
      ['a cursor beyond any offset the database can take', `cursor=${'9'.repeat(20)}`, 'querystring/cursor'],
      ['a 100 KB query value', `cursor=${'1'.repeat(100_000)}`, 'querystring/cursor'],
      ['an unknown query parameter', 'assignedTo=me', 'querystring'],
    ] as const
  ).map(
    ([does, query, field]): BadInput => ({
      route: 'GET /api/v1/alerts',
      does,
      request: (fixture) => ({ method: 'GET', url: `/api/v1/alerts?${query}`, headers: fixture.officer.headers }),
      status: 400,
      slug: 'validation-failed',
      field,
    }),
  ),

  // GET /api/v1/alerts/:alertId
  ...paramCases(
    'GET /api/v1/alerts/:alertId',
    (fixture, id) => ({ method: 'GET', url: `/api/v1/alerts/${id}`, headers: fixture.officer.headers }),
    'params/alertId',
  ),

  // POST /api/v1/alerts/:alertId/contact-attempts
  ...bodyCases(
    'POST /api/v1/alerts/:alertId/contact-attempts',
    officerAt('POST', alertPath('/contact-attempts')),
    attemptBody,
    'note',
  ),
  ...fieldCases(
    'POST /api/v1/alerts/:alertId/contact-attempts',
    officerAt('POST', alertPath('/contact-attempts')),
    attemptBody,
    [
      ['no channel', { channel: undefined }, 'channel'],
      ['no outcome', { outcome: undefined }, 'outcome'],
      ['an unknown channel', { channel: 'pigeon' }, 'body/channel'],
      ['an outcome as a number', { outcome: 1 }, 'body/outcome'],
      ['an empty note', { note: '' }, 'body/note'],
      ['a note of 2001 characters', { note: 'n'.repeat(2001) }, 'body/note'],
    ],
  ),
  ...paramCases(
    'POST /api/v1/alerts/:alertId/contact-attempts',
    (fixture, id) => ({
      method: 'POST',
      url: `/api/v1/alerts/${id}/contact-attempts`,
      headers: fixture.officer.headers,
      payload: attemptBody(),
    }),
    'params/alertId',
  ),

  // POST /api/v1/alerts/:alertId/resolution
  ...bodyCases(
    'POST /api/v1/alerts/:alertId/resolution',
    officerAt('POST', alertPath('/resolution')),
    resolutionBody,
    'note',
  ),
  ...fieldCases(
    'POST /api/v1/alerts/:alertId/resolution',
    officerAt('POST', alertPath('/resolution')),
    resolutionBody,
    [
      ['no reason', { reason: undefined }, 'reason'],
      ['an unknown reason', { reason: 'bored' }, 'body/reason'],
      ['a reason as an array', { reason: ['reached_safe'] }, 'body/reason'],
      ['a note of 2001 characters', { note: 'n'.repeat(2001) }, 'body/note'],
      ['a note as a number', { note: 7 }, 'body/note'],
    ],
  ),
  ...paramCases(
    'POST /api/v1/alerts/:alertId/resolution',
    (fixture, id) => ({
      method: 'POST',
      url: `/api/v1/alerts/${id}/resolution`,
      headers: fixture.officer.headers,
      payload: resolutionBody(),
    }),
    'params/alertId',
  ),

  // POST /api/v1/alerts/:alertId/escalation
  ...bodyCases(
    'POST /api/v1/alerts/:alertId/escalation',
    officerAt('POST', alertPath('/escalation')),
    () => ({}),
    'note',
  ),
  ...fieldCases('POST /api/v1/alerts/:alertId/escalation', officerAt('POST', alertPath('/escalation')), () => ({}), [
    ['an empty note', { note: '' }, 'body/note'],
    ['a note of 2001 characters', { note: 'n'.repeat(2001) }, 'body/note'],
    ['a note as an object', { note: { text: 'x' } }, 'body/note'],
  ]),
  ...paramCases(
    'POST /api/v1/alerts/:alertId/escalation',
    (fixture, id) => ({
      method: 'POST',
      url: `/api/v1/alerts/${id}/escalation`,
      headers: fixture.officer.headers,
      payload: {},
    }),
    'params/alertId',
  ),
];

/** A 2 KB token: over the link routes' 1 KB body limit. */
function withToken(badCase: BadInput, fixture: Fixture): InjectOptions {
  const request = badCase.request(fixture);
  return { ...request, payload: JSON.stringify({ token: 't'.repeat(2048) }) };
}

/** Bodies that pass the schema but break a rule of the domain: refused with the field named, nothing written. */
const ruleCases: BadInput[] = [
  ...fieldCases('POST /api/v1/stays', createStay, createBody, [
    ['the same PIN twice', { pin: '482913', duressPin: '482913' }, 'body/duressPin'],
    ['a duress PIN one digit from the PIN', { pin: '482913', duressPin: '482914' }, 'body/duressPin'],
    ['the PIN 123456', { pin: '123456', duressPin: '604871' }, 'body/pin'],
    ['the PIN 000000', { pin: '000000', duressPin: '604871' }, 'body/pin'],
    ['a PIN of five digits', { pin: '48291', duressPin: '604871' }, 'body/pin'],
    ['a PIN of thirteen digits', { pin: '4829136048170', duressPin: '604871' }, 'body/pin'],
    ['a PIN with letters', { pin: '48291a', duressPin: '604871' }, 'body/pin'],
    ['the duress PIN 654321', { pin: '482913', duressPin: '654321' }, 'body/duressPin'],
    ['a duress PIN of five digits', { pin: '482913', duressPin: '60487' }, 'body/duressPin'],
    [
      'an interval of one hour outside demo mode',
      schedule({ interval: 'PT1H', grace: 'PT30M' }),
      'body/schedule/interval',
    ],
    ['an interval of 31 days', schedule({ interval: 'P31D' }), 'body/schedule/interval'],
    ['an interval in months', schedule({ interval: 'P1M' }), 'body/schedule/interval'],
    ['a grace longer than the interval', schedule({ interval: 'P1D', grace: 'P2D' }), 'body/schedule/grace'],
    ['a grace of zero', schedule({ grace: 'PT0M' }), 'body/schedule/grace'],
    ['an unknown time zone', schedule({ timeZone: 'Asia/Atlantis' }), 'body/schedule/timeZone'],
    [
      'quiet hours that start when they end',
      schedule({ quietHours: { start: '22:00', end: '22:00' } }),
      'body/schedule/quietHours',
    ],
    ['an expectedReturnOn before startsOn', { expectedReturnOn: '2026-11-30' }, 'body/expectedReturnOn'],
  ]),
  ...fieldCases('PATCH /api/v1/stays/:stayId', citizenAt('PATCH', stayPath()), () => ({}), [
    [
      'an interval of one hour outside demo mode',
      schedule({ interval: 'PT1H', grace: 'PT30M' }),
      'body/schedule/interval',
    ],
    ['an interval of 31 days', schedule({ interval: 'P31D' }), 'body/schedule/interval'],
    ['a grace longer than the interval', schedule({ interval: 'P2D', grace: 'P3D' }), 'body/schedule/grace'],
    ['an unknown time zone', schedule({ timeZone: 'Mars/Olympus_Mons' }), 'body/schedule/timeZone'],
    ['an expectedReturnOn before the stay’s startsOn', { expectedReturnOn: '2026-11-01' }, 'body/expectedReturnOn'],
  ]),
  ...fieldCases('PUT /api/v1/stays/:stayId/pins', citizenAt('PUT', stayPath('/pins')), pinsBody, [
    ['the same new PIN twice', { pin: '604817', duressPin: '604817' }, 'body/duressPin'],
    ['a new duress PIN one digit from the new PIN', { pin: '604817', duressPin: '604818' }, 'body/duressPin'],
    ['the new PIN 123456', { pin: '123456' }, 'body/pin'],
    ['a new PIN of five digits', { pin: '60481' }, 'body/pin'],
  ]),
  ...fieldCases('POST /api/v1/stays/:stayId/pause', citizenAt('POST', stayPath('/pause')), pauseBody, [
    ['a pause of 31 days', { until: '2027-01-01T03:00:01Z' }, 'until'],
    ['a pause that ended yesterday', { until: '2026-11-30T03:00:00Z' }, 'until'],
    ['a pause to a leap second', { until: '2026-12-31T23:59:60Z' }, 'until'],
  ]).map(({ slug: _slug, ...badCase }) => ({ ...badCase, status: [400, 409] })),
  {
    route: 'POST /api/v1/stays/:stayId/resume',
    does: 'a stay that is not paused',
    request: (fixture) => ({
      method: 'POST',
      url: `/api/v1/stays/${fixture.stayId}/resume`,
      headers: fixture.citizen.headers,
      payload: pinBody(),
    }),
    status: 409,
    slug: 'stay-transition-refused',
    field: 'not paused',
  },
];

for (const database of testDatabases()) {
  describe(`bad input on the stays and welfare-queue routes (${database.name})`, () => {
    let shared: Shared;
    let reusable: Fixture | undefined;
    beforeAll(async () => {
      shared = await openShared(database);
    });
    afterAll(async () => {
      await shared?.app.close();
      await shared?.database.close();
    });

    for (const badCase of [...schemaCases, ...ruleCases]) {
      test(`${badCase.route} answers ${badCase.does} with a ${[badCase.status].flat().join(' or ')} problem and writes nothing (${database.name})`, async () => {
        // A case that passes keeps the fixture as it found it, so the next case may use it; one that fails may
        // have changed something, and the next case gets a fresh one.
        const fixture = reusable ?? (await freshFixture(shared));
        reusable = undefined;
        const before = await rowCounts(fixture.database.db);
        const stayBefore = await stayState(fixture.database.db, fixture.stayId);
        const response = await fixture.app.inject(badCase.request(fixture));
        expectProblem(response, badCase.status, badCase.slug);
        if (badCase.field) expect(namesField(response.json(), badCase.field), response.body).toBe(true);
        const after = await rowCounts(fixture.database.db);
        if (badCase.isAuditedOnPurpose) {
          // The access policy records the refusal; that one row and nothing else.
          expect(after).toEqual({ ...before, audit_event: (before.audit_event ?? 0) + 1 });
        } else {
          expect(after).toEqual(before);
        }
        expect(await stayState(fixture.database.db, fixture.stayId)).toEqual(stayBefore);
        reusable = fixture;
      });
    }
  });
}
