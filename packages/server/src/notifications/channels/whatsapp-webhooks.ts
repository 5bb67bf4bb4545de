// Reading what Meta posts to our WhatsApp webhook: a citizen's reply (which counts as a check-in) and the status of
// messages we sent (the only receipt the Cloud API gives; it has no lookup). Pure functions, so the route stays thin
// and the parsing is tested without HTTP.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A message a citizen sent to our WhatsApp number. */
export interface WhatsAppInboundMessage {
  /** Meta's `wamid.…` id; the same on a redelivered webhook, so it de-duplicates replies. */
  readonly providerMessageId: string;
  /** E.164, with `+`. */
  readonly from: string;
  readonly timestamp: Date;
  /** The text of a `text` message; undefined for images, voice notes, locations, buttons and the like. */
  readonly text: string | undefined;
}

/** What WhatsApp says about a message we sent. */
export interface WhatsAppStatusUpdate {
  /** The `wamid.…` the send returned. */
  readonly providerMessageId: string;
  readonly status: 'sent' | 'delivered' | 'read' | 'failed';
  /** Our message id, echoed from `biz_opaque_callback_data`. */
  readonly ourMessageId?: string;
  /** For `failed`: `whatsapp_<code>`, as the send outcome's codes, e.g. `whatsapp_131026`. */
  readonly errorCode?: string;
}

export interface WhatsAppWebhook {
  readonly messages: readonly WhatsAppInboundMessage[];
  readonly statuses: readonly WhatsAppStatusUpdate[];
}

/** The `X-Hub-Signature-256` value Meta sends with `rawBody`: `sha256=` and the hex HMAC-SHA256 under the app secret. */
export function metaSignature(appSecret: string, rawBody: Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Whether `header` signs exactly `rawBody` (the bytes as received, before any JSON parsing) under our app secret.
 * Compared in constant time, so a forger learns nothing from how long a refusal took.
 */
export function verifyMetaSignature(appSecret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(metaSignature(appSecret, rawBody));
  const given = Buffer.from(header.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const statuses = new Set(['sent', 'delivered', 'read', 'failed']);

/**
 * The messages and statuses in a webhook payload of the WhatsApp Business Account `messages` field, or undefined
 * when it is not one (or a message or status lacks its id, sender or time). Extra fields are ignored, as are changes
 * of other fields and statuses we do not act on, so a new field from Meta does not break check-ins.
 */
export function parseWhatsAppWebhook(json: unknown): WhatsAppWebhook | undefined {
  if (!isRecord(json) || json.object !== 'whatsapp_business_account' || !Array.isArray(json.entry)) return undefined;
  const messages: WhatsAppInboundMessage[] = [];
  const updates: WhatsAppStatusUpdate[] = [];
  for (const entry of json.entry) {
    if (!isRecord(entry) || !Array.isArray(entry.changes)) return undefined;
    for (const change of entry.changes) {
      if (!isRecord(change)) return undefined;
      if (change.field !== 'messages') continue;
      const value = change.value;
      if (!isRecord(value)) return undefined;
      const inbound = optionalArray(value.messages);
      const outbound = optionalArray(value.statuses);
      if (inbound === null || outbound === null) return undefined;
      for (const item of inbound) {
        const message = inboundMessage(item);
        if (message === undefined) return undefined;
        messages.push(message);
      }
      for (const item of outbound) {
        const update = statusUpdate(item);
        if (update === null) return undefined;
        if (update !== undefined) updates.push(update);
      }
    }
  }
  return { messages, statuses: updates };
}

function inboundMessage(item: unknown): WhatsAppInboundMessage | undefined {
  if (!isRecord(item) || !nonEmpty(item.id) || !nonEmpty(item.from) || !/^\+?\d{6,15}$/.test(item.from)) {
    return undefined;
  }
  const timestamp = unixTime(item.timestamp);
  if (timestamp === undefined) return undefined;
  const text =
    item.type === 'text' && isRecord(item.text) && typeof item.text.body === 'string' ? item.text.body : undefined;
  return { providerMessageId: item.id, from: `+${item.from.replace(/^\+/, '')}`, timestamp, text };
}

/** A status update; undefined for a status we do not act on; null when the item is malformed. */
function statusUpdate(item: unknown): WhatsAppStatusUpdate | undefined | null {
  if (!isRecord(item) || !nonEmpty(item.id) || typeof item.status !== 'string') return null;
  if (!statuses.has(item.status)) return undefined;
  const firstError = Array.isArray(item.errors) && isRecord(item.errors[0]) ? item.errors[0] : undefined;
  const code = firstError?.code;
  return {
    providerMessageId: item.id,
    status: item.status as WhatsAppStatusUpdate['status'],
    ...(nonEmpty(item.biz_opaque_callback_data) ? { ourMessageId: item.biz_opaque_callback_data } : {}),
    ...(typeof code === 'number' || nonEmpty(code) ? { errorCode: `whatsapp_${code}` } : {}),
  };
}

/** Meta sends Unix seconds as a string. */
function unixTime(value: unknown): Date | undefined {
  const seconds = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= 0
    ? new Date(seconds * 1000)
    : undefined;
}

/** The array (empty when absent), or null when present but not an array. */
function optionalArray(value: unknown): readonly unknown[] | null {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
