// Bad input on the providers' webhooks, each correctly signed where a signature applies: a body that is not the kind
// the address takes, not JSON, too big, or of another media type is a 4xx problem and changes nothing; a webhook for
// a provider this server does not have is a 404.

import type { Kysely } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { Database } from '../database/database-schema.js';
import { startMessaging, twilioInboundParams, whatsAppAccount } from '../test-support/messaging-setup.js';
import { testDatabases } from '../test-support/test-databases.js';
import { metaSignature } from './channels/whatsapp-webhooks.js';

const tables = ['check_in', 'alert', 'outbox_message', 'inbound_message', 'delivery_attempt'] as const;

async function rowCounts(db: Kysely<Database>) {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}

for (const database of testDatabases()) {
  describe(`webhook bad input (${database.name})`, () => {
    test('signed Twilio posts that are not an inbound SMS or a status callback are 400 problems', async () => {
      const setup = await startMessaging(database, { sms: 'twilio' });
      const before = await rowCounts(setup.db);
      const cases: { readonly path: string; readonly params: Readonly<Record<string, string>> }[] = [
        { path: '/api/v1/webhooks/twilio/sms', params: { Body: '482913' } },
        { path: '/api/v1/webhooks/twilio/sms', params: {} },
        { path: '/api/v1/webhooks/twilio/status', params: { MessageSid: 'SM1', MessageStatus: 'exploded' } },
        { path: '/api/v1/webhooks/twilio/status', params: twilioInboundParams('+66812345678', 'hello') },
      ];
      for (const { path, params } of cases) {
        const response = await setup.postTwilio(path, params);
        expect(response.statusCode, `${path} ${JSON.stringify(params)}`).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().type).toBe('https://homeward.example/problems/webhook-malformed');
        expect(response.body).not.toContain('at ');
      }
      expect(await rowCounts(setup.db)).toEqual(before);
    });

    test('signed WhatsApp posts that are not JSON or not a WhatsApp event are 400, a huge one 413, another media type 415', async () => {
      const setup = await startMessaging(database, { whatsapp: true });
      const before = await rowCounts(setup.db);
      const post = (body: Buffer, contentType = 'application/json') =>
        setup.app.inject({
          method: 'POST',
          url: '/api/v1/webhooks/whatsapp',
          headers: {
            'content-type': contentType,
            'x-hub-signature-256': metaSignature(whatsAppAccount.appSecret, body),
          },
          payload: body,
        });
      for (const body of ['{"object":', '[]', '{"object":"page","entry":[]}', 'null', '"text"']) {
        const response = await post(Buffer.from(body));
        expect(response.statusCode, body).toBe(400);
        expect(response.json().type).toBe('https://homeward.example/problems/webhook-malformed');
      }
      expect((await post(Buffer.alloc(128 * 1024, 0x20))).statusCode).toBe(413);
      expect((await post(Buffer.from('<xml/>'), 'application/xml')).statusCode).toBe(415);
      expect(await rowCounts(setup.db)).toEqual(before);
    });

    test('a provider this server is not configured for answers 404, signed or not', async () => {
      const setup = await startMessaging(database, {});
      const before = await rowCounts(setup.db);
      const sms = await setup.postTwilio('/api/v1/webhooks/twilio/sms', twilioInboundParams('+66812345678', '482913'));
      expect(sms.statusCode).toBe(404);
      const whatsapp = await setup.app.inject({
        method: 'GET',
        url: '/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1',
      });
      expect(whatsapp.statusCode).toBe(404);
      expect(await rowCounts(setup.db)).toEqual(before);
    });
  });
}
