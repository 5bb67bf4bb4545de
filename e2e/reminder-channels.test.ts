// Reminder channels and undelivered messages in Chromium against the built server in demo mode. Aster Demo, whose
// demo stay is active, opens "Reminders" below her check-in screen on a server that can send SMS (Twilio settings
// pointing at a closed port: nothing is really sent), adds a phone number, sees only its last digits, and removes
// it. Then the demo consular officer of the Bangkok embassy finds a dead-lettered urgent alert to the embassy (written
// into the seeded database before the server starts, as if its mail server had refused it) under "Undelivered
// messages", in English and in Thai, and sends it again: it goes back to pending. The second server has no channel configured, so no worker takes the message
// before the test can see it pending. Screenshots go to e2e/screenshots and /tmp.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../packages/server/src/database/database.js';
import { demoOrganisationIds } from '../packages/server/src/demo/seed-demo.js';
import { launchChromiumForFile, mayRunInChromium, missingChromiumNote, saveScreenshot } from './support/browser.js';
import {
  copyDataFolder,
  prepareDemoDataFolder,
  removeFolder,
  type ServerProcess,
  startServer,
} from './support/server-process.js';

const phoneViewport = { width: 390, height: 844 };
const desktopViewport = { width: 1280, height: 800 };
const visible = { state: 'visible', timeout: 30_000 } as const;

/** SMS through Twilio's API at a port where nothing listens: the service can send by SMS, and nothing leaves. */
const smsSettings = {
  HOMEWARD_TWILIO_ACCOUNT_SID: `AC${'0123456789abcdef'.repeat(2)}`,
  HOMEWARD_TWILIO_AUTH_TOKEN: 'x',
  HOMEWARD_TWILIO_FROM: '+6620000000',
  HOMEWARD_TWILIO_API_URL: 'http://127.0.0.1:9',
};

/** Aster Demo's stay in the demo seed (packages/server/src/demo/seed-demo-stays.ts). */
const asterStayId = '019ab000-0000-7000-8000-0000000005a1';

const chromium = launchChromiumForFile();
let template = '';
beforeAll(async () => {
  if (mayRunInChromium) template = await prepareDemoDataFolder();
});
afterAll(() => {
  if (template !== '') removeFolder(template);
});

async function startDemo(dataFolder: string, settings: Readonly<Record<string, string>> = {}): Promise<ServerProcess> {
  const server = await startServer(['--demo'], { PORT: '0', HOMEWARD_DATA_DIR: dataFolder, ...settings });
  return server;
}

async function saveBoth(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  await page.screenshot({ path: `/tmp/${name}.png`, fullPage: true });
}

/**
 * Writes an undelivered urgent alert to the Bangkok embassy into a seeded data folder no server has open. (The demo
 * stays are written when the demo server first starts, so a message of a stay could not be seeded here.)
 */
async function seedUndelivered(dataFolder: string, status: 'dead' | 'failed', lastError: string): Promise<string> {
  const database = await openDatabase({ dataDir: dataFolder });
  const id = randomUUID();
  try {
    const now = new Date();
    await sql`insert into outbox_message (id, stay_id, dedupe_key, recipient_kind, recipient_id, template, language,
        payload, status, created_at, available_at, attempts, channel, provider, last_error, updated_at)
      values (${id}, null, ${`e2e-${id}`}, 'organisation', ${demoOrganisationIds.bangkokEmbassy}, 'urgent_alert', 'en',
        ${JSON.stringify({ consoleUrl: 'http://localhost/console/' })}::jsonb, ${status}, ${now}, ${now}, 5, 'email', 'smtp',
        ${lastError}, ${now})`.execute(database.db);
  } finally {
    await database.close();
  }
  return id;
}

