// What the provider fakes share: a real HTTP server on loopback, JSON answers, and "wait until a message to this
// number arrives". Each fake speaks its provider's wire format on top of these.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeHttpServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** Stops listening and drops every connection, including requests a fake chose never to answer. */
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 on a free port; a handler that throws answers 500, as a broken provider would. */
export async function startFakeHttpServer(
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
): Promise<FakeHttpServer> {
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        // A hung request keeps its socket open, and server.close() alone would wait for it forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

/** What a fake answered a webhook post with, so a test can check our route's reply. */
export interface WebhookReply {
  readonly status: number;
  readonly body: string;
  readonly contentType: string | undefined;
}

/** Posts a form-encoded webhook as a provider does, with the headers it adds. */
export async function postForm(
  url: string,
  params: Readonly<Record<string, string>>,
  headers: Readonly<Record<string, string>>,
): Promise<WebhookReply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  });
  return {
    status: response.status,
    body: await response.text(),
    contentType: response.headers.get('content-type') ?? undefined,
  };
}

/**
 * Resolves with the first item (already there or yet to come) that `matches`; `notify()` is called whenever items
 * are added.
 */
export function createWaiter<T>(items: readonly T[]) {
  const waiting = new Set<() => void>();
  return {
    notify(): void {
      for (const wake of waiting) wake();
    },
    waitFor(matches: (item: T) => boolean, timeoutMs: number, describe: string): Promise<T> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = items.find(matches);
          if (found === undefined) return;
          cleanUp();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanUp();
          reject(new Error(`no ${describe} within ${timeoutMs} ms (${items.length} received)`));
        }, timeoutMs);
        const cleanUp = () => {
          clearTimeout(timer);
          waiting.delete(check);
        };
        waiting.add(check);
        check();
      });
    },
  };
}

/** Digits only, so `+66812345678` and Infobip's `66812345678` name the same phone. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}
