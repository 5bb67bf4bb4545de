// The built citizen app and console in a real Chromium, served by the built server: they load
// without errors, show the demo banner only on a demo, speak the reader's language, and the API
// answers the browser with problem details.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import {
  isBrowserRequired,
  isChromiumInstalled,
  launchChromium,
  missingChromiumNote,
  saveScreenshot,
  watchForPageProblems,
} from './support/browser.js';
import {
  makeKeyFile,
  makeTemporaryFolder,
  removeFolder,
  repositoryRoot,
  requireBuiltCli,
  type ServerProcess,
  startServer,
} from './support/server-process.js';

const mayRun = isChromiumInstalled || isBrowserRequired;
const apps = [
  { name: 'citizen', path: '/', viewport: { width: 390, height: 844 } },
  { name: 'console', path: '/console/', viewport: { width: 1280, height: 800 } },
];

let browser: Browser | undefined;
let demo: ServerProcess | undefined;
let demoFolder: string | undefined;

beforeAll(async () => {
  if (!mayRun) return;
  requireBuiltCli();
  for (const app of apps) {
    if (!existsSync(join(repositoryRoot, 'apps', app.name, 'dist/index.html'))) {
      throw new Error(`apps/${app.name}/dist is missing: run npm run build first`);
    }
  }
  browser = await launchChromium();
  demoFolder = makeTemporaryFolder();
  demo = await startServer(['--demo'], { PORT: '0', HOMEWARD_DATA_DIR: demoFolder });
});

afterAll(async () => {
  await demo?.stop();
  await browser?.close();
  if (demoFolder !== undefined) removeFolder(demoFolder);
});

/** A new page in a fresh browser context (its own cookies, storage and locale), closed after the test. */
async function openPage(options: BrowserContextOptions): Promise<Page> {
  if (browser === undefined) throw new Error('Chromium did not start');
  const context = await browser.newContext(options);
  onTestFinished(() => context.close());
  return context.newPage();
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the demo server did not start');
  return value;
}

/** Opens one app in a fresh page with the given browser locale, recording page errors and failed requests. */
async function openApp(baseUrl: string, app: (typeof apps)[number], locale: string) {
  const page = await openPage({ locale, viewport: app.viewport });
  const problems = watchForPageProblems(page);
  await page.goto(`${baseUrl}${app.path}`);
  return { page, problems };
}

describe('the web apps in Chromium', () => {
  test('the citizen app and the console show their title and the demo banner on a demo server', async ({ skip }) => {
    skip(!mayRun, missingChromiumNote);
    const server = required(demo);
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
    skip(!mayRun, missingChromiumNote);
    const server = required(demo);
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
    skip(!mayRun, missingChromiumNote);
    const server = required(demo);
    const page = await openPage({ locale: 'en-GB' });
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
    skip(!mayRun, missingChromiumNote);
    const production = await startServer([], {
      PORT: '0',
      HOMEWARD_DATA_DIR: makeTemporaryFolder(),
      HOMEWARD_KEYS_FILE: await makeKeyFile(),
    });
    for (const app of apps) {
      const page = await openPage({ locale: 'en-GB', viewport: app.viewport });
      const problems = watchForPageProblems(page);
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
