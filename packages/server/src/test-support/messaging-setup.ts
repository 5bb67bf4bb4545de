// Tests of messaging: an app configured with providers pointed at local fakes (Twilio or Infobip, WhatsApp, a real
// SMTP server), a citizen with a stay in a chosen language, the delivery worker's dependencies on the same channels,
// and signed webhooks as the providers post them.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import type { SmsConfig } from '../config/messaging-config.js';
import { defaultAppConfig } from '../http/app.js';
import { channelsFor } from '../notifications/channel-registry.js';
import type { ChannelKind } from '../notifications/channels/channel.js';
import { twilioSignature } from '../notifications/channels/twilio-webhooks.js';
import { generateVapidKeys } from '../notifications/channels/web-push-channel.js';
import type { DeliveryDependencies } from '../notifications/delivery-worker.js';
import { type InfobipFake, startInfobipFake } from './provider-fakes/infobip-fake.js';
import { startTwilioFake, type TwilioFake } from './provider-fakes/twilio-fake.js';
import { startWhatsAppFake, type WhatsAppFake } from './provider-fakes/whatsapp-fake.js';
import { type SmtpTestServer, startSmtpTestServer } from './smtp-test-server.js';
import { movableClock, stayBody } from './stay-client.js';
import { accountsSeed } from './stay-seed.js';
import { startTestApp, testKeyRing } from './test-app.js';
import type { TestDatabase } from './test-databases.js';
import { createTestSession, createTestStaff } from './test-sessions.js';

export const twilioAccount = {
  accountSid: `AC${'1f'.repeat(16)}`,
  authToken: 'twilio-test-auth-token',
  from: '+15005550006',
} as const;
export const whatsAppAccount = {
  phoneNumberId: '106540352242922',
  accessToken: 'EAAtest-token',
  appSecret: 'whatsapp-test-app-secret',
  verifyToken: 'whatsapp-test-verify-token',
} as const;
export const infobipAccount = { apiKey: 'infobip-test-key', from: 'Homeward' } as const;
/** Where the app believes it is reached; Twilio signs webhooks over this URL. */
export const testPublicUrl = 'https://homeward.test';
export const citizenPhone = '+66812345678';
export const citizenEmail = 'citizen@example.org';

export interface MessagingOptions {
  readonly sms?: 'twilio' | 'infobip' | undefined;
  readonly whatsapp?: boolean;
  readonly email?: boolean;
  readonly push?: boolean;
  /** The stay's language, as the citizen's browser asks for it. */
  readonly language?: string;
  /** Overrides of the stay's body (e.g. a schedule with quiet hours). */
  readonly body?: Record<string, unknown>;
}

