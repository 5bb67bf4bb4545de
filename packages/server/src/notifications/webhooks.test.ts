// The providers' webhooks on a real database: only a correctly signed, fresh, first-seen message is acted on; a PIN
// by SMS or WhatsApp is a check-in, the duress PIN answered identically; HELP and SOS raise alerts; receipts mark our
// messages delivered.
import { describe, expect, test } from 'vitest';
import {
  citizenPhone,
  type MessagingSetup,
  startMessaging,
  testPublicUrl,
  twilioAccount,
  twilioInboundParams,
  whatsAppAccount,
} from '../test-support/messaging-setup.js';
import { testPins } from '../test-support/stay-client.js';
import { testDatabases } from '../test-support/test-databases.js';
import { twilioSignature } from './channels/twilio-webhooks.js';
import { metaSignature } from './channels/whatsapp-webhooks.js';
import { deliverOnce } from './delivery-worker.js';
import en from './locales/en.json' with { type: 'json' };

const smsPath = '/api/v1/webhooks/twilio/sms';
const problemType = (slug: string) => `https://homeward.example/problems/${slug}`;

const checkIns = (setup: MessagingSetup) =>
  setup.db.selectFrom('check_in').select(['signal', 'channel']).where('stay_id', '=', setup.stayId).execute();
const replies = (setup: MessagingSetup) =>
  setup.db
    .selectFrom('outbox_message')
    .select(['id', 'template', 'recipient_kind'])
    .where('recipient_kind', '=', 'citizen')
    .orderBy('created_at')
    .execute();
const alerts = (setup: MessagingSetup) =>
  setup.db.selectFrom('alert').select('source').where('stay_id', '=', setup.stayId).execute();
const auditReasons = async (setup: MessagingSetup) =>
  (
    await setup.db
      .selectFrom('audit_event')
      .select(['reason', 'outcome'])
      .where('action', '=', 'webhook.receive')
      .execute()
  ).map((row) => `${row.outcome}:${row.reason}`);

async function withSmsChannel(database: Parameters<typeof startMessaging>[0]) {
  const setup = await startMessaging(database, { sms: 'twilio' });
  await setup.addChannel('sms', citizenPhone);
  return setup;
}

