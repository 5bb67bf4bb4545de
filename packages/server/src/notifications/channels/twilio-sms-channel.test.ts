import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { readBody } from '../../test-support/provider-fakes/fake-http.js';
import {
  startTwilioFake,
  type TwilioFake,
  type TwilioFakeOptions,
} from '../../test-support/provider-fakes/twilio-fake.js';
import type { OutgoingMessage } from './channel.js';
import { createTwilioSmsChannel } from './twilio-sms-channel.js';
import {
  parseTwilioInbound,
  parseTwilioStatusCallback,
  twilioSignature,
  verifyTwilioSignature,
} from './twilio-webhooks.js';

const accountSid = `AC${'1f'.repeat(16)}`;
const authToken = 'twilio-test-auth-token';
const ourNumber = '+15005550006';
const citizen = '+66812345678';
const statusCallbackUrl = 'https://homeward.test/webhooks/twilio/status';

let fake: TwilioFake | undefined;
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  for (const close of closers.splice(0)) await close();
});

async function setUp(options: Partial<TwilioFakeOptions> = {}) {
  const started = await startTwilioFake({ accountSid, authToken, ...options });
  fake = started;
  const sms = createTwilioSmsChannel({
    apiUrl: started.url,
    accountSid,
    authToken,
    from: ourNumber,
    statusCallbackUrl,
  });
  return { fake: started, sms };
}

function reminder(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: randomUUID(),
    to: citizen,
    template: 'check_in_reminder',
    language: 'th',
    subject: 'Homeward',
    text: 'Homeward: time to check in. Reply OK.',
    purpose: 'notice',
    ...overrides,
  };
}

const patience = () => AbortSignal.timeout(5_000);

