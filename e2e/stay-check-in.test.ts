// Stays and check-ins in Chromium against the built server in demo mode: a demo citizen logs in with the demo
// digital ID, registers a stay, checks in with the PIN and then with the danger (duress) PIN and sees the very same
// answer; then someone without their own phone checks in on the public page with a national ID number and PIN,
// and the page keeps nothing. Screenshots at phone size go to e2e/screenshots and /tmp/shots-6.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  launchDemoInChromiumForFile,
  mayRunInChromium,
  missingChromiumNote,
  saveScreenshot,
} from './support/browser.js';

const phoneViewport = { width: 390, height: 844 };
const visible = { state: 'visible', timeout: 30_000 } as const;
/** Also written outside the repository, for the pull request's pictures. */
const extraScreenshotsFolder = '/tmp/shots-6';

const demo = launchDemoInChromiumForFile();

async function saveBoth(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  mkdirSync(extraScreenshotsFolder, { recursive: true });
  await page.screenshot({ path: `${extraScreenshotsFolder}/${name}.png`, fullPage: true });
}

/** What the check-in answer says, with its date and time taken out (two check-ins may straddle a minute). */
async function receivedText(page: Page): Promise<string> {
  const received = page.locator('[data-testid="check-in-received"]:visible');
  await received.waitFor(visible);
  return ((await received.textContent()) ?? '').replace(/\d+/g, '#');
}

