// What the stay calls send: the contract's paths and bodies, the CSRF token on a citizen's writes, and an
// Idempotency-Key on check-ins; a public check-in in a browser where someone is logged in is sent again with
// that session's token.
import { describe, expect, test } from 'vitest';
import { createContactLinkApi, createStaysApi, findCurrentStay, publicCheckIn, type Stay } from './stays-api';

function recordingFetch(answer: (url: string, init?: RequestInit) => Response) {
  const calls: { url: string; method: string; headers: Headers; body: unknown }[] = [];
  const fetcher = (async (url: string, init?: RequestInit) => {
    calls.push({
      url,
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return answer(url, init);
  }) as typeof fetch;
  return { calls, fetcher };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createStaysApi', () => {
  test('a check-in posts the PIN and signal with the CSRF token and the Idempotency-Key', async () => {
    const { calls, fetcher } = recordingFetch(() => json(201, { id: 'c1', receivedAt: 'x', nextCheckInDueAt: 'y' }));
    const api = createStaysApi(fetcher, () => 'csrf-1');
    const answer = await api.checkIn('stay/1', { pin: '482913', signal: 'ok' }, 'key-1');
    expect(answer.ok).toBe(true);
    expect(calls[0]?.url).toBe('/api/v1/stays/stay%2F1/check-ins');
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.headers.get('idempotency-key')).toBe('key-1');
    expect(calls[0]?.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(calls[0]?.body).toEqual({ pin: '482913', signal: 'ok' });
  });

  test('pause, resume, end and contacts use the contract’s paths and bodies', async () => {
    const { calls, fetcher } = recordingFetch(() => json(200, {}));
    const api = createStaysApi(fetcher, () => 'csrf-1');
    await api.pause('s1', '482913', '2026-12-01T09:00:00.000Z');
    await api.resume('s1', '482913');
    await api.end('s1', '482913');
    await api.addTrustedContact('s1', { name: 'Mai', channel: 'sms', address: '+84 90 000 0000', language: 'vi' });
    await api.removeTrustedContact('s1', 'tc1');
    expect(calls.map((call) => [call.method, call.url, call.body])).toEqual([
      ['POST', '/api/v1/stays/s1/pause', { pin: '482913', until: '2026-12-01T09:00:00.000Z' }],
      ['POST', '/api/v1/stays/s1/resume', { pin: '482913' }],
      ['POST', '/api/v1/stays/s1/end', { pin: '482913' }],
      [
        'POST',
        '/api/v1/stays/s1/trusted-contacts',
        { name: 'Mai', channel: 'sms', address: '+84 90 000 0000', language: 'vi' },
      ],
      ['DELETE', '/api/v1/stays/s1/trusted-contacts/tc1', undefined],
    ]);
    for (const call of calls) expect(call.headers.get('x-csrf-token')).toBe('csrf-1');
  });
});

describe('public calls', () => {
  test('a public check-in needs no token, and carries its Idempotency-Key', async () => {
    const { calls, fetcher } = recordingFetch(() => json(201, { id: 'c1', receivedAt: 'x', nextCheckInDueAt: 'y' }));
    await publicCheckIn(fetcher, { nationalId: 'S0000001A', pin: '135790', signal: 'ok' }, 'key-9');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/api/v1/check-ins');
    expect(calls[0]?.headers.get('idempotency-key')).toBe('key-9');
    expect(calls[0]?.headers.has('x-csrf-token')).toBe(false);
  });

  test('in a browser where someone is logged in, it is sent once more with that session’s token and the same key', async () => {
    const { calls, fetcher } = recordingFetch((url, init) => {
      if (url === '/api/v1/session') return json(200, { csrfToken: 'csrf-2' });
      if (new Headers(init?.headers).get('x-csrf-token') === 'csrf-2') return json(201, { id: 'c1' });
      return json(403, { type: 'https://homeward.example/problems/csrf-token-invalid', title: 'CSRF', status: 403 });
    });
    const answer = await publicCheckIn(fetcher, { nationalId: 'S0000001A', pin: '135790', signal: 'ok' }, 'key-9');
    expect(answer.ok).toBe(true);
    expect(calls.map((call) => call.url)).toEqual(['/api/v1/check-ins', '/api/v1/session', '/api/v1/check-ins']);
    expect(calls[2]?.headers.get('idempotency-key')).toBe('key-9');
  });

  test('a trusted contact’s calls send the token in the body, never in the address', async () => {
    const { calls, fetcher } = recordingFetch(() => json(200, {}));
    const api = createContactLinkApi(fetcher);
    await api.lookup('token-123456');
    await api.confirm('token-123456');
    await api.raiseConcern('token-123456', 'No word for a week', '2026-11-20T00:00:00.000Z');
    expect(calls.map((call) => [call.url, call.body])).toEqual([
      ['/api/v1/trusted-contact-links/lookup', { token: 'token-123456' }],
      ['/api/v1/trusted-contact-links/confirm', { token: 'token-123456' }],
      [
        '/api/v1/trusted-contact-links/concern',
        { token: 'token-123456', message: 'No word for a week', lastHeardAt: '2026-11-20T00:00:00.000Z' },
      ],
    ]);
  });
});

describe('findCurrentStay', () => {
  const stay = (id: string, status: Stay['status']) => ({ id, status }) as Stay;

  test('the newest stay that has not ended is the one shown; none when every stay has ended', () => {
    expect(findCurrentStay([stay('a', 'ended'), stay('b', 'paused'), stay('c', 'active')])?.id).toBe('b');
    expect(findCurrentStay([stay('a', 'ended')])).toBeUndefined();
  });
});
