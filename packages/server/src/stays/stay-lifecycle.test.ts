// A stay's life through HTTP on a real database: registered with the embassy of its destination, read only by its
// citizen, its schedule changed, paused (no overdue within the pause), resumed, ended; the duress PIN doing all of it
// exactly as the PIN does while the embassy is told; new PINs; trusted contacts invited, confirming, worrying, told of
// a missed check-in, withdrawn; personal details sealed at rest.
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, test } from 'vitest';
import { demoOrganisationIds } from '../demo/seed-demo.js';
import { sweepOnce } from '../escalation/escalation-sweep.js';
import { anotherCitizen, type StayTestSetup, startWithStay, testPins } from '../test-support/stay-client.js';
import { testDatabases } from '../test-support/test-databases.js';

const start = new Date('2026-12-01T03:00:00Z'); // the movable clock's first reading
const hours = (count: number) => new Date(start.getTime() + count * 3_600_000).toISOString();
const pastDueAndGrace = (24 + 12) * 60 + 30; // the default schedule is P1D with PT12H of grace

function stayRequest(setup: StayTestSetup, method: 'GET' | 'PATCH' | 'POST' | 'PUT', suffix = '', payload?: object) {
  return setup.app.inject({
    method,
    url: `/api/v1/stays/${setup.stayId}${suffix}`,
    headers: setup.citizen.headers,
    ...(payload && { payload }),
  });
}

const readStay = (setup: StayTestSetup) => stayRequest(setup, 'GET');

async function addContact(setup: StayTestSetup, name: string, address: string) {
  const response = await stayRequest(setup, 'POST', '/trusted-contacts', {
    name,
    channel: 'email',
    address,
    language: 'id',
  });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json<{ contact: { id: string; status: string }; invitationUrl: string }>();
  return { ...body, token: body.invitationUrl.split('#')[1] ?? '' };
}

const link = (setup: StayTestSetup, action: 'lookup' | 'confirm' | 'concern', payload: object) =>
  setup.app.inject({ method: 'POST', url: `/api/v1/trusted-contact-links/${action}`, payload });

async function rowsOf(setup: StayTestSetup, table: 'alert' | 'escalation_step') {
  return setup.database.db.selectFrom(table).selectAll().where('stay_id', '=', setup.stayId).execute();
}

const withoutId = (response: LightMyRequestResponse) => {
  const { id: _id, ...rest } = response.json();
  return rest;
};

