// Chromium for end-to-end tests through playwright-core, using the system browser (never a
// downloaded one). Without /usr/bin/chromium the tests skip, unless HOMEWARD_REQUIRE_BROWSER=1.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import {
  makeTemporaryFolder,
  removeFolder,
  repositoryRoot,
  requireBuiltApps,
  requireBuiltCli,
  type ServerProcess,
  startServer,
} from './server-process.js';

export const chromiumPath = '/usr/bin/chromium';
export const isChromiumInstalled = existsSync(chromiumPath);
export const isBrowserRequired = process.env.HOMEWARD_REQUIRE_BROWSER === '1';
/** Browser tests run where Chromium is installed, and where it must be (then its absence fails them). */
export const mayRunInChromium = isChromiumInstalled || isBrowserRequired;
export const missingChromiumNote = `Chromium not found at ${chromiumPath} (apt-get install chromium fonts-noto-core fonts-noto-cjk); set HOMEWARD_REQUIRE_BROWSER=1 to make this a failure`;
export const screenshotsFolder = join(repositoryRoot, 'e2e/screenshots');

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** What has gone wrong on the page so far (see `watchForPageProblems`). */
  readonly problems: string[];
}

export interface ChromiumForFile {
  /** A page in a fresh browser context (its own cookies, storage and locale), closed when the current test finishes. */
  openPage(options: BrowserContextOptions): Promise<OpenedPage>;
}

/**
 * Launches Chromium once for the calling test file, before its tests and after checking that the
 * server and both apps are built, and closes it after them. Where Chromium may not run it does
 * nothing: each test then skips itself with `skip(!mayRunInChromium, missingChromiumNote)`.
 */
export function launchChromiumForFile(): ChromiumForFile {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!mayRunInChromium) return;
    requireBuiltCli();
    requireBuiltApps();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async openPage(options) {
      if (browser === undefined) throw new Error('Chromium did not start');
      const context = await browser.newContext(options);
      onTestFinished(() => context.close());
      const page = await context.newPage();
      return { context, page, problems: watchForPageProblems(page) };
    },
  };
}

export interface DemoInChromium extends ChromiumForFile {
  /** The demo server, once it runs. */
  server(): ServerProcess;
}

/**
 * `launchChromiumForFile`, plus one demo server (`homeward serve --demo` on an empty data folder)
 * for the calling test file's tests, stopped after them. Where Chromium may not run there are no
 * browser tests, so no server either.
 */
export function launchDemoInChromiumForFile(): DemoInChromium {
  const chromiumForFile = launchChromiumForFile();
  let demo: ServerProcess | undefined;
  let demoFolder: string | undefined;
  beforeAll(async () => {
    if (!mayRunInChromium) return;
    demoFolder = makeTemporaryFolder();
    // PORT=0: the server resolves the port it got, so its public URL (the same-origin check on the
    // page's POSTs) is the one the browser uses.
    demo = await startServer(['--demo'], { PORT: '0', HOMEWARD_DATA_DIR: demoFolder });
  });
  afterAll(async () => {
    await demo?.stop();
    if (demoFolder !== undefined) removeFolder(demoFolder);
  });
  return {
    openPage: chromiumForFile.openPage,
    server() {
      if (demo === undefined) throw new Error('the demo server did not start');
      return demo;
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!isChromiumInstalled) throw new Error(missingChromiumNote);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot as e2e/screenshots/<name>.png (the folder is git-ignored). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsFolder, { recursive: true });
  await page.screenshot({ path: join(screenshotsFolder, `${name}.png`), fullPage: true });
}

/**
 * Records what went wrong on a page: script errors and failed or refused requests. One refusal is
 * expected, not a problem: both apps ask `GET /api/v1/session` who is logged in, and 401 means nobody.
 */
export function watchForPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    const isNobodyLoggedIn = response.status() === 401 && new URL(response.url()).pathname === '/api/v1/session';
    if (response.status() >= 400 && !isNobodyLoggedIn) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}
