// WhatsApp through Meta's Cloud API. A reminder we start is a `notice` and must be an approved template (outside the
// 24-hour window WhatsApp refuses free text); an answer to a citizen's own message is a `reply` and may be free
// text. The API takes no idempotency key and has no message lookup: a send in flight when a worker died cannot be
// reconciled, so there is no `reconcile`, and the worker waits for the status webhook, which carries our id back in
// `biz_opaque_callback_data` (see whatsapp-webhooks.ts).
import type { ChannelAdapter, OutgoingMessage, SendOutcome } from './channel.js';

export interface WhatsAppCloudChannelOptions {
  /** The Graph API base, with its version; default `https://graph.facebook.com/v21.0`. */
  readonly apiUrl?: string;
  /** The id of our business phone number in WhatsApp Manager (not the number itself). */
  readonly phoneNumberId: string;
  /** A system user's access token with `whatsapp_business_messaging`. */
  readonly accessToken: string;
  /** Only for setups that still address templates by namespace; the Cloud API needs none. */
  readonly templateNamespace?: string;
}

export const defaultWhatsAppApiUrl = 'https://graph.facebook.com/v21.0';

/**
 * WhatsApp's codes for the ten languages Homeward speaks. Templates are approved per language under these codes;
 * Chinese is approved as Simplified (`zh_CN`).
 */
const whatsAppLanguages: Readonly<Record<string, string>> = {
  en: 'en',
  id: 'id',
  ms: 'ms',
  th: 'th',
  vi: 'vi',
  fil: 'fil',
  my: 'my',
  km: 'km',
  lo: 'lo',
  zh: 'zh_CN',
};

/**
 * Error codes worth trying again on WhatsApp: rate limits (throughput, pair rate, spam rate, app and account call
 * limits) and Meta's own temporary failures. Every other code (undeliverable number, outside the 24-hour window,
 * template missing or paused, invalid parameter, expired token) will fail again the same way, so the worker falls
 * back to the next channel at once.
 */
const transientErrorCodes: ReadonlySet<number> = new Set([
  1, // API unknown error
  2, // API service temporarily unavailable
  4, // application request limit
  613, // calls exceeded the rate limit
  80007, // WhatsApp Business Account rate limit
  130429, // Cloud API throughput reached
  131000, // something went wrong
  131016, // service unavailable
  131048, // spam rate limit
  131056, // pair rate limit: too many messages to this one number
  133004, // server temporarily unavailable
]);

/**
 * The WhatsApp channel.
 *
 * ```ts
 * const whatsapp = createWhatsAppCloudChannel({ phoneNumberId: '1065…', accessToken: process.env.WA_TOKEN ?? '' });
 * const outcome = await whatsapp.send(message, AbortSignal.timeout(30_000));
 * ```
 */
export function createWhatsAppCloudChannel(options: WhatsAppCloudChannelOptions): ChannelAdapter {
  const apiUrl = (options.apiUrl ?? defaultWhatsAppApiUrl).replace(/\/+$/, '');
  const endpoint = `${apiUrl}/${encodeURIComponent(options.phoneNumberId)}/messages`;
  return {
    kind: 'whatsapp',
    provider: 'whatsapp_cloud',
    isIdempotent: false,
    async send(message, signal) {
      let response: Response;
      let body: unknown;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.accessToken}`, 'content-type': 'application/json' },
          body: JSON.stringify(whatsAppRequest(message, options.templateNamespace)),
          signal,
          redirect: 'error',
        });
        body = await response.json().catch(() => undefined);
      } catch {
        // Aborted by the worker, or the network failed; neither says whether Meta took the message.
        return { kind: 'transient', code: signal.aborted ? 'timeout' : 'network' };
      }
      return whatsAppOutcome(response.status, body, response.headers.get('retry-after'));
    },
  };
}

/** The Cloud API request body for a message. */
function whatsAppRequest(message: OutgoingMessage, templateNamespace?: string): Record<string, unknown> {
  const common = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: message.to.replace(/\D/g, ''),
    // Echoed in every status webhook for this message, so a receipt finds its outbox row without a lookup table.
    biz_opaque_callback_data: message.id,
  };
  if (message.purpose === 'reply') {
    return { ...common, type: 'text', text: { body: message.text, preview_url: false } };
  }
  return {
    ...common,
    type: 'template',
    template: {
      name: `homeward_${message.template}`,
      ...(templateNamespace === undefined ? {} : { namespace: templateNamespace }),
      language: { code: whatsAppLanguage(message.language) },
      // Each Homeward template is approved with one body variable holding the whole rendered text.
      components: [{ type: 'body', parameters: [{ type: 'text', text: message.text }] }],
    },
  };
}

/** WhatsApp's language code for one of ours; a regional tag (`zh-Hans`) falls back to its language. */
export function whatsAppLanguage(language: string): string {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return whatsAppLanguages[language.toLowerCase()] ?? whatsAppLanguages[primary] ?? language.replace('-', '_');
}

/** What the Cloud API's answer means for the worker. */
function whatsAppOutcome(status: number, body: unknown, retryAfter: string | null = null): SendOutcome {
  if (status >= 200 && status < 300) {
    const messages = record(body)?.messages;
    const id = Array.isArray(messages) ? record(messages[0])?.id : undefined;
    // A 2xx without a message id should not happen; sending again risks a duplicate, losing a reminder is worse.
    return typeof id === 'string' && id !== ''
      ? { kind: 'sent', providerMessageId: id }
      : { kind: 'transient', code: 'whatsapp_malformed_response' };
  }
  const code = record(record(body)?.error)?.code;
  const retryAfterMs = retryAfterMilliseconds(retryAfter);
  if (typeof code !== 'number' || !Number.isInteger(code)) {
    // No Graph error (a proxy or load balancer answered): judge by the HTTP status alone.
    const transient = status === 429 || status >= 500;
    return transient
      ? { kind: 'transient', code: `http_${status}`, retryAfterMs }
      : { kind: 'permanent', code: `http_${status}` };
  }
  if (transientErrorCodes.has(code) || status >= 500)
    return { kind: 'transient', code: `whatsapp_${code}`, retryAfterMs };
  return { kind: 'permanent', code: `whatsapp_${code}` };
}

function retryAfterMilliseconds(header: string | null): number | undefined {
  if (header === null || !/^\d{1,6}$/.test(header.trim())) return undefined;
  return Number(header.trim()) * 1000;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}
