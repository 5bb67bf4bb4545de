// A stand-in for Infobip's SMS API v3 (`POST /sms/3/messages`) for the delivery bench: it answers every send at once
// with Infobip's success shape (each destination PENDING_ACCEPTED, its messageId echoed), so a run measures the
// senders' own work, not a provider's. It counts what it took: every call, and every distinct messageId, so the bench
// can check that each message reached it and how many were sent twice. (The tests' fake,
// packages/server/src/test-support/provider-fakes/infobip-fake.ts, is TypeScript and not built into dist.)
import { createServer } from 'node:http';

const pendingAccepted = {
  groupId: 1,
  groupName: 'PENDING',
  id: 26,
  name: 'PENDING_ACCEPTED',
  description: 'Message sent to next instance',
};

/**
 * @typedef {{ url: string, apiKey: string, calls(): number, distinctIds(): number, refused(): number, reset(): void, close(): Promise<void> }} InfobipStandIn
 */

/**
 * Listens on a loopback port; `apiKey` is checked as Infobip checks it (`Authorization: App <key>`).
 * @param {{ apiKey: string }} options
 * @returns {Promise<InfobipStandIn>}
 */
export async function startInfobipStandIn(options) {
  const expected = `App ${options.apiKey}`;
  let calls = 0;
  let refused = 0;
  /** @type {Set<string>} */
  let ids = new Set();
  const server = createServer((request, response) => {
    /** @type {Buffer[]} */
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      if (
        request.method !== 'POST' ||
        request.url !== '/sms/3/messages' ||
        request.headers.authorization !== expected
      ) {
        refused += 1;
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(
          '{"requestError":{"serviceException":{"messageId":"UNAUTHORIZED","text":"Invalid login details"}}}',
        );
        return;
      }
      calls += 1;
      /** @type {{ messageId: string, status: typeof pendingAccepted, destination: string }[]} */
      const answers = [];
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        for (const message of body.messages) {
          for (const destination of message.destinations) {
            ids.add(destination.messageId);
            answers.push({ messageId: destination.messageId, status: pendingAccepted, destination: destination.to });
          }
        }
      } catch {
        refused += 1;
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end('{"errorCode":"E400","description":"Request cannot be processed."}');
        return;
      }
      const bulkId = `bulk-${calls}`;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ bulkId, messages: answers }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the stand-in is not listening on TCP');
  return {
    url: `http://127.0.0.1:${address.port}`,
    apiKey: options.apiKey,
    calls: () => calls,
    distinctIds: () => ids.size,
    refused: () => refused,
    reset() {
      calls = 0;
      refused = 0;
      ids = new Set();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
