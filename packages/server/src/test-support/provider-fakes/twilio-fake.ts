// A local Twilio for tests: a real HTTP server that speaks the Messages API (2010-04-01) as Twilio does — Basic auth,
// form-encoded requests, JSON message resources and error bodies, the list's filters and paging — and posts signed
// webhooks the way Twilio posts them. Failures can be injected, including the one that matters most for delivery: the
// message was accepted, but the answer never came.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { twilioSignature } from '../../notifications/channels/twilio-webhooks.js';
import {
  createWaiter,
  phoneDigits,
  postForm,
  readBody,
  sendJson,
  startFakeHttpServer,
  type WebhookReply,
} from './fake-http.js';

export type TwilioMessageStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'read' | 'canceled';

export interface TwilioFakeMessage {
  readonly sid: string;
  readonly to: string;
  readonly from: string;
  readonly body: string;
  readonly statusCallback: string | undefined;
  readonly status: TwilioMessageStatus;
  readonly dateCreated: Date;
  /** Empty while the message is queued, as on Twilio. */
  readonly dateSent: Date | undefined;
}

/** What the next create calls do instead of succeeding. */
export type TwilioFailure =
  | { readonly status: 500 | 502 | 503 }
  /** Twilio's error 20429, with a Retry-After header (1 second unless told). */
  | { readonly status: 429; readonly retryAfterSeconds?: number }
  /** A Twilio error such as 21211 (invalid To) or 21610 (recipient unsubscribed). */
  | { readonly status: 400; readonly code: number }
  /** Never answers, and sends nothing: the client times out. */
  | { readonly hang: true }
  /** Accepts and sends the message but never answers: a crash or timeout after Twilio took it. */
  | { readonly acceptThenHang: true };

export interface TwilioFake {
  readonly url: string;
  /** Every message accepted, oldest first. */
  readonly messages: readonly TwilioFakeMessage[];
  waitForMessageTo(phone: string, timeoutMs?: number): Promise<TwilioFakeMessage>;
  failNext(count: number, failure: TwilioFailure): void;
  /** While true the list API answers 503. */
  listUnavailable(unavailable: boolean): void;
  /** While true new messages stay queued (no date_sent), as behind a long queue; false sends the held ones. */
  holdQueue(hold: boolean): void;
  /** Posts a signed inbound-SMS webhook to `webhookUrl`, as Twilio does when someone texts our number. */
  sendInbound(
    webhookUrl: string,
    sms: { readonly from: string; readonly to: string; readonly body: string },
  ): Promise<WebhookReply & { readonly messageSid: string }>;
  /** Posts a signed status callback for a message (and records the new status). */
  sendStatus(
    webhookUrl: string,
    update: { readonly sid: string; readonly status: TwilioMessageStatus; readonly errorCode?: string },
  ): Promise<WebhookReply>;
  close(): Promise<void>;
}

export interface TwilioFakeOptions {
  readonly accountSid: string;
  readonly authToken: string;
  /** The fake's clock for date_created and date_sent; a test moves it to make old messages. */
  readonly now?: () => Date;
  /** Caps PageSize below Twilio's 1000, so a test can make a list span pages. */
  readonly maxPageSize?: number;
}

const apiVersion = '2010-04-01';
type Stored = { -readonly [K in keyof TwilioFakeMessage]: TwilioFakeMessage[K] };