export async function startMessaging(testDatabase: TestDatabase, options: MessagingOptions = {}) {
  const clock = movableClock();
  const twilio =
    options.sms === 'twilio' ? await startTwilioFake({ ...twilioAccount, now: () => clock.now() }) : undefined;
  const infobip = options.sms === 'infobip' ? await startInfobipFake(infobipAccount) : undefined;
  const whatsapp = options.whatsapp ? await startWhatsAppFake(whatsAppAccount) : undefined;
  const smtp = options.email ? await startSmtpTestServer() : undefined;
  onTestFinished(async () => {
    await Promise.all([twilio?.close(), infobip?.close(), whatsapp?.close(), smtp?.close()]);
  });
  const sms: SmsConfig | undefined = twilio
    ? { provider: 'twilio', apiUrl: twilio.url, ...twilioAccount }
    : infobip
      ? { provider: 'infobip', baseUrl: infobip.url, ...infobipAccount }
      : undefined;
  const config = {
    ...defaultAppConfig,
    publicUrl: testPublicUrl,
    mail: smtp ? { smtpUrl: smtp.url, from: 'Homeward <no-reply@homeward.test>' } : undefined,
    messaging: {
      sms,
      whatsapp: whatsapp ? { apiUrl: whatsapp.url, ...whatsAppAccount } : undefined,
      push: options.push ? { subject: 'mailto:ops@homeward.test', ...generateVapidKeys() } : undefined,
      delivery: { maxAttempts: 4, retryBaseSeconds: 30, timeoutSeconds: 1 },
    },
  };
  const { app, database } = await startTestApp(testDatabase, { clock, config });
  const db = database.db;
  const { citizenId, nationalId } = await accountsSeed(db);
  // The cookie's name follows the public URL (https: a __Host- cookie).
  const citizen = await createTestSession(db, { kind: 'citizen', citizenId, assurance: 'high' }, config);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/stays',
    headers: { ...citizen.headers, 'accept-language': options.language ?? 'en' },
    payload: stayBody(options.body),
  });
  if (created.statusCode !== 201) throw new Error(`stay not created: ${created.statusCode} ${created.body}`);
  const stayId = created.json<{ id: string }>().id;
  const stay = await db
    .selectFrom('stay')
    .select(['embassy_id', 'language'])
    .where('id', '=', stayId)
    .executeTakeFirstOrThrow();

  const registry = channelsFor(config);
  onTestFinished(() => registry.close());
  const deps: DeliveryDependencies = {
    db,
    keys: testKeyRing(),
    clock,
    channels: registry.channels,
    settings: config.messaging.delivery,
    publicUrl: testPublicUrl,
    log: app.log,
    random: () => 0.5,
  };

  return {
    app,
    config,
    db,
    clock,
    deps,
    twilio,
    infobip,
    whatsapp,
    smtp,
    citizen,
    citizenId,
    nationalId,
    stayId,
    embassyId: stay.embassy_id,
    language: stay.language,

    /** Adds a channel through the citizen's own route, so the sealed address and its hash are the real ones. */
    async addChannel(kind: Exclude<ChannelKind, 'push'>, address: string): Promise<string> {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/stays/${stayId}/channels`,
        headers: citizen.headers,
        payload: { kind, address },
      });
      if (response.statusCode !== 201) throw new Error(`channel not added: ${response.statusCode} ${response.body}`);
      return response.json<{ id: string }>().id;
    },

    /** An outbox message as the escalation sweep writes one, due now unless told. */
    async queueMessage(
      template = 'check_in_reminder',
      extra: { payload?: Record<string, unknown>; recipientId?: string; availableAt?: Date } = {},
    ): Promise<string> {
      const id = randomUUID();
      const isForStaff = !['check_in_reminder', 'reply_received'].includes(template);
      await db
        .insertInto('outbox_message')
        .values({
          id,
          stay_id: stayId,
          dedupe_key: `test:${id}`,
          recipient_kind: isForStaff ? 'organisation' : 'citizen',
          recipient_id: extra.recipientId ?? (isForStaff ? stay.embassy_id : citizenId),
          template,
          language: stay.language,
          payload: JSON.stringify(extra.payload ?? { stage: 'before_due' }),
          status: 'pending',
          created_at: clock.now(),
          available_at: extra.availableAt ?? clock.now(),
        })
        .execute();
      return id;
    },

    message: (id: string) => db.selectFrom('outbox_message').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),

    attempts: (id: string) =>
      db
        .selectFrom('delivery_attempt')
        .select(['attempt', 'channel', 'provider', 'outcome', 'code'])
        .where('message_id', '=', id)
        .orderBy('attempt')
        .execute(),

    /** A consular officer of `organisationId` (the stay's embassy unless told), signed in. */
    async officerOf(organisationId: string = stay.embassy_id) {
      const member = await createTestStaff(db, 'consular_officer', { organisationId });
      return createTestSession(db, { kind: 'staff', staffId: member.id }, config);
    },

    /** Posts a Twilio webhook with Twilio's signature over our public URL (or the signature given). */
    postTwilio(path: string, params: Readonly<Record<string, string>>, signature?: string) {
      return app.inject({
        method: 'POST',
        url: path,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature':
            signature ?? twilioSignature(twilioAccount.authToken, `${testPublicUrl}${path}`, params),
        },
        payload: new URLSearchParams(params).toString(),
      });
    },

    /** Listens on loopback, for fakes that post webhooks over HTTP; returns the base URL. */
    async listen(): Promise<string> {
      await app.listen({ port: 0, host: '127.0.0.1' });
      return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    },
  };
}

export type MessagingSetup = Awaited<ReturnType<typeof startMessaging>>;

/** An inbound SMS as Twilio posts it, with a fresh MessageSid unless one is given. */
export function twilioInboundParams(from: string, body: string, messageSid = `SM${randomUUID().replaceAll('-', '')}`) {
  return {
    MessageSid: messageSid,
    SmsMessageSid: messageSid,
    SmsSid: messageSid,
    AccountSid: twilioAccount.accountSid,
    From: from,
    To: twilioAccount.from,
    Body: body,
    NumMedia: '0',
    NumSegments: '1',
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
  };
}

export type { InfobipFake, SmtpTestServer, TwilioFake, WhatsAppFake };
