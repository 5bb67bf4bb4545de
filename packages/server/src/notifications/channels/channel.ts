// One interface for every way a message leaves Homeward: email, SMS, WhatsApp and Web Push. The delivery worker
// knows nothing about a provider's wire format; an adapter knows nothing about the outbox, retries or fallback.
// See docs/decisions/0017-notifications-and-messaging-channels.md.

/** The channels, in the order the delivery worker falls back through them for a citizen. */
export const channelKinds = ['push', 'whatsapp', 'sms', 'email'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export interface OutgoingMessage {
  /**
   * Our stable id for the message (the outbox row's id), the same on every attempt: the provider's idempotency key
   * where its API takes one, the email's Message-ID, the push message's Topic.
   */
  readonly id: string;
  /** An E.164 phone number (sms, whatsapp), an email address, or a push subscription as JSON (push). */
  readonly to: string;
  /** The template the text was made from, e.g. `check_in_reminder` (WhatsApp names its approved templates so). */
  readonly template: string;
  /** BCP 47 language of the text, one of the ten Homeward speaks, e.g. `th`, `zh`. */
  readonly language: string;
  /** A short, neutral subject line (email only; never sensitive: it shows on lock screens). */
  readonly subject: string;
  /** The message text, already rendered in `language`. */
  readonly text: string;
  /**
   * `reply` answers a message the recipient just sent us (inside WhatsApp's 24-hour window: free text allowed);
   * `notice` is one we start (on WhatsApp it must be an approved template message).
   */
  readonly purpose: 'notice' | 'reply';
}

/**
 * What one send attempt came to. Codes name the provider's error (`http_503`, `twilio_21211`, `timeout`) and never
 * carry an address or any text of the message: they are stored and shown to staff.
 */
export type SendOutcome =
  | { readonly kind: 'sent'; readonly providerMessageId: string }
  /** Worth trying again on the same channel later: 5xx, 429 and rate limits, timeouts, network errors. */
  | { readonly kind: 'transient'; readonly code: string; readonly retryAfterMs?: number | undefined }
  /** Will never work on this channel for this address (bad number, push subscription gone): fall back. */
  | { readonly kind: 'permanent'; readonly code: string };

/** What a provider's status API says about a send that was in flight when a worker died. */
export type ReconcileOutcome =
  | { readonly kind: 'sent'; readonly providerMessageId: string }
  | { readonly kind: 'not_sent' }
  /** The provider could not be asked (down, timed out): the worker asks again later, or finally sends again. */
  | { readonly kind: 'unknown'; readonly code: string };

export interface ChannelAdapter {
  readonly kind: ChannelKind;
  /** `smtp`, `twilio`, `infobip`, `whatsapp_cloud`, `web_push`. */
  readonly provider: string;
  /**
   * The provider refuses a second message with the same id, so a message in flight when a worker died can simply be
   * sent again with the same id.
   */
  readonly isIdempotent: boolean;
  /** One attempt; never throws for a provider's answer (only for a bug), and gives up when `signal` aborts. */
  send(message: OutgoingMessage, signal: AbortSignal): Promise<SendOutcome>;
  /**
   * For providers without idempotency that have a status API: did the send of this message begun at `since` reach
   * the provider? Absent when the provider has no such API (then receipts are waited for; see the decision).
   */
  reconcile?(message: OutgoingMessage, since: Date, signal: AbortSignal): Promise<ReconcileOutcome>;
}
