// The reminder loop end to end, on the real `homeward serve --demo` with its own escalation sweep and delivery
// worker, a real SMTP server and a local Twilio that speaks Twilio's wire format: two citizens let a two-minute
// check-in pass; the reminders reach the SMS fake and the SMTP server in each citizen's language; one replies
// with the check-in PIN by SMS through Twilio's signed webhook and is back on schedule with no alert raised; the
// other replies with the duress PIN and gets the very same text back, while the embassy gets an urgent alert.
// It waits for the real clock (about three minutes): nothing but the sweep and the worker move the messages.
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { renderMessage } from '../packages/server/src/notifications/message-templates.js';
import { CookieClient, loginAtDemoProvider } from '../packages/server/src/test-support/citizen-login-client.js';
import { startTwilioFake, type TwilioFake } from '../packages/server/src/test-support/provider-fakes/twilio-fake.js';
import { type SmtpTestServer, startSmtpTestServer } from '../packages/server/src/test-support/smtp-test-server.js';
import {
  makeTemporaryFolder,
  removeFolder,
  requireBuiltCli,
  type ServerProcess,
  startServer,
} from './support/server-process.js';

const twilio = { accountSid: `AC${'2e'.repeat(16)}`, authToken: 'e2e-twilio-token', from: '+15005550006' };
const cempaka = { subject: 'demo-c4a0f2e8-3d61-4b9a-8e27-6f5b1c0d4e03', phone: '+66812340001' };
const dalisay = {
  subject: 'demo-e9d7b5a3-6c48-4e2f-a1b0-8d3f5e7c2a04',
  phone: '+66812340002',
  email: 'dalisay@example.org',
};
const pins = { pin: '246813', duressPin: '246831' };
const sleep = (milliseconds: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, milliseconds));

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let dataFolder: string;
let smtp: SmtpTestServer;
let fake: TwilioFake;
let server: ServerProcess;
let baseUrl: string;

beforeAll(async () => {
  requireBuiltCli();
  dataFolder = makeTemporaryFolder();
  smtp = await startSmtpTestServer();
  fake = await startTwilioFake(twilio);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = await startServer(['--demo'], {
    PORT: String(port),
    HOMEWARD_PUBLIC_URL: baseUrl,
    HOMEWARD_DATA_DIR: dataFolder,
    HOMEWARD_SMTP_URL: smtp.url,
    HOMEWARD_MAIL_FROM: 'Homeward <no-reply@embassy.example.gov>',
    HOMEWARD_TWILIO_ACCOUNT_SID: twilio.accountSid,
    HOMEWARD_TWILIO_AUTH_TOKEN: twilio.authToken,
    HOMEWARD_TWILIO_FROM: twilio.from,
    HOMEWARD_TWILIO_API_URL: fake.url,
  });
});
afterAll(async () => {
  await server?.stop();
  await fake?.close();
  await smtp?.close();
  removeFolder(dataFolder);
});

/** A demo citizen logged in through the demo digital ID, with the session's CSRF token for changes. */
async function citizen(subject: string) {
  const client = new CookieClient(baseUrl);
  const callback = await loginAtDemoProvider(client, 'demo', subject);
  const landed = await client.request(callback);
  expect(landed.status).toBeLessThan(400);
  const cookie = [...client.cookies.entries()]
    .map(([key, stored]) => `${key.split('\0')[0]}=${stored.value}`)
    .join('; ');
  const session = await fetch(`${baseUrl}/api/v1/session`, { headers: { cookie } });
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        origin: baseUrl,
        'content-type': 'application/json',
        'accept-language': 'th',
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
  };
  return { call };
}

