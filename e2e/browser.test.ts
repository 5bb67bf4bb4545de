// The built citizen app and console in a real Chromium, served by the built server: they load
// without errors, show the demo banner only on a demo, speak the reader's language, and the API
// answers the browser with problem details.
import { describe, expect, test } from 'vitest';
import {
  launchDemoInChromiumForFile,
  mayRunInChromium,
  missingChromiumNote,
  saveScreenshot,
} from './support/browser.js';
import { makeKeyFile, makeTemporaryFolder, startServer } from './support/server-process.js';

const apps = [
  { name: 'citizen', path: '/', viewport: { width: 390, height: 844 } },
  { name: 'console', path: '/console/', viewport: { width: 1280, height: 800 } },
];

const demo = launchDemoInChromiumForFile();

/** Opens one app in a fresh page with the given browser locale, recording page errors and failed requests. */
async function openApp(baseUrl: string, app: (typeof apps)[number], locale: string) {
  const { page, problems } = await demo.openPage({ locale, viewport: app.viewport });
  await page.goto(`${baseUrl}${app.path}`);
  return { page, problems };
}

describe('the web apps in Chromium', () => {
  test('the citizen app and the console show their title and the demo banner on a demo server', async ({ skip }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const server = demo.server();
    for (const app of apps) {
      const { page, problems } = await openApp(server.url, app, 'en-GB');
      const title = page.getByTestId('app-title');
      await title.waitFor({ state: 'visible' });
      expect(await title.textContent(), app.name).toMatch(/Homeward/);
      const banner = page.getByTestId('demo-banner');
      await banner.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await banner.textContent(), app.name).toMatch(/demo/i);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await saveScreenshot(page, `${app.name}-demo`);
      expect(problems, app.name).toEqual([]);
    }
  });

  test('a Thai browser (th-TH) gets both apps in Thai, with <html lang="th">', async ({ skip }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const server = demo.server();
    for (const app of apps) {
      const { page, problems } = await openApp(server.url, app, 'th-TH');
      await page
        .waitForFunction(() => document.documentElement.lang !== 'en', undefined, { timeout: 10_000 })
        .catch(() => {
          // The assertion below says what the language was instead.
        });
      expect(await page.getAttribute('html', 'lang'), app.name).toBe('th');
      await page.getByTestId('demo-banner').waitFor({ state: 'visible', timeout: 10_000 });
      // Thai script (U+0E00 to U+0E7F) in the page's text, the banner included.
      expect(await page.locator('body').textContent(), app.name).toMatch(/[\u0E00-\u0E7F]{4}/);
      expect(await page.getByTestId('demo-banner').textContent(), app.name).toMatch(/[\u0E00-\u0E7F]/);
      await saveScreenshot(page, `${app.name}-th`);
      expect(problems, app.name).toEqual([]);
    }
  });

  test('an unknown API path requested from the page is answered with a problem+json 404', async ({ skip }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const server = demo.server();
    const { page } = await demo.openPage({ locale: 'en-GB' });
    await page.goto(`${server.url}/`);
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/v1/nope', { headers: { accept: 'application/json' } });
      return {
        status: response.status,
        contentType: response.headers.get('content-type'),
        body: await response.json(),
      };
    });
    expect(answer.status).toBe(404);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({
      status: 404,
      title: expect.any(String),
      type: expect.stringMatching(/^https?:\/\//),
    });
  });

  test('on a production server neither app shows the demo banner', async ({ skip }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const production = await startServer([], {
      PORT: '0',
      HOMEWARD_DATA_DIR: makeTemporaryFolder(),
      HOMEWARD_KEYS_FILE: await makeKeyFile(),
    });
    for (const app of apps) {
      const { page, problems } = await demo.openPage({ locale: 'en-GB', viewport: app.viewport });
      const instance = page.waitForResponse((response) => response.url().endsWith('/api/v1/instance'));
      await page.goto(`${production.url}${app.path}`);
      expect(await (await instance).json(), app.name).toMatchObject({ demo: false });
      await page.getByTestId('app-title').waitFor({ state: 'visible' });
      // The banner would be inserted right after the instance answer; let the page settle first.
      await page.waitForLoadState('networkidle');
      expect(await page.getByTestId('demo-banner').count(), app.name).toBe(0);
      await saveScreenshot(page, `${app.name}-production`);
      expect(problems, app.name).toEqual([]);
    }
  });
});
