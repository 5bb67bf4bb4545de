// The welfare-check queue in Chromium against the built server in demo mode. Aster Demo (whose demo stay in Mae Sot
// is in the Bangkok embassy's jurisdiction) checks in from any browser with the duress PIN, which answers like an
// ok; the demo consular officer of the Bangkok embassy signs in, lands on the welfare checks, finds the silent
// alert at the top with its explained score, opens it and sees the check-in as DURESS, records a contact attempt
// (the queue shows it), resolves it (it leaves the open list, and shows under "Resolved"). An SOS reads in Thai
// for an officer who chooses Thai, who escalates it to a case. (The demo seed's own SOS, Banyan Demo's, is in the
// same queue: the test picks Aster Demo's alert by its id, which it reads from the API as the officer.)
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  launchDemoInChromiumForFile,
  mayRunInChromium,
  missingChromiumNote,
  saveScreenshot,
} from './support/browser.js';

const desktopViewport = { width: 1280, height: 800 };
const visible = { state: 'visible', timeout: 30_000 } as const;
/** Also written outside the repository, for the pull request's pictures. */
const extraScreenshotsFolder = '/tmp/shots-6';

const demo = launchDemoInChromiumForFile();

async function saveBoth(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  mkdirSync(extraScreenshotsFolder, { recursive: true });
  await page.screenshot({ path: `${extraScreenshotsFolder}/${name}.png`, fullPage: true });
}

/** Aster Demo's check-in from any browser (the public route a citizen without their own phone uses). */
async function checkInFromAnyBrowser(pin: string, signal: 'ok' | 'sos', message?: string): Promise<void> {
  const response = await fetch(`${demo.server().url}/api/v1/check-ins`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ nationalId: 'S0000001A', pin, signal, ...(message !== undefined && { message }) }),
  });
  expect(response.status).toBe(201);
}

/** Aster Demo's stay in the demo seed (packages/server/src/demo/seed-demo-stays.ts). */
const asterStayId = '019ab000-0000-7000-8000-0000000005a1';