for (const database of testDatabases()) {
  describe(`a stay's life (${database.name})`, () => {
    test(`a stay in Thailand goes to the Bangkok embassy, with its first check-in one interval after registration (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const stay = await readStay(setup);
      expect(stay.statusCode).toBe(200);
      expect(stay.json()).toMatchObject({
        id: setup.stayId,
        status: 'active',
        isOverdue: false,
        destination: { country: 'TH', city: 'Mae Sot' },
        employer: { name: 'Example Trading (test)' },
        embassy: { id: demoOrganisationIds.bangkokEmbassy, name: 'Embassy in Bangkok (demo)' },
        schedule: { interval: 'P1D', grace: 'PT12H', timeZone: 'Asia/Bangkok' },
        nextCheckInDueAt: hours(24),
        pausedUntil: null,
        lastCheckInAt: null,
        trustedContacts: [],
        createdAt: start.toISOString(),
      });
      const cambodia = await anotherCitizen(setup, { destination: { country: 'kh', city: 'Sihanoukville' } });
      const other = await setup.app.inject({
        method: 'GET',
        url: `/api/v1/stays/${cambodia.stayId}`,
        headers: cambodia.session.headers,
      });
      expect(other.json()).toMatchObject({
        destination: { country: 'KH' },
        embassy: { id: demoOrganisationIds.phnomPenhEmbassy },
      });
    });

    test(`a stay where no embassy has jurisdiction goes to the ministry (${database.name})`, async () => {
      const setup = await startWithStay(database, { body: { destination: { country: 'JP', city: 'Osaka' } } });
      expect((await readStay(setup)).json().embassy.id).toBe(demoOrganisationIds.ministry);
    });

    test(`a second stay while one is active is refused with 409, and one can be registered after the first ends (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const register = () =>
        setup.app.inject({
          method: 'POST',
          url: '/api/v1/stays',
          headers: setup.citizen.headers,
          payload: stayBodyFor(),
        });
      const second = await register();
      expect(second.statusCode).toBe(409);
      expect(second.json().type).toBe('https://homeward.example/problems/stay-already-active');
      expect(await setup.database.db.selectFrom('stay').select('id').execute()).toHaveLength(1);

      expect((await stayRequest(setup, 'POST', '/end', { pin: testPins.pin })).statusCode).toBe(200);
      const afterEnd = await register();
      expect(afterEnd.statusCode, afterEnd.body).toBe(201);
      expect(afterEnd.json().id).not.toBe(setup.stayId);
    });

    test(`a registration retried with the same Idempotency-Key returns the stay it created, and only one exists (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const newcomer = await anotherCitizen(setup, null);
      const register = () =>
        setup.app.inject({
          method: 'POST',
          url: '/api/v1/stays',
          headers: { ...newcomer.session.headers, 'idempotency-key': 'stay-registration-0001' },
          payload: stayBodyFor(),
        });
      const first = await register();
      setup.clock.advanceMinutes(3);
      const again = await register();
      expect(first.statusCode).toBe(201);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first.json());
      const rows = await setup.database.db.selectFrom('stay').select('id').where('id', '<>', setup.stayId).execute();
      expect(rows).toEqual([{ id: first.json().id }]);
    });

    test(`a citizen reads and lists only their own stays; to another citizen the stay does not exist (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const list = await setup.app.inject({ method: 'GET', url: '/api/v1/stays', headers: setup.citizen.headers });
      expect(list.json().items.map((stay: { id: string }) => stay.id)).toEqual([setup.stayId]);

      const stranger = await anotherCitizen(setup, null);
      const as = (method: 'GET' | 'PATCH' | 'POST', suffix: string, payload?: object) =>
        setup.app.inject({
          method,
          url: `/api/v1/stays/${setup.stayId}${suffix}`,
          headers: stranger.session.headers,
          ...(payload && { payload }),
        });
      const read = await as('GET', '');
      expect(read.statusCode).toBe(404);
      expect(read.json().type).toBe('https://homeward.example/problems/stay-not-found');
      expect((await as('PATCH', '', { route: 'By air' })).statusCode).toBe(404);
      const contact = { name: 'Stranger (test)', channel: 'sms', address: '+62 812 0000 0009', language: 'id' };
      expect((await as('POST', '/trusted-contacts', contact)).statusCode).toBe(404);
      const theirs = await setup.app.inject({ method: 'GET', url: '/api/v1/stays', headers: stranger.session.headers });
      expect(theirs.json()).toEqual({ items: [] });
      expect((await readStay(setup)).json().route).toBeUndefined();
    });

    test(`a new schedule counts from the start of the current period and the details change with it (${database.name})`, async () => {
      const setup = await startWithStay(database);
      setup.clock.advanceMinutes(6 * 60);
      const changed = await stayRequest(setup, 'PATCH', '', {
        schedule: { interval: 'P2D', grace: 'P1D', timeZone: 'Asia/Jakarta' },
        employer: { name: 'Other Employer (test)' },
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({
        schedule: { interval: 'P2D', grace: 'P1D', timeZone: 'Asia/Jakarta' },
        nextCheckInDueAt: hours(48),
        employer: { name: 'Other Employer (test)' },
      });
      expect((await readStay(setup)).json()).toMatchObject({ nextCheckInDueAt: hours(48), status: 'active' });
      // Past the old due time and grace, but not the new: nothing is overdue.
      setup.clock.advanceMinutes(pastDueAndGrace);
      await sweepOnce(setup.database.db, setup.clock.now());
      expect((await rowsOf(setup, 'alert')).length).toBe(0);
    });

    test(`a paused stay raises no overdue within its pause, and resuming puts it back on schedule (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const paused = await stayRequest(setup, 'POST', '/pause', { pin: testPins.pin, until: hours(5 * 24) });
      expect(paused.statusCode, paused.body).toBe(200);
      expect(paused.json()).toMatchObject({ status: 'paused', pausedUntil: hours(5 * 24) });

      setup.clock.advanceMinutes(pastDueAndGrace + 24 * 60);
      await sweepOnce(setup.database.db, setup.clock.now());
      const steps = await rowsOf(setup, 'escalation_step');
      expect(steps.map((step) => step.kind)).not.toContain('overdue');
      expect(await rowsOf(setup, 'alert')).toEqual([]);
      expect((await readStay(setup)).json()).toMatchObject({ status: 'paused', isOverdue: false });

      const resumed = await stayRequest(setup, 'POST', '/resume', { pin: testPins.pin });
      expect(resumed.statusCode, resumed.body).toBe(200);
      expect(resumed.json()).toMatchObject({ status: 'active', pausedUntil: null });
      const again = await stayRequest(setup, 'POST', '/resume', { pin: testPins.pin });
      expect(again.statusCode).toBe(409);
    });

    test(`an ended stay takes no more check-ins or changes: 409 stay-ended (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const ended = await stayRequest(setup, 'POST', '/end', { pin: testPins.pin });
      expect(ended.statusCode, ended.body).toBe(200);
      expect(ended.json()).toMatchObject({ status: 'ended', nextCheckInDueAt: null });
      const checkIn = await setup.app.inject(setup.checkIn(testPins.pin));
      expect(checkIn.statusCode).toBe(409);
      expect(checkIn.json().type).toBe('https://homeward.example/problems/stay-ended');
      expect((await stayRequest(setup, 'PATCH', '', { route: 'By air' })).statusCode).toBe(409);
      expect(await setup.database.db.selectFrom('check_in').select('id').execute()).toEqual([]);
      setup.clock.advanceMinutes(pastDueAndGrace * 3);
      await sweepOnce(setup.database.db, setup.clock.now());
      expect(await rowsOf(setup, 'alert')).toEqual([]);
    });

    test(`pausing and ending with the duress PIN answer exactly like the PIN, and only the embassy learns of it (${database.name})`, async () => {
      const calm = await startWithStay(database);
      const forced = await startWithStay(database);
      const until = hours(3 * 24);
      const calmPause = await stayRequest(calm, 'POST', '/pause', { pin: testPins.pin, until });
      const forcedPause = await stayRequest(forced, 'POST', '/pause', { pin: testPins.duressPin, until });
      expect(forcedPause.statusCode).toBe(calmPause.statusCode);
      expect(calmPause.statusCode).toBe(200);
      expect(withoutId(forcedPause)).toEqual(withoutId(calmPause));
      expect(forcedPause.headers['content-length']).toBe(calmPause.headers['content-length']);
      expect(forcedPause.body).not.toContain('duress');

      for (const setup of [calm, forced]) setup.clock.advanceMinutes(60);
      const calmEnd = await stayRequest(calm, 'POST', '/end', { pin: testPins.pin });
      const forcedEnd = await stayRequest(forced, 'POST', '/end', { pin: testPins.duressPin });
      expect(forcedEnd.statusCode).toBe(calmEnd.statusCode);
      expect(withoutId(forcedEnd)).toEqual(withoutId(calmEnd));
      expect(forcedEnd.json()).toMatchObject({ status: 'ended' });

      expect(await rowsOf(calm, 'alert')).toEqual([]);
      const alerts = await rowsOf(forced, 'alert');
      expect(alerts.map((alert) => alert.source)).toEqual(['duress', 'duress']);
      const officer = await forced.officer();
      const queue = await forced.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: officer.headers });
      expect(queue.json().items.map((item: { source: string }) => item.source)).toEqual(['duress', 'duress']);
    });

    test(`after new PINs the old PIN is refused and the new PIN and new duress PIN work (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const pins = { pin: '604817', duressPin: '604871' };
      const changed = await stayRequest(setup, 'PUT', '/pins', { currentPin: testPins.pin, ...pins });
      expect(changed.statusCode, changed.body).toBe(204);
      const old = await setup.app.inject(setup.checkIn(testPins.pin));
      expect(old.statusCode).toBe(401);
      expect(old.json().type).toBe('https://homeward.example/problems/check-in-not-recognised');
      expect((await setup.app.inject(setup.checkIn(testPins.duressPin))).statusCode).toBe(401);
      expect((await setup.app.inject(setup.checkIn(pins.pin))).statusCode).toBe(201);
      expect((await setup.app.inject(setup.browserCheckIn(pins.duressPin))).statusCode).toBe(201);
      const signals = await setup.database.db
        .selectFrom('check_in')
        .select('signal')
        .where('stay_id', '=', setup.stayId)
        .orderBy('received_at')
        .execute();
      expect(signals.map((row) => row.signal)).toEqual(['ok', 'duress']);
      const refused = await stayRequest(setup, 'PUT', '/pins', { currentPin: testPins.pin, ...pins });
      expect(refused.statusCode).toBe(401);
    });

    test(`a trusted contact is invited with a link whose token is in the fragment, and confirms through it (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const invited = await addContact(setup, 'Sister (test)', 'sister@test.example');
      expect(invited.contact).toMatchObject({
        name: 'Sister (test)',
        channel: 'email',
        language: 'id',
        status: 'invited',
      });
      const url = new URL(invited.invitationUrl);
      expect(`${url.origin}${url.pathname}`).toBe('http://localhost:3000/contact.html');
      expect(url.search).toBe('');
      expect(invited.token).toMatch(/^[A-Za-z0-9_-]{20,100}$/);
      const invitation = await setup.database.db
        .selectFrom('outbox_message')
        .select(['template', 'recipient_id', 'payload'])
        .where('template', '=', 'contact_invitation')
        .execute();
      expect(invitation.map((row) => row.recipient_id)).toEqual([invited.contact.id]);
      expect(JSON.stringify(invitation[0]?.payload)).not.toContain(invited.token);

      const before = await link(setup, 'lookup', { token: invited.token });
      expect(before.statusCode).toBe(200);
      expect(before.json()).toEqual({ status: 'invited', citizenName: 'Test', language: 'id' });
      const confirmed = await link(setup, 'confirm', { token: invited.token });
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.json()).toEqual({ status: 'confirmed' });
      expect((await link(setup, 'lookup', { token: invited.token })).json().status).toBe('confirmed');
      expect((await readStay(setup)).json().trustedContacts).toEqual([
        { id: invited.contact.id, name: 'Sister (test)', channel: 'email', language: 'id', status: 'confirmed' },
      ]);
      const wrong = await link(setup, 'lookup', { token: `${invited.token.slice(0, -2)}xx` });
      expect(wrong.statusCode).toBe(404);
      expect(wrong.json().type).toBe('https://homeward.example/problems/trusted-contact-link-not-found');
    });

    test(`a confirmed contact's concern becomes an alert the officer sees with its message; an unconfirmed one's is refused (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const invited = await addContact(setup, 'Brother (test)', 'brother@test.example');
      const message = 'No word from her since Monday (test)';
      const early = await link(setup, 'concern', { token: invited.token, message });
      expect(early.statusCode).toBe(409);
      expect(await rowsOf(setup, 'alert')).toEqual([]);

      await link(setup, 'confirm', { token: invited.token });
      const concern = await link(setup, 'concern', {
        token: invited.token,
        message,
        lastHeardAt: '2026-11-30T10:00:00Z',
      });
      expect(concern.statusCode, concern.body).toBe(201);
      expect(concern.json()).toEqual({ receivedAt: start.toISOString() });

      const officer = await setup.officer();
      const queue = await setup.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: officer.headers });
      const [alert] = queue.json().items;
      expect(alert).toMatchObject({ source: 'trusted_contact_concern', status: 'open', stay: { id: setup.stayId } });
      expect(alert.riskFactors.map((factor: { code: string }) => factor.code)).toContain('concern_from_family');
      const detail = await setup.app.inject({
        method: 'GET',
        url: `/api/v1/alerts/${alert.id}`,
        headers: officer.headers,
      });
      expect(detail.json().message).toContain(message);
      const stored = await rowsOf(setup, 'alert');
      expect(stored[0]?.message_ciphertext).not.toContain('Monday');
    });

    test(`after a missed period only the confirmed contact is told, once (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const confirmed = await addContact(setup, 'Sister (test)', 'sister@test.example');
      const unconfirmed = await addContact(setup, 'Cousin (test)', 'cousin@test.example');
      await link(setup, 'confirm', { token: confirmed.token });
      setup.clock.advanceMinutes(pastDueAndGrace);
      await sweepOnce(setup.database.db, setup.clock.now());
      setup.clock.advanceMinutes(30);
      await sweepOnce(setup.database.db, setup.clock.now());
      const notices = await setup.database.db
        .selectFrom('outbox_message')
        .select(['recipient_kind', 'recipient_id', 'template'])
        .where('template', '=', 'contact_missed_check_in')
        .execute();
      expect(notices).toEqual([
        { recipient_kind: 'trusted_contact', recipient_id: confirmed.contact.id, template: 'contact_missed_check_in' },
      ]);
      expect(notices.map((notice) => notice.recipient_id)).not.toContain(unconfirmed.contact.id);
      expect((await rowsOf(setup, 'alert')).map((alert) => alert.source)).toEqual(['missed_check_in']);
    });

    test(`a withdrawn contact's link leads nowhere and the stay no longer lists them (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const invited = await addContact(setup, 'Friend (test)', 'friend@test.example');
      await link(setup, 'confirm', { token: invited.token });
      const removal = () =>
        setup.app.inject({
          method: 'DELETE',
          url: `/api/v1/stays/${setup.stayId}/trusted-contacts/${invited.contact.id}`,
          headers: setup.citizen.headers,
        });
      expect((await removal()).statusCode).toBe(204);
      for (const action of ['lookup', 'confirm'] as const) {
        const answer = await link(setup, action, { token: invited.token });
        expect(answer.statusCode, action).toBe(404);
        expect(answer.json().type).toBe('https://homeward.example/problems/trusted-contact-link-not-found');
      }
      const concern = await link(setup, 'concern', { token: invited.token, message: 'Worried (test)' });
      expect(concern.statusCode).toBe(404);
      expect((await readStay(setup)).json().trustedContacts).toEqual([]);
      expect((await removal()).statusCode).toBe(404);
      expect(await rowsOf(setup, 'alert')).toEqual([]);
    });

    test(`personal details of the stay and its contacts are stored only sealed (${database.name})`, async () => {
      const setup = await startWithStay(database, {
        body: { route: 'Bus to Mae Sot, then across the river (test)', employer: { name: 'Golden Example Co (test)' } },
      });
      await addContact(setup, 'Auntie Example (test)', 'auntie@test.example');
      const stay = await setup.database.db
        .selectFrom('stay')
        .selectAll()
        .where('id', '=', setup.stayId)
        .executeTakeFirstOrThrow();
      const contact = await setup.database.db.selectFrom('trusted_contact').selectAll().executeTakeFirstOrThrow();
      const atRest = JSON.stringify({ stay, contact });
      for (const secret of [
        'Golden Example Co',
        'across the river',
        '+66 80 000 0001',
        'Agent (test)',
        'Customer service',
        'Auntie Example',
        'auntie@test.example',
        testPins.pin,
        testPins.duressPin,
      ]) {
        expect(atRest, secret).not.toContain(secret);
      }
      expect((await readStay(setup)).json().employer).toEqual({ name: 'Golden Example Co (test)' });
    });
  });
}

function stayBodyFor() {
  return {
    destination: { country: 'TH', city: 'Bangkok' },
    startsOn: '2026-12-01',
    schedule: { interval: 'P1D', grace: 'PT12H', timeZone: 'Asia/Bangkok' },
    ...testPins,
  };
}