describe('sending', () => {
  test('a message reaches Twilio from our number with its text and status callback, and comes back sent with its sid', async () => {
    const { fake, sms } = await setUp();
    const outcome = await sms.send(reminder(), patience());
    const received = await fake.waitForMessageTo(citizen, 1_000);
    expect(received).toMatchObject({
      to: citizen,
      from: ourNumber,
      body: reminder().text,
      statusCallback: statusCallbackUrl,
    });
    expect(received.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(outcome).toEqual({ kind: 'sent', providerMessageId: received.sid });
    expect(sms).toMatchObject({ kind: 'sms', provider: 'twilio', isIdempotent: false });
  });

  test('a 503 from Twilio is worth another try and sends nothing', async () => {
    const { fake, sms } = await setUp();
    fake.failNext(1, { status: 503 });
    expect(await sms.send(reminder(), patience())).toEqual({ kind: 'transient', code: 'http_503' });
    expect(fake.messages).toEqual([]);
  });

  test("Twilio's rate limit (429, error 20429) is worth another try after its Retry-After", async () => {
    const { fake, sms } = await setUp();
    fake.failNext(1, { status: 429, retryAfterSeconds: 7 });
    expect(await sms.send(reminder(), patience())).toEqual({
      kind: 'transient',
      code: 'twilio_20429',
      retryAfterMs: 7_000,
    });
  });

  test('a number Twilio calls invalid (21211) is permanent, and the code names no number', async () => {
    const { fake, sms } = await setUp();
    const outcome = await sms.send(reminder({ to: '0812345678' }), patience());
    expect(outcome).toEqual({ kind: 'permanent', code: 'twilio_21211' });
    expect(JSON.stringify(outcome)).not.toContain('0812345678');
    expect(fake.messages).toEqual([]);
  });

  test('a recipient who unsubscribed (21610) is permanent', async () => {
    const { fake, sms } = await setUp();
    fake.failNext(1, { status: 400, code: 21610 });
    expect(await sms.send(reminder(), patience())).toEqual({ kind: 'permanent', code: 'twilio_21610' });
  });

  test('wrong credentials are permanent (20003)', async () => {
    const { fake } = await setUp();
    const sms = createTwilioSmsChannel({ apiUrl: fake.url, accountSid, authToken: 'wrong', from: ourNumber });
    expect(await sms.send(reminder(), patience())).toEqual({ kind: 'permanent', code: 'twilio_20003' });
    expect(fake.messages).toEqual([]);
  });

  test('a Twilio that never answers is a transient timeout once the signal gives up', async () => {
    const { fake, sms } = await setUp();
    fake.failNext(1, { hang: true });
    expect(await sms.send(reminder(), AbortSignal.timeout(300))).toEqual({ kind: 'transient', code: 'timeout' });
  });

  test('a Twilio that cannot be reached is a transient network error', async () => {
    const { fake, sms } = await setUp();
    await fake.close();
    expect(await sms.send(reminder(), patience())).toEqual({ kind: 'transient', code: 'network' });
  });
});

describe('reconciling a send that was in flight', () => {
  test('a message Twilio accepted before the answer was lost is found again as sent', async () => {
    const { fake, sms } = await setUp();
    const message = reminder();
    const since = new Date();
    fake.failNext(1, { acceptThenHang: true });
    expect(await sms.send(message, AbortSignal.timeout(300))).toEqual({ kind: 'transient', code: 'timeout' });
    const [accepted] = fake.messages;
    expect(await sms.reconcile?.(message, since, patience())).toEqual({
      kind: 'sent',
      providerMessageId: accepted?.sid,
    });
  });

  test('a message still in Twilio’s queue (no date_sent, so outside the DateSent filter) is found as sent', async () => {
    const { fake, sms } = await setUp();
    fake.holdQueue(true);
    const message = reminder();
    const since = new Date();
    fake.failNext(1, { acceptThenHang: true });
    await sms.send(message, AbortSignal.timeout(300));
    expect(fake.messages[0]?.dateSent).toBeUndefined();
    expect(await sms.reconcile?.(message, since, patience())).toEqual({
      kind: 'sent',
      providerMessageId: fake.messages[0]?.sid,
    });
  });

  test('a message Twilio never accepted is not sent', async () => {
    const { fake, sms } = await setUp();
    const message = reminder();
    const since = new Date();
    fake.failNext(1, { status: 503 });
    await sms.send(message, patience());
    expect(await sms.reconcile?.(message, since, patience())).toEqual({ kind: 'not_sent' });
  });

  test('an earlier message with the same text, another text, or the same text to someone else is not this one', async () => {
    let offsetMs = -60 * 60_000;
    const { sms } = await setUp({ now: () => new Date(Date.now() + offsetMs) });
    const message = reminder();
    await sms.send(message, patience()); // an hour ago: yesterday's reminder, same words
    offsetMs = 0;
    const since = new Date();
    await sms.send(reminder({ text: 'Homeward: your check-in was received.' }), patience());
    await sms.send(reminder({ to: '+66899999999' }), patience());
    expect(await sms.reconcile?.(message, since, patience())).toEqual({ kind: 'not_sent' });
  });

  test('the message is found on a later page of a long list', async () => {
    const { fake, sms } = await setUp({ maxPageSize: 2 });
    const message = reminder();
    const since = new Date();
    fake.failNext(1, { acceptThenHang: true });
    await sms.send(message, AbortSignal.timeout(300));
    for (let i = 0; i < 4; i += 1) await sms.send(reminder({ text: `Homeward notice ${i}` }), patience());
    expect(await sms.reconcile?.(message, since, patience())).toEqual({
      kind: 'sent',
      providerMessageId: fake.messages[0]?.sid,
    });
  });

  test('the answer is unknown while the list API is down', async () => {
    const { fake, sms } = await setUp();
    fake.listUnavailable(true);
    expect(await sms.reconcile?.(reminder(), new Date(), patience())).toEqual({ kind: 'unknown', code: 'http_503' });
  });

  test('the answer is unknown when Twilio cannot be reached', async () => {
    const { fake, sms } = await setUp();
    await fake.close();
    expect(await sms.reconcile?.(reminder(), new Date(), patience())).toEqual({ kind: 'unknown', code: 'network' });
  });
});

describe('webhooks', () => {
  /** A stand-in for our webhook route: records what arrived and answers with empty TwiML. */
  async function startReceiver() {
    const received: { headers: IncomingHttpHeaders; params: Record<string, string> }[] = [];
    const server = createServer(async (request, response) => {
      received.push({
        headers: request.headers,
        params: Object.fromEntries(new URLSearchParams(await readBody(request))),
      });
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end('<Response/>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/twilio/sms?channel=sms`;
    return { url, received };
  }

  test("the signature matches Twilio's published example", () => {
    const params = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309' };
    const signature = twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', {
      ...params,
      To: '+18005551212',
    });
    expect(signature).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  test("an inbound SMS posted as Twilio posts it verifies and reads as the citizen's reply", async () => {
    const { fake } = await setUp();
    const receiver = await startReceiver();
    const reply = await fake.sendInbound(receiver.url, { from: citizen, to: ourNumber, body: 'OK' });
    expect(reply).toMatchObject({ status: 200, body: '<Response/>', contentType: 'text/xml' });
    const [{ headers, params } = { headers: {}, params: {} }] = receiver.received;
    const signature = headers['x-twilio-signature'] as string;
    expect(verifyTwilioSignature(authToken, receiver.url, params, signature)).toBe(true);
    expect(parseTwilioInbound(params)).toEqual({
      providerMessageId: reply.messageSid,
      from: citizen,
      to: ourNumber,
      body: 'OK',
    });
  });

  test('a changed parameter, a changed URL, a wrong token or a missing signature is refused', async () => {
    const { fake } = await setUp();
    const receiver = await startReceiver();
    await fake.sendInbound(receiver.url, { from: citizen, to: ourNumber, body: 'OK' });
    const [{ headers, params } = { headers: {}, params: {} }] = receiver.received;
    const signature = headers['x-twilio-signature'] as string;
    expect(verifyTwilioSignature(authToken, receiver.url, { ...params, From: '+66800000000' }, signature)).toBe(false);
    expect(verifyTwilioSignature(authToken, receiver.url, { ...params, Extra: '' }, signature)).toBe(false);
    expect(verifyTwilioSignature(authToken, receiver.url.replace('channel=sms', 'channel=x'), params, signature)).toBe(
      false,
    );
    expect(verifyTwilioSignature('another-token', receiver.url, params, signature)).toBe(false);
    expect(verifyTwilioSignature(authToken, receiver.url, params, undefined)).toBe(false);
    expect(verifyTwilioSignature(authToken, receiver.url, params, signature.slice(1))).toBe(false);
  });

  test('a status callback verifies and reads as the delivery status of our message, with its error code', async () => {
    const { fake, sms } = await setUp();
    const outcome = await sms.send(reminder(), patience());
    const sid = outcome.kind === 'sent' ? outcome.providerMessageId : '';
    const receiver = await startReceiver();
    await fake.sendStatus(receiver.url, { sid, status: 'undelivered', errorCode: '30003' });
    const [{ headers, params } = { headers: {}, params: {} }] = receiver.received;
    expect(verifyTwilioSignature(authToken, receiver.url, params, headers['x-twilio-signature'] as string)).toBe(true);
    expect(parseTwilioStatusCallback(params)).toEqual({
      providerMessageId: sid,
      status: 'failed',
      errorCode: 'twilio_30003',
    });
  });

  test.each([
    ['accepted', 'queued'],
    ['queued', 'queued'],
    ['sending', 'queued'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'delivered'],
    ['undelivered', 'failed'],
    ['failed', 'failed'],
  ])('Twilio status %s reads as %s', (twilioStatus, status) => {
    expect(parseTwilioStatusCallback({ MessageSid: 'SM1', MessageStatus: twilioStatus })).toEqual({
      providerMessageId: 'SM1',
      status,
    });
  });

  test('a body that is not a status callback or an inbound SMS reads as nothing', () => {
    expect(parseTwilioStatusCallback({ MessageSid: 'SM1', MessageStatus: 'receiving' })).toBeUndefined();
    expect(parseTwilioStatusCallback({ MessageStatus: 'sent' })).toBeUndefined();
    expect(parseTwilioInbound({ MessageSid: 'SM1', From: citizen, To: ourNumber })).toBeUndefined();
  });
});
