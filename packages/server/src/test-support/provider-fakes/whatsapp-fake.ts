// A local stand-in for Meta's WhatsApp Cloud API, since tests cannot reach the real one: it answers
// `POST /:version/:phoneNumberId/messages` as Meta does (bearer token, request shape, success and Graph error JSON),
// fails on demand (server errors, rate limits, undeliverable numbers, hanging), and posts signed webhooks (a
// citizen's reply, a message status) to our server exactly as Meta does, signature over the raw body included.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metaSignature } from '../../notifications/channels/whatsapp-webhooks.js';
import { createWaiter } from './fake-http.js';

export interface WhatsAppFakeOptions {
  readonly phoneNumberId: string;
  readonly accessToken: string;
  /** The app secret Meta signs webhooks with. */
  readonly appSecret: string;
}

/** A message the fake accepted, as Meta would deliver it. */
export interface WhatsAppFakeMessage {
  readonly wamid: string;
  /** Digits only, as sent. */
  readonly to: string;
  readonly type: 'text' | 'template';
  readonly templateName?: string;
  readonly language?: string;
  /** The text body, or a template's first body parameter. */
  readonly text: string;
  readonly bizOpaqueCallbackData?: string;
  readonly previewUrl?: boolean;
}

/** How the next calls fail: a Graph error (`status` and `code`), no answer at all, or accept and never answer. */
export type WhatsAppFakeFailure =
  | { readonly status: number; readonly code?: number }
  | { readonly hang: true }
  | { readonly acceptThenHang: true };

export interface WhatsAppFake {
  /** The API base to give the channel as `apiUrl`, e.g. `http://127.0.0.1:5123/v21.0`. */
  readonly url: string;
  readonly messages: readonly WhatsAppFakeMessage[];
  failNext(count: number, failure: WhatsAppFakeFailure): void;
  /** The first message (already received or yet to come) to `phone` (E.164, `+` optional). */
  waitForMessageTo(phone: string, timeoutMs?: number): Promise<WhatsAppFakeMessage>;
  /** Posts a citizen's text message to `webhookUrl`, signed with the app secret. */
  sendInbound(webhookUrl: string, inbound: InboundOptions): Promise<WebhookAnswer>;
  /** Posts a status update for a message we sent. */
  sendStatus(webhookUrl: string, update: StatusOptions): Promise<WebhookAnswer>;
  close(): Promise<void>;
}

export interface InboundOptions {
  /** E.164 with or without `+`. */
  readonly from: string;
  readonly text: string;
  readonly id?: string;
  readonly timestamp?: Date;
}

export interface StatusOptions {
  readonly wamid: string;
  readonly status: 'sent' | 'delivered' | 'read' | 'failed';
  readonly ourMessageId?: string;
  /** A WhatsApp error code for `failed`, e.g. 131026. */
  readonly errorCode?: number;
  /** The recipient, digits; defaults to the message's `to`, if the fake sent it. */
  readonly recipient?: string;
}

export interface WebhookAnswer {
  readonly status: number;
  readonly body: string;
}

