// Which message the phone login screen shows for each answer of the API, and what it sends.
import { describe, expect, test } from 'vitest';
import { messageForProblem, requestPhoneCode, verifyPhoneCode } from './phone-login-api';

const problem = (slug: string, extra: object = {}) => ({
  type: `https://homeward.example/problems/${slug}`,
  title: 'x',
  status: 400,
  ...extra,
});

describe('messageForProblem', () => {
  test.each([
    ['one-time-code-wrong', 'wrongCode'],
    ['one-time-code-unusable', 'codeUnusable'],
    ['passport-mismatch', 'passportMismatch'],
    ['too-many-requests', 'tooMany'],
    ['phone-login-unavailable', 'unavailable'],
    ['one-time-code-not-sent', 'notSent'],
    ['csrf-token-invalid', 'alreadyLoggedIn'],
    ['internal-error', 'failed'],
  ])('a %s problem shows %s', (slug, message) => {
    expect(messageForProblem(problem(slug))).toBe(message);
  });

  test.each([
    ['body/phone', 'invalidPhone'],
    ['body/passportNumber', 'invalidPassport'],
    ['body/code', 'invalidCode'],
  ])('a validation problem naming %s shows %s', (field, message) => {
    expect(messageForProblem(problem('validation-failed', { errors: [{ field, message: 'no' }] }))).toBe(message);
  });

  test('anything unexpected shows the general failure', () => {
    for (const body of [undefined, null, 'oops', {}, problem('validation-failed')]) {
      expect(messageForProblem(body)).toBe('failed');
    }
  });
});

describe('the calls', () => {
  test('asking for a code posts the phone, passport number and language, and returns the challenge', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const fetcher = (async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ challengeId: 'c', expiresAt: 'e', demoCode: '012345' }), { status: 200 });
    }) as typeof fetch;
    const answer = await requestPhoneCode({ phone: '+66 81 234 5678', passportNumber: 'E1', language: 'th' }, fetcher);
    expect(answer).toEqual({ ok: true, value: { challengeId: 'c', expiresAt: 'e', demoCode: '012345' } });
    expect(calls[0]?.url).toBe('/api/v1/citizen-login/phone/start');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({
      phone: '+66 81 234 5678',
      passportNumber: 'E1',
      language: 'th',
    });
  });

  test('a problem answer becomes its message, and a network failure the general one', async () => {
    const refusing = (async () =>
      new Response(JSON.stringify(problem('one-time-code-wrong')), { status: 401 })) as unknown as typeof fetch;
    expect(await verifyPhoneCode({ challengeId: 'c', code: '1' }, refusing)).toEqual({
      ok: false,
      message: 'wrongCode',
    });
    const offline = (async () => {
      throw new TypeError('offline');
    }) as unknown as typeof fetch;
    expect(await verifyPhoneCode({ challengeId: 'c', code: '1' }, offline)).toEqual({ ok: false, message: 'failed' });
  });
});

describe('problems the screen words itself', () => {
  const answering = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    (async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/problem+json', ...headers },
      })) as unknown as typeof fetch;

  test('a 429 says when to try again, from the Retry-After header', async () => {
    const limited = answering(429, problem('too-many-requests', { status: 429 }), { 'retry-after': '600' });
    expect(await verifyPhoneCode({ challengeId: 'c', code: '1' }, limited)).toEqual({
      ok: false,
      message: 'tooMany',
      retryAfterSeconds: 600,
    });
  });

  test('a 429 without Retry-After (or of another type) still asks to wait', async () => {
    const limited = answering(429, { type: 'about:blank', title: 'Too Many Requests', status: 429 });
    expect(await requestPhoneCode({ phone: '+6681', passportNumber: 'E1', language: 'en' }, limited)).toEqual({
      ok: false,
      message: 'tooMany',
    });
  });

  test('a problem we have no words for shows what the server said, not a connection hint', async () => {
    const refusing = answering(503, problem('service-unavailable', { detail: 'The database cannot be reached.' }));
    expect(await requestPhoneCode({ phone: '+6681', passportNumber: 'E1', language: 'en' }, refusing)).toEqual({
      ok: false,
      message: 'failed',
      serverText: 'The database cannot be reached.',
    });
  });
});
