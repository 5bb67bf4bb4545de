// A reminder the citizen no longer needs is not sent: they checked in after it was written, or paused or ended the
// stay. A stale "time for your check-in" would only confuse, and tell an onlooker the schedule.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { citizenPhone, startMessaging } from '../test-support/messaging-setup.js';
import { testPins } from '../test-support/stay-client.js';
import { testDatabases } from '../test-support/test-databases.js';
import { deliverOnce } from './delivery-worker.js';

for (const database of testDatabases()) {
  describe(`stale reminders (${database.name})`, () => {
    test('a reminder written before a check-in is dropped as no longer due; one written after it is sent', async () => {
      const setup = await startMessaging(database, { sms: 'twilio' });
      await setup.addChannel('sms', citizenPhone);
      const before = await setup.queueMessage();
      setup.clock.advanceMinutes(1);
      const checkedIn = await setup.app.inject({
        method: 'POST',
        url: `/api/v1/stays/${setup.stayId}/check-ins`,
        headers: { ...setup.citizen.headers, 'idempotency-key': randomUUID() },
        payload: { pin: testPins.pin, signal: 'ok' },
      });
      expect(checkedIn.statusCode).toBe(201);
      setup.clock.advanceMinutes(1);
      const after = await setup.queueMessage();

      await deliverOnce(setup.deps);
      expect(await setup.message(before)).toMatchObject({ status: 'failed', last_error: 'no_longer_due', attempts: 0 });
      expect(await setup.message(after)).toMatchObject({ status: 'sent' });
      expect(setup.twilio?.messages).toHaveLength(1);
      // Not a failure for anyone to look at: the embassy's list of failed messages leaves it out.
      const officer = await setup.officerOf();
      const failed = await setup.app.inject({
        method: 'GET',
        url: '/api/v1/deliveries?status=failed',
        headers: officer.headers,
      });
      expect(failed.statusCode).toBe(200);
      expect(failed.json().items).toEqual([]);
    });

    test('a reminder for a paused stay is dropped', async () => {
      const setup = await startMessaging(database, { sms: 'twilio' });
      await setup.addChannel('sms', citizenPhone);
      const id = await setup.queueMessage();
      const paused = await setup.app.inject({
        method: 'POST',
        url: `/api/v1/stays/${setup.stayId}/pause`,
        headers: setup.citizen.headers,
        payload: { pin: testPins.pin, until: new Date(setup.clock.now().getTime() + 2 * 86_400_000).toISOString() },
      });
      expect(paused.statusCode, paused.body).toBeLessThan(300);
      await deliverOnce(setup.deps);
      expect(await setup.message(id)).toMatchObject({ status: 'failed', last_error: 'no_longer_due' });
      expect(setup.twilio?.messages).toEqual([]);
    });
  });
}
