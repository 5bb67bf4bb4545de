// What the reminder-channel calls send (the contract's paths and bodies, the CSRF token on writes), which kinds the
// screen offers, and how the service's VAPID key becomes the bytes the browser's Push API takes.
import { describe, expect, test } from 'vitest';
import { applicationServerKey, createReminderChannelsApi, offeredKinds } from './reminder-channels-api';

function recordingFetch(status: number, body: unknown) {
  const calls: { url: string; method: string; headers: Headers; body: unknown }[] = [];
  const fetcher = (async (url: string, init?: RequestInit) => {
    calls.push({
      url,
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return status === 204
      ? new Response(null, { status })
      : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { calls, fetcher };
}

describe('createReminderChannelsApi', () => {
  test('lists, adds and removes on the stay’s channels, writes with the CSRF token', async () => {
    const { calls, fetcher } = recordingFetch(200, { items: [], available: ['sms'] });
    const api = createReminderChannelsApi(fetcher, () => 'csrf-1');
    await api.list('s/1');
    await api.add('s1', { kind: 'sms', address: '+66 81 234 5678' });
    await api.remove('s1', 'c/1');
    expect(calls.map((call) => [call.method, call.url, call.body])).toEqual([
      ['GET', '/api/v1/stays/s%2F1/channels', undefined],
      ['POST', '/api/v1/stays/s1/channels', { kind: 'sms', address: '+66 81 234 5678' }],
      ['DELETE', '/api/v1/stays/s1/channels/c%2F1', undefined],
    ]);
    expect(calls[0]?.headers.get('x-csrf-token')).toBeNull();
    expect(calls[1]?.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(calls[2]?.headers.get('x-csrf-token')).toBe('csrf-1');
  });

  test('a refused number comes back as a problem with its field', async () => {
    const { fetcher } = recordingFetch(400, {
      type: 'https://homeward.example/problems/validation-failed',
      title: 'Validation failed',
      errors: [{ field: 'address', message: 'a phone number with its country code' }],
    });
    const answer = await createReminderChannelsApi(fetcher, () => 'x').add('s1', { kind: 'sms', address: '123' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.problem.errors.map((error) => error.field)).toEqual(['address']);
  });
});

describe('offeredKinds', () => {
  test('only the kinds the service sends by, in a fixed order', () => {
    expect(offeredKinds(['email', 'sms'], true)).toEqual(['sms', 'email']);
    expect(offeredKinds([], true)).toEqual([]);
  });

  test('this browser only where it can take push messages', () => {
    expect(offeredKinds(['push', 'whatsapp'], true)).toEqual(['push', 'whatsapp']);
    expect(offeredKinds(['push', 'whatsapp'], false)).toEqual(['whatsapp']);
  });
});

test('a base64url VAPID key becomes its raw bytes', () => {
  const bytes = new Uint8Array(65).map((_, index) => (index * 37) % 256);
  const base64url = Buffer.from(bytes).toString('base64url');
  expect(base64url).not.toContain('=');
  expect([...applicationServerKey(base64url)]).toEqual([...bytes]);
});
