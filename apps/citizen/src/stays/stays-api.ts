// The citizen app's calls for stays, check-ins and trusted contacts (the OpenAPI document at /api/openapi.json, tag "stays"). Writes by a
// logged-in citizen carry the session's CSRF token; check-ins carry an Idempotency-Key, so a retried tap is
// counted once. The public check-in and the trusted-contact links need no session.
import { type ApiAnswer, callApi } from '../account/api';

export const signals = ['ok', 'need_help', 'sos'] as const;
export type Signal = (typeof signals)[number];

export const foundThroughChoices = [
  'social_media',
  'friend_or_relative',
  'licensed_agency',
  'unlicensed_agent',
  'job_site',
  'other',
] as const;
export type FoundThrough = (typeof foundThroughChoices)[number];

export const visaTypes = ['work', 'tourist', 'business', 'student', 'none', 'other'] as const;
export type VisaType = (typeof visaTypes)[number];

export const contactChannels = ['email', 'sms', 'whatsapp'] as const;
export type ContactChannel = (typeof contactChannels)[number];

export interface Schedule {
  readonly interval: string;
  readonly grace: string;
  readonly quietHours?: { readonly start: string; readonly end: string };
  readonly timeZone: string;
}

export interface TrustedContact {
  readonly id: string;
  readonly name: string;
  readonly channel: ContactChannel;
  readonly language: string;
  readonly status: 'invited' | 'confirmed';
}

export interface Stay {
  readonly id: string;
  readonly status: 'active' | 'paused' | 'ended';
  readonly isOverdue: boolean;
  readonly destination: { readonly country: string; readonly city?: string };
  readonly embassy?: { readonly id: string; readonly name: string };
  readonly schedule: Schedule;
  readonly nextCheckInDueAt: string | null;
  readonly pausedUntil: string | null;
  readonly lastCheckInAt: string | null;
  readonly trustedContacts: readonly TrustedContact[];
  readonly createdAt: string;
}

export interface NewStay {
  readonly destination: { readonly country: string; readonly city?: string };
  readonly employer?: { readonly name?: string };
  readonly recruiter?: { readonly name?: string; readonly phone?: string };
  readonly jobOffer?: {
    readonly title?: string;
    readonly salary?: { readonly amount: number; readonly currency: string };
    readonly foundThrough?: FoundThrough;
  };
  readonly visaType?: VisaType;
  readonly startsOn: string;
  readonly expectedReturnOn?: string;
  readonly schedule: Schedule;
  readonly pin: string;
  readonly duressPin: string;
}

export interface CheckInBody {
  readonly pin: string;
  readonly signal: Signal;
  readonly message?: string;
}

export interface CheckInReceipt {
  readonly id: string;
  readonly receivedAt: string;
  readonly nextCheckInDueAt: string | null;
}

export interface NewTrustedContact {
  readonly name: string;
  readonly channel: ContactChannel;
  readonly address: string;
  readonly language: string;
}

export interface ContactLink {
  readonly status: 'invited' | 'confirmed' | 'withdrawn';
  readonly citizenName: string;
  readonly language: string;
}

const stayPath = (stayId: string) => `/api/v1/stays/${encodeURIComponent(stayId)}`;

/** The logged-in citizen's calls; `csrfToken` comes from `GET /api/v1/session`. */
export function createStaysApi(fetcher: typeof fetch, csrfToken: () => string) {
  const write = <T>(
    path: string,
    method: 'POST' | 'PUT' | 'DELETE',
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<ApiAnswer<T>> =>
    callApi<T>(fetcher, path, {
      method,
      ...(body !== undefined && { body }),
      csrfToken: csrfToken(),
      ...(idempotencyKey !== undefined && { idempotencyKey }),
    });
  return {
    listStays: () => callApi<{ items: Stay[] }>(fetcher, '/api/v1/stays'),
    createStay: (stay: NewStay, idempotencyKey: string) => write<Stay>('/api/v1/stays', 'POST', stay, idempotencyKey),
    checkIn: (stayId: string, body: CheckInBody, idempotencyKey: string) =>
      write<CheckInReceipt>(`${stayPath(stayId)}/check-ins`, 'POST', body, idempotencyKey),
    pause: (stayId: string, pin: string, until: string) =>
      write<Stay>(`${stayPath(stayId)}/pause`, 'POST', { pin, until }),
    resume: (stayId: string, pin: string) => write<Stay>(`${stayPath(stayId)}/resume`, 'POST', { pin }),
    end: (stayId: string, pin: string) => write<Stay>(`${stayPath(stayId)}/end`, 'POST', { pin }),
    addTrustedContact: (stayId: string, contact: NewTrustedContact) =>
      write<{ contact: TrustedContact; invitationUrl: string }>(
        `${stayPath(stayId)}/trusted-contacts`,
        'POST',
        contact,
      ),
    removeTrustedContact: (stayId: string, contactId: string) =>
      write<undefined>(`${stayPath(stayId)}/trusted-contacts/${encodeURIComponent(contactId)}`, 'DELETE'),
  };
}

export type StaysApi = ReturnType<typeof createStaysApi>;

/**
 * A public write. No session is needed; but a browser where someone is logged in must send that session's CSRF
 * token, so a write refused for want of one fetches the token and is sent once more (with the same key).
 */
async function postPublic<T>(
  fetcher: typeof fetch,
  path: string,
  body: unknown,
  idempotencyKey?: string,
): Promise<ApiAnswer<T>> {
  const key = idempotencyKey === undefined ? {} : { idempotencyKey };
  const first = await callApi<T>(fetcher, path, { method: 'POST', body, ...key });
  if (first.ok || first.problem.slug !== 'csrf-token-invalid') return first;
  const session = await callApi<{ csrfToken?: string }>(fetcher, '/api/v1/session');
  if (!session.ok || typeof session.value?.csrfToken !== 'string') return first;
  return callApi<T>(fetcher, path, { method: 'POST', body, csrfToken: session.value.csrfToken, ...key });
}

/** Check-in from any browser, by national ID number and PIN: no login. */
export function publicCheckIn(
  fetcher: typeof fetch,
  body: CheckInBody & { readonly nationalId: string },
  idempotencyKey: string,
): Promise<ApiAnswer<CheckInReceipt>> {
  return postPublic<CheckInReceipt>(fetcher, '/api/v1/check-ins', body, idempotencyKey);
}

/** A trusted contact's calls, by the token from their link. */
export function createContactLinkApi(fetcher: typeof fetch) {
  const post = <T>(action: string, body: unknown) =>
    postPublic<T>(fetcher, `/api/v1/trusted-contact-links/${action}`, body);
  return {
    lookup: (token: string) => post<ContactLink>('lookup', { token }),
    confirm: (token: string) => post<{ status: 'confirmed' }>('confirm', { token }),
    raiseConcern: (token: string, message: string, lastHeardAt?: string) =>
      post<{ receivedAt: string }>('concern', { token, message, ...(lastHeardAt !== undefined && { lastHeardAt }) }),
  };
}

/** The stay the check-in screen shows: the newest that has not ended. */
export function findCurrentStay(stays: readonly Stay[]): Stay | undefined {
  return stays.find((stay) => stay.status !== 'ended');
}