for (const database of testDatabases()) {
  describe(`messaging webhooks (${database.name})`, () => {
    test('an SMS with a forged Twilio signature is refused, recorded nowhere but the audit log', async () => {
      const setup = await withSmsChannel(database);
      const params = twilioInboundParams(citizenPhone, testPins.pin);
      const forged = await setup.postTwilio(smsPath, params, 'bm90IHRoZSByaWdodCBzaWduYXR1cmU=');
      expect(forged.statusCode).toBe(403);
      expect(forged.json()).toMatchObject({ type: problemType('webhook-signature-invalid') });
      // A real signature over other parameters does not cover these.
      const signedForOther = twilioSignature(twilioAccount.authToken, `${testPublicUrl}${smsPath}`, {
        ...params,
        Body: '000000',
      });
      const tampered = await setup.postTwilio(smsPath, params, signedForOther);
      expect(tampered.statusCode).toBe(403);
      expect(await checkIns(setup)).toEqual([]);
      expect(await replies(setup)).toEqual([]);
      expect(await auditReasons(setup)).toEqual([
        'failure:twilio_signature_invalid',
        'failure:twilio_signature_invalid',
      ]);
      // The same message, signed by Twilio, is then taken: nothing was remembered of the forged one.
      expect((await setup.postTwilio(smsPath, params)).statusCode).toBe(200);
      expect(await checkIns(setup)).toEqual([{ signal: 'ok', channel: 'sms' }]);
    });

    test('a replayed SMS (same MessageSid) is refused and audited; the check-in counts once', async () => {
      const setup = await withSmsChannel(database);
      const params = twilioInboundParams(citizenPhone, testPins.pin);
      expect((await setup.postTwilio(smsPath, params)).statusCode).toBe(200);
      const again = await setup.postTwilio(smsPath, params);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ type: problemType('webhook-replayed') });
      expect(await checkIns(setup)).toEqual([{ signal: 'ok', channel: 'sms' }]);
      expect(await auditReasons(setup)).toEqual(['success:check_in', 'failure:replayed']);
      expect(await replies(setup)).toHaveLength(1);
    });

    test('the PIN and the duress PIN by SMS are both answered with the same text; only the duress one alerts', async () => {
      const setup = await withSmsChannel(database);
      const ok = await setup.postTwilio(smsPath, twilioInboundParams(citizenPhone, testPins.pin));
      const duress = await setup.postTwilio(smsPath, twilioInboundParams(citizenPhone, testPins.duressPin));
      expect(ok.statusCode).toBe(200);
      expect(duress.statusCode).toBe(200);
      expect(duress.body).toBe(ok.body);
      expect(ok.headers['content-type']).toContain('text/xml');

      expect(await checkIns(setup)).toEqual([
        { signal: 'ok', channel: 'sms' },
        { signal: 'duress', channel: 'sms' },
      ]);
      expect(await alerts(setup)).toEqual([{ source: 'duress' }]);
      const queued = await replies(setup);
      expect(queued.map((row) => row.template)).toEqual(['reply_received', 'reply_received']);
      const urgent = await setup.db
        .selectFrom('outbox_message')
        .select('recipient_kind')
        .where('template', '=', 'urgent_alert')
        .execute();
      expect(urgent).toEqual([{ recipient_kind: 'organisation' }]);

      await deliverOnce(setup.deps);
      const texts = setup.twilio?.messages.filter((m) => m.to === citizenPhone).map((m) => m.body);
      expect(texts).toHaveLength(2);
      expect(texts?.[0]).toBe(en['reply_received.text']);
      expect(texts?.[1]).toBe(texts?.[0]);
    });

    test('HELP and the Thai help word raise a help alert, SOS and the Thai cry raise an SOS', async () => {
      const setup = await withSmsChannel(database);
      for (const body of ['HELP', 'ช่วย', 'SOS', 'ช่วยด้วย']) {
        expect((await setup.postTwilio(smsPath, twilioInboundParams(citizenPhone, body))).statusCode).toBe(200);
      }
      expect((await checkIns(setup)).map((row) => [row.signal, row.channel])).toEqual([
        ['need_help', 'sms'],
        ['need_help', 'sms'],
        ['sos', 'sms'],
        ['sos', 'sms'],
      ]);
      expect((await alerts(setup)).map((row) => row.source).sort()).toEqual(
        expect.arrayContaining(['need_help', 'sos']),
      );
      expect((await replies(setup)).map((row) => row.template)).toEqual(Array(4).fill('reply_help_received'));
    });

    test('other text gets a hint, a wrong PIN "not recognised", and an unknown sender nothing at all', async () => {
      const setup = await withSmsChannel(database);
      await setup.postTwilio(smsPath, twilioInboundParams(citizenPhone, 'hello, is this the embassy?'));
      await setup.postTwilio(smsPath, twilioInboundParams(citizenPhone, '111111'));
      const stranger = await setup.postTwilio(smsPath, twilioInboundParams('+66899999999', testPins.pin));
      expect(stranger.statusCode).toBe(200);
      expect(await checkIns(setup)).toEqual([]);
      expect((await replies(setup)).map((row) => row.template)).toEqual(['reply_hint', 'reply_not_recognised']);
      expect(await auditReasons(setup)).toEqual(['success:hint', 'success:not_recognised', 'success:unknown_sender']);
    });

    test('a Twilio status callback marks our message delivered', async () => {
      const setup = await withSmsChannel(database);
      const id = await setup.queueMessage();
      await deliverOnce(setup.deps);
      const sid = (await setup.message(id)).provider_message_id ?? '';
      const answer = await setup.postTwilio('/api/v1/webhooks/twilio/status', {
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: 'delivered',
        SmsStatus: 'delivered',
        AccountSid: 'AC00',
      });
      expect(answer.statusCode).toBe(204);
      expect(await setup.message(id)).toMatchObject({ status: 'delivered', delivered_at: setup.clock.now() });
    });
  });

  describe(`WhatsApp webhooks (${database.name})`, () => {
    const path = '/api/v1/webhooks/whatsapp';
    async function withWhatsApp() {
      const setup = await startMessaging(database, { whatsapp: true });
      await setup.addChannel('whatsapp', citizenPhone);
      return { setup, url: `${await setup.listen()}${path}` };
    }

    test('the subscription handshake echoes the challenge for our verify token only', async () => {
      const setup = await startMessaging(database, { whatsapp: true });
      const query = (token: string) =>
        `${path}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`;
      const right = await setup.app.inject({ method: 'GET', url: query(whatsAppAccount.verifyToken) });
      expect(right.statusCode).toBe(200);
      expect(right.body).toBe('1158201444');
      const wrong = await setup.app.inject({ method: 'GET', url: query('guessed') });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.body).not.toContain('1158201444');
    });

    test('a signed WhatsApp reply with the PIN is a check-in on WhatsApp, answered on WhatsApp', async () => {
      const { setup, url } = await withWhatsApp();
      const answer = await setup.whatsapp?.sendInbound(url, {
        from: citizenPhone,
        text: testPins.pin,
        timestamp: setup.clock.now(),
      });
      expect(answer?.status).toBe(200);
      expect(await checkIns(setup)).toEqual([{ signal: 'ok', channel: 'whatsapp' }]);
      await deliverOnce(setup.deps);
      const reply = await setup.whatsapp?.waitForMessageTo(citizenPhone, 1_000);
      expect(reply).toMatchObject({ type: 'text', text: en['reply_received.text'] });
    });

    test('a WhatsApp post with a bad signature is refused and audited', async () => {
      const { setup } = await withWhatsApp();
      const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });
      const forged = await setup.app.inject({
        method: 'POST',
        url: path,
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': metaSignature('not-our-secret', Buffer.from(raw)),
        },
        payload: raw,
      });
      expect(forged.statusCode).toBe(403);
      expect(forged.json()).toMatchObject({ type: problemType('webhook-signature-invalid') });
      expect(await auditReasons(setup)).toEqual(['failure:whatsapp_signature_invalid']);
    });

    test('a WhatsApp message more than a day old is not acted on', async () => {
      const { setup, url } = await withWhatsApp();
      const stale = new Date(setup.clock.now().getTime() - 25 * 3_600_000);
      const answer = await setup.whatsapp?.sendInbound(url, {
        from: citizenPhone,
        text: testPins.pin,
        timestamp: stale,
      });
      expect(answer?.status).toBe(409);
      expect(await checkIns(setup)).toEqual([]);
      expect(await replies(setup)).toEqual([]);
      expect(await auditReasons(setup)).toEqual(['failure:stale']);
    });

    test('a status webhook carrying our id marks our WhatsApp message delivered', async () => {
      const { setup, url } = await withWhatsApp();
      const id = await setup.queueMessage();
      await deliverOnce(setup.deps);
      const sent = await setup.whatsapp?.waitForMessageTo(citizenPhone, 1_000);
      expect(sent?.bizOpaqueCallbackData).toBe(id);
      const answer = await setup.whatsapp?.sendStatus(url, {
        wamid: sent?.wamid ?? '',
        status: 'delivered',
        ourMessageId: id,
      });
      expect(answer?.status).toBe(200);
      expect(await setup.message(id)).toMatchObject({ status: 'delivered', provider_message_id: sent?.wamid });
    });
  });
}