async function checkIn(page: Page, pin: string): Promise<string> {
  await page.getByTestId('check-in-ok').click();
  await page.getByTestId('check-in-pin').fill(pin);
  const answered = page.waitForResponse((response) => /\/api\/v1\/stays\/[^/]+\/check-ins$/.test(response.url()));
  await page.getByTestId('check-in-send').click();
  const response = await answered;
  expect(response.status()).toBe(201);
  expect(response.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  return receivedText(page);
}

async function storedText(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
}

describe('stays and check-ins in Chromium (demo)', () => {
  test('a citizen registers a stay and checks in; the danger PIN gets exactly the answer the PIN gets', async ({
    skip,
  }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const { page, problems } = await demo.openPage({ locale: 'en-GB', viewport: phoneViewport });
    await page.goto(`${demo.server().url}/`);
    await page.getByTestId('digital-id-login-button').click();
    await page.waitForURL(/\/demo-idp\/interaction\//, { timeout: 10_000 });
    await page.getByRole('button', { name: /Cempaka Demo/ }).click();

    // No stay yet: the registration form, with the demo's two-minute interval on offer.
    await page.getByTestId('stay-form').waitFor(visible);
    await page.locator('[data-testid="stay-interval"] option[value="PT2M"]').waitFor({ state: 'attached' });
    await expect(page.getByTestId('quick-exit').isVisible()).resolves.toBe(true);
    await saveBoth(page, 'stay-register');

    await page.getByTestId('stay-country').selectOption('TH');
    await page.getByTestId('stay-city').fill('Bangkok');
    await page.getByTestId('stay-employer').fill('Golden Star Trading');
    await page.getByTestId('stay-job-title').fill('Customer service');
    await page.getByTestId('stay-salary').fill('25000');
    await page.getByTestId('stay-currency').selectOption('THB');
    await page.getByTestId('stay-found-through').selectOption('social_media');
    await page.getByTestId('stay-visa').selectOption('work');
    await page.getByTestId('stay-starts-on').fill('2026-12-01');
    await page.getByTestId('stay-interval').selectOption('P7D');
    await page.getByTestId('stay-pin').fill('482913');
    // One digit away from the PIN: explained on the page, nothing sent.
    await page.getByTestId('stay-duress-pin').fill('482914');
    await page.getByTestId('stay-register').click();
    await page.getByTestId('stay-form-error').getByText('at least two digits').waitFor(visible);
    await page.getByTestId('stay-duress-pin').fill('482931');
    await page.getByTestId('stay-register').click();

    await page.getByTestId('check-in-screen').waitFor(visible);
    await page.getByTestId('next-due').waitFor(visible);
    await saveBoth(page, 'stay-check-in');

    const withPin = await checkIn(page, '482913');
    expect(withPin).toMatch(/^Check-in received\. Next check-in due /);
    await saveBoth(page, 'stay-check-in-received');
    const withDangerPin = await checkIn(page, '482931');
    expect(withDangerPin).toBe(withPin);
    await saveBoth(page, 'stay-check-in-received-duress');

    // Neither PIN is anywhere in the page's storage.
    const stored = await storedText(page);
    for (const pin of ['482913', '482931']) expect(stored).not.toContain(pin);

    // A trusted contact: invited from the check-in screen, by a link the citizen copies.
    await page.getByTestId('contact-add-form').locator('summary').click();
    await page.getByTestId('contact-name').fill('Mawar');
    await page.getByTestId('contact-channel').selectOption('email');
    await page.getByTestId('contact-address').fill('mawar@example.org');
    await page.getByTestId('contact-language').selectOption('id');
    await page.getByTestId('contact-add').click();
    await page.getByTestId('invitation').waitFor(visible);
    const invitationUrl = await page.getByTestId('invitation-link').inputValue();
    expect(invitationUrl).toMatch(/\/contact\.html#.+/);
    expect(await page.getByTestId('contact').getAttribute('data-status')).toBe('invited');
    await saveBoth(page, 'stay-trusted-contact-invited');
    expect(problems.filter((problem) => !problem.endsWith('/api/v1/session'))).toEqual([]);

    // The contact opens the link in their own browser: the token leaves the address bar, they agree, and later
    // tell the embassy they are worried.
    const contact = await demo.openPage({ locale: 'en-GB', viewport: phoneViewport });
    await contact.page.goto(invitationUrl.replace(/^https?:\/\/[^/]+/, demo.server().url));
    await contact.page.getByTestId('contact-confirm').waitFor(visible);
    expect(new URL(contact.page.url()).hash).toBe('');
    expect(await contact.page.getByTestId('contact-confirm').textContent()).toMatch(
      /^I agree to be told if Cempaka( Demo)? goes silent$/,
    );
    await saveBoth(contact.page, 'trusted-contact-invited');
    await contact.page.getByTestId('contact-confirm').click();
    await contact.page.getByTestId('contact-confirmed').waitFor(visible);
    await contact.page.getByTestId('concern-since').fill('2026-11-20');
    await contact.page.getByTestId('concern-message').fill('No word from her for a week.');
    await contact.page.getByTestId('concern-send').click();
    await contact.page.getByTestId('concern-sent').waitFor(visible);
    await saveBoth(contact.page, 'trusted-contact-concern-sent');
    expect(contact.problems).toEqual([]);
  });

  test('someone whose phone was taken checks in on the public page; the form is emptied and nothing is kept', async ({
    skip,
  }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const { page, problems } = await demo.openPage({ locale: 'en-GB', viewport: phoneViewport });
    await page.goto(`${demo.server().url}/`);
    await page.getByTestId('check-in-page-link').click();
    await page.waitForURL(/\/check-in\.html$/);
    await page.getByTestId('public-check-in').waitFor(visible);
    expect(await page.title()).toBe('Check in');
    expect(await page.getByTestId('public-pin').getAttribute('autocomplete')).toBe('off');
    await saveBoth(page, 'check-in-page');

    await page.getByTestId('public-national-id').fill('S0000001A');
    await page.getByTestId('public-pin').fill('135790');
    await page.getByTestId('public-send').click();
    const withPin = await receivedText(page);
    expect(withPin).toMatch(/^Check-in received\./);
    expect(await page.getByTestId('public-national-id').inputValue()).toBe('');
    expect(await page.getByTestId('public-pin').inputValue()).toBe('');
    await saveBoth(page, 'check-in-page-received');

    // The demo citizen's danger PIN: the same answer.
    await page.getByTestId('public-national-id').fill('S0000001A');
    await page.getByTestId('public-pin').fill('135709');
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/check-ins'));
    await page.getByTestId('public-send').click();
    expect((await answered).status()).toBe(201);
    expect(await receivedText(page)).toBe(withPin);

    expect(await storedText(page)).not.toMatch(/S0000001A|135790|135709/);
    expect(problems).toEqual([]);
  });
});