export async function startWhatsAppFake(options: WhatsAppFakeOptions): Promise<WhatsAppFake> {
  const messages: WhatsAppFakeMessage[] = [];
  const failures: WhatsAppFakeFailure[] = [];
  const waiter = createWaiter(messages);
  const accountId = '102290129340398';
  const displayNumber = '15550783881';

  const server = createServer((request, response) => {
    readBody(request).then(
      (raw) => {
        const reply = answer(request, raw);
        if (reply === undefined) return;
        response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
      },
      () => response.destroy(),
    );
  });

  /** The status and JSON to answer a send with; undefined to never answer. */
  function answer(request: IncomingMessage, raw: string): { status: number; body: unknown } | undefined {
    const path = new URL(request.url ?? '/', 'http://fake').pathname.split('/').filter(Boolean);
    if (request.method !== 'POST' || path.length !== 3 || path[2] !== 'messages' || path[1] !== options.phoneNumberId) {
      return graphError(400, 100, 'Unsupported post request.');
    }
    if (request.headers.authorization !== `Bearer ${options.accessToken}`) {
      return graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
    }
    const message = parseMessage(raw);
    if (message === undefined) return graphError(400, 100, 'Invalid parameter');
    const failure = failures.shift();
    if (failure !== undefined && 'hang' in failure) return undefined;
    if (failure !== undefined && 'status' in failure) {
      return graphError(failure.status, failure.code ?? (failure.status >= 500 ? 1 : 100), 'Injected failure');
    }
    messages.push(message);
    waiter.notify();
    if (failure !== undefined) return undefined;
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: message.to, wa_id: message.to }],
        messages: [{ id: message.wamid, ...(message.type === 'template' ? { message_status: 'accepted' } : {}) }],
      },
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  async function postWebhook(webhookUrl: string, value: Record<string, unknown>): Promise<WebhookAnswer> {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [{ id: accountId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', ...value } }] }],
    };
    const raw = Buffer.from(JSON.stringify(payload));
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(options.appSecret, raw) },
      body: raw,
    });
    return { status: response.status, body: await response.text() };
  }

  const metadata = { display_phone_number: displayNumber, phone_number_id: options.phoneNumberId };
  return {
    url: `http://127.0.0.1:${port}/v21.0`,
    messages,
    failNext(count, failure) {
      for (let i = 0; i < count; i += 1) failures.push(failure);
    },
    waitForMessageTo(phone, timeoutMs = 15_000) {
      const digits = phone.replace(/\D/g, '');
      return waiter.waitFor((message) => message.to === digits, timeoutMs, 'a WhatsApp message to that number');
    },
    sendInbound(webhookUrl, inbound) {
      const from = inbound.from.replace(/\D/g, '');
      return postWebhook(webhookUrl, {
        metadata,
        contacts: [{ profile: { name: 'Citizen' }, wa_id: from }],
        messages: [
          {
            from,
            id: inbound.id ?? newWamid(),
            timestamp: String(Math.floor((inbound.timestamp ?? new Date()).getTime() / 1000)),
            type: 'text',
            text: { body: inbound.text },
          },
        ],
      });
    },
    sendStatus(webhookUrl, update) {
      const recipient = update.recipient ?? messages.find((m) => m.wamid === update.wamid)?.to ?? '15550000000';
      return postWebhook(webhookUrl, {
        metadata,
        statuses: [
          {
            id: update.wamid,
            status: update.status,
            timestamp: String(Math.floor(Date.now() / 1000)),
            recipient_id: recipient,
            ...(update.ourMessageId === undefined ? {} : { biz_opaque_callback_data: update.ourMessageId }),
            ...(update.errorCode === undefined
              ? {}
              : { errors: [{ code: update.errorCode, title: 'Message failed', error_data: { details: 'Injected' } }] }),
          },
        ],
      });
    },
    close() {
      // Hanging requests would otherwise keep the server open forever.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The message in a send request, or undefined when Meta would refuse its shape. */
function parseMessage(raw: string): WhatsAppFakeMessage | undefined {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (body.messaging_product !== 'whatsapp' || typeof body.to !== 'string' || !/^\d{6,15}$/.test(body.to)) {
    return undefined;
  }
  const callback = typeof body.biz_opaque_callback_data === 'string' ? body.biz_opaque_callback_data : undefined;
  const common = {
    wamid: newWamid(),
    to: body.to,
    ...(callback === undefined ? {} : { bizOpaqueCallbackData: callback }),
  };
  if (body.type === 'text') {
    const text = body.text as { body?: unknown; preview_url?: unknown } | undefined;
    if (typeof text?.body !== 'string' || text.body === '') return undefined;
    return { ...common, type: 'text', text: text.body, previewUrl: text.preview_url === true };
  }
  if (body.type === 'template') {
    const template = body.template as
      | { name?: unknown; language?: { code?: unknown }; components?: { type?: unknown; parameters?: unknown[] }[] }
      | undefined;
    const bodyParameter = template?.components?.find((component) => component.type === 'body')?.parameters?.[0] as
      | { type?: unknown; text?: unknown }
      | undefined;
    if (typeof template?.name !== 'string' || typeof template.language?.code !== 'string') return undefined;
    if (bodyParameter !== undefined && (bodyParameter.type !== 'text' || typeof bodyParameter.text !== 'string')) {
      return undefined;
    }
    return {
      ...common,
      type: 'template',
      templateName: template.name,
      language: template.language.code,
      text: typeof bodyParameter?.text === 'string' ? bodyParameter.text : '',
    };
  }
  return undefined;
}

function graphError(status: number, code: number, message: string): { status: number; body: unknown } {
  const error = {
    message: `(#${code}) ${message}`,
    type: 'OAuthException',
    code,
    ...(code >= 130000 ? { error_data: { messaging_product: 'whatsapp', details: message } } : {}),
    fbtrace_id: randomBytes(12).toString('base64url'),
  };
  return { status, body: { error } };
}

/** Shaped like Meta's ids (`wamid.` and base64), so a column sized for real ids fits these too. */
function newWamid(): string {
  return `wamid.${randomBytes(36).toString('base64')}`;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
