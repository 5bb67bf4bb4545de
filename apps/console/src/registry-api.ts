// The console's calls to the registry's moderation API (action `registry.moderate`): the queue of
// pending reports, a report with its screenshots, the decision on it, and removal requests.
// Shapes follow the registry's schemas (packages/server/src/registry/registry-schemas.ts); the console
// imports no server code.
import { call } from './staff-api';

export type SubjectKind = 'phone' | 'company' | 'url' | 'handle';
export const subjectKinds: readonly SubjectKind[] = ['phone', 'company', 'url', 'handle'];

/** A subject as the reporter gave it, with the form the registry matches it by (E.164, host/path, folded name). */
export interface ReportedSubject {
  readonly kind: SubjectKind;
  readonly value: string;
  readonly normalised: string;
}

/** One report in the queue. Who reported is never part of it. */
export interface ReportSummary {
  readonly id: string;
  readonly status: string;
  readonly country: string | null;
  readonly subjects: readonly ReportedSubject[];
  readonly screenshotCount: number;
  readonly createdAt: string;
}

/** One report in full, for the moderator. */
export interface ReportDetails extends ReportSummary {
  readonly description: string | null;
}

/** A subject a moderator approves: the registry derives the public display from the value. */
export interface ApprovedSubject {
  readonly kind: SubjectKind;
  readonly value: string;
}

export type ReportDecision =
  | { readonly decision: 'approve'; readonly reason: string; readonly subjects: readonly ApprovedSubject[] }
  | { readonly decision: 'reject'; readonly reason: string };

export interface RemovalRequest {
  readonly id: string;
  readonly status: string;
  readonly entry: {
    readonly id: string;
    readonly kind: SubjectKind;
    readonly display: string;
    readonly removed: boolean;
  };
  readonly requesterName: string;
  readonly contactEmail: string;
  readonly statement: string;
  readonly createdAt: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

const base = '/api/v1/registry';

/** `path?query` with the defined values only. */
export function withQuery(path: string, query: Readonly<Record<string, string | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(name, value);
  return search.size > 0 ? `${path}?${search}` : path;
}

export const screenshotPath = (reportId: string, index: number) =>
  `${base}/reports/${encodeURIComponent(reportId)}/screenshots/${index}`;

export const registryApi = {
  pendingReports: (cursor?: string) =>
    call<Page<ReportSummary>>('GET', withQuery(`${base}/reports`, { status: 'pending', cursor })),
  report: (reportId: string) => call<ReportDetails>('GET', `${base}/reports/${encodeURIComponent(reportId)}`),
  decideReport: (reportId: string, decision: ReportDecision) =>
    call<unknown>('POST', `${base}/reports/${encodeURIComponent(reportId)}/decision`, decision),
  pendingRemovalRequests: (cursor?: string) =>
    call<Page<RemovalRequest>>('GET', withQuery(`${base}/removal-requests`, { status: 'pending', cursor })),
  decideRemoval: (requestId: string, decision: { decision: 'remove' | 'keep'; reason: string }) =>
    call<unknown>('POST', `${base}/removal-requests/${encodeURIComponent(requestId)}/decision`, decision),
};
