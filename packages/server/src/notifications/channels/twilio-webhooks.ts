// What Twilio posts to us: inbound SMS (a citizen's reply, which counts as a check-in) and status callbacks for the
// messages we sent. Pure functions, no I/O: the routes read the form body and call these. The signature check is what
// stops anyone who learns a webhook URL from forging a check-in, so a route must refuse a request that fails it.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A form-encoded webhook body, one value per name (Twilio sends each parameter once). */
export type TwilioParams = Readonly<Record<string, string>>;

/**
 * The `X-Twilio-Signature` Twilio computes for a request: base64 HMAC-SHA1, keyed with the account's auth token, over
 * the full URL it posted to followed by every POST parameter's name and value, sorted by name.
 *
 * ```ts
 * twilioSignature(authToken, 'https://homeward.example/webhooks/twilio/sms', { Body: 'OK', From: '+66812345678' });
 * ```
 */
export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  // Sorted by UTF-16 code units, as Twilio's own helper libraries sort the names.
  const signed = Object.keys(params)
    .sort()
    .reduce((data, name) => data + name + params[name], url);
  return createHmac('sha1', authToken).update(signed, 'utf8').digest('base64');
}

/**
 * Whether `signatureHeader` is Twilio's signature for this request. `url` must be the URL exactly as Twilio was told
 * it (scheme, host, port and query string included), not as a proxy rewrote it. Compared in constant time, so a
 * forger learns nothing from how long a refusal takes.
 */
export function verifyTwilioSignature(
  authToken: string,
  url: string,
  params: TwilioParams,
  signatureHeader: string | undefined,
): boolean {
  if (signatureHeader === undefined || signatureHeader === '') return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params), 'utf8');
  const given = Buffer.from(signatureHeader, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Where a message we sent now stands, in the delivery worker's words. */
export type TwilioDeliveryStatus = 'queued' | 'sent' | 'delivered' | 'failed';

export interface TwilioStatusCallback {
  readonly providerMessageId: string;
  readonly status: TwilioDeliveryStatus;
  /** `twilio_<ErrorCode>` (e.g. `twilio_30003`, unreachable handset), in the form send outcomes name errors. */
  readonly errorCode?: string;
}

// Twilio's MessageStatus values; the rest (receiving, received) belong to inbound messages, not to ours.
const deliveryStatuses: Readonly<Record<string, TwilioDeliveryStatus>> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'failed',
  failed: 'failed',
  // A cancelled message will never be sent: for the worker that is a failure to fall back from.
  canceled: 'failed',
};

/** A status callback for one of our messages, or `undefined` when the body is not one. */
export function parseTwilioStatusCallback(params: TwilioParams): TwilioStatusCallback | undefined {
  const providerMessageId = params.MessageSid ?? params.SmsSid;
  const rawStatus = params.MessageStatus ?? params.SmsStatus;
  if (!providerMessageId || rawStatus === undefined) return undefined;
  const status = deliveryStatuses[rawStatus];
  if (status === undefined) return undefined;
  // Twilio sends ErrorCode only for failures; a digits-only check keeps anything else out of a stored code.
  const errorCode = params.ErrorCode;
  if (errorCode !== undefined && /^\d{1,10}$/.test(errorCode)) {
    return { providerMessageId, status, errorCode: `twilio_${errorCode}` };
  }
  return { providerMessageId, status };
}

export interface TwilioInboundSms {
  readonly providerMessageId: string;
  /** The sender's number, E.164: who is checking in. */
  readonly from: string;
  /** Our number it was sent to. */
  readonly to: string;
  /** The text; empty for a picture-only message. */
  readonly body: string;
}

/** An inbound SMS webhook's message, or `undefined` when the body is not one. */
export function parseTwilioInbound(params: TwilioParams): TwilioInboundSms | undefined {
  const { MessageSid, From, To, Body } = params;
  if (!MessageSid || !From || !To || Body === undefined) return undefined;
  return { providerMessageId: MessageSid, from: From, to: To, body: Body };
}
