// SMS through Infobip's SMS API v3 (`POST /sms/3/messages`). Infobip lets the client name each message (`messageId`
// per destination), and with idempotency enabled on the account it refuses, within its grace period, a second message
// with an id it has already accepted. Our outbox id is that messageId, so a send in flight when a worker died is simply
// sent again. Phone numbers and texts go to Infobip and nowhere else: outcome codes carry only Infobip's error names.
import type { ChannelAdapter, SendOutcome } from './channel.js';
import { retryAfterMs } from './retry-after.js';

export interface InfobipSmsOptions {
  /** The account's own API host, e.g. `https://xyz123.api.infobip.com`; tests pass a local fake's URL. */
  readonly baseUrl: string;
  readonly apiKey: string;
  /** The sender: a number or a registered alphanumeric sender id. */
  readonly from: string;
}

/**
 * An SMS channel that sends through Infobip. Idempotency must be enabled for the account (Infobip does that on
 * request), or a resend after a crash can reach the phone twice.
 *
 * ```ts
 * const sms = createInfobipSmsChannel({ baseUrl: 'https://xyz123.api.infobip.com', apiKey, from: 'Homeward' });
 * const outcome = await sms.send(message, AbortSignal.timeout(10_000));
 * ```
 */
export function createInfobipSmsChannel(options: InfobipSmsOptions): ChannelAdapter {
  const url = new URL('/sms/3/messages', options.baseUrl).toString();
  return {
    kind: 'sms',
    provider: 'infobip',
    isIdempotent: true,

    async send(message, signal) {
      const request = {
        messages: [
          {
            sender: options.from,
            // Infobip writes numbers in international format without the plus.
            destinations: [{ to: message.to.replace(/^\+/, ''), messageId: message.id }],
            content: { text: message.text },
          },
        ],
      };
      let response: Response;
      let body: unknown;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: `App ${options.apiKey}`,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body: JSON.stringify(request),
          signal,
        });
        body = await response.json().catch(() => undefined);
      } catch {
        return { kind: 'transient', code: signal.aborted ? 'timeout' : 'network' };
      }
      if (response.ok) return acceptedOutcome(body, message.id);
      return errorOutcome(response, body);
    },
  };
}

/**
 * A 2xx answer: `{ bulkId, messages: [{ messageId, status: { groupId, groupName, id, name, description }, destination }] }`.
 * The status is only an early one (usually PENDING_ACCEPTED); REJECTED means Infobip will never send this message.
 */
function acceptedOutcome(body: unknown, ourId: string): SendOutcome {
  const first = field(body, 'messages');
  const sent = Array.isArray(first) ? first[0] : undefined;
  const status = field(sent, 'status');
  if (field(status, 'groupName') === 'REJECTED') {
    return { kind: 'permanent', code: infobipCode(field(status, 'name')) ?? 'infobip_REJECTED' };
  }
  const messageId = field(sent, 'messageId');
  // Ours came back unless the answer was unreadable; either way it names the message in Infobip's reports.
  return { kind: 'sent', providerMessageId: typeof messageId === 'string' ? messageId : ourId };
}

/**
 * An error answer, in either of Infobip's shapes: the newer `{ errorCode, description, action, violations, resources }`
 * or the older `{ requestError: { serviceException: { messageId, text } } }`. Rate limits and server errors are worth
 * another try; any other refusal (bad request, bad key, no credit) is not.
 */
function errorOutcome(response: Response, body: unknown): SendOutcome {
  const named = infobipCode(
    field(body, 'errorCode') ?? field(field(field(body, 'requestError'), 'serviceException'), 'messageId'),
  );
  // A server error's name (if it sent one) says no more than its status does.
  const code = response.status < 500 && named !== undefined ? named : `http_${response.status}`;
  if (response.status === 429 || response.status >= 500) {
    return { kind: 'transient', code, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  }
  return { kind: 'permanent', code };
}

/** `infobip_<name>` for a name made of letters, digits and underscores; anything else (free text) is not a code. */
function infobipCode(name: unknown): string | undefined {
  return typeof name === 'string' && /^[A-Za-z0-9_]{1,64}$/.test(name) ? `infobip_${name}` : undefined;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Readonly<Record<string, unknown>>)[name] : undefined;
}
