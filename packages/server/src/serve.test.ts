import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadConfig } from './config/config.js';
import { startServer } from './serve.js';

test('stopping lets an in-flight request finish and refuses new connections', async () => {
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
      app.get('/api/v1/test-slow', async () => {
        entered();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return { finished: true };
      }),
  });

  const inFlight = fetch(`${server.url}/api/v1/test-slow`).then(async (response) => ({
    status: response.status,
    body: await response.json(),
  }));
  await handlerEntered;
  const stopped = server.stop();
  await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  release();
  expect(await inFlight).toEqual({ status: 200, body: { finished: true } });
  await stopped;
});
