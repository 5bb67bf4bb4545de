// The check page's calls: the job-offer check, the registry search, reports and removal requests (each
// behind a proof-of-work puzzle). All are public; but a browser with a live session (a citizen logged
// in on the start page) must send the session's CSRF token on writes, so a write refused for want of
// one fetches the token once and is sent again.
import { type ApiAnswer, callApi } from '../account/api';

export type RiskLevel = 'low' | 'elevated' | 'high';
export type SubjectKind = 'phone' | 'company' | 'url' | 'handle';
export const subjectKinds: readonly SubjectKind[] = ['phone', 'company', 'url', 'handle'];

export interface RegistryMatch {
  readonly kind: SubjectKind;
  readonly display: string;
  readonly reportCount: number;
  readonly reporterCount: number;
  readonly firstReportedAt: string;
}

export interface JobOfferCheckResult {
  readonly level: RiskLevel;
  readonly score: number;
  readonly flags: readonly { readonly code: string; readonly weight: number; readonly explanation: string }[];
  readonly advice: readonly { readonly code: string; readonly text: string }[];
  readonly registryMatches: readonly RegistryMatch[];
  readonly language: string;
}

export interface RegistryEntry extends RegistryMatch {
  readonly id: string;
  readonly lastReportedAt: string;
  readonly disputed: boolean;
}

export interface RegistrySearchResult {
  readonly kind: SubjectKind;
  readonly normalised: string;
  readonly entries: readonly RegistryEntry[];
}

export interface Puzzle {
  readonly challenge: string;
  readonly difficulty: number;
  readonly expiresAt: string;
}

export interface Screenshot {
  readonly contentType: string;
  /** Base64, without a `data:` prefix. */
  readonly data: string;
}

export interface ReportInput {
  readonly subjects: readonly { readonly kind: SubjectKind; readonly value: string }[];
  readonly description?: string;
  readonly country?: string;
  readonly screenshots?: readonly Screenshot[];
}

export interface RemovalInput {
  readonly requesterName: string;
  readonly contactEmail: string;
  readonly statement: string;
}

export interface Solved {
  readonly challenge: string;
  readonly nonce: string;
}

export const paths = {
  check: '/api/v1/job-offer-checks',
  search: '/api/v1/registry/search',
  challenges: '/api/v1/registry/challenges',
  reports: '/api/v1/registry/reports',
  removal: (entryId: string) => `/api/v1/registry/entries/${encodeURIComponent(entryId)}/removal-requests`,
} as const;

/** The check page's API client; `fetcher` is the page's fetch (a test passes its own). */
export function createPreventionApi(fetcher: typeof fetch) {
  let csrfToken: string | undefined;

  const post = async <T>(path: string, body: unknown): Promise<ApiAnswer<T>> => {
    const first = await callApi<T>(fetcher, path, { method: 'POST', body, ...optionalToken(csrfToken) });
    if (first.ok || first.problem.slug !== 'csrf-token-invalid') return first;
    // A session lives in this browser: take its token and try once more.
    const session = await callApi<{ csrfToken?: string }>(fetcher, '/api/v1/session');
    if (!session.ok || typeof session.value?.csrfToken !== 'string') return first;
    csrfToken = session.value.csrfToken;
    return callApi<T>(fetcher, path, { method: 'POST', body, csrfToken });
  };

  return {
    /** Checks an offer; the explanations come back in `language`. */
    checkJobOffer: (body: JobOfferCheckBody) => post<JobOfferCheckResult>(paths.check, body),
    searchRegistry: (query: string) =>
      callApi<RegistrySearchResult>(fetcher, `${paths.search}?${new URLSearchParams({ q: query.trim() })}`),
    requestPuzzle: () => post<Puzzle>(paths.challenges, {}),
    submitReport: (solved: Solved, report: ReportInput) =>
      post<{ reportId: string; status: string; duplicate: boolean }>(paths.reports, reportBody(solved, report)),
    requestRemoval: (entryId: string, solved: Solved, request: RemovalInput) =>
      post<{ requestId?: string }>(paths.removal(entryId), { ...solved, ...request }),
  };
}

export type PreventionApi = ReturnType<typeof createPreventionApi>;

export interface JobOfferCheckBody {
  readonly text?: string;
  readonly answers?: Readonly<Record<string, unknown>>;
  readonly language: string;
}

/**
 * The body of a job-offer check: the text only when there is some, the answers only when one was given.
 *
 * @example jobOfferCheckBody('  Work in Myawaddy… ', {}, 'th') // { text: 'Work in Myawaddy…', language: 'th' }
 */
export function jobOfferCheckBody(
  text: string,
  answers: Readonly<Record<string, unknown>>,
  language: string,
): JobOfferCheckBody {
  const trimmed = text.trim();
  return {
    ...(trimmed !== '' && { text: trimmed }),
    ...(Object.keys(answers).length > 0 && { answers }),
    language,
  };
}

/** A report's body: subjects without blank values, and no empty optional field. */
export function reportBody(solved: Solved, report: ReportInput) {
  const description = report.description?.trim() ?? '';
  return {
    challenge: solved.challenge,
    nonce: solved.nonce,
    subjects: report.subjects
      .map((subject) => ({ kind: subject.kind, value: subject.value.trim() }))
      .filter((subject) => subject.value !== ''),
    ...(description !== '' && { description }),
    ...(report.country && { country: report.country }),
    ...(report.screenshots && report.screenshots.length > 0 && { screenshots: report.screenshots }),
  };
}

function optionalToken(csrfToken: string | undefined) {
  return csrfToken === undefined ? {} : { csrfToken };
}
