// Starts the application on a fresh test database, migrated, for tests that go through HTTP.
import { onTestFinished } from 'vitest';
import { type App, type AppOptions, buildApp, defaultAppConfig } from '../http/app.js';
import { createKeyRing, generateKeyMaterial, type KeyRing } from '../keys/key-ring.js';
import { captureLogs } from './capture-logs.js';
import type { TestDatabase, TestDatabaseHandle } from './test-databases.js';

export interface TestApp {
  readonly app: App;
  readonly database: TestDatabaseHandle;
}

let sharedTestKeys: KeyRing | undefined;

/** One key ring per test worker: generating EC keys for every test would only slow the suite. */
export function testKeyRing(): KeyRing {
  sharedTestKeys ??= createKeyRing(generateKeyMaterial());
  return sharedTestKeys;
}

/** The app and its (migrated) database close when the calling test finishes. */
export async function startTestApp(
  testDatabase: TestDatabase,
  overrides: Partial<Omit<AppOptions, 'db'>> & { beforeReady?: (app: App) => void } = {},
): Promise<TestApp> {
  const database = await testDatabase.open();
  onTestFinished(async () => {
    await database.close();
  });
  const { beforeReady, ...appOptions } = overrides;
  const app = await buildApp({
    db: database.db,
    isDemo: false,
    config: defaultAppConfig,
    keys: testKeyRing(),
    logLevel: 'silent',
    appsDir: false,
    ...appOptions,
  });
  onTestFinished(async () => {
    await app.close();
  });
  beforeReady?.(app);
  await app.ready();
  return { app, database };
}

/**
 * The app with two extra routes for testing failures: `GET /api/v1/test-failure` throws `error`, and
 * `POST /api/v1/test-echo` echoes a JSON body. Its logs are collected in `lines`.
 */
export async function startTestAppWithTestRoutes(testDatabase: TestDatabase, error: Error = new Error('test')) {
  const { lines, logStream } = captureLogs();
  const { app } = await startTestApp(testDatabase, {
    logLevel: 'info',
    logStream,
    beforeReady: (instance) => {
      instance.get('/api/v1/test-failure', { config: { access: 'public' } }, async () => {
        throw error;
      });
      instance.post('/api/v1/test-echo', { config: { access: 'public' } }, async (request) => request.body);
    },
  });
  const postEcho = (contentType: string, payload: string) =>
    app.inject({ method: 'POST', url: '/api/v1/test-echo', headers: { 'content-type': contentType }, payload });
  return { app, lines, postEcho };
}
