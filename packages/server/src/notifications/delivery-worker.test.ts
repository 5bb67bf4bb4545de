// The delivery worker on a real database against local provider fakes: a reminder reaches the phone in the
// citizen's language; failures are retried with backoff, dead-lettered for the embassy to see and send again;
// a send whose answer never came is found at the provider rather than sent twice; channels fall back; rate limits
// and quiet hours defer without spending a try; an alert to the embassy says nothing about the citizen.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { sweepOnce } from '../escalation/escalation-sweep.js';
import { citizenEmail, citizenPhone, startMessaging } from '../test-support/messaging-setup.js';
import { testPins } from '../test-support/stay-client.js';
import { testDatabases } from '../test-support/test-databases.js';
import { createTestStaff } from '../test-support/test-sessions.js';
import { beginAttempt, claimMessages } from './delivery-store.js';
import { defaultBatchSize, deliverOnce, leaseMs, perRecipientPerHour } from './delivery-worker.js';
import th from './locales/th.json' with { type: 'json' };
import { contentOf } from './message-content.js';

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

for (const database of testDatabases()) {
  describe(`delivery worker (${database.name})`, () => {
    test('a reminder reaches the citizen by SMS in the language of the stay, and the message is marked sent', async () => {
      const setup = await startMessaging(database, { sms: 'twilio', language: 'th' });
      await setup.addChannel('sms', citizenPhone);
      // The escalation sweep writes the reminder, two hours before the first check-in is due.
      setup.clock.advanceMinutes(23 * 60);
      await sweepOnce(setup.db, setup.clock.now());
      const reminder = await setup.db
        .selectFrom('outbox_message')
        .select('id')
        .where('template', '=', 'check_in_reminder')
        .executeTakeFirstOrThrow();

      expect(await deliverOnce(setup.deps)).toEqual({ claimed: 1, sent: 1 });

      const received = await setup.twilio?.waitForMessageTo(citizenPhone, 1_000);
      expect(received?.body).toBe('ได้เวลาเช็กอินแล้ว');
      expect(th['check_in_reminder.text']).toContain(received?.body);
      expect(received?.statusCallback).toBe('https://homeward.test/api/v1/webhooks/twilio/status');
      expect(await setup.message(reminder.id)).toMatchObject({
        status: 'sent',
        channel: 'sms',
        provider: 'twilio',
        provider_message_id: received?.sid,
        attempts: 1,
        lease_token: null,
      });
      expect(await setup.attempts(reminder.id)).toEqual([
        { attempt: 1, channel: 'sms', provider: 'twilio', outcome: 'sent', code: null },
      ]);
    });

    test('a 503 is retried with growing backoff, then dead-lettered where only its embassy sees and resends it', async () => {
      const setup = await startMessaging(database, { sms: 'twilio' });
      await setup.addChannel('sms', citizenPhone);
      const id = await setup.queueMessage();
      setup.twilio?.failNext(4, { status: 503 });

      // random 0.5 draws the middle of the upper half: ¾ of base × 2^(n−1).
      for (const [attempt, delay] of [
        [1, 22.5],
        [2, 45],
        [3, 90],
      ] as const) {
        const before = setup.clock.now();
        expect(await deliverOnce(setup.deps)).toEqual({ claimed: 1, sent: 0 });
        const row = await setup.message(id);
        expect(row).toMatchObject({ status: 'pending', attempts: attempt, last_error: 'http_503' });
        expect(seconds(before, row.available_at)).toBe(delay);
        expect(await deliverOnce(setup.deps)).toEqual({ claimed: 0, sent: 0 }); // not due yet
        setup.clock.set(row.available_at);
      }
      await deliverOnce(setup.deps);
      expect(await setup.message(id)).toMatchObject({ status: 'dead', attempts: 4, last_error: 'http_503' });
      expect(setup.twilio?.messages).toHaveLength(0);

      const officer = await setup.officerOf();
      const listed = await setup.app.inject({ method: 'GET', url: '/api/v1/deliveries', headers: officer.headers });
      expect(listed.statusCode).toBe(200);
      expect(listed.json().items).toEqual([
        expect.objectContaining({
          id,
          template: 'check_in_reminder',
          recipientKind: 'citizen',
          stayId: setup.stayId,
          status: 'dead',
          attempts: 4,
          channel: 'sms',
          provider: 'twilio',
          lastError: 'http_503',
        }),
      ]);
      expect(listed.body).not.toContain(citizenPhone.slice(-4));

      const elsewhere = await setup.officerOf('019ab000-0000-7000-8000-000000000011'); // Phnom Penh
      const hidden = await setup.app.inject({ method: 'GET', url: '/api/v1/deliveries', headers: elsewhere.headers });
      expect(hidden.json().items).toEqual([]);
      const refused = await setup.app.inject({
        method: 'POST',
        url: `/api/v1/deliveries/${id}/retry`,
        headers: elsewhere.headers,
      });
      expect(refused.statusCode).toBe(404);
      expect((await setup.message(id)).status).toBe('dead');

      const retried = await setup.app.inject({
        method: 'POST',
        url: `/api/v1/deliveries/${id}/retry`,
        headers: officer.headers,
      });
      expect(retried.statusCode).toBe(202);
      expect(await setup.message(id)).toMatchObject({ status: 'pending', retried_attempts: 4 });
      expect(await deliverOnce(setup.deps)).toEqual({ claimed: 1, sent: 1 });
      expect(await setup.message(id)).toMatchObject({ status: 'sent', attempts: 5, last_error: null });
      expect(setup.twilio?.messages).toHaveLength(1);
    });

    test('a send whose answer never came stays open and is found at Twilio instead of sent twice', async () => {
      const setup = await startMessaging(database, { sms: 'twilio' });
      await setup.addChannel('sms', citizenPhone);
      const id = await setup.queueMessage();
      setup.twilio?.failNext(1, { acceptThenHang: true });

      await deliverOnce(setup.deps);
      const inDoubt = await setup.message(id);
      expect(inDoubt).toMatchObject({ status: 'pending', attempts: 1, last_error: 'timeout' });
      expect(await setup.attempts(id)).toEqual([
        { attempt: 1, channel: 'sms', provider: 'twilio', outcome: null, code: null },
      ]);

      setup.clock.set(inDoubt.available_at);
      expect(await deliverOnce(setup.deps)).toEqual({ claimed: 1, sent: 1 });
      expect(setup.twilio?.messages).toHaveLength(1);
      expect(await setup.message(id)).toMatchObject({
        status: 'sent',
        attempts: 1,
        provider_message_id: setup.twilio?.messages[0]?.sid,
      });
      expect((await setup.attempts(id)).map((attempt) => attempt.outcome)).toEqual(['found_sent']);
    });

    test('a permanent WhatsApp refusal falls back to SMS at once, skipping WhatsApp from then on', async () => {
      const setup = await startMessaging(database, { sms: 'twilio', whatsapp: true, email: true });
      await setup.addChannel('email', citizenEmail);
      await setup.addChannel('sms', citizenPhone);
      await setup.addChannel('whatsapp', citizenPhone);
      const id = await setup.queueMessage();
      setup.whatsapp?.failNext(1, { status: 400, code: 131026 });

      await deliverOnce(setup.deps);
      expect(await setup.message(id)).toMatchObject({
        status: 'pending',
        available_at: setup.clock.now(),
        last_error: 'whatsapp_131026',
        skipped_channels: ['whatsapp'],
      });
      expect(await deliverOnce(setup.deps)).toEqual({ claimed: 1, sent: 1 });
      expect(await setup.message(id)).toMatchObject({ status: 'sent', channel: 'sms', attempts: 2 });
      expect((await setup.attempts(id)).map((a) => [a.channel, a.outcome, a.code])).toEqual([
        ['whatsapp', 'permanent', 'whatsapp_131026'],
        ['sms', 'sent', null],
      ]);
      expect(setup.whatsapp?.messages).toHaveLength(0);
      expect(setup.twilio?.messages).toHaveLength(1);
      expect(setup.smtp?.messages).toHaveLength(0);
    });

    test('a citizen already sent the hourly maximum waits, without a try being counted', async () => {
      const setup = await startMessaging(database, { sms: 'twilio' });
      await setup.addChannel('sms', citizenPhone);
      const sent = [];
      for (let i = 0; i < perRecipientPerHour; i += 1) {
        sent.push(await setup.queueMessage('check_in_reminder', { availableAt: new Date(0) }));
      }
      await setup.db
        .updateTable('outbox_message')
        .set({ status: 'sent', sent_at: new Date(setup.clock.now().getTime() - 30 * 60_000) })
        .where('id', 'in', sent)
        .execute();
      const id = await setup.queueMessage();

      await deliverOnce(setup.deps);
      const waiting = await setup.message(id);
      expect(waiting).toMatchObject({ status: 'pending', attempts: 0, last_error: 'rate_limited' });
      expect(seconds(setup.clock.now(), waiting.available_at)).toBe(600);
      expect(setup.twilio?.messages).toHaveLength(0);

      // One fewer in the last hour, and it goes.
      setup.clock.set(waiting.available_at);
      setup.clock.advanceMinutes(30);
      expect(await deliverOnce(setup.deps)).toEqual({ claimed: 1, sent: 1 });
    });

    test('a reminder due in the stay’s quiet hours waits for their end, without a try being counted', async () => {
      // 03:00 UTC is 10:00 in Bangkok.
      const setup = await startMessaging(database, {
        sms: 'twilio',
        body: {
          schedule: {
            interval: 'P1D',
            grace: 'PT12H',
            timeZone: 'Asia/Bangkok',
            quietHours: { start: '09:00', end: '11:30' },
          },
        },
      });
      await setup.addChannel('sms', citizenPhone);
      const id = await setup.queueMessage();

      await deliverOnce(setup.deps);
      expect(await setup.message(id)).toMatchObject({
        status: 'pending',
        attempts: 0,
        last_error: 'quiet_hours',
        available_at: new Date('2026-12-01T04:30:00Z'),
      });
      expect(setup.twilio?.messages).toHaveLength(0);
    });

    test('an urgent alert is emailed to the embassy’s active consular staff and says nothing about the citizen', async () => {
      const setup = await startMessaging(database, { sms: 'twilio', email: true });
      await setup.addChannel('sms', citizenPhone);
      await setup.officerOf();
      const other = await createTestStaff(setup.db, 'consular_officer', {
        organisationId: '019ab000-0000-7000-8000-000000000011',
      });
      const duress = await setup.app.inject({
        method: 'POST',
        url: `/api/v1/stays/${setup.stayId}/check-ins`,
        headers: { ...setup.citizen.headers, 'idempotency-key': randomUUID() },
        payload: { pin: testPins.duressPin, signal: 'ok' },
      });
      expect(duress.statusCode).toBe(201);
      const alert = await setup.db
        .selectFrom('outbox_message')
        .select(['id', 'recipient_kind'])
        .where('template', '=', 'urgent_alert')
        .executeTakeFirstOrThrow();
      expect(alert.recipient_kind).toBe('organisation');
      const staff = await setup.db
        .selectFrom('staff_member')
        .select('email')
        .where('organisation_id', '=', setup.embassyId)
        .where('status', '=', 'active')
        .where('role', 'in', ['consular_officer', 'consular_supervisor'])
        .execute();

      await deliverOnce(setup.deps);
      expect(await setup.message(alert.id)).toMatchObject({ status: 'sent', channel: 'email', provider: 'smtp' });
      expect(setup.smtp?.messages).toHaveLength(1);
      const mail = setup.smtp?.messages[0];
      expect([...(mail?.recipients ?? [])].sort()).toEqual(staff.map((member) => member.email.toLowerCase()).sort());
      expect(mail?.recipients).not.toContain(other.email.toLowerCase());
      expect(mail?.text).toContain('https://homeward.test/console/');
      for (const secret of [
        'Test Citizen',
        setup.nationalId,
        setup.citizenId,
        setup.stayId,
        citizenPhone,
        'Mae Sot',
        'Example Trading',
      ]) {
        expect(`${mail?.subject}\n${mail?.text}`).not.toContain(secret);
      }
      // The citizen's phone hears nothing of it.
      expect(setup.twilio?.messages).toHaveLength(0);
    });

    test('after a crash mid-send, Infobip is called again with the same id and the phone gets one copy', async () => {
      const setup = await startMessaging(database, { sms: 'infobip' });
      await setup.addChannel('sms', citizenPhone);
      const id = await setup.queueMessage();
      // A worker claims the message, records its attempt, reaches Infobip, and dies before it can settle.
      const held = { id, leaseToken: randomUUID() };
      const [claimed] = await claimMessages(setup.db, {
        now: setup.clock.now(),
        limit: 1,
        leaseMs: leaseMs(setup.deps.settings, defaultBatchSize),
        leaseToken: held.leaseToken,
      });
      if (!claimed) throw new Error('nothing claimed');
      const sms = setup.deps.channels.get('sms');
      expect(sms?.provider).toBe('infobip');
      expect(
        await beginAttempt(setup.db, held, { number: 1, channel: 'sms', provider: 'infobip', now: setup.clock.now() }),
      ).toBe(true);
      const content = contentOf(claimed, { keys: setup.deps.keys, publicUrl: setup.deps.publicUrl });
      await sms?.send({ ...content, to: citizenPhone }, AbortSignal.timeout(1_000));

      // Within the dead worker's lease nobody takes it; after, the next worker does.
      expect(await deliverOnce(setup.deps)).toEqual({ claimed: 0, sent: 0 });
      setup.clock.advanceMinutes(2);
      expect(await deliverOnce(setup.deps)).toEqual({ claimed: 1, sent: 1 });

      expect(setup.infobip?.accepted.map((message) => message.messageId)).toEqual([id, id]);
      expect(setup.infobip?.deliveredCopies(id)).toBe(1);
      expect(await setup.message(id)).toMatchObject({ status: 'sent', provider: 'infobip', provider_message_id: id });
      expect((await setup.attempts(id)).map((a) => [a.outcome, a.code])).toEqual([
        ['transient', 'interrupted'],
        ['sent', null],
      ]);
    });
  });
}
