import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadConfig } from './config/config.js';
import { startServer } from './serve.js';

test('stopping lets an in-flight request finish, refuses new connections and closes the connection instead of serving a queued request', async () => {
  const config = loadConfig({
    HOMEWARD_DEMO: 'true',
    PORT: '0',
    LOG_LEVEL: 'silent',
    HOMEWARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'homeward-serve-')),
  });
  let release: () => void = () => undefined;
  let entered: () => void = () => undefined;
  const handlerEntered = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const server = await startServer(config, {
    extend: (app) =>
      app.get('/api/v1/test-slow', { config: { access: 'public' } }, async () => {
        entered();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return { finished: true };
      }),
  });

  // Two pipelined requests on one keep-alive connection: the slow one is in flight when shutdown begins,
  // the second waits behind it. It must not be served by a server that is going away: the first response
  // says `Connection: close`, so the client knows to send the second one again elsewhere.
  const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => {
    received += String(chunk);
  });
  const socketClosed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.write('GET /api/v1/test-slow HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  await handlerEntered;

  const stopped = server.stop();
  await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  release();
  await stopped;
  await socketClosed;

  const responses = received.split(/(?=HTTP\/1\.1 )/);
  expect(responses).toHaveLength(1);
  expect(responses[0]).toMatch(/^HTTP\/1\.1 200 /);
  expect(responses[0]).toMatch(/\r\nconnection: close\r\n/i);
  expect(responses[0]).toContain('{"finished":true}');
});
