// A check-in tap is counted once however often it is retried, and waits in memory (with its key) while offline.
import { describe, expect, test } from 'vitest';
import type { ApiAnswer } from '../account/api';
import { createCheckInSender } from './check-in-sender';

type Body = { pin: string; signal: string };
const receipt = { id: 'c1', receivedAt: '2026-11-23T08:00:00Z', nextCheckInDueAt: '2026-11-30T08:00:00Z' };
const offline: ApiAnswer<typeof receipt> = { ok: false, problem: { status: 0, slug: '', errors: [] } };
const received: ApiAnswer<typeof receipt> = { ok: true, value: receipt };
const wrongPin: ApiAnswer<typeof receipt> = {
  ok: false,
  problem: { status: 401, slug: 'check-in-not-recognised', errors: [] },
};

function fakeServer(answers: ApiAnswer<typeof receipt>[]) {
  const keys: string[] = [];
  let counter = 0;
  const sender = createCheckInSender<Body, typeof receipt>(
    async (_body, key) => {
      keys.push(key);
      return answers.shift() ?? received;
    },
    () => `key-${++counter}`,
  );
  return { sender, keys };
}

describe('createCheckInSender', () => {
  test('a check-in that reaches the server is received, and nothing waits', async () => {
    const { sender, keys } = fakeServer([received]);
    expect(await sender.send({ pin: '482913', signal: 'ok' })).toEqual({ kind: 'received', receipt });
    expect(sender.isWaiting()).toBe(false);
    expect(keys).toEqual(['key-1']);
  });

  test('offline, the check-in waits and is sent again with the same key', async () => {
    const { sender, keys } = fakeServer([offline, received]);
    expect(await sender.send({ pin: '482913', signal: 'ok' })).toEqual({ kind: 'waiting' });
    expect(sender.isWaiting()).toBe(true);
    expect(await sender.retry()).toEqual({ kind: 'received', receipt });
    expect(keys).toEqual(['key-1', 'key-1']);
    expect(sender.isWaiting()).toBe(false);
    expect(await sender.retry()).toBeUndefined();
  });

  test('tapping the same check-in again while it waits is a retry of it, not a second check-in', async () => {
    const { sender, keys } = fakeServer([offline, received]);
    await sender.send({ pin: '482913', signal: 'ok' });
    await sender.send({ pin: '482913', signal: 'ok' });
    expect(keys).toEqual(['key-1', 'key-1']);
  });

  test('a new tap after one was received gets a new key', async () => {
    const { sender, keys } = fakeServer([received, received]);
    await sender.send({ pin: '482913', signal: 'ok' });
    await sender.send({ pin: '482913', signal: 'ok' });
    expect(keys).toEqual(['key-1', 'key-2']);
  });

  test('a different check-in (another signal) gets its own key', async () => {
    const { sender, keys } = fakeServer([offline, received]);
    await sender.send({ pin: '482913', signal: 'ok' });
    await sender.send({ pin: '482913', signal: 'sos' });
    expect(keys).toEqual(['key-1', 'key-2']);
  });

  test('a refused check-in (a wrong PIN) does not wait to be sent again', async () => {
    const { sender } = fakeServer([wrongPin]);
    const sent = await sender.send({ pin: '000001', signal: 'ok' });
    expect(sent.kind).toBe('refused');
    expect(sender.isWaiting()).toBe(false);
  });

  test('a double tap while the first is on its way sends once', async () => {
    const { sender, keys } = fakeServer([received]);
    const [first, second] = await Promise.all([
      sender.send({ pin: '482913', signal: 'ok' }),
      sender.send({ pin: '482913', signal: 'ok' }),
    ]);
    expect(first).toEqual(second);
    expect(keys).toEqual(['key-1']);
  });

  test('a server that could not answer (503) is tried again with the same key', async () => {
    const unavailable: ApiAnswer<typeof receipt> = { ok: false, problem: { status: 503, slug: '', errors: [] } };
    const { sender, keys } = fakeServer([unavailable, received]);
    expect((await sender.send({ pin: '482913', signal: 'ok' })).kind).toBe('waiting');
    expect((await sender.retry())?.kind).toBe('received');
    expect(keys).toEqual(['key-1', 'key-1']);
  });

  test('discard forgets what waits', async () => {
    const { sender } = fakeServer([offline]);
    await sender.send({ pin: '482913', signal: 'ok' });
    sender.discard();
    expect(sender.isWaiting()).toBe(false);
    expect(await sender.retry()).toBeUndefined();
  });
});