export async function startTwilioFake(options: TwilioFakeOptions): Promise<TwilioFake> {
  const now = options.now ?? (() => new Date());
  const maxPageSize = Math.min(options.maxPageSize ?? 1000, 1000);
  const messages: Stored[] = [];
  const waiter = createWaiter<Stored>(messages);
  const failures: TwilioFailure[] = [];
  let listDown = false;
  let holding = false;
  const accountPath = `/${apiVersion}/Accounts/${options.accountSid}`;
  const expectedAuth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;

  const server = await startFakeHttpServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    if (request.headers.authorization !== expectedAuth) {
      return twilioError(response, 401, 20003, 'Authenticate', { 'www-authenticate': 'Basic realm="Twilio API"' });
    }
    if (url.pathname === `${accountPath}/Messages.json` && request.method === 'POST') {
      return create(request, response);
    }
    if (url.pathname === `${accountPath}/Messages.json` && request.method === 'GET') return list(url, response);
    const one = url.pathname.match(/^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\.json$/);
    const found = one?.[1] === options.accountSid ? messages.find((message) => message.sid === one[2]) : undefined;
    if (found !== undefined && request.method === 'GET') return sendJson(response, 200, resource(found));
    twilioError(response, 404, 20404, `The requested resource ${url.pathname} was not found`);
  });

  async function create(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(request));
    const failure = failures.shift();
    if (failure !== undefined && 'hang' in failure) return;
    if (failure !== undefined && 'status' in failure) {
      if (failure.status === 429) {
        const retryAfter = { 'retry-after': String(failure.retryAfterSeconds ?? 1) };
        return twilioError(response, 429, 20429, 'Too Many Requests', retryAfter);
      }
      if (failure.status === 400) return twilioError(response, 400, failure.code, 'Injected failure');
      return twilioError(response, failure.status, 20500, 'Internal Server Error');
    }
    const to = form.get('To') ?? '';
    const from = form.get('From') ?? '';
    const body = form.get('Body');
    if (!/^\+[1-9]\d{1,14}$/.test(to)) return twilioError(response, 400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (from === '') return twilioError(response, 400, 21603, "A 'From' phone number is required.");
    if (body === null || body === '') return twilioError(response, 400, 21602, 'Message body is required.');
    const message: Stored = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to,
      from,
      body,
      statusCallback: form.get('StatusCallback') ?? undefined,
      status: 'queued',
      dateCreated: now(),
      dateSent: undefined,
    };
    messages.push(message);
    // Twilio answers with the message as it was accepted (queued), then hands it on.
    const accepted = resource(message);
    if (!holding) markSent(message);
    waiter.notify();
    if (failure !== undefined) return; // acceptThenHang
    sendJson(response, 201, accepted);
  }

  function list(url: URL, response: ServerResponse): void {
    if (listDown) {
      twilioError(response, 503, 20503, 'Service Unavailable');
      return;
    }
    const query = url.searchParams;
    const day = (date: Date | undefined) => date?.toISOString().slice(0, 10);
    const filtered = messages
      .filter((message) => !query.has('To') || message.to === query.get('To'))
      .filter((message) => !query.has('From') || message.from === query.get('From'))
      // Twilio's DateSent filters match on date_sent, so a queued message (none yet) is never among them.
      .filter((message) => !query.has('DateSent') || day(message.dateSent) === query.get('DateSent'))
      .filter((message) => !query.has('DateSent>') || (day(message.dateSent) ?? '') >= (query.get('DateSent>') ?? ''))
      .filter((message) => !query.has('DateSent<') || (day(message.dateSent) ?? '~') <= (query.get('DateSent<') ?? ''))
      // Newest first; among messages of the same instant, the one accepted last.
      .reverse()
      .sort((a, b) => b.dateCreated.getTime() - a.dateCreated.getTime());
    const pageSize = Math.min(Math.max(Number(query.get('PageSize') ?? 50) || 50, 1), maxPageSize);
    const page = Math.max(Number(query.get('Page') ?? 0) || 0, 0);
    const start = page * pageSize;
    const onPage = filtered.slice(start, start + pageSize);
    const pageUri = (number: number) => {
      const params = new URLSearchParams(query);
      params.set('PageSize', String(pageSize));
      params.set('Page', String(number));
      if (number > 0) params.set('PageToken', `PA${filtered[number * pageSize - 1]?.sid ?? ''}`);
      else params.delete('PageToken');
      return `${url.pathname}?${params.toString()}`;
    };
    sendJson(response, 200, {
      messages: onPage.map(resource),
      uri: `${url.pathname}${url.search}`,
      first_page_uri: pageUri(0),
      next_page_uri: start + pageSize < filtered.length ? pageUri(page + 1) : null,
      previous_page_uri: page > 0 ? pageUri(page - 1) : null,
      page,
      page_size: pageSize,
      start,
      end: start + Math.max(onPage.length - 1, 0),
    });
  }

  function markSent(message: Stored): void {
    message.status = 'sent';
    message.dateSent = now();
  }

  function resource(message: Stored) {
    const uri = `${accountPath}/Messages/${message.sid}.json`;
    return {
      account_sid: options.accountSid,
      api_version: apiVersion,
      body: message.body,
      date_created: rfc2822(message.dateCreated),
      date_sent: message.dateSent === undefined ? null : rfc2822(message.dateSent),
      date_updated: rfc2822(message.dateSent ?? message.dateCreated),
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: message.from,
      messaging_service_sid: null,
      num_media: '0',
      num_segments: '1',
      price: null,
      price_unit: 'USD',
      sid: message.sid,
      status: message.status,
      subresource_uris: { media: uri.replace(/\.json$/, '/Media.json') },
      to: message.to,
      uri,
    };
  }

  function twilioError(
    response: ServerResponse,
    status: number,
    code: number,
    message: string,
    headers: Readonly<Record<string, string>> = {},
  ): void {
    sendJson(
      response,
      status,
      { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
      headers,
    );
  }

  async function postSigned(webhookUrl: string, params: Readonly<Record<string, string>>): Promise<WebhookReply> {
    return postForm(webhookUrl, params, {
      'x-twilio-signature': twilioSignature(options.authToken, webhookUrl, params),
      'i-twilio-idempotency-token': randomUUID(),
      'user-agent': 'TwilioProxy/1.1',
    });
  }

  return {
    url: server.url,
    messages,
    waitForMessageTo: (phone, timeoutMs = 15_000) =>
      waiter.waitFor((message) => phoneDigits(message.to) === phoneDigits(phone), timeoutMs, 'Twilio message'),
    failNext(count, failure) {
      for (let i = 0; i < count; i += 1) failures.push(failure);
    },
    listUnavailable(unavailable) {
      listDown = unavailable;
    },
    holdQueue(hold) {
      holding = hold;
      if (!hold) for (const message of messages) if (message.dateSent === undefined) markSent(message);
    },
    async sendInbound(webhookUrl, sms) {
      const messageSid = `SM${randomBytes(16).toString('hex')}`;
      const reply = await postSigned(webhookUrl, {
        ToCountry: '',
        ToState: '',
        SmsMessageSid: messageSid,
        NumMedia: '0',
        ToCity: '',
        FromZip: '',
        SmsSid: messageSid,
        FromState: '',
        SmsStatus: 'received',
        FromCity: '',
        Body: sms.body,
        FromCountry: '',
        To: sms.to,
        ToZip: '',
        NumSegments: '1',
        MessageSid: messageSid,
        AccountSid: options.accountSid,
        From: sms.from,
        ApiVersion: apiVersion,
      });
      return { ...reply, messageSid };
    },
    async sendStatus(webhookUrl, update) {
      const message = messages.find((candidate) => candidate.sid === update.sid);
      if (message !== undefined) message.status = update.status;
      return postSigned(webhookUrl, {
        SmsSid: update.sid,
        SmsStatus: update.status,
        MessageStatus: update.status,
        To: message?.to ?? '',
        MessageSid: update.sid,
        AccountSid: options.accountSid,
        From: message?.from ?? '',
        ApiVersion: apiVersion,
        ...(update.errorCode === undefined ? {} : { ErrorCode: update.errorCode }),
      });
    },
    close: () => server.close(),
  };
}

/** Twilio's date format: RFC 2822 in GMT, e.g. `Thu, 30 Jul 2015 20:12:31 +0000`. */
function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}
