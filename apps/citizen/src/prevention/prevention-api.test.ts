// What the check page sends: the bodies of a check and a report, the paths, and the one retry with the
// session's CSRF token when the browser also holds a login.
import { describe, expect, test } from 'vitest';
import { createPreventionApi, jobOfferCheckBody, reportBody } from './prevention-api';

interface Call {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: unknown;
}

/** A fetch that records each call and answers from `answer`. */
function recordingFetch(answer: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetcher = (async (url: string, init?: RequestInit) => {
    const call = {
      url,
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    return answer(call);
  }) as typeof fetch;
  return { calls, fetcher };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('jobOfferCheckBody', () => {
  test('sends the pasted text trimmed, with the language, and no empty answers', () => {
    expect(jobOfferCheckBody('  Việc nhẹ lương cao  \n', {}, 'vi')).toEqual({
      text: 'Việc nhẹ lương cao',
      language: 'vi',
    });
  });

  test('sends answers alone when nothing was pasted', () => {
    expect(jobOfferCheckBody('   ', { visaType: 'tourist' }, 'en')).toEqual({
      answers: { visaType: 'tourist' },
      language: 'en',
    });
  });
});

describe('reportBody', () => {
  test('keeps the proof of work, drops blank subjects and empty optional fields', () => {
    const body = reportBody(
      { challenge: 'c', nonce: '42' },
      {
        subjects: [
          { kind: 'phone', value: ' +66 81 234 5678 ' },
          { kind: 'company', value: '   ' },
        ],
        description: '  ',
        country: '',
        screenshots: [],
      },
    );
    expect(body).toEqual({ challenge: 'c', nonce: '42', subjects: [{ kind: 'phone', value: '+66 81 234 5678' }] });
  });

  test('sends the description, country and screenshots when there are some', () => {
    const body = reportBody(
      { challenge: 'c', nonce: '1' },
      {
        subjects: [{ kind: 'handle', value: '@recruiter' }],
        description: 'Promised 40,000 THB',
        country: 'TH',
        screenshots: [{ contentType: 'image/png', data: 'iVBORw0KGgo=' }],
      },
    );
    expect(body).toMatchObject({
      description: 'Promised 40,000 THB',
      country: 'TH',
      screenshots: [{ contentType: 'image/png', data: 'iVBORw0KGgo=' }],
    });
  });
});

describe('createPreventionApi', () => {
  test('posts a check as JSON to the job-offer check and reads the result', async () => {
    const result = { level: 'high', score: 9, flags: [], advice: [], registryMatches: [], language: 'th' };
    const { calls, fetcher } = recordingFetch(() => json(200, result));
    const answer = await createPreventionApi(fetcher).checkJobOffer({ text: 'งานแอดมิน', language: 'th' });
    expect(answer).toEqual({ ok: true, value: result });
    expect(calls[0]).toMatchObject({ url: '/api/v1/job-offer-checks', method: 'POST', body: { text: 'งานแอดมิน' } });
    expect(calls[0]?.headers.get('content-type')).toBe('application/json');
    expect(calls[0]?.headers.has('x-csrf-token')).toBe(false);
  });

  test('searches with the query in the URL, encoded', async () => {
    const { calls, fetcher } = recordingFetch(() =>
      json(200, { kind: 'phone', normalised: '+66812345678', entries: [] }),
    );
    await createPreventionApi(fetcher).searchRegistry(' +66 81 234 5678 ');
    expect(calls[0]?.url).toBe('/api/v1/registry/search?q=%2B66+81+234+5678');
    expect(calls[0]?.method).toBe('GET');
  });

  test('a write refused for want of a CSRF token is sent once more with the session’s token, which is kept', async () => {
    const { calls, fetcher } = recordingFetch((call) => {
      if (call.url === '/api/v1/session') return json(200, { kind: 'citizen', csrfToken: 'token-7' });
      if (call.headers.get('x-csrf-token') === 'token-7')
        return json(200, { challenge: 'c', difficulty: 4, expiresAt: '' });
      return json(403, { type: 'https://homeward.example/problems/csrf-token-invalid', title: 'CSRF', status: 403 });
    });
    const api = createPreventionApi(fetcher);
    expect((await api.requestPuzzle()).ok).toBe(true);
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'POST /api/v1/registry/challenges',
      'GET /api/v1/session',
      'POST /api/v1/registry/challenges',
    ]);
    await api.requestPuzzle();
    expect(calls).toHaveLength(4);
    expect(calls[3]?.headers.get('x-csrf-token')).toBe('token-7');
  });

  test('a refusal comes back as the problem, with its detail', async () => {
    const { fetcher } = recordingFetch(() =>
      json(400, {
        type: 'https://homeward.example/problems/proof-of-work-invalid',
        title: 'Proof of work not accepted',
        status: 400,
        detail: 'The nonce does not solve the challenge.',
      }),
    );
    const answer = await createPreventionApi(fetcher).submitReport(
      { challenge: 'c', nonce: '1' },
      { subjects: [{ kind: 'phone', value: '+66812345678' }] },
    );
    expect(answer).toMatchObject({
      ok: false,
      problem: { status: 400, slug: 'proof-of-work-invalid', detail: 'The nonce does not solve the challenge.' },
    });
  });

  test('a removal request goes to the entry’s own path with the proof of work', async () => {
    const { calls, fetcher } = recordingFetch(() => json(202, { requestId: 'r1' }));
    await createPreventionApi(fetcher).requestRemoval(
      'entry/1',
      { challenge: 'c', nonce: '9' },
      { requesterName: 'Acme Recruitment', contactEmail: 'legal@example.com', statement: 'Not us.' },
    );
    expect(calls[0]?.url).toBe('/api/v1/registry/entries/entry%2F1/removal-requests');
    expect(calls[0]?.body).toEqual({
      challenge: 'c',
      nonce: '9',
      requesterName: 'Acme Recruitment',
      contactEmail: 'legal@example.com',
      statement: 'Not us.',
    });
  });
});
