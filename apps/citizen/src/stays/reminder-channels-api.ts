// The citizen app's calls for where check-in reminders go (the OpenAPI document at /api/openapi.json, tag
// "messaging"): the stay's channels, masked, and the kinds this service can send by; add one (a phone number, an
// email address, or this browser's push subscription; one per kind, a new one replaces the old); remove one.
// Writes carry the session's CSRF token, as every stay write does.
import { type ApiAnswer, callApi } from '../account/api';

export const reminderChannelKinds = ['push', 'sms', 'whatsapp', 'email'] as const;
export type ReminderChannelKind = (typeof reminderChannelKinds)[number];

/** A channel as the server shows it: the address masked ("•••• 5678", "m•••@example.org"). */
export interface ReminderChannel {
  readonly id: string;
  readonly kind: ReminderChannelKind;
  readonly address: string;
  readonly createdAt: string;
}

export interface ReminderChannels {
  readonly items: readonly ReminderChannel[];
  /** The kinds this service is configured to send by; only these are offered. */
  readonly available: readonly ReminderChannelKind[];
}

/** What a browser's `PushSubscription.toJSON()` gives. */
export interface PushSubscriptionBody {
  readonly endpoint: string;
  readonly expirationTime?: number | null;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

export type NewReminderChannel =
  | { readonly kind: 'sms' | 'whatsapp' | 'email'; readonly address: string }
  | { readonly kind: 'push'; readonly subscription: PushSubscriptionBody };

const channelsPath = (stayId: string) => `/api/v1/stays/${encodeURIComponent(stayId)}/channels`;

/** The logged-in citizen's calls; `csrfToken` comes from `GET /api/v1/session`. */
export function createReminderChannelsApi(fetcher: typeof fetch, csrfToken: () => string) {
  return {
    list: (stayId: string): Promise<ApiAnswer<ReminderChannels>> =>
      callApi<ReminderChannels>(fetcher, channelsPath(stayId)),
    add: (stayId: string, channel: NewReminderChannel): Promise<ApiAnswer<ReminderChannel>> =>
      callApi<ReminderChannel>(fetcher, channelsPath(stayId), {
        method: 'POST',
        body: channel,
        csrfToken: csrfToken(),
      }),
    remove: (stayId: string, channelId: string): Promise<ApiAnswer<undefined>> =>
      callApi<undefined>(fetcher, `${channelsPath(stayId)}/${encodeURIComponent(channelId)}`, {
        method: 'DELETE',
        csrfToken: csrfToken(),
      }),
    /** The Web Push (VAPID) public key; a 404 when this service has no Web Push. */
    pushPublicKey: (): Promise<ApiAnswer<{ publicKey: string }>> =>
      callApi<{ publicKey: string }>(fetcher, '/api/v1/push/public-key'),
  };
}

export type ReminderChannelsApi = ReturnType<typeof createReminderChannelsApi>;

/** The kinds to offer, in a fixed order: those the service can send by, and push only where the browser can. */
export function offeredKinds(
  available: readonly ReminderChannelKind[],
  isPushSupported: boolean,
): ReminderChannelKind[] {
  return reminderChannelKinds.filter((kind) => available.includes(kind) && (kind !== 'push' || isPushSupported));
}

/** A VAPID public key (base64url, as the server gives it) as the bytes `pushManager.subscribe` takes. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
