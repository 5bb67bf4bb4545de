// Chromium for end-to-end tests through playwright-core, using the system browser (never a
// downloaded one). Without /usr/bin/chromium the tests skip, unless HOMEWARD_REQUIRE_BROWSER=1.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { repositoryRoot } from './server-process.js';

export const chromiumPath = '/usr/bin/chromium';
export const isChromiumInstalled = existsSync(chromiumPath);
export const isBrowserRequired = process.env.HOMEWARD_REQUIRE_BROWSER === '1';
export const missingChromiumNote = `Chromium not found at ${chromiumPath} (apt-get install chromium fonts-noto-core fonts-noto-cjk); set HOMEWARD_REQUIRE_BROWSER=1 to make this a failure`;
export const screenshotsFolder = join(repositoryRoot, 'e2e/screenshots');

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
