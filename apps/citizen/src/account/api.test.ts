// How the app reads the API's problem answers, and what it sends with a logout.
import { describe, expect, test } from 'vitest';
import { callApi, logOut, parseRetryAfter, problemText, readProblem } from './api';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-23T08:00:00Z');

  test('reads a number of seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
  });

  test('reads an HTTP date as the seconds until then', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 08:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfter('Mon, 23 Nov 2026 07:00:00 GMT', now)).toBe(0);
  });

  test('ignores a missing or unreadable value', () => {
    for (const value of [null, '', 'soon']) expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('readProblem', () => {
  test('keeps the type slug, title, detail and field errors', () => {
    const body = {
      type: 'https://homeward.example/problems/validation-failed',
      title: 'Validation failed',
      status: 400,
      detail: 'Check: body/phone.',
      errors: [{ field: 'body/phone', message: 'no' }, { field: 3 }],
    };
    expect(readProblem(400, body)).toEqual({
      status: 400,
      slug: 'validation-failed',
      title: 'Validation failed',
      detail: 'Check: body/phone.',
      errors: [{ field: 'body/phone', message: 'no' }],
    });
  });

  test('a body that is not a problem leaves only the status', () => {
    expect(readProblem(502, '<html>')).toEqual({ status: 502, slug: '', errors: [] });
  });

  test("a problem's own words are its detail, else its title", () => {
    expect(problemText(readProblem(500, { title: 'Internal error' }))).toBe('Internal error');
    expect(problemText(readProblem(500, { title: 'T', detail: 'D' }))).toBe('D');
  });
});

describe('the calls', () => {
  test('logout posts with the CSRF token and treats 204 as done', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const fetcher = (async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    expect(await logOut(fetcher, 'token-1')).toEqual({ ok: true, value: undefined });
    expect(calls[0]?.url).toBe('/api/v1/session/logout');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(new Headers(calls[0]?.init?.headers).get('x-csrf-token')).toBe('token-1');
  });

  test('a network failure is a problem with status 0, never a thrown error', async () => {
    const offline = (async () => {
      throw new TypeError('offline');
    }) as unknown as typeof fetch;
    expect(await callApi(offline, '/api/v1/session')).toEqual({
      ok: false,
      problem: { status: 0, slug: '', errors: [] },
    });
  });
});
