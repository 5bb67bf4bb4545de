// A citizen's reminder channels through HTTP on a real database: added sealed and shown masked, one per kind, removed
// on request; bad input and kinds this service cannot send by are refused before anything is written; nobody else
// can see or remove them.
import { describe, expect, test } from 'vitest';
import { citizenPhone, type MessagingSetup, startMessaging } from '../test-support/messaging-setup.js';
import { stayBody } from '../test-support/stay-client.js';
import { accountsSeed } from '../test-support/stay-seed.js';
import { testDatabases } from '../test-support/test-databases.js';
import { createTestSession } from '../test-support/test-sessions.js';

const problemType = (slug: string) => `https://homeward.example/problems/${slug}`;

const channelsUrl = (setup: MessagingSetup) => `/api/v1/stays/${setup.stayId}/channels`;
const add = (setup: MessagingSetup, payload: unknown) =>
  setup.app.inject({
    method: 'POST',
    url: channelsUrl(setup),
    headers: setup.citizen.headers,
    payload: payload as object,
  });
const list = (setup: MessagingSetup, headers = setup.citizen.headers) =>
  setup.app.inject({ method: 'GET', url: channelsUrl(setup), headers });
const rowCount = async (setup: MessagingSetup) =>
  Number(
    (
      await setup.db
        .selectFrom('message_channel')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow()
    ).count,
  );

const pushSubscription = (endpoint: string) => ({
  endpoint,
  expirationTime: null,
  keys: {
    p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
    auth: 'tBHItJI5svbpez7KI4CCXg',
  },
});

