// The console's calls to the staff login API. The session lives in an HttpOnly cookie the page never
// sees; the CSRF token that must accompany every write is kept in memory only.

import type { StaffRole } from '@homeward/domain';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';

/** Who is signed in to the console, as the screens show it. */
export interface StaffProfile {
  readonly id: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly organisationName: string;
  readonly isDemo: boolean;
}

export interface SessionInfo {
  readonly kind: 'citizen' | 'staff';
  readonly subjectId: string;
  readonly role: StaffRole | 'citizen';
  readonly displayName: string;
  readonly organisationId: string | null;
  readonly isDemoAccount: boolean;
  readonly csrfToken: string;
}

export interface LoginReply {
  readonly staff: StaffProfile;
  readonly csrfToken: string;
}

export interface RegistrationLinkState {
  readonly state: 'open' | 'used' | 'expired' | 'revoked';
  readonly purpose: 'invitation' | 'recovery';
  readonly expiresAt: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly organisationName: string;
}

export interface LinkDelivery {
  readonly staffId: string;
  readonly expiresAt: string;
  readonly delivery: 'email' | 'link';
  readonly link?: string;
}

export type StaffStatus = 'invited' | 'active' | 'disabled';

/** One member of the staff list an admin sees. */
export interface StaffListItem {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
  readonly role: StaffRole;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly status: StaffStatus;
  readonly isDemo: boolean;
  readonly activePasskeys: number;
  readonly registrationLink: { readonly purpose: 'invitation' | 'recovery'; readonly expiresAt: string } | null;
  readonly createdAt: string;
}

export interface StaffListFilter {
  readonly organisationId?: string;
  readonly status?: StaffStatus;
  readonly cursor?: string;
}

export interface DemoAccount {
  readonly role: StaffRole;
  readonly displayName: string;
  readonly organisationName: string;
}

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

/** A refusal from the API, named by the last segment of its problem type (e.g. `passkey-not-accepted`). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly detail: string | undefined,
  ) {
    super(`${status} ${slug}`);
  }
}

let csrfToken: string | undefined;

export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Calls the API with JSON in and out, the CSRF token on writes; a refusal throws an `ApiProblem`. */
export async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = (payload ?? {}) as { type?: string; detail?: string };
    const slug = problem.type?.split('/').pop() ?? 'unknown';
    throw new ApiProblem(response.status, slug, problem.detail);
  }
  return payload as T;
}

export const staffApi = {
  /** Who is logged in (a citizen or staff member) with the session's CSRF token; undefined with no session. */
  async readSession(): Promise<SessionInfo | undefined> {
    try {
      return await call<SessionInfo>('GET', '/api/v1/session');
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) return undefined;
      throw error;
    }
  },
  organisation: (id: string) => call<Organisation>('GET', `/api/v1/organisations/${encodeURIComponent(id)}`),
  loginOptions: () =>
    call<{ ceremonyId: string; options: PublicKeyCredentialRequestOptionsJSON }>('POST', '/api/v1/staff/login/options'),
  login: (ceremonyId: string, response: AuthenticationResponseJSON) =>
    call<LoginReply>('POST', '/api/v1/staff/login', { ceremonyId, response }),
  inspectLink: (token: string) =>
    call<RegistrationLinkState>('POST', '/api/v1/staff/registration-links/inspect', { token }),
  registrationOptions: (token: string) =>
    call<{ ceremonyId: string; options: PublicKeyCredentialCreationOptionsJSON }>(
      'POST',
      '/api/v1/staff/passkeys/registration-options',
      { token },
    ),
  register: (token: string, ceremonyId: string, response: RegistrationResponseJSON) =>
    call<LoginReply>('POST', '/api/v1/staff/passkeys', { token, ceremonyId, response }),
  demoAccounts: () => call<{ items: DemoAccount[] }>('GET', '/api/v1/staff/demo-accounts'),
  demoLogin: (role: StaffRole) => call<LoginReply>('POST', '/api/v1/staff/demo-login', { role }),
  logout: () => call<void>('POST', '/api/v1/session/logout'),
  organisations: () => call<{ items: Organisation[] }>('GET', '/api/v1/organisations'),
  invite: (invitation: { email: string; displayName: string; role: StaffRole; organisationId: string }) =>
    call<LinkDelivery>('POST', '/api/v1/staff/invitations', invitation),
  instance: () => call<{ demo: boolean }>('GET', '/api/v1/instance'),
  /** A page of the staff list (admins only), filtered; `nextCursor` fetches the next page. */
  listStaff: (filter: StaffListFilter) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(filter)) if (value) query.set(name, value);
    const search = query.size > 0 ? `?${query}` : '';
    return call<{ items: StaffListItem[]; nextCursor: string | null }>('GET', `/api/v1/staff${search}`);
  },
  recover: (staffId: string) => call<LinkDelivery>('POST', `/api/v1/staff/${encodeURIComponent(staffId)}/recovery`),
  disable: (staffId: string) =>
    call<{ staffId: string; status: StaffStatus }>('POST', `/api/v1/staff/${encodeURIComponent(staffId)}/disable`),
};
