// The built `homeward serve` as an operator runs it: start-up, what it serves, a graceful stop,
// and data kept across restarts. Configuration errors and --help: command-line.test.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getJson, listOrganisations } from './support/http.js';
import { startRawExchange, statusOf } from './support/raw-http.js';
import {
  copyDataFolder,
  logLines,
  makeKeyFile,
  makeTemporaryFolder,
  prepareDemoDataFolder,
  removeFolder,
  repositoryRoot,
  requireBuiltCli,
  startServer,
  waitForOutput,
} from './support/server-process.js';

const areAppsBuilt = ['citizen', 'console'].every((app) =>
  existsSync(join(repositoryRoot, 'apps', app, 'dist/index.html')),
);
const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

let template: string;
beforeAll(async () => {
  requireBuiltCli();
  template = await prepareDemoDataFolder();
});
afterAll(() => removeFolder(template));

const sleep = (milliseconds: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, milliseconds));

/**
 * Starts a demo server, sends the headers of a request with a one-byte body still to come (so the
 * server has routed it), then sends SIGTERM and waits until the server says it is shutting down.
 */
async function stopWithRequestInFlight(env: Record<string, string>, extraHeaders = '') {
  const server = await startServer(['--demo'], { PORT: '0', HOMEWARD_DATA_DIR: copyDataFolder(template), ...env });
  const exchange = await startRawExchange(
    server.url,
    `POST /api/v1/not-a-route HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n${extraHeaders}\r\n{`,
  );
  await sleep(300);
  const stopped = server.stop('SIGTERM');
  await waitForOutput(server, 'shutting down');
  return { server, exchange, stopped };
}

describe('homeward serve', () => {
  test('serve --demo on a fresh data folder answers health, readiness, the API reference and the demo embassies', async () => {
    const server = await startServer(['--demo'], { PORT: '0', HOMEWARD_DATA_DIR: makeTemporaryFolder() });
    expect(server.url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(server.url).not.toBe('http://localhost:0');

    expect(await getJson(`${server.url}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await getJson(`${server.url}/readyz`)).toEqual({ status: 200, body: { status: 'ready' } });

    const openapi = await getJson(`${server.url}/api/openapi.json`);
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toBe('3.1.0');
    const operations = Object.values(openapi.body.paths as Record<string, Record<string, { operationId?: string }>>)
      .flatMap((pathItem) => Object.entries(pathItem))
      .filter(([method]) => httpMethods.includes(method));
    expect(operations.length).toBeGreaterThan(0);
    for (const [, operation] of operations) expect(operation.operationId).toMatch(/^\w+$/);

    const docs = await fetch(`${server.url}/api/docs`, { redirect: 'follow' });
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await docs.text()).toMatch(/swagger/i);

    expect(await getJson(`${server.url}/api/v1/instance`)).toMatchObject({ status: 200, body: { demo: true } });
    const embassies = await listOrganisations(server.url, 'kind=embassy');
    expect(embassies.length).toBeGreaterThanOrEqual(5);
    expect(embassies.every((organisation) => organisation.kind === 'embassy')).toBe(true);
    const inThailand = await listOrganisations(server.url, 'kind=embassy&countryCode=TH');
    expect(inThailand.map((organisation) => organisation.name)).toEqual(['Embassy in Bangkok (demo)']);
  });

  test.skipIf(!areAppsBuilt)('serves the built citizen app at / and the console at /console/ as HTML', async () => {
    const server = await startServer(['--demo'], { PORT: '0', HOMEWARD_DATA_DIR: copyDataFolder(template) });
    const scripts: string[] = [];
    for (const path of ['/', '/console/']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html, path).toContain('data-testid="app-title"');
      const script = /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(script, path).toMatch(new RegExp(`^${path}assets/`));
      scripts.push(script);
    }
    expect(scripts[0]).not.toBe(scripts[1]);
    for (const script of scripts) {
      const asset = await fetch(`${server.url}${script}`);
      expect(asset.status, script).toBe(200);
      expect(asset.headers.get('content-type'), script).toMatch(/javascript/);
      expect(asset.headers.get('cache-control'), script).toContain('immutable');
    }
  });

  test('SIGTERM stops the server with exit code 0 and logs "shutting down" then "stopped"', async () => {
    const server = await startServer(['--demo'], { PORT: '0', HOMEWARD_DATA_DIR: copyDataFolder(template) });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await server.stop('SIGTERM')).toBe(0);
    const messages = logLines(server.stdout()).map((line) => line.msg);
    expect(messages).toContain('shutting down');
    expect(messages.indexOf('stopped')).toBeGreaterThan(messages.indexOf('shutting down'));
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  // The request is held in flight by sending its headers (so the server has routed it) but not yet
  // its body. No route takes a body yet, so it is a POST to an unknown path, answered with a 404.
  test('a request in flight when SIGTERM arrives is still answered before the server exits', async () => {
    const { server, exchange, stopped } = await stopWithRequestInFlight({}, 'Connection: close\r\n');
    await sleep(300);
    expect(server.process.exitCode, 'the server waits for the request in flight').toBeNull();
    exchange.send('}');
    const response = await exchange.received();
    expect(statusOf(response), response).toBe(404);
    expect(response).toMatch(/content-type: application\/problem\+json/i);
    expect(await stopped).toBe(0);
    expect(logLines(server.stdout()).map((line) => line.msg)).toContain('stopped');
  });

  // A keep-alive client would otherwise hold its connection open after the answer, and the server
  // would wait out the grace period and exit 1; the answer must carry `Connection: close`.
  test('a keep-alive request in flight at SIGTERM is answered with Connection: close, so the stop does not wait', async () => {
    const { exchange, stopped } = await stopWithRequestInFlight({ HOMEWARD_SHUTDOWN_GRACE_SECONDS: '5' });
    exchange.send('}');
    const response = await exchange.received(10_000);
    expect(statusOf(response), response).toBe(404);
    expect(response).toMatch(/^connection: close\r$/im);
    // Exit code 0, not 1: the server did not have to wait out the grace period for the keep-alive client.
    expect(await stopped).toBe(0);
  });

  test('organisations written in demo mode are still there after a restart in production mode', async () => {
    const dataFolder = makeTemporaryFolder();
    const demo = await startServer(['--demo'], { PORT: '0', HOMEWARD_DATA_DIR: dataFolder });
    const before = await listOrganisations(demo.url, 'kind=embassy');
    expect(before.length).toBeGreaterThan(0);
    expect(await demo.stop()).toBe(0);

    const production = await startServer([], {
      PORT: '0',
      HOMEWARD_DATA_DIR: dataFolder,
      HOMEWARD_KEYS_FILE: await makeKeyFile(),
    });
    expect(production.stdout()).not.toContain('DEMO');
    expect(await getJson(`${production.url}/api/v1/instance`)).toMatchObject({ status: 200, body: { demo: false } });
    // Production never seeds, so these can only have come from the data folder.
    expect(await listOrganisations(production.url, 'kind=embassy')).toEqual(before);
    expect(await production.stop()).toBe(0);
  });
});