for (const database of testDatabases()) {
  describe(`message channels (${database.name})`, () => {
    test('channels are added sealed, listed masked, replaced one per kind, and removed', async () => {
      const setup = await startMessaging(database, { sms: 'twilio', email: true });
      const sms = await add(setup, { kind: 'sms', address: '+66 81 234 5678' });
      expect(sms.statusCode).toBe(201);
      expect(sms.json()).toMatchObject({ kind: 'sms', address: '•••• 5678' });
      setup.clock.advanceMinutes(1);
      const email = await add(setup, { kind: 'email', address: 'Citizen@Example.org' });
      expect(email.json()).toMatchObject({ kind: 'email', address: 'c•••@example.org' });

      const listed = await list(setup);
      expect(listed.statusCode).toBe(200);
      expect(listed.json()).toEqual({
        items: [
          expect.objectContaining({ kind: 'sms', address: '•••• 5678' }),
          expect.objectContaining({ kind: 'email' }),
        ],
        available: ['sms', 'email'],
      });
      expect(listed.body).not.toContain('812345678');
      expect(listed.body).not.toContain('citizen@');

      // Sealed at rest; the phone number has a keyed hash for inbound replies, the email none.
      const rows = await setup.db
        .selectFrom('message_channel')
        .select(['kind', 'address_ciphertext', 'address_hash', 'language'])
        .orderBy('created_at')
        .execute();
      expect(rows.map((row) => [row.kind, row.address_hash !== null, row.language])).toEqual([
        ['sms', true, 'en'],
        ['email', false, 'en'],
      ]);
      for (const row of rows) {
        expect(row.address_ciphertext).not.toContain('812345678');
        expect(row.address_ciphertext.toLowerCase()).not.toContain('example.org');
      }

      setup.clock.advanceMinutes(1);
      const replaced = await add(setup, { kind: 'sms', address: '+66899990000' });
      expect(replaced.statusCode).toBe(201);
      const afterReplace = (await list(setup)).json().items as { id: string; kind: string; address: string }[];
      expect(afterReplace.map((item) => [item.kind, item.address])).toEqual([
        ['email', 'c•••@example.org'],
        ['sms', '•••• 0000'],
      ]);

      const removeUrl = `${channelsUrl(setup)}/${replaced.json().id}`;
      const removed = await setup.app.inject({ method: 'DELETE', url: removeUrl, headers: setup.citizen.headers });
      expect(removed.statusCode).toBe(204);
      expect((await list(setup)).json().items.map((item: { kind: string }) => item.kind)).toEqual(['email']);
      const again = await setup.app.inject({ method: 'DELETE', url: removeUrl, headers: setup.citizen.headers });
      expect(again.statusCode).toBe(404);
      // Kept for the record, but no longer where an inbound reply or a reminder looks.
      expect(await rowCount(setup)).toBe(3);
    });

    test('bad input is refused with a problem and nothing is written', async () => {
      const setup = await startMessaging(database, { sms: 'twilio', email: true, push: true });
      const cases: [string, unknown][] = [
        ['not a phone number', { kind: 'sms', address: 'call me maybe' }],
        ['a number without its country code', { kind: 'sms', address: '0812345678' }],
        ['not an email address', { kind: 'email', address: 'nobody-at-example.org' }],
        ['a push endpoint on our own network', { kind: 'push', subscription: pushSubscription('https://127.0.0.1/x') }],
        [
          'a push endpoint that only looks like a push service',
          { kind: 'push', subscription: pushSubscription('https://fcm.googleapis.com.attacker.example/x') },
        ],
        ['an unknown field', { kind: 'sms', address: citizenPhone, note: 'hi' }],
        ['a number given as a number', { kind: 'sms', address: 66812345678 }],
        ['an unknown kind', { kind: 'pager', address: citizenPhone }],
        ['no body', {}],
      ];
      for (const [what, payload] of cases) {
        const response = await add(setup, payload);
        expect(response.statusCode, what).toBe(400);
        expect(response.headers['content-type'], what).toContain('application/problem+json');
      }
      expect(await rowCount(setup)).toBe(0);

      // A real push service's subscription is taken.
      const push = await add(setup, {
        kind: 'push',
        subscription: pushSubscription('https://fcm.googleapis.com/fcm/send/abc123'),
      });
      expect(push.statusCode).toBe(201);
      expect(push.json()).toMatchObject({ kind: 'push', address: 'this browser' });
    });

    test('a kind this service cannot send by is refused as not available', async () => {
      const setup = await startMessaging(database, { sms: 'twilio' });
      const whatsapp = await add(setup, { kind: 'whatsapp', address: citizenPhone });
      expect(whatsapp.statusCode).toBe(409);
      expect(whatsapp.json()).toMatchObject({ type: problemType('channel-not-available') });
      expect(await rowCount(setup)).toBe(0);
      expect((await list(setup)).json().available).toEqual(['sms']);
    });

    test('another citizen can neither list nor remove the channels of a stay not theirs', async () => {
      const setup = await startMessaging(database, { sms: 'twilio' });
      const added = await add(setup, { kind: 'sms', address: citizenPhone });
      const { citizenId } = await accountsSeed(setup.db);
      const other = await createTestSession(setup.db, { kind: 'citizen', citizenId, assurance: 'high' }, setup.config);
      const ownStay = await setup.app.inject({
        method: 'POST',
        url: '/api/v1/stays',
        headers: other.headers,
        payload: stayBody(),
      });
      expect(ownStay.statusCode).toBe(201);

      expect((await list(setup, other.headers)).statusCode).toBe(404);
      const removal = await setup.app.inject({
        method: 'DELETE',
        url: `${channelsUrl(setup)}/${added.json().id}`,
        headers: other.headers,
      });
      expect(removal.statusCode).toBe(404);
      // Nor through their own stay's URL.
      const sideways = await setup.app.inject({
        method: 'DELETE',
        url: `/api/v1/stays/${ownStay.json().id}/channels/${added.json().id}`,
        headers: other.headers,
      });
      expect(sideways.statusCode).toBe(404);
      const adding = await setup.app.inject({
        method: 'POST',
        url: channelsUrl(setup),
        headers: other.headers,
        payload: { kind: 'sms', address: '+66899990000' },
      });
      expect(adding.statusCode).toBe(404);
      expect((await list(setup)).json().items).toEqual([expect.objectContaining({ id: added.json().id })]);
    });
  });
}
