// A local Infobip for tests: a real HTTP server that speaks the SMS API v3 (`POST /sms/3/messages`) as Infobip does —
// `Authorization: App <key>`, JSON requests, the send response with per-destination statuses, both of Infobip's error
// shapes — with idempotency on: a messageId it has already accepted is accepted again but not sent again, which is
// what makes resending after a crash safe. Failures can be injected, including "accepted, but the answer never came".
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createWaiter, phoneDigits, readBody, sendJson, startFakeHttpServer } from './fake-http.js';

export interface InfobipFakeMessage {
  readonly messageId: string;
  readonly bulkId: string;
  /** As the client wrote it (Infobip's format has no plus). */
  readonly to: string;
  readonly sender: string;
  readonly text: string;
}

/** What the next send calls do instead of succeeding. */
export type InfobipFailure =
  | { readonly status: 500 | 502 | 503 }
  | { readonly status: 429 }
  /** Never answers, and sends nothing: the client times out. */
  | { readonly hang: true }
  /** Accepts and sends the messages but never answers: a crash or timeout after Infobip took them. */
  | { readonly acceptThenHang: true };

export interface InfobipFake {
  readonly url: string;
  /** Every copy that reached a phone, oldest first; a repeated messageId is not sent again. */
  readonly messages: readonly InfobipFakeMessage[];
  /** Every destination accepted, repeats included. */
  readonly accepted: readonly InfobipFakeMessage[];
  deliveredCopies(messageId: string): number;
  waitForMessageTo(phone: string, timeoutMs?: number): Promise<InfobipFakeMessage>;
  failNext(count: number, failure: InfobipFailure): void;
  close(): Promise<void>;
}

const pendingAccepted = {
  groupId: 1,
  groupName: 'PENDING',
  id: 26,
  name: 'PENDING_ACCEPTED',
  description: 'Message sent to next instance',
} as const;
const rejectedDestination = {
  groupId: 5,
  groupName: 'REJECTED',
  id: 51,
  name: 'REJECTED_DESTINATION',
  description: 'Invalid destination address.',
} as const;

export async function startInfobipFake(options: { readonly apiKey: string }): Promise<InfobipFake> {
  const messages: InfobipFakeMessage[] = [];
  const accepted: InfobipFakeMessage[] = [];
  const seenIds = new Set<string>();
  const waiter = createWaiter(messages);
  const failures: InfobipFailure[] = [];

  const server = await startFakeHttpServer(async (request, response) => {
    if (request.url !== '/sms/3/messages' || request.method !== 'POST') {
      return newError(response, 404, 'E404', 'Resource not found.', 'Check the request URL.');
    }
    if (request.headers.authorization !== `App ${options.apiKey}`) {
      return sendJson(response, 401, {
        requestError: { serviceException: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' } },
      });
    }
    return send(request, response);
  });

  async function send(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const failure = failures.shift();
    if (failure !== undefined && 'hang' in failure) return;
    if (failure !== undefined && 'status' in failure) {
      const exception =
        failure.status === 429
          ? { messageId: 'TOO_MANY_REQUESTS', text: 'Too many requests' }
          : { messageId: 'GENERAL_ERROR', text: 'Something went wrong. Please contact support.' };
      return sendJson(response, failure.status, { requestError: { serviceException: exception } });
    }
    const requested = parseRequest(text);
    if (requested === undefined) {
      return newError(
        response,
        400,
        'E400',
        'Request cannot be processed.',
        'Check the syntax and adjust the request.',
        [{ property: 'messages', violation: 'must have a sender, a text and destinations' }],
      );
    }
    const bulkId = randomUUID();
    const answers = requested.map((message) => {
      const status = /^\+?[1-9]\d{5,14}$/.test(message.to) ? pendingAccepted : rejectedDestination;
      if (status === pendingAccepted) {
        const record = { ...message, bulkId };
        accepted.push(record);
        // Idempotency: the repeat is taken, and dropped while Infobip processes it.
        if (!seenIds.has(message.messageId)) messages.push(record);
        seenIds.add(message.messageId);
      }
      return { messageId: message.messageId, status, destination: message.to };
    });
    waiter.notify();
    if (failure !== undefined) return; // acceptThenHang
    sendJson(response, 200, { bulkId, messages: answers });
  }

  return {
    url: server.url,
    messages,
    accepted,
    deliveredCopies: (messageId) => messages.filter((message) => message.messageId === messageId).length,
    waitForMessageTo: (phone, timeoutMs = 15_000) =>
      waiter.waitFor((message) => phoneDigits(message.to) === phoneDigits(phone), timeoutMs, 'Infobip message'),
    failNext(count, failure) {
      for (let i = 0; i < count; i += 1) failures.push(failure);
    },
    close: () => server.close(),
  };
}

/** The destinations of a send request, or `undefined` when it is not one Infobip would take. */
function parseRequest(text: string): readonly Omit<InfobipFakeMessage, 'bulkId'>[] | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const requested = isObject(body) ? body.messages : undefined;
  if (!Array.isArray(requested) || requested.length === 0) return undefined;
  const destinations: Omit<InfobipFakeMessage, 'bulkId'>[] = [];
  for (const message of requested) {
    if (!isObject(message)) return undefined;
    const content = isObject(message.content) ? message.content.text : undefined;
    if (!nonEmpty(message.sender) || !nonEmpty(content) || !Array.isArray(message.destinations)) {
      return undefined;
    }
    for (const destination of message.destinations) {
      if (!isObject(destination) || typeof destination.to !== 'string') return undefined;
      const messageId = typeof destination.messageId === 'string' ? destination.messageId : randomUUID();
      destinations.push({ messageId, to: destination.to, sender: message.sender, text: content });
    }
  }
  return destinations;
}

/** Infobip's newer error shape. */
function newError(
  response: ServerResponse,
  status: number,
  errorCode: string,
  description: string,
  action: string,
  violations: readonly { readonly property: string; readonly violation: string }[] = [],
): void {
  sendJson(response, status, {
    errorCode,
    description,
    action,
    violations,
    resources: [{ name: 'SMS API documentation', url: 'https://www.infobip.com/docs/api/channels/sms' }],
  });
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}
