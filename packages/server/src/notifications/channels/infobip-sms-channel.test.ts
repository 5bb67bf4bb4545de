import { randomUUID } from 'node:crypto';
import { afterEach, expect, test } from 'vitest';
import { type InfobipFake, startInfobipFake } from '../../test-support/provider-fakes/infobip-fake.js';
import type { OutgoingMessage } from './channel.js';
import { createInfobipSmsChannel } from './infobip-sms-channel.js';

const apiKey = 'infobip-test-api-key';
const sender = 'Homeward';
const citizen = '+66812345678';

let fake: InfobipFake | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setUp() {
  const started = await startInfobipFake({ apiKey });
  fake = started;
  return { fake: started, sms: createInfobipSmsChannel({ baseUrl: started.url, apiKey, from: sender }) };
}

function reminder(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: randomUUID(),
    to: citizen,
    template: 'check_in_reminder',
    language: 'zh',
    subject: 'Homeward',
    text: 'Homeward：请报平安。回复 OK。',
    purpose: 'notice',
    ...overrides,
  };
}

const patience = () => AbortSignal.timeout(5_000);

test('a message reaches Infobip under our id from our sender, and comes back sent with that id', async () => {
  const { fake, sms } = await setUp();
  const message = reminder();
  expect(await sms.send(message, patience())).toEqual({ kind: 'sent', providerMessageId: message.id });
  expect(await fake.waitForMessageTo(citizen, 1_000)).toMatchObject({
    messageId: message.id,
    to: '66812345678',
    sender,
    text: message.text,
  });
  expect(sms).toMatchObject({ kind: 'sms', provider: 'infobip', isIdempotent: true });
});

test('sending the same id twice reaches the phone once', async () => {
  const { fake, sms } = await setUp();
  const message = reminder();
  await sms.send(message, patience());
  expect(await sms.send(message, patience())).toEqual({ kind: 'sent', providerMessageId: message.id });
  expect(fake.accepted).toHaveLength(2);
  expect(fake.deliveredCopies(message.id)).toBe(1);
});

test('a send whose answer was lost after Infobip accepted it can be sent again without a second copy', async () => {
  const { fake, sms } = await setUp();
  const message = reminder();
  fake.failNext(1, { acceptThenHang: true });
  expect(await sms.send(message, AbortSignal.timeout(300))).toEqual({ kind: 'transient', code: 'timeout' });
  expect(await sms.send(message, patience())).toEqual({ kind: 'sent', providerMessageId: message.id });
  expect(fake.deliveredCopies(message.id)).toBe(1);
});

test('a 503 from Infobip is worth another try and sends nothing', async () => {
  const { fake, sms } = await setUp();
  fake.failNext(1, { status: 503 });
  expect(await sms.send(reminder(), patience())).toEqual({ kind: 'transient', code: 'http_503' });
  expect(fake.messages).toEqual([]);
});

test("Infobip's rate limit (429) is worth another try", async () => {
  const { fake, sms } = await setUp();
  fake.failNext(1, { status: 429 });
  expect(await sms.send(reminder(), patience())).toEqual({ kind: 'transient', code: 'infobip_TOO_MANY_REQUESTS' });
});

test('a wrong API key is permanent', async () => {
  const { fake } = await setUp();
  const sms = createInfobipSmsChannel({ baseUrl: fake.url, apiKey: 'wrong', from: sender });
  expect(await sms.send(reminder(), patience())).toEqual({ kind: 'permanent', code: 'infobip_UNAUTHORIZED' });
  expect(fake.messages).toEqual([]);
});

test('a destination Infobip rejects is permanent, and the code names no number', async () => {
  const { fake, sms } = await setUp();
  const outcome = await sms.send(reminder({ to: '0812' }), patience());
  expect(outcome).toEqual({ kind: 'permanent', code: 'infobip_REJECTED_DESTINATION' });
  expect(JSON.stringify(outcome)).not.toContain('0812');
  expect(fake.messages).toEqual([]);
});

test('a request Infobip cannot process, refused in its newer error shape, is permanent', async () => {
  const { fake, sms } = await setUp();
  expect(await sms.send(reminder({ text: '' }), patience())).toEqual({ kind: 'permanent', code: 'infobip_E400' });
  expect(fake.messages).toEqual([]);
});

test('an Infobip that never answers is a transient timeout once the signal gives up', async () => {
  const { fake, sms } = await setUp();
  fake.failNext(1, { hang: true });
  expect(await sms.send(reminder(), AbortSignal.timeout(300))).toEqual({ kind: 'transient', code: 'timeout' });
  expect(fake.messages).toEqual([]);
});

test('an Infobip that cannot be reached is a transient network error', async () => {
  const { fake, sms } = await setUp();
  await fake.close();
  expect(await sms.send(reminder(), patience())).toEqual({ kind: 'transient', code: 'network' });
});