async function registerStay(subject: string, channels: readonly Record<string, string>[]) {
  const { call } = await citizen(subject);
  const created = await call('POST', '/api/v1/stays', {
    destination: { country: 'TH', city: 'Mae Sot' },
    employer: { name: 'Example Trading (test)' },
    jobOffer: {
      title: 'Customer service',
      salary: { amount: 900, currency: 'USD' },
      foundThrough: 'friend_or_relative',
    },
    visaType: 'work',
    startsOn: new Date().toISOString().slice(0, 10),
    schedule: { interval: 'PT2M', grace: 'PT2M', timeZone: 'Asia/Bangkok' },
    ...pins,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const stayId = created.body.id as string;
  for (const channel of channels) {
    const added = await call('POST', `/api/v1/stays/${stayId}/channels`, channel);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  }
  return { stayId, call };
}

async function until<T>(what: string, read: () => T | undefined, timeoutMs: number): Promise<T> {
  for (let waited = 0; waited <= timeoutMs; waited += 1_000) {
    const value = read();
    if (value !== undefined) return value;
    await sleep(1_000);
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

const smsTo = (phone: string, count: number, timeoutMs = 200_000) =>
  until(
    `${count} SMS to the citizen`,
    () => {
      const received = fake.messages.filter((message) => message.to === phone);
      return received.length >= count ? received : undefined;
    },
    timeoutMs,
  );

/** Replies as Twilio posts an inbound SMS: form-encoded, signed over the URL Twilio was given. */
async function reply(from: string, body: string) {
  const answer = await fake.sendInbound(`${baseUrl}/api/v1/webhooks/twilio/sms`, { from, to: twilio.from, body });
  expect(answer.status).toBe(200);
}

async function openAlertsOf(stayId: string) {
  const login = await fetch(`${baseUrl}/api/v1/staff/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ role: 'consular_officer' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const answer = await fetch(`${baseUrl}/api/v1/alerts?status=open`, { headers: { cookie } });
  expect(answer.status).toBe(200);
  const { items } = (await answer.json()) as { items: { source: string; stay: { id: string } }[] };
  return items.filter((alert) => alert.stay.id === stayId).map((alert) => alert.source);
}

test(
  'a missed check-in brings a reminder by SMS and by email in the citizen’s language; the PIN by SMS puts the stay back on schedule with no alert, and the duress PIN gets the very same answer and raises an urgent alert',
  async () => {
    // Both in Thai, so their answers can be compared word for word.
    const withSms = await registerStay(cempaka.subject, [{ kind: 'sms', address: cempaka.phone }]);
    const withEmail = await registerStay(dalisay.subject, [{ kind: 'email', address: dalisay.email }]);
    const reminder = (stage: string) => renderMessage('check_in_reminder', 'th', { stage });

    // Due two minutes after registering: a reminder a minute before, and, once the due time has passed without a
    // check-in, the grace reminder a minute after it.
    const sms = await smsTo(cempaka.phone, 2);
    expect(sms.map((message) => message.body)).toEqual([reminder('before_due').text, reminder('grace').text]);
    const mails = await until(
      'two reminders by email',
      () => {
        const received = smtp.messages.filter((mail) => mail.recipients.includes(dalisay.email));
        return received.length >= 2 ? received : undefined;
      },
      30_000,
    );
    expect(mails.map((mail) => [mail.subject, mail.text.trim()])).toEqual([
      [reminder('before_due').subject, reminder('before_due').text],
      [reminder('grace').subject, reminder('grace').text],
    ]);
    const overdueBefore = await withSms.call('GET', `/api/v1/stays/${withSms.stayId}`);
    expect(overdueBefore.body.lastCheckInAt).toBeNull();

    // Cempaka answers the reminder with her PIN by SMS.
    await reply(cempaka.phone, pins.pin);
    const [, , okAnswer] = await smsTo(cempaka.phone, 3, 30_000);
    const afterOk = await withSms.call('GET', `/api/v1/stays/${withSms.stayId}`);
    expect(afterOk.body.lastCheckInAt).not.toBeNull();
    expect(afterOk.body.isOverdue).toBe(false);
    expect(await openAlertsOf(withSms.stayId)).toEqual([]);

    // Dalisay adds her phone and answers with the duress PIN: the same words come back.
    const added = await withEmail.call('POST', `/api/v1/stays/${withEmail.stayId}/channels`, {
      kind: 'sms',
      address: dalisay.phone,
    });
    expect(added.status).toBe(201);
    await reply(dalisay.phone, pins.duressPin);
    const duressAnswer = await until(
      'the answer to the duress PIN',
      () => fake.messages.find((message) => message.to === dalisay.phone),
      30_000,
    );
    expect(okAnswer?.body).toBe(renderMessage('reply_received', 'th', {}).text);
    expect(duressAnswer.body).toBe(okAnswer?.body);
    const afterDuress = await withEmail.call('GET', `/api/v1/stays/${withEmail.stayId}`);
    expect(afterDuress.body.isOverdue).toBe(false);
    expect(afterDuress.body.lastCheckInAt).not.toBeNull();
    expect(await openAlertsOf(withEmail.stayId)).toEqual(['duress']);
  },
  8 * 60_000,
);
