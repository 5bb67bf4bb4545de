import { expect, test } from 'vitest';
import { startTestApp } from '../test-support/test-app.js';
import { testDatabases } from '../test-support/test-databases.js';

for (const database of testDatabases()) {
  test(`liveness and readiness answer 200 while the database is up (${database.name})`, async () => {
    const { app } = await startTestApp(database);
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect([health.statusCode, health.json()]).toEqual([200, { status: 'ok' }]);
    expect([ready.statusCode, ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  test(`readiness turns into a 503 problem when the database is gone, liveness stays up (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    await handle.db.destroy();
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.json()).toMatchObject({ status: 503, title: 'Service unavailable' });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
}
