// Starts the application on a fresh test database, migrated, for tests that go through HTTP.
import { onTestFinished } from 'vitest';
import { type App, type AppOptions, buildApp } from '../http/app.js';
import type { TestDatabase, TestDatabaseHandle } from './test-databases.js';

export interface TestApp {
  readonly app: App;
  readonly database: TestDatabaseHandle;
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
