// The citizen app's calls to the session and login API, and how their problem answers are read.
// The session lives in an HttpOnly cookie; writes carry the CSRF token that `GET /api/v1/session` gives.

const requestTimeoutMilliseconds = 15_000;

/** What a refused call said, from its RFC 9457 problem details; status 0 when nothing came back. */
export interface ProblemAnswer {
  readonly status: number;
  /** The last part of the problem's type URI, e.g. `one-time-code-wrong`; empty when there was none. */
  readonly slug: string;
  readonly title?: string;
  readonly detail?: string;
  readonly errors: readonly { readonly field: string; readonly message: string }[];
  /** From the Retry-After header (seconds, or an HTTP date), when the server sent one. */
  readonly retryAfterSeconds?: number;
}

export type ApiAnswer<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: ProblemAnswer };

/** Calls the API with JSON in and out; never throws. */
export async function callApi<T>(
  fetcher: typeof fetch,
  path: string,
  init: {
    readonly method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    readonly body?: unknown;
    readonly csrfToken?: string;
    /** Sent as `Idempotency-Key`, so a retry of the same write is counted once. */
    readonly idempotencyKey?: string;
  } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (init.idempotencyKey !== undefined) headers['idempotency-key'] = init.idempotencyKey;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.csrfToken !== undefined) headers['x-csrf-token'] = init.csrfToken;
  let response: Response;
  try {
    response = await fetcher(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      signal: AbortSignal.timeout?.(requestTimeoutMilliseconds),
    });
  } catch {
    return { ok: false, problem: { status: 0, slug: '', errors: [] } };
  }
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, value: body as T };
  return { ok: false, problem: readProblem(response.status, body, response.headers.get('retry-after')) };
}

/** The parts of a problem answer the screens use; anything malformed is left out. */
export function readProblem(status: number, body: unknown, retryAfter: string | null = null): ProblemAnswer {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const type = typeof fields.type === 'string' ? fields.type : '';
  const errors = Array.isArray(fields.errors)
    ? fields.errors.filter(
        (error): error is { field: string; message: string } =>
          typeof error?.field === 'string' && typeof error?.message === 'string',
      )
    : [];
  return {
    status,
    slug: type.slice(type.lastIndexOf('/') + 1),
    ...(typeof fields.title === 'string' && { title: fields.title }),
    ...(typeof fields.detail === 'string' && { detail: fields.detail }),
    errors,
    ...optionalRetryAfter(parseRetryAfter(retryAfter)),
  };
}

/** Retry-After in seconds: either a number of seconds or an HTTP date (RFC 9110, section 10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

function optionalRetryAfter(seconds: number | undefined) {
  return seconds === undefined ? {} : { retryAfterSeconds: seconds };
}

/** A problem's own words, for a problem the screen has no translated message for. */
export function problemText(problem: ProblemAnswer): string | undefined {
  return problem.detail ?? problem.title;
}

export interface SessionInfo {
  readonly kind: 'citizen' | 'staff';
  readonly displayName: string;
  readonly assurance: 'high' | 'substantial' | 'low' | null;
  readonly assuranceSource: string | null;
  readonly csrfToken: string;
}

export interface OfferedProvider {
  readonly key: string;
  readonly isDemo: boolean;
  readonly startUrl: string;
}

export const providersPath = '/api/v1/citizen-login/providers';

/** Who is logged in here; 401 (nobody) and failures both answer undefined. */
export async function fetchSession(fetcher: typeof fetch): Promise<SessionInfo | undefined> {
  const answer = await callApi<SessionInfo>(fetcher, '/api/v1/session');
  return answer.ok ? answer.value : undefined;
}

/** The digital ID providers this server offers; none when the call fails. */
export async function fetchProviders(fetcher: typeof fetch): Promise<readonly OfferedProvider[]> {
  const answer = await callApi<{ providers: OfferedProvider[] }>(fetcher, providersPath);
  return answer.ok && Array.isArray(answer.value?.providers) ? answer.value.providers : [];
}

/** Ends this session at the server (which clears the cookie). */
export function logOut(fetcher: typeof fetch, csrfToken: string): Promise<ApiAnswer<undefined>> {
  return callApi<undefined>(fetcher, '/api/v1/session/logout', { method: 'POST', csrfToken });
}
