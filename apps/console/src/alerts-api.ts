// The console's calls to the welfare-check alert API (the OpenAPI document at /api/openapi.json, tag "welfare-checks"): the queue of
// alerts in the officer's jurisdiction, one alert in full, and the three things staff do with it: record a
// contact attempt, resolve it with a reason, escalate it to a case. The console imports no server code.
import { withQuery } from './registry-api';
import { call } from './staff-api';

export const alertSources = [
  'sos',
  'duress',
  'need_help',
  'trusted_contact_concern',
  'missed_check_in',
  'pin_failures',
] as const;
export type AlertSource = (typeof alertSources)[number];

export const alertStatuses = ['open', 'contacting', 'resolved', 'escalated'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

export const alertSorts = ['risk', 'age'] as const;
export type AlertSort = (typeof alertSorts)[number];

export const contactChannels = ['phone', 'sms', 'whatsapp', 'email', 'in_person', 'partner'] as const;
export type ContactChannel = (typeof contactChannels)[number];

export const contactOutcomes = ['reached_safe', 'reached_needs_help', 'no_answer', 'wrong_number', 'other'] as const;
export type ContactOutcome = (typeof contactOutcomes)[number];

export const resolutionReasons = ['reached_safe', 'checked_in', 'returned_home', 'false_alarm', 'other'] as const;
export type ResolutionReason = (typeof resolutionReasons)[number];

/** One reason behind an alert's score; `detail` is what it counted or matched (hours, alerts, an area, a level). */
export interface RiskFactor {
  readonly code: string;
  readonly weight: number;
  readonly detail?: string | number;
}

/** One alert in the queue. */
export interface AlertSummary {
  readonly id: string;
  readonly source: AlertSource;
  readonly status: AlertStatus;
  readonly riskScore: number;
  readonly riskFactors: readonly RiskFactor[];
  readonly raisedAt: string;
  readonly missedPeriods: number;
  readonly isSupervisorEscalated: boolean;
  readonly contactAttempts: number;
  readonly stay: { readonly id: string; readonly destinationCountry: string; readonly embassyId: string };
}

export interface TrustedContact {
  readonly id: string;
  readonly name: string;
  readonly channel: 'email' | 'sms' | 'whatsapp';
  readonly language: string;
  readonly status: 'invited' | 'confirmed';
}

/** The stay an alert is about, as staff see it (trusted contacts without their addresses). */
export interface StayDetails {
  readonly id: string;
  readonly status: 'active' | 'paused' | 'ended';
  readonly isOverdue: boolean;
  readonly destination: { readonly country: string; readonly city?: string | null };
  readonly employer?: { readonly name?: string | null; readonly address?: string | null } | null;
  readonly recruiter?: {
    readonly name?: string | null;
    readonly phone?: string | null;
    readonly links?: readonly string[] | null;
  } | null;
  readonly jobOffer?: {
    readonly title?: string | null;
    readonly salary?: { readonly amount: number; readonly currency: string } | null;
    readonly foundThrough?: string | null;
  } | null;
  readonly route?: string | null;
  readonly visaType?: string | null;
  readonly startsOn: string;
  readonly expectedReturnOn?: string | null;
  readonly embassy: { readonly id: string; readonly name: string };
  readonly schedule: {
    readonly interval: string;
    readonly grace: string;
    readonly quietHours?: { readonly start: string; readonly end: string } | null;
    readonly timeZone: string;
  };
  readonly nextCheckInDueAt: string | null;
  readonly pausedUntil: string | null;
  readonly lastCheckInAt: string | null;
  readonly trustedContacts?: readonly TrustedContact[];
  readonly createdAt: string;
}

export interface ContactAttempt {
  readonly at: string;
  readonly channel: ContactChannel;
  readonly outcome: ContactOutcome;
  readonly note: string | null;
  readonly staffId: string;
}

/** A check-in as staff see it: `duress` where the citizen's screen said ok. */
export interface RecentCheckIn {
  readonly receivedAt: string;
  readonly signal: 'ok' | 'need_help' | 'sos' | 'duress';
  readonly channel: string;
}

/** One alert in full; reading it is audited. */
export interface AlertDetails extends AlertSummary {
  readonly citizen: { readonly displayName: string };
  readonly stayDetails: StayDetails;
  readonly contactAttemptLog: readonly ContactAttempt[];
  readonly recentCheckIns: readonly RecentCheckIn[];
  readonly message?: string | null;
  readonly resolution?: { readonly reason: ResolutionReason; readonly note: string | null; readonly at: string } | null;
  readonly caseId?: string | null;
}

/** The queue's filters. No status means the server's default: open and contacting alerts. */
export interface AlertFilter {
  readonly status?: AlertStatus;
  readonly source?: AlertSource;
  readonly sort?: AlertSort;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface ContactAttemptInput {
  readonly channel: ContactChannel;
  readonly outcome: ContactOutcome;
  readonly note?: string;
}

export interface ResolutionInput {
  readonly reason: ResolutionReason;
  readonly note?: string;
}

const base = '/api/v1/alerts';
const alertPath = (alertId: string) => `${base}/${encodeURIComponent(alertId)}`;

/** `/api/v1/alerts?…` with the filter's defined values only. */
export function alertsPath(filter: AlertFilter): string {
  return withQuery(base, {
    status: filter.status,
    source: filter.source,
    sort: filter.sort,
    limit: filter.limit === undefined ? undefined : String(filter.limit),
    cursor: filter.cursor,
  });
}

export const alertsApi = {
  list: (filter: AlertFilter) => call<{ items: AlertSummary[]; nextCursor: string | null }>('GET', alertsPath(filter)),
  alert: (alertId: string) => call<AlertDetails>('GET', alertPath(alertId)),
  recordContactAttempt: (alertId: string, attempt: ContactAttemptInput) =>
    call<unknown>('POST', `${alertPath(alertId)}/contact-attempts`, attempt),
  resolve: (alertId: string, resolution: ResolutionInput) =>
    call<AlertSummary>('POST', `${alertPath(alertId)}/resolution`, resolution),
  escalate: (alertId: string, note?: string) =>
    call<{ caseId: string }>('POST', `${alertPath(alertId)}/escalation`, note === undefined ? {} : { note }),
};