describe('reminder channels and undelivered messages in Chromium (demo)', () => {
  test('a citizen adds a phone number for SMS reminders, sees only its last digits, and removes it', async ({
    skip,
  }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const server = await startDemo(copyDataFolder(template), smsSettings);
    const { page, problems } = await chromium.openPage({ locale: 'en-GB', viewport: phoneViewport });
    await page.goto(`${server.url}/`);
    await page.getByTestId('digital-id-login-button').click();
    await page.waitForURL(/\/demo-idp\/interaction\//, { timeout: 10_000 });
    await page.getByRole('button', { name: /Aster Demo/ }).click();

    const section = page.getByTestId('reminder-channels');
    await section.waitFor(visible);
    await section.getByTestId('reminders-none').waitFor(visible);
    expect(await section.textContent()).toContain('Reminders say only that it is time for your check-in');
    // Only what this server can send by: SMS, and neither email (no mail server) nor push (no VAPID keys).
    await section.getByTestId('reminder-add-form').locator('summary').click();
    const offered = await section
      .locator('[data-testid="reminder-kind"] option:not([disabled])')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(offered).toEqual(['sms']);

    // A number without its country code is explained on the page.
    await section.getByTestId('reminder-address').fill('12');
    await section.getByTestId('reminder-add').click();
    await section.getByTestId('reminder-error').getByText('country code').waitFor(visible);
    problems.length = 0;

    const added = page.waitForResponse(
      (response) => response.url().endsWith(`/stays/${asterStayId}/channels`) && response.request().method() === 'POST',
    );
    await section.getByTestId('reminder-address').fill('+66 81 234 5678');
    await section.getByTestId('reminder-add').click();
    expect((await added).status()).toBe(201);
    const row = section.locator('[data-testid="reminder"][data-kind="sms"]');
    await row.waitFor(visible);
    expect(await row.getByTestId('reminder-address').textContent()).toBe('•••• 5678');
    expect(await section.getByTestId('reminder-list').textContent()).not.toContain('234');
    await section.scrollIntoViewIfNeeded();
    await saveBoth(page, 'reminders-en');
    await section.screenshot({ path: '/tmp/reminders-section-en.png' });

    // The same screen in Thai.
    await page.locator('select[data-language-picker]').selectOption('th');
    await page.waitForFunction(() => document.documentElement.lang === 'th', undefined, { timeout: 10_000 });
    expect(await section.locator('h4').textContent()).toMatch(/[\u0E00-\u0E7F]{3}/);
    await section.getByTestId('reminder-add-form').locator('summary').click();
    await saveBoth(page, 'reminders-th');
    await section.screenshot({ path: '/tmp/reminders-section-th.png' });

    // Read again from the server after a reload, then removed.
    await page.reload();
    await row.waitFor(visible);
    expect(await row.getByTestId('reminder-address').textContent()).toBe('•••• 5678');
    const removed = page.waitForResponse((response) => response.request().method() === 'DELETE');
    await row.getByTestId('reminder-remove').click();
    expect((await removed).status()).toBe(204);
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    await section.getByTestId('reminders-none').waitFor(visible);
    expect(problems.filter((problem) => !problem.endsWith('/api/v1/session'))).toEqual([]);
    expect(await server.stop()).toBe(0);
  });

  test('an officer finds a dead-lettered alert among the undelivered messages and sends it again', async ({ skip }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const dataFolder = copyDataFolder(template);
    const deadId = await seedUndelivered(dataFolder, 'dead', 'smtp_connection');
    const failedId = await seedUndelivered(dataFolder, 'failed', 'no_channel');
    const server = await startDemo(dataFolder);

    // In Thai first: the labels, the filter and the button are translated; the error code is shown as it is.
    const thai = await chromium.openPage({ locale: 'th-TH', viewport: desktopViewport });
    await thai.page.goto(`${server.url}/console/#/deliveries`);
    await thai.page.getByTestId('demo-login-consular_officer').click();
    await thai.page.getByTestId('deliveries-screen').waitFor(visible);
    await thai.page.waitForFunction(() => document.documentElement.lang === 'th', undefined, { timeout: 10_000 });
    const thaiRow = thai.page.locator(`[data-testid="delivery-row"][data-delivery-id="${deadId}"]`);
    await thaiRow.waitFor(visible);
    expect(await thai.page.getByTestId('nav-deliveries').textContent()).toMatch(/[\u0E00-\u0E7F]{3}/);
    expect(await thaiRow.getByTestId('delivery-template').textContent()).toMatch(/[\u0E00-\u0E7F]{3}/);
    expect(await thaiRow.getByTestId('delivery-error').textContent()).toBe('smtp_connection');
    await saveBoth(thai.page, 'deliveries-th');

    const { page, problems } = await chromium.openPage({ locale: 'en-GB', viewport: desktopViewport });
    await page.goto(`${server.url}/console/`);
    await page.getByTestId('demo-login-consular_officer').click();
    await page.getByTestId('welfare-screen').waitFor(visible);
    await page.getByTestId('nav-deliveries').click();
    await page.getByTestId('deliveries-screen').waitFor(visible);
    expect(await page.getByTestId('nav-deliveries').getAttribute('aria-current')).toBe('page');
    const row = page.locator(`[data-testid="delivery-row"][data-delivery-id="${deadId}"]`);
    await row.waitFor(visible);
    expect(await row.getByTestId('delivery-template').textContent()).toBe('Urgent alert to the embassy');
    expect(await row.getByTestId('delivery-recipient').textContent()).toBe('Embassy or organisation');
    expect(await row.getByTestId('delivery-attempts').textContent()).toBe('5');
    expect(await row.getByTestId('delivery-channel').textContent()).toBe('Email');
    expect(await row.getByTestId('delivery-error').textContent()).toBe('smtp_connection');
    // The failed one shows under its own filter, not among the dead.
    expect(await page.locator(`[data-delivery-id="${failedId}"]`).count()).toBe(0);
    await saveBoth(page, 'deliveries-en');

    const retried = page.waitForResponse((response) => response.url().endsWith(`/deliveries/${deadId}/retry`));
    await row.getByTestId('delivery-retry').click();
    const answer = await retried;
    expect(answer.status()).toBe(202);
    expect(await answer.json()).toEqual({ id: deadId, status: 'pending' });
    await page.getByTestId('delivery-sent-again').waitFor(visible);
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    const pending = await page.evaluate(async () => {
      const response = await fetch('/api/v1/deliveries?status=pending');
      return ((await response.json()) as { items: { id: string; attempts: number }[] }).items;
    });
    expect(pending.find((item) => item.id === deadId)).toBeDefined();
    await saveBoth(page, 'deliveries-sent-again-en');

    await page.getByTestId('delivery-filter-status').selectOption('failed');
    const failedRow = page.locator(`[data-testid="delivery-row"][data-delivery-id="${failedId}"]`);
    await failedRow.waitFor(visible);
    expect(await failedRow.getByTestId('delivery-error').textContent()).toBe('no_channel');
    expect(problems).toEqual([]);
    expect(thai.problems).toEqual([]);
    expect(await server.stop()).toBe(0);
  });
});
