import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { startTestApp } from '../test-support/test-app.js';
import { pglite } from '../test-support/test-databases.js';

function fakeBuiltApps(): string {
  const appsDir = mkdtempSync(join(tmpdir(), 'homeward-apps-'));
  for (const name of ['citizen', 'console']) {
    mkdirSync(join(appsDir, name, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(appsDir, name, 'dist', 'index.html'), `<!doctype html><title>${name} app</title>`);
    writeFileSync(join(appsDir, name, 'dist', 'assets', 'main-abc123.js'), `console.log('${name}')`);
  }
  return appsDir;
}

test('the citizen app is served at / and the console at /console/', async () => {
  const { app } = await startTestApp(pglite, { appsDir: fakeBuiltApps() });
  const citizen = await app.inject({ method: 'GET', url: '/' });
  const console = await app.inject({ method: 'GET', url: '/console/' });
  expect([citizen.statusCode, citizen.body]).toEqual([200, '<!doctype html><title>citizen app</title>']);
  expect([console.statusCode, console.body]).toEqual([200, '<!doctype html><title>console app</title>']);
});

test('hashed assets are cached for a year, the page itself is always revalidated', async () => {
  const { app } = await startTestApp(pglite, { appsDir: fakeBuiltApps() });
  const asset = await app.inject({ method: 'GET', url: '/console/assets/main-abc123.js' });
  const page = await app.inject({ method: 'GET', url: '/' });
  expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(page.headers['cache-control']).toBe('no-cache');
});

test('a missing file beside the apps is a 404 problem, and the API still wins over the apps', async () => {
  const { app } = await startTestApp(pglite, { appsDir: fakeBuiltApps() });
  const missing = await app.inject({ method: 'GET', url: '/console/nothing.js' });
  expect(missing.statusCode).toBe(404);
  expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
});
