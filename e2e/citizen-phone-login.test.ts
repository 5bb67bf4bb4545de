// A citizen who cannot use the national digital ID logs in on a demo server with phone and passport:
// the built citizen app in Chromium, on a 390×844 phone screen, against the built server. The demo shows
// the one-time code on the page (no text message is sent), a wrong code is refused with a readable
// message, the right one logs in with low assurance, and logging out brings the login screen back.
import type { Page, Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  launchDemoInChromiumForFile,
  mayRunInChromium,
  missingChromiumNote,
  saveScreenshot,
} from './support/browser.js';

const phoneViewport = { width: 390, height: 844 };
const visible = { state: 'visible', timeout: 15_000 } as const;
const hidden = { state: 'hidden', timeout: 15_000 } as const;

const demo = launchDemoInChromiumForFile();

/** The citizen app in a fresh phone-sized browser profile, with its page problems recorded. */
async function openCitizenApp(locale: string): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await demo.openPage({ locale, viewport: phoneViewport });
  await page.goto(`${demo.server().url}/`);
  await page.getByTestId('login-screen').waitFor(visible);
  await page.getByTestId('demo-banner').waitFor(visible);
  return { page, problems };
}

/** Unfolds the phone path and asks for a code; resolves once the code step shows. */
async function askForCode(page: Page, phone: string, passportNumber: string): Promise<void> {
  const toggle = page.getByTestId('phone-login-toggle');
  if ((await page.getByTestId('phone-login').getAttribute('open')) === null) await toggle.click();
  await page.getByLabel('Mobile number, with country code').fill(phone);
  await page.getByLabel('Passport number').fill(passportNumber);
  await page.getByTestId('phone-login-send').click();
}

function countRequests(page: Page, path: string): () => number {
  let count = 0;
  page.on('request', (request: Request) => {
    if (new URL(request.url()).pathname === path) count += 1;
  });
  return () => count;
}

/** Nothing may overflow a phone screen sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('citizen login with phone and passport in Chromium (demo)', () => {
  test('a citizen logs in with phone, passport and the demo code, sees the low assurance, and logs out', async ({
    skip,
  }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const { page, problems } = await openCitizenApp('en-GB');
    const starts = countRequests(page, '/api/v1/citizen-login/phone/start');

    // One login screen: the digital ID first, the phone path folded away under a question.
    await page.getByTestId('digital-id-login-button').waitFor(visible);
    expect(await page.getByTestId('phone-login-start').isVisible()).toBe(false);
    expect(await page.getByTestId('account-status').isVisible()).toBe(false);
    await expectNoSidewaysScroll(page);
    await saveScreenshot(page, 'citizen-login-en');

    await page.getByTestId('phone-login-toggle').click();
    await page.getByLabel('Mobile number, with country code').fill('+66 81 234 5678');
    await page.getByLabel('Passport number').fill('E1234567');
    // A double tap sends one request: the button is disabled while it runs.
    await page.getByTestId('phone-login-send').dblclick();

    const demoCode = page.getByTestId('phone-login-demo-code');
    await demoCode.waitFor(visible);
    const code = (await demoCode.textContent()) ?? '';
    expect(code).toMatch(/^[0-9]{6}$/);
    expect(starts()).toBe(1);
    // Only the code step shows now.
    expect(await page.getByTestId('phone-login-start').isVisible()).toBe(false);
    await expectNoSidewaysScroll(page);
    await saveScreenshot(page, 'citizen-phone-code-step');

    // A wrong code first: refused, in words, and the citizen may try again.
    const wrongCode = `${code.slice(0, 5)}${(Number(code[5]) + 1) % 10}`;
    const codeField = page.getByLabel('Code from the text message');
    await codeField.fill(wrongCode);
    await page.getByTestId('phone-login-verify-button').click();
    const error = page.getByTestId('phone-login-error');
    await error.getByText('That is not the code we sent').waitFor(visible);
    await saveScreenshot(page, 'citizen-phone-wrong-code');

    await codeField.fill(code);
    await page.getByTestId('phone-login-verify-button').click();

    // Logged in: one state, whichever path; a phone account has no name to show.
    const status = page.getByTestId('account-status');
    await status.waitFor(visible);
    expect(await status.getAttribute('data-assurance')).toBe('low');
    expect(await page.getByTestId('logged-in-without-name').textContent()).toBe('You are logged in.');
    expect(await page.getByTestId('logged-in-with-name').isVisible()).toBe(false);
    expect(await status.getByText('only partly confirmed').isVisible()).toBe(true);
    expect(await page.getByTestId('login-screen').isVisible()).toBe(false);
    // Neither number stays on the page once it has served.
    expect(await page.getByLabel('Mobile number, with country code', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Passport number').inputValue()).toBe('');
    await saveScreenshot(page, 'citizen-logged-in-phone');

    // Logging out ends the session at the server and brings the login screen back.
    await page.getByTestId('logout-button').click();
    await page.getByTestId('login-screen').waitFor(visible);
    await status.waitFor(hidden);
    const sessionStatus = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
    expect(sessionStatus).toBe(401);
    await saveScreenshot(page, 'citizen-logged-out');

    // The wrong code was the one expected refusal (beside "nobody is logged in").
    expect(problems.filter((problem) => !problem.endsWith('/api/v1/citizen-login/phone/verify'))).toEqual([]);
    expect(problems.length).toBe(1);
  });

  test('too many codes for one phone says in minutes when to try again (429 with Retry-After)', async ({ skip }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const { page } = await openCitizenApp('en-GB');
    // At most 3 codes per phone number in 15 minutes; the fourth is refused.
    for (let sent = 0; sent < 3; sent += 1) {
      await askForCode(page, '+66 81 765 4321', 'E7654321');
      await page.getByTestId('phone-login-verify').waitFor(visible);
      await page.getByRole('button', { name: 'Send a new code' }).click();
      await page.getByTestId('phone-login-start').waitFor(visible);
    }
    await page.getByTestId('phone-login-send').click();
    await page
      .getByTestId('phone-login-error')
      .getByText(/^Too many tries\. Try again in \d+ minutes?\.$/)
      .waitFor(visible);
    expect(await page.getByTestId('phone-login-verify').isVisible()).toBe(false);
  });

  test('a Thai browser gets the login screen, both paths, in Thai', async ({ skip }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const { page, problems } = await openCitizenApp('th-TH');
    await page.waitForFunction(() => document.documentElement.lang === 'th', undefined, { timeout: 10_000 });
    const thai = /[\u0E00-\u0E7F]{4}/;
    expect(await page.getByTestId('digital-id-login-button').textContent()).toMatch(thai);
    expect(await page.getByTestId('phone-login-toggle').textContent()).toMatch(thai);
    await expectNoSidewaysScroll(page);
    await saveScreenshot(page, 'citizen-login-th');
    await page.getByTestId('phone-login-toggle').click();
    await page.getByTestId('phone-login-start').waitFor(visible);
    expect(await page.getByTestId('phone-login-send').textContent()).toMatch(thai);
    await expectNoSidewaysScroll(page);
    await saveScreenshot(page, 'citizen-login-th-phone');
    expect(problems).toEqual([]);
  });
});
