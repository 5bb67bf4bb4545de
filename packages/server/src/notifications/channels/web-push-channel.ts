// Web Push (RFC 8030) to the citizen app's service worker: the payload is encrypted for the browser (RFC 8291) and
// the request signed with our VAPID key (RFC 8292) by the `web-push` package. We make the HTTP request ourselves
// with fetch, so the worker's AbortSignal really cancels it (web-push's own sender takes only a timeout) and a fake
// push service can run on plain HTTP in tests. The push service shows nothing itself: the service worker displays
// `title` and `body`, so both must stay neutral, as on any lock screen.
import { createHash } from 'node:crypto';
import webPush, { type PushSubscription } from 'web-push';
import type { ChannelAdapter, OutgoingMessage, SendOutcome } from './channel.js';
import { retryAfterMs } from './retry-after.js';

export interface WebPushChannelOptions {
  readonly vapid: {
    /** `mailto:` or `https:` contact the push services may use to reach us about our traffic. */
    readonly subject: string;
    readonly publicKey: string;
    readonly privateKey: string;
  };
  /**
   * Accept `http:` subscription endpoints; for tests against a local fake only. Endpoints come from browsers, so a
   * forged subscription must not make the server post to a plain-HTTP service on its own network.
   */
  readonly allowInsecureEndpoints?: boolean;
}

/**
 * How long a push service keeps a message for a device that is offline. A reminder older than this is stale; by
 * then the worker has gone on to other channels.
 */
const timeToLiveSeconds = 4 * 60 * 60;

/** The notification the service worker shows (see the citizen app's service worker). */
export interface PushPayload {
  readonly title: string;
  readonly body: string;
  /** Notifications with one tag replace each other on the device, so reminders never pile up. */
  readonly tag: 'homeward';
}

/**
 * The Web Push channel.
 *
 * ```ts
 * const push = createWebPushChannel({ vapid: { subject: 'mailto:ops@homeward.example', ...keysFromConfig } });
 * const outcome = await push.send({ ...message, to: JSON.stringify(subscription) }, AbortSignal.timeout(30_000));
 * ```
 */
export function createWebPushChannel(options: WebPushChannelOptions): ChannelAdapter {
  const vapidDetails = { ...options.vapid };
  return {
    kind: 'push',
    provider: 'web_push',
    isIdempotent: false,
    async send(message, signal) {
      const subscription = parseSubscription(message.to);
      if (subscription === undefined) return { kind: 'permanent', code: 'push_bad_subscription' };
      const endpoint = new URL(subscription.endpoint);
      if (endpoint.protocol !== 'https:' && !(options.allowInsecureEndpoints && endpoint.protocol === 'http:')) {
        return { kind: 'permanent', code: 'push_insecure_endpoint' };
      }
      const payload: PushPayload = { title: message.subject, body: message.text, tag: 'homeward' };
      let details: ReturnType<typeof webPush.generateRequestDetails>;
      try {
        details = webPush.generateRequestDetails(subscription, JSON.stringify(payload), {
          vapidDetails,
          TTL: timeToLiveSeconds,
          // A retry of the same message replaces the copy still waiting at the push service instead of adding one.
          topic: pushTopic(message.id),
          // A check-in reminder is time-critical: wake the device even on battery saving.
          urgency: 'high',
          contentEncoding: 'aes128gcm',
        });
      } catch {
        // The keys in the subscription are not a P-256 point and auth secret: no browser made it.
        return { kind: 'permanent', code: 'push_bad_subscription' };
      }
      let response: Response;
      try {
        response = await fetch(details.endpoint, {
          method: details.method,
          headers: requestHeaders(details.headers),
          body: details.body ? new Uint8Array(details.body) : null,
          signal,
          redirect: 'manual',
        });
        await response.arrayBuffer();
      } catch {
        return { kind: 'transient', code: signal.aborted ? 'timeout' : 'network' };
      }
      return pushOutcome(response.status, response.headers, message.id);
    },
  };
}

/** A fresh VAPID key pair (URL-safe base64), to generate once and keep in the configuration. */
export function generateVapidKeys(): { readonly publicKey: string; readonly privateKey: string } {
  return webPush.generateVAPIDKeys();
}

/**
 * The Topic header for a message: at most 32 URL-safe base64 characters (RFC 8030 section 5.4). A UUID without its
 * dashes fits exactly and stays readable; anything else is hashed.
 */
export function pushTopic(id: OutgoingMessage['id']): string {
  const compact = id.replaceAll('-', '');
  if (/^[A-Za-z0-9_]{1,32}$/.test(compact)) return compact;
  return createHash('sha256').update(id).digest('base64url').slice(0, 32);
}

/** What a push service's answer means for the worker. */
function pushOutcome(status: number, headers: Headers, messageId: string): SendOutcome {
  if (status >= 200 && status < 300) {
    // The Location header names the message at the push service; it is optional in practice.
    return { kind: 'sent', providerMessageId: headers.get('location') ?? messageId };
  }
  // The subscription expired or the user revoked permission: this device will never receive anything again.
  if (status === 404 || status === 410) return { kind: 'permanent', code: 'push_gone' };
  if (status === 429 || status >= 500) {
    return { kind: 'transient', code: `push_${status}`, retryAfterMs: retryAfterMs(headers.get('retry-after')) };
  }
  // 400 malformed, 403 VAPID refused, 413 payload too large, or a redirect: sending again changes nothing.
  return { kind: 'permanent', code: `push_${status}` };
}

function parseSubscription(json: string): PushSubscription | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { endpoint, keys } = value as { endpoint?: unknown; keys?: { p256dh?: unknown; auth?: unknown } };
  if (typeof endpoint !== 'string' || !URL.canParse(endpoint)) return undefined;
  if (typeof keys?.p256dh !== 'string' || typeof keys.auth !== 'string') return undefined;
  return { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } };
}

/** web-push's headers as fetch takes them; fetch computes Content-Length itself. */
function requestHeaders(headers: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'content-length' && value !== undefined) result[name] = String(value);
  }
  return result;
}
