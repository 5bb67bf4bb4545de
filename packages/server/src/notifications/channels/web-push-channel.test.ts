import { afterEach, expect, test } from 'vitest';
import webPush from 'web-push';
import { type PushServiceFake, startPushServiceFake } from '../../test-support/provider-fakes/push-service-fake.js';
import type { OutgoingMessage } from './channel.js';
import { createWebPushChannel, generateVapidKeys } from './web-push-channel.js';

const vapidKeys = generateVapidKeys();
const vapid = { subject: 'mailto:ops@homeward.test', ...vapidKeys };
let push: PushServiceFake | undefined;

afterEach(async () => {
  await push?.close();
  push = undefined;
});

function message(to: unknown, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: '9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
    to: JSON.stringify(to),
    template: 'check_in_reminder',
    language: 'en',
    subject: 'Homeward',
    text: 'Time for your check-in.',
    purpose: 'notice',
    ...overrides,
  };
}

async function started(keys = vapid) {
  push = await startPushServiceFake();
  return { push, channel: createWebPushChannel({ vapid: keys, allowInsecureEndpoints: true }) };
}

test('the push service receives a payload that decrypts to our notification, urgent, with a topic and a TTL', async () => {
  const { push, channel } = await started();
  const subscription = push.createSubscription({ applicationServerKey: vapidKeys.publicKey });

  const outcome = await channel.send(message(subscription), AbortSignal.timeout(5_000));

  const received = await push.waitForPush(subscription.endpoint);
  expect(received).toEqual({
    endpoint: subscription.endpoint,
    ttl: 4 * 60 * 60,
    topic: '9f1c2d3e4b5a4c6d8e7f0a1b2c3d4e5f',
    urgency: 'high',
    payload: { title: 'Homeward', body: 'Time for your check-in.', tag: 'homeward' },
  });
  expect(outcome).toMatchObject({ kind: 'sent', providerMessageId: expect.stringContaining(`${push.url}/message/`) });
  expect(channel).toMatchObject({ kind: 'push', provider: 'web_push', isIdempotent: false });
});

test('a message signed with another VAPID key than the subscription was made for is refused for good', async () => {
  const { push, channel } = await started({ ...vapid, ...generateVapidKeys() });
  const subscription = push.createSubscription({ applicationServerKey: vapidKeys.publicKey });

  const outcome = await channel.send(message(subscription), AbortSignal.timeout(5_000));

  expect(outcome).toEqual({ kind: 'permanent', code: 'push_403' });
  expect(push.received).toHaveLength(0);
});

test('the fake push service refuses a VAPID token signed by another key than it names, or for another service', async () => {
  push = await startPushServiceFake();
  const subscription = push.createSubscription();
  const signed = webPush.getVapidHeaders(push.url, vapid.subject, vapid.publicKey, vapid.privateKey, 'aes128gcm');
  const otherKey = generateVapidKeys().publicKey;
  const forged = signed.Authorization.replace(/k=[A-Za-z0-9_-]+/, `k=${otherKey}`);
  const request = (authorization: string) =>
    fetch(subscription.endpoint, { method: 'POST', headers: { authorization, ttl: '60' } }).then((r) => r.status);

  const elsewhere = webPush.getVapidHeaders(
    'https://push.example',
    vapid.subject,
    vapid.publicKey,
    vapid.privateKey,
    'aes128gcm',
  );

  // The genuine token passes VAPID and is refused only later, for lacking an encrypted body (415).
  expect(await request(signed.Authorization)).toBe(415);
  expect(await request(forged)).toBe(401);
  expect(await request(elsewhere.Authorization)).toBe(401);
});

test('an expired subscription (410) is permanent push_gone, so the worker stops using it', async () => {
  const { push, channel } = await started();
  const subscription = push.createSubscription();
  push.expire(subscription.endpoint);

  expect(await channel.send(message(subscription), AbortSignal.timeout(5_000))).toEqual({
    kind: 'permanent',
    code: 'push_gone',
  });
});

test('an endpoint the push service does not know (404) is push_gone too', async () => {
  const { push, channel } = await started();
  const subscription = push.createSubscription();

  const unknown = { ...subscription, endpoint: `${push.url}/push/not-a-subscription` };
  expect(await channel.send(message(unknown), AbortSignal.timeout(5_000))).toEqual({
    kind: 'permanent',
    code: 'push_gone',
  });
});

test('a push service error (500) is transient and the next attempt goes through', async () => {
  const { push, channel } = await started();
  const subscription = push.createSubscription();
  push.failNext(1, 500);

  expect(await channel.send(message(subscription), AbortSignal.timeout(5_000))).toEqual({
    kind: 'transient',
    code: 'push_500',
    retryAfterMs: undefined,
  });
  expect(await channel.send(message(subscription), AbortSignal.timeout(5_000))).toMatchObject({ kind: 'sent' });
  expect(push.received).toHaveLength(1);
});

test('a rate-limited push (429) is transient and carries the service’s Retry-After', async () => {
  const { push, channel } = await started();
  const subscription = push.createSubscription();
  push.failNext(1, 429);

  expect(await channel.send(message(subscription), AbortSignal.timeout(5_000))).toEqual({
    kind: 'transient',
    code: 'push_429',
    retryAfterMs: 7_000,
  });
});

test('a push service that cannot be reached is a transient network failure', async () => {
  const { push, channel } = await started();
  const subscription = push.createSubscription();
  await push.close();

  expect(await channel.send(message(subscription), AbortSignal.timeout(5_000))).toEqual({
    kind: 'transient',
    code: 'network',
  });
});

test('a subscription that is not one, or a plain-HTTP endpoint in production, is refused before any request', async () => {
  const { push, channel } = await started();
  const subscription = push.createSubscription();
  const strict = createWebPushChannel({ vapid });

  expect(await channel.send(message({ endpoint: 'nope' }), AbortSignal.timeout(5_000))).toEqual({
    kind: 'permanent',
    code: 'push_bad_subscription',
  });
  const badKeys = { ...subscription, keys: { p256dh: 'AAAA', auth: 'AAAA' } };
  expect(await channel.send(message(badKeys), AbortSignal.timeout(5_000))).toEqual({
    kind: 'permanent',
    code: 'push_bad_subscription',
  });
  expect(await strict.send(message(subscription), AbortSignal.timeout(5_000))).toEqual({
    kind: 'permanent',
    code: 'push_insecure_endpoint',
  });
  expect(push.received).toHaveLength(0);
});

test('a message id that is not a UUID still makes a valid topic', async () => {
  const { push, channel } = await started();
  const subscription = push.createSubscription();

  await channel.send(message(subscription, { id: 'outbox:42/retry' }), AbortSignal.timeout(5_000));

  expect((await push.waitForPush(subscription.endpoint)).topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
});