/** The id of Aster Demo's open alert from this source, as the demo officer reads it from the API. */
async function asterAlertId(source: string): Promise<string> {
  const url = demo.server().url;
  const login = await fetch(`${url}/api/v1/staff/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ role: 'consular_officer' }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const queue = await fetch(`${url}/api/v1/alerts?source=${source}`, { headers: { cookie } });
  const { items } = (await queue.json()) as { items: { id: string; stay: { id: string } }[] };
  const alert = items.find((item) => item.stay.id === asterStayId);
  if (!alert) throw new Error(`no open ${source} alert of Aster Demo's stay`);
  return alert.id;
}

const demoPin = '135790';
const demoDuressPin = '135709';

/** Opens the console, signs in as the demo consular officer and waits for the welfare queue. */
async function signInAsOfficer(locale: string) {
  const opened = await demo.openPage({ locale, viewport: desktopViewport });
  await opened.page.goto(`${demo.server().url}/console/`);
  await opened.page.getByTestId('demo-login-consular_officer').click();
  await opened.page.getByTestId('welfare-screen').waitFor(visible);
  return opened;
}

describe('the welfare-check queue in Chromium (demo)', () => {
  test('a duress check-in reaches the officer as a silent alert; they record a contact attempt and resolve it', async ({
    skip,
  }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    await checkInFromAnyBrowser(demoDuressPin, 'ok');
    const { page, problems } = await signInAsOfficer('en-GB');
    expect(await page.getByTestId('nav-welfare').getAttribute('aria-current')).toBe('page');

    // Duress outranks everything else in the queue.
    const rows = page.getByTestId('alert-row');
    await rows.first().waitFor(visible);
    expect(await rows.first().getAttribute('data-source')).toBe('duress');
    const alertId = (await rows.first().getAttribute('data-alert-id')) ?? '';
    expect(alertId).not.toBe('');
    const row = page.locator(`[data-testid="alert-row"][data-alert-id="${alertId}"]`);
    // Urgent in words, not by colour alone; the score explained in sentences; the age in words.
    expect(await row.getByTestId('alert-source').textContent()).toMatch(/Duress PIN/);
    expect(await row.getAttribute('class')).toContain('urgent');
    expect(await row.getByTestId('risk-factors').textContent()).toContain('Checked in with the duress PIN (+100)');
    expect(await row.getByTestId('risk-factors').textContent()).toContain('Mae Sot');
    expect(await row.getByTestId('alert-age').textContent()).toMatch(/^raised (just now|\d+ min ago)$/);
    expect(await row.getByTestId('alert-attempts').textContent()).toBe('0');
    expect(await page.getByTestId('queue-read-at').textContent()).toMatch(/^List read at /);
    await saveBoth(page, 'welfare-queue');

    // The alert in full: who, the stay, the check-in shown to staff as duress, and no contact attempts yet.
    await row.getByTestId('open-alert').click();
    const panel = page.getByTestId('alert-panel');
    await panel.waitFor(visible);
    expect(await panel.getAttribute('data-alert-id')).toBe(alertId);
    expect(await panel.getByTestId('alert-citizen').textContent()).toBe('Aster Demo');
    expect(await panel.getByTestId('stay-facts').textContent()).toContain('Checks in every2 minutes');
    const duress = panel.locator('[data-testid="check-in-row"][data-signal="duress"]');
    expect(await duress.textContent()).toContain('DURESS PIN (their screen showed OK)');
    expect(await duress.textContent()).toContain('Any browser');
    await panel.getByTestId('no-attempts').waitFor(visible);
    await saveBoth(page, 'welfare-alert');

    // A contact attempt needs a channel and an outcome: said on the page, nothing sent.
    await panel.getByTestId('record-attempt').click();
    expect(await panel.getByTestId('alert-action-error').textContent()).toBe('Choose from each list first.');

    await panel.getByTestId('attempt-channel').selectOption('phone');
    await panel.getByTestId('attempt-outcome').selectOption('no_answer');
    await panel.getByTestId('attempt-note').fill('Rang twice, no answer; will try WhatsApp.');
    await panel.getByTestId('record-attempt').click();
    await page.getByTestId('attempt-recorded').waitFor(visible);
    // The open alert and the queue both show it.
    await panel.getByTestId('attempt-row').first().waitFor(visible);
    expect(await panel.getByTestId('attempt-row').first().textContent()).toContain('No answer');
    expect(await panel.getByTestId('attempt-row').first().textContent()).toContain('You');
    expect(await row.getByTestId('alert-attempts').textContent()).toBe('1');
    expect(await row.getByTestId('alert-status').textContent()).toBe('Contacting');

    // Resolved, it leaves the open list and shows under "Resolved".
    await panel.getByTestId('resolution-reason').selectOption('reached_safe');
    await panel.getByTestId('resolution-note').fill('Called back from a friend’s phone; safe, leaving the job.');
    await panel.getByTestId('resolve-alert').click();
    await page.getByTestId('alert-resolved').waitFor(visible);
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await panel.getAttribute('data-status')).toBe('resolved');
    expect(await panel.getByTestId('resolve-alert').count()).toBe(0);
    await saveBoth(page, 'welfare-resolved');

    await page.getByTestId('filter-status').selectOption('resolved');
    await row.waitFor(visible);
    expect(await row.getByTestId('alert-status').textContent()).toBe('Resolved');
    expect(await page.getByTestId('filter-status').inputValue()).toBe('resolved');
    expect(problems).toEqual([]);
  });

  test('an SOS reads in Thai for an officer who chooses Thai, who escalates it to a case and sees its id', async ({
    skip,
  }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    await checkInFromAnyBrowser(demoPin, 'sos', 'Phone taken <b>again</b>');
    const { page, problems } = await signInAsOfficer('th-TH');
    await page.waitForFunction(() => document.documentElement.lang === 'th', undefined, { timeout: 10_000 });
    const sos = page.locator(`[data-testid="alert-row"][data-alert-id="${await asterAlertId('sos')}"]`);
    await sos.waitFor(visible);
    const thai = /[\u0E00-\u0E7F]{3}/;
    expect(await page.getByTestId('nav-welfare').textContent()).toMatch(thai);
    expect(await page.locator('#welfare-heading').textContent()).toMatch(thai);
    expect(await sos.getByTestId('risk-factors').textContent()).toMatch(thai);
    expect(await sos.getByTestId('alert-age').textContent()).toMatch(thai);
    await sos.getByTestId('open-alert').click();
    // What the citizen wrote is shown as text, markup and all.
    expect(await page.getByTestId('alert-message').textContent()).toBe('Phone taken <b>again</b>');
    await saveBoth(page, 'welfare-alert-th');

    await page.getByTestId('escalation-note').fill('Locked in, phone taken: refer to the shelter and the police unit.');
    await page.getByTestId('escalate-alert').click();
    const caseId = page.getByTestId('case-opened-id');
    await caseId.waitFor(visible);
    expect(await caseId.textContent()).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByTestId('case-opened').textContent()).toMatch(thai);
    expect(await page.getByTestId('alert-case-id').textContent()).toBe(await caseId.textContent());
    expect(await page.getByTestId('alert-panel').getAttribute('data-status')).toBe('escalated');
    await sos.waitFor({ state: 'detached', timeout: 15_000 });
    await saveBoth(page, 'welfare-escalated-th');
    expect(problems).toEqual([]);
  });
});
