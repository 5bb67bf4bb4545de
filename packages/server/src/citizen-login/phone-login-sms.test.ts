// The phone login outside demo mode, with the deployment's SMS provider (a local Twilio speaking its wire format):
// the code arrives by SMS in the citizen's language and logs them in; the answer never carries it; a provider that
// refuses the message is a 503 and no session can come of it.
import { describe, expect, test } from 'vitest';
import { noMessaging } from '../config/messaging-config.js';
import { defaultAppConfig } from '../http/app.js';
import { renderMessage } from '../notifications/message-templates.js';
import { twilioAccount } from '../test-support/messaging-setup.js';
import { startTwilioFake } from '../test-support/provider-fakes/twilio-fake.js';
import { startTestApp } from '../test-support/test-app.js';
import { testDatabases } from '../test-support/test-databases.js';

const startUrl = '/api/v1/citizen-login/phone/start';
const verifyUrl = '/api/v1/citizen-login/phone/verify';

async function startWithTwilio(database: Parameters<typeof startTestApp>[0]) {
  const fake = await startTwilioFake(twilioAccount);
  const started = await startTestApp(database, {
    config: {
      ...defaultAppConfig,
      messaging: { ...noMessaging, sms: { provider: 'twilio', apiUrl: fake.url, ...twilioAccount } },
    },
  });
  return { ...started, fake };
}

for (const database of testDatabases()) {
  describe(`phone login by SMS (${database.name})`, () => {
    test(`the code arrives by SMS in the citizen's language, is not in the answer, and logs them in (${database.name})`, async () => {
      const { app, fake } = await startWithTwilio(database);
      try {
        const started = await app.inject({
          method: 'POST',
          url: startUrl,
          payload: { phone: '+66 81 234 0099', passportNumber: 'E7654321', language: 'th' },
        });
        expect(started.statusCode, started.body).toBe(200);
        expect(started.json()).not.toHaveProperty('demoCode');
        const sms = await fake.waitForMessageTo('+66812340099', 5_000);
        const code = /[0-9]{6}/.exec(sms.body)?.[0] ?? '';
        expect(sms.body).toBe(renderMessage('one_time_code', 'th', { code }).text);
        const verified = await app.inject({
          method: 'POST',
          url: verifyUrl,
          payload: { challengeId: started.json().challengeId, code },
        });
        expect(verified.statusCode).toBe(200);
        expect(verified.json()).toMatchObject({ assurance: 'low', assuranceSource: 'phone_otp' });
      } finally {
        await fake.close();
      }
    });

    test(`a provider that refuses the message is a 503 and nothing can be verified (${database.name})`, async () => {
      const { app, fake } = await startWithTwilio(database);
      try {
        fake.failNext(1, { status: 503 });
        const started = await app.inject({
          method: 'POST',
          url: startUrl,
          payload: { phone: '+66 81 234 0098', passportNumber: 'E7654321' },
        });
        expect(started.statusCode).toBe(503);
        expect(started.json().type).toBe('https://homeward.example/problems/one-time-code-not-sent');
        expect(fake.messages).toEqual([]);
      } finally {
        await fake.close();
      }
    });
  });
}
