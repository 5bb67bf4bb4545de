// A provider's receipt that a citizen's SMS could not be delivered sends the message on by their next channel; with
// no channel left it is dead-lettered, where the embassy's staff see it.
import { describe, expect, test } from 'vitest';
import { citizenEmail, citizenPhone, startMessaging } from '../test-support/messaging-setup.js';
import { testDatabases } from '../test-support/test-databases.js';
import { deliverOnce } from './delivery-worker.js';

for (const database of testDatabases()) {
  describe(`undelivered receipts (${database.name})`, () => {
    test('an SMS reported undelivered goes again by email; an email-less citizen’s is dead-lettered', async () => {
      const setup = await startMessaging(database, { sms: 'twilio', email: true });
      await setup.addChannel('sms', citizenPhone);
      await setup.addChannel('email', citizenEmail);
      const id = await setup.queueMessage();
      await deliverOnce(setup.deps);
      const sent = await setup.message(id);
      expect(sent).toMatchObject({ status: 'sent', channel: 'sms' });

      const receipt = await setup.postTwilio('/api/v1/webhooks/twilio/status', {
        MessageSid: sent.provider_message_id ?? '',
        MessageStatus: 'undelivered',
        ErrorCode: '30003',
      });
      expect(receipt.statusCode).toBe(204);
      expect(await setup.message(id)).toMatchObject({
        status: 'pending',
        skipped_channels: ['sms'],
        last_error: 'twilio_30003',
      });
      await deliverOnce(setup.deps);
      expect(await setup.message(id)).toMatchObject({ status: 'sent', channel: 'email' });
      expect(setup.smtp?.messages.map((mail) => mail.recipients)).toEqual([[citizenEmail]]);

      // With no channel left, the next undelivered receipt leaves it dead, in the embassy's list.
      await setup.app.inject({
        method: 'DELETE',
        url: `/api/v1/stays/${setup.stayId}/channels/${(await setup.db.selectFrom('message_channel').select('id').where('kind', '=', 'email').executeTakeFirstOrThrow()).id}`,
        headers: setup.citizen.headers,
      });
      const second = await setup.queueMessage();
      await deliverOnce(setup.deps);
      const secondSent = await setup.message(second);
      await setup.postTwilio('/api/v1/webhooks/twilio/status', {
        MessageSid: secondSent.provider_message_id ?? '',
        MessageStatus: 'failed',
        ErrorCode: '30005',
      });
      await deliverOnce(setup.deps);
      expect(await setup.message(second)).toMatchObject({ status: 'dead', last_error: 'twilio_30005' });
    });
  });
}
