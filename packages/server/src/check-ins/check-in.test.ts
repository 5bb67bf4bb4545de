// Check-ins through HTTP on a real database: durable before the answer, counted once per Idempotency-Key, a duress
// PIN answered exactly like the PIN while the embassy alone sees the difference, guessing stopped.
import { describe, expect, test } from 'vitest';
import { sweepOnce } from '../escalation/escalation-sweep.js';
import { startWithStay, testPins } from '../test-support/stay-client.js';
import { testDatabases } from '../test-support/test-databases.js';

const withoutIdsAndTimes = (body: Record<string, unknown>) => {
  const { id: _id, receivedAt: _received, ...rest } = body;
  return rest;
};

for (const database of testDatabases()) {
  describe(`check-ins (${database.name})`, () => {
    test('a duress check-in answers exactly like an ok one; only the staff side sees the difference', async () => {
      const setup = await startWithStay(database);
      const ok = await setup.app.inject(setup.checkIn(testPins.pin));
      const duress = await setup.app.inject(setup.checkIn(testPins.duressPin));
      expect(ok.statusCode).toBe(201);
      expect(duress.statusCode).toBe(ok.statusCode);
      expect(withoutIdsAndTimes(duress.json())).toEqual(withoutIdsAndTimes(ok.json()));
      expect(Object.keys(duress.json())).toEqual(Object.keys(ok.json()));
      expect(duress.headers['content-length']).toBe(ok.headers['content-length']);
      expect(duress.headers['content-type']).toBe(ok.headers['content-type']);

      // The citizen's later screen is the same as after an ok check-in.
      const stay = await setup.app.inject({
        method: 'GET',
        url: `/api/v1/stays/${setup.stayId}`,
        headers: setup.citizen.headers,
      });
      expect(stay.json()).toMatchObject({ status: 'active', isOverdue: false });
      expect(stay.body).not.toContain('duress');

      const signals = await setup.database.db
        .selectFrom('check_in')
        .select('signal')
        .where('stay_id', '=', setup.stayId)
        .orderBy('received_at')
        .execute();
      expect(signals.map((row) => row.signal)).toEqual(['ok', 'duress']);
      const officer = await setup.officer();
      const queue = await setup.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: officer.headers });
      expect(queue.statusCode).toBe(200);
      const alerts = queue.json<{ items: { source: string; riskScore: number; riskFactors: { code: string }[] }[] }>();
      expect(alerts.items).toHaveLength(1);
      expect(alerts.items[0]?.source).toBe('duress');
      expect(alerts.items[0]?.riskFactors.map((factor) => factor.code)).toContain('duress_signal');
      // Mae Sot is a border town in the gazetteer; the offer came by social media with a tourist visa.
      expect(alerts.items[0]?.riskFactors.map((factor) => factor.code)).toContain('near_compound_area');
    });

    test('a retry with the same Idempotency-Key is answered as the first time and counts once', async () => {
      const setup = await startWithStay(database);
      const first = await setup.app.inject(setup.checkIn(testPins.pin, 'ok', 'retry-key-0001'));
      setup.clock.advanceMinutes(5);
      const again = await setup.app.inject(setup.checkIn(testPins.pin, 'ok', 'retry-key-0001'));
      expect(first.statusCode).toBe(201);
      expect(again.statusCode).toBe(201);
      expect(again.json()).toEqual(first.json());
      const count = await setup.database.db
        .selectFrom('check_in')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('stay_id', '=', setup.stayId)
        .executeTakeFirstOrThrow();
      expect(Number(count.count)).toBe(1);
    });

    test('the answer comes only after the check-in is stored: the stay is back on schedule at once', async () => {
      const setup = await startWithStay(database);
      setup.clock.advanceMinutes(24 * 60 + 12 * 60 + 30); // past due + grace
      await sweepOnce(setup.database.db, setup.clock.now());
      const overdue = await setup.app.inject({
        method: 'GET',
        url: `/api/v1/stays/${setup.stayId}`,
        headers: setup.citizen.headers,
      });
      expect(overdue.json()).toMatchObject({ isOverdue: true });
      const answer = await setup.app.inject(setup.browserCheckIn(testPins.pin));
      expect(answer.statusCode).toBe(201);
      const row = await setup.database.db
        .selectFrom('stay')
        .select(['phase', 'due_at', 'last_check_in_at'])
        .where('id', '=', setup.stayId)
        .executeTakeFirstOrThrow();
      expect(row.phase).toBe('on_schedule');
      expect(new Date(row.due_at).toISOString()).toBe(answer.json<{ nextCheckInDueAt: string }>().nextCheckInDueAt);
      const alerts = await setup.database.db
        .selectFrom('alert')
        .select(['source', 'status', 'resolution_reason'])
        .where('stay_id', '=', setup.stayId)
        .execute();
      expect(alerts).toEqual([{ source: 'missed_check_in', status: 'resolved', resolution_reason: 'checked_in' }]);
    });

    test('a wrong PIN and an unknown ID number are refused alike, and nothing is recorded', async () => {
      const setup = await startWithStay(database);
      const wrongPin = await setup.app.inject(setup.browserCheckIn('918273'));
      const unknownId = await setup.app.inject(setup.browserCheckIn(testPins.pin, 'ok', 'S9999999Z'));
      expect(wrongPin.statusCode).toBe(401);
      expect(unknownId.statusCode).toBe(401);
      expect(wrongPin.json().type).toBe(unknownId.json().type);
      expect(wrongPin.json().detail).toBe(unknownId.json().detail);
      const count = await setup.database.db
        .selectFrom('check_in')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow();
      expect(Number(count.count)).toBe(0);
    });

    test('repeated wrong PINs are refused for a while, raise an alert, and the real PIN works after the window', async () => {
      const setup = await startWithStay(database, {
        checkInLimits: { windowMinutes: 15, perStay: 3, perSource: 100 },
      });
      for (const pin of ['111222', '333444', '555666']) {
        expect((await setup.app.inject(setup.browserCheckIn(pin))).statusCode).toBe(401);
      }
      const locked = await setup.app.inject(setup.browserCheckIn(testPins.pin));
      expect(locked.statusCode).toBe(429);
      expect(locked.json().type).toMatch(/too-many-check-in-attempts$/);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      const alerts = await setup.database.db
        .selectFrom('alert')
        .select('source')
        .where('stay_id', '=', setup.stayId)
        .execute();
      expect(alerts.map((alert) => alert.source)).toEqual(['pin_failures']);
      setup.clock.advanceMinutes(16);
      expect((await setup.app.inject(setup.browserCheckIn(testPins.pin))).statusCode).toBe(201);
    });

    test('an SOS skips the ladder: an urgent alert at once, with its message for the embassy only', async () => {
      const setup = await startWithStay(database);
      const answer = await setup.app.inject(
        setup.checkIn(testPins.pin, 'need_help', undefined, { message: 'They took my passport (test)' }),
      );
      expect(answer.statusCode).toBe(201);
      const officer = await setup.officer();
      const queue = await setup.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: officer.headers });
      const alertId = queue.json<{ items: { id: string; source: string }[] }>().items[0]?.id;
      expect(queue.json().items[0].source).toBe('need_help');
      const detail = await setup.app.inject({
        method: 'GET',
        url: `/api/v1/alerts/${alertId}`,
        headers: officer.headers,
      });
      expect(detail.statusCode).toBe(200);
      expect(detail.json()).toMatchObject({
        message: 'They took my passport (test)',
        citizen: { displayName: 'Test Citizen' },
      });
      const stored = await setup.database.db
        .selectFrom('check_in')
        .select('message_ciphertext')
        .executeTakeFirstOrThrow();
      expect(stored.message_ciphertext).not.toContain('passport');
    });
  });
}
