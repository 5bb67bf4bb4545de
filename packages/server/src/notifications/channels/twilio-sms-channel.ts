// SMS through Twilio's Messages API (2010-04-01). Twilio takes no idempotency key, so a send that was in flight when a
// worker died is found again through the Messages list instead (`reconcile`). Phone numbers and texts go to Twilio
// and nowhere else: outcome codes carry only Twilio's error numbers and HTTP statuses.
// Inbound webhooks (replies, status callbacks, signatures) are in ./twilio-webhooks.ts.
import type { ChannelAdapter, OutgoingMessage, ReconcileOutcome, SendOutcome } from './channel.js';
import { retryAfterMs } from './retry-after.js';

export interface TwilioSmsOptions {
  /** `https://api.twilio.com`; tests pass a local fake's URL. */
  readonly apiUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** Our sending number (E.164). */
  readonly from: string;
  /** Where Twilio posts status callbacks for each message; none when absent. */
  readonly statusCallbackUrl?: string | undefined;
}

/**
 * An SMS channel that sends through Twilio.
 *
 * ```ts
 * const sms = createTwilioSmsChannel({ apiUrl: 'https://api.twilio.com', accountSid, authToken, from: '+15005550006' });
 * const outcome = await sms.send(message, AbortSignal.timeout(10_000));
 * ```
 */
export function createTwilioSmsChannel(options: TwilioSmsOptions): ChannelAdapter {
  const messagesUrl = new URL(
    `/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`,
    options.apiUrl,
  ).toString();
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  const headers = { authorization, accept: 'application/json' } as const;

  return {
    kind: 'sms',
    provider: 'twilio',
    isIdempotent: false,

    async send(message, signal) {
      const form = new URLSearchParams({ To: message.to, From: options.from, Body: message.text });
      if (options.statusCallbackUrl !== undefined) form.set('StatusCallback', options.statusCallbackUrl);
      const answer = await call(
        messagesUrl,
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        },
        signal,
      );
      if (answer.kind === 'failed') return { kind: 'transient', code: answer.code };
      if (answer.status >= 200 && answer.status < 300) {
        // Accepted is what matters: saying otherwise would have the message sent twice. An unreadable body leaves
        // no sid, so status callbacks for this message can't be matched.
        return { kind: 'sent', providerMessageId: stringField(answer.body, 'sid') ?? '' };
      }
      return errorOutcome(answer);
    },

    async reconcile(message, since, signal) {
      // date_created has whole seconds, so a message created in the same second as `since` may read as earlier.
      const earliest = since.getTime() - 1_000;
      const pair = { To: message.to, From: options.from };
      const match = (page: unknown) => findMatch(page, message, earliest);
      // First the cheap question: messages sent since that day (DateSent> is Twilio's "on or after", in UTC).
      const sinceDay = new Date(earliest).toISOString().slice(0, 10);
      const recent = await findInList(listUrl({ ...pair, 'DateSent>': sinceDay, PageSize: '100' }), 10, match, signal);
      if (recent.kind !== 'not_sent') return recent;
      // DateSent filters on date_sent, which stays empty while Twilio still queues a message (a long queue, a rate
      // limit): such a message is found only in the unfiltered list of this number pair.
      return findInList(listUrl({ ...pair, PageSize: '1000' }), 5, match, signal);
    },
  };

  /** Reads a list from `firstPage` on, following next_page_uri, until `match` finds our message. */
  async function findInList(
    firstPage: string,
    maxPages: number,
    match: (page: unknown) => string | undefined,
    signal: AbortSignal,
  ): Promise<ReconcileOutcome> {
    let pageUrl: string | undefined = firstPage;
    for (let page = 0; pageUrl !== undefined; page += 1) {
      // Rather "ask again later" than "not sent" when the history is longer than we are willing to read.
      if (page === maxPages) return { kind: 'unknown', code: 'twilio_list_too_long' };
      const answer = await call(pageUrl, { method: 'GET', headers }, signal);
      if (answer.kind === 'failed') return { kind: 'unknown', code: answer.code };
      if (answer.status !== 200) return { kind: 'unknown', code: errorOutcome(answer).code };
      const sid = match(answer.body);
      if (sid !== undefined) return { kind: 'sent', providerMessageId: sid };
      pageUrl = nextPageUrl(answer.body);
    }
    return { kind: 'not_sent' };
  }

  function listUrl(query: Readonly<Record<string, string>>): string {
    return `${messagesUrl}?${new URLSearchParams(query).toString()}`;
  }

  function nextPageUrl(page: unknown): string | undefined {
    const next = stringField(page, 'next_page_uri');
    // Only a path on Twilio's own host: our credentials go with the request.
    if (next === undefined || !next.startsWith('/') || next.startsWith('//')) return undefined;
    return new URL(next, options.apiUrl).toString();
  }
}

/** The sid of a message in a list page with this text, created at or after `earliest` (ms), if there is one. */
function findMatch(page: unknown, message: OutgoingMessage, earliest: number): string | undefined {
  const messages = isObject(page) && Array.isArray(page.messages) ? page.messages : [];
  for (const candidate of messages) {
    const sid = stringField(candidate, 'sid');
    const created = Date.parse(stringField(candidate, 'date_created') ?? '');
    if (sid !== undefined && stringField(candidate, 'body') === message.text && created >= earliest) return sid;
  }
  return undefined;
}

/**
 * Twilio's error answer (`{ code, message, more_info, status }`) as an outcome: rate limits and server errors are
 * worth another try, any other refusal (a bad number, an unsubscribed recipient, bad credentials) is not.
 */
function errorOutcome(answer: HttpAnswer): SendOutcome & { readonly kind: 'transient' | 'permanent' } {
  const twilioCode = isObject(answer.body) ? answer.body.code : undefined;
  // A server error's Twilio code (if it sent one) says no more than its status does.
  const code = Number.isInteger(twilioCode) && answer.status < 500 ? `twilio_${twilioCode}` : `http_${answer.status}`;
  if (answer.status === 429 || twilioCode === 20429 || answer.status >= 500) {
    return { kind: 'transient', code, retryAfterMs: retryAfterMs(answer.headers.get('retry-after')) };
  }
  return { kind: 'permanent', code };
}

interface HttpAnswer {
  readonly kind: 'answer';
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body; `undefined` when there was none or it could not be read. */
  readonly body: unknown;
}

type CallResult = HttpAnswer | { readonly kind: 'failed'; readonly code: 'timeout' | 'network' };

/** One HTTP exchange that never throws for the network: an aborted signal is a timeout, anything else the network. */
async function call(url: string, init: RequestInit, signal: AbortSignal): Promise<CallResult> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal });
  } catch {
    return { kind: 'failed', code: signal.aborted ? 'timeout' : 'network' };
  }
  const body: unknown = await response.json().catch(() => undefined);
  return { kind: 'answer', status: response.status, headers: response.headers, body };
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

function stringField(value: unknown, name: string): string | undefined {
  if (!isObject(value)) return undefined;
  const field = value[name];
  return typeof field === 'string' ? field : undefined;
}
