// The staff passkey ceremonies for real: the built server, the built console in Chromium with a
// virtual authenticator (Chrome DevTools Protocol, WebAuthn domain), a real SMTP server for the
// invitation email, and the first admin made by `homeward create-admin`.
import { createServer } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { startSmtpTestServer } from '../packages/server/src/test-support/smtp-test-server.js';
import { launchChromiumForFile, mayRunInChromium, missingChromiumNote, saveScreenshot } from './support/browser.js';
import {
  copyDataFolder,
  makeKeyFile,
  prepareDemoDataFolder,
  removeFolder,
  runCli,
  startServer,
} from './support/server-process.js';

const ministryId = '019ab000-0000-7000-8000-000000000001';
const bangkokEmbassyId = '019ab000-0000-7000-8000-000000000010';

const chromium = launchChromiumForFile();
let demoDataFolder: string | undefined;

beforeAll(async () => {
  // Demo organisations (and demo staff rows, unused here) in a data folder the tests copy.
  if (mayRunInChromium) demoDataFolder = await prepareDemoDataFolder();
});

afterAll(() => {
  if (demoDataFolder !== undefined) removeFolder(demoDataFolder);
});

/** A port nobody listens on now, so the public URL (and with it the passkeys' origin) is known before start. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A browser profile of its own with a platform authenticator holding discoverable, user-verifying passkeys. */
async function openWithAuthenticator(): Promise<{
  context: BrowserContext;
  page: Page;
  problems: string[];
  credentialCount: () => Promise<number>;
}> {
  const { context, page, problems } = await chromium.openPage({
    locale: 'en-GB',
    viewport: { width: 1280, height: 800 },
  });
  const devtools = await context.newCDPSession(page);
  await devtools.send('WebAuthn.enable');
  const { authenticatorId } = await devtools.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      ctap2Version: 'ctap2_1',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  const credentialCount = async () => {
    const { credentials } = await devtools.send('WebAuthn.getCredentials', { authenticatorId });
    return credentials.filter((credential) => credential.isResidentCredential).length;
  };
  return { context, page, problems, credentialCount };
}

/** Page problems, except the 401 of asking "who is logged in?" before anyone is. */
function unexpected(problems: readonly string[]): string[] {
  return problems.filter((problem) => !/^HTTP 401: .*\/api\/v1\/session$/.test(problem));
}

/** What `fetch` from the page answers for an invitation, with the page's own session and CSRF token. */
function inviteFromPage(page: Page, email: string) {
  return page.evaluate(
    async ({ email: address, organisationId }) => {
      const session = await (await fetch('/api/v1/session')).json();
      const response = await fetch('/api/v1/staff/invitations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ email: address, displayName: 'X', role: 'admin', organisationId }),
      });
      // Read the body too: a reload while it is still arriving would count as a failed request.
      await response.text();
      return response.status;
    },
    { email, organisationId: bangkokEmbassyId },
  );
}

describe('staff passkeys in Chromium', () => {
  test('create-admin, register and log in with a passkey, invite an officer who registers from the emailed link, find them in the staff list and recover them', async ({
    skip,
  }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const smtp = await startSmtpTestServer();
    onTestFinished(() => smtp.close());
    const folder = copyDataFolder(demoDataFolder ?? '');
    const keysFile = await makeKeyFile();
    const port = await freePort();
    const env = {
      PORT: String(port),
      HOMEWARD_PUBLIC_URL: `http://localhost:${port}`,
      HOMEWARD_DATA_DIR: folder,
      HOMEWARD_KEYS_FILE: keysFile,
      HOMEWARD_SMTP_URL: smtp.url,
      HOMEWARD_MAIL_FROM: 'Homeward <no-reply@homeward.test>',
    };

    const created = await runCli(
      ['create-admin', '--email', 'first.admin@ministry.test', '--name', 'First Admin', '--organisation', ministryId],
      env,
    );
    expect(created.stderr).not.toMatch(/homeward:/);
    expect(created.code).toBe(0);
    const adminLink = /(http:\/\/localhost:\d+\/console\/#\/invitation\/[A-Za-z0-9_-]{43})/.exec(created.stdout)?.[1];
    expect(adminLink).toBeDefined();
    const again = await runCli(
      ['create-admin', '--email', 'other@ministry.test', '--name', 'Other', '--organisation', ministryId],
      env,
    );
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/an admin exists already/);

    const server = await startServer([], env);
    onTestFinished(async () => {
      await server.stop();
    });

    // The admin opens the printed link and registers a passkey.
    const admin = await openWithAuthenticator();
    await admin.page.goto(adminLink ?? '');
    await admin.page.getByTestId('registration-account').waitFor();
    expect(await admin.page.getByTestId('registration-account').textContent()).toContain('first.admin@ministry.test');
    await saveScreenshot(admin.page, 'console-registration');
    await admin.page.getByTestId('register-passkey').click();
    await admin.page.getByTestId('signed-in').waitFor();
    expect(await admin.page.getByTestId('signed-in-name').textContent()).toBe('First Admin');
    expect(await admin.credentialCount()).toBe(1);
    // The used link's token is gone from the address bar.
    expect(admin.page.url()).not.toContain('#/invitation/');

    // Log out, then in again with the passkey alone (no name typed: a discoverable credential).
    await admin.page.getByTestId('logout').click();
    await admin.page.getByTestId('passkey-login').waitFor();
    expect(await admin.page.getByTestId('demo-login-area').textContent()).toBe('');
    await saveScreenshot(admin.page, 'console-login');
    await admin.page.getByTestId('passkey-login').click();
    await admin.page.getByTestId('signed-in').waitFor();
    // A reload finds the session from its cookie.
    await admin.page.reload();
    await admin.page.getByTestId('signed-in').waitFor();
    expect(await admin.page.getByTestId('signed-in-name').textContent()).toBe('First Admin');
    expect(await admin.page.getByTestId('signed-in').textContent()).toContain('Ministry of Foreign Affairs (demo)');

    // The admin invites an officer of the embassy in Bangkok; the invitation is emailed.
    await admin.page.locator('#invite-organisation option').nth(1).waitFor({ state: 'attached' });
    await admin.page.fill('#invite-email', 'officer.one@embassy.test');
    await admin.page.fill('#invite-name', 'Officer One');
    await admin.page.selectOption('#invite-role', 'consular_officer');
    await admin.page.selectOption('#invite-organisation', bangkokEmbassyId);
    await admin.page.getByRole('button', { name: 'Send invitation' }).click();
    await admin.page.getByTestId('invitation-emailed').waitFor();
    await saveScreenshot(admin.page, 'console-admin-invited');
    expect(unexpected(admin.problems)).toEqual([]);

    const email = await smtp.waitForMessageTo('officer.one@embassy.test');
    const officerLink = /(http:\/\/localhost:\d+\/console\/#\/invitation\/[A-Za-z0-9_-]{43})/.exec(email.text)?.[1];
    expect(officerLink).toBeDefined();

    // The officer, on a device of their own, registers from the emailed link.
    const officer = await openWithAuthenticator();
    await officer.page.goto(officerLink ?? '');
    await officer.page.getByTestId('register-passkey').click();
    await officer.page.getByTestId('signed-in').waitFor();
    expect(await officer.page.getByTestId('signed-in-name').textContent()).toBe('Officer One');
    expect(await officer.page.getByTestId('signed-in-role').textContent()).toBe('Consular officer');
    expect(await officer.page.getByTestId('invite-form').count()).toBe(0);
    await saveScreenshot(officer.page, 'console-officer-signed-in');

    // An officer may not invite, even by calling the API directly; the admin may.
    expect(await inviteFromPage(officer.page, 'sneaky@embassy.test')).toBe(403);
    expect(await inviteFromPage(admin.page, 'second.admin@ministry.test')).toBe(201);
    expect(await officer.page.getByTestId('staff-screen').count()).toBe(0);

    // The admin finds the officer in the staff list: active, with the one passkey just made.
    await admin.page.reload();
    const officerRow = admin.page.getByTestId('staff-row').filter({ hasText: 'officer.one@embassy.test' });
    await officerRow.waitFor();
    expect(await officerRow.getByTestId('staff-status').textContent()).toBe('Active');
    expect(await officerRow.getByTestId('staff-passkeys').textContent()).toBe('1');
    expect(
      await admin.page.getByTestId('staff-row').filter({ hasText: 'second.admin@ministry.test' }).textContent(),
    ).toMatch(/Invited.*Invitation link open until/s);
    // The admin's own row offers neither recovery nor disabling: the server would refuse the latter anyway.
    const ownRow = admin.page.getByTestId('staff-row').filter({ hasText: 'first.admin@ministry.test' });
    expect(await ownRow.getByTestId('staff-status').textContent()).toBe('Active');
    expect(await ownRow.getByRole('button').count()).toBe(0);

    // Recovery, with a confirmation step: the passkey is revoked, a new link emailed, the officer signed out.
    await officerRow.getByTestId('recover-staff').click();
    await officerRow.getByTestId('confirm-action').waitFor();
    expect(await officerRow.textContent()).toContain('Send Officer One a new sign-in link?');
    await saveScreenshot(admin.page, 'console-staff-confirm');
    await officerRow.getByTestId('confirm-action').click();
    await admin.page.getByTestId('recovery-emailed').waitFor();
    await officerRow.getByTestId('staff-passkeys').filter({ hasText: '0' }).waitFor();
    expect(await officerRow.getByTestId('staff-status').textContent()).toMatch(/^ActiveRecovery link open until /);
    await saveScreenshot(admin.page, 'console-staff');

    // Disabling, confirmed: the invited second admin is disabled and offers no more actions.
    const secondAdminRow = admin.page.getByTestId('staff-row').filter({ hasText: 'second.admin@ministry.test' });
    await secondAdminRow.getByTestId('disable-staff').click();
    await secondAdminRow.getByTestId('confirm-action').click();
    await secondAdminRow
      .getByTestId('staff-status')
      .filter({ hasText: /^Disabled$/ })
      .waitFor();
    expect(await secondAdminRow.getByRole('button').count()).toBe(0);
    expect(unexpected(admin.problems)).toEqual([]);
    await officer.page.reload();
    await officer.page.getByTestId('passkey-login').waitFor();

    // The link worked once.
    await officer.page.goto('about:blank');
    await officer.page.goto(officerLink ?? '');
    await officer.page.getByTestId('registration-closed').waitFor();
  }, 180_000);

  test('a demo console offers the clearly marked passkey-less demo sign-in', async ({ skip }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    // The public URL names the real port: the server refuses writes whose Origin is not its own.
    const port = await freePort();
    const server = await startServer(['--demo'], {
      PORT: String(port),
      HOMEWARD_PUBLIC_URL: `http://localhost:${port}`,
      HOMEWARD_DATA_DIR: copyDataFolder(demoDataFolder ?? ''),
    });
    onTestFinished(async () => {
      await server.stop();
    });
    const { page, problems } = await chromium.openPage({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/console/`);
    const demoButton = page.getByTestId('demo-login-consular_officer');
    await demoButton.waitFor();
    expect(await page.getByTestId('demo-login-area').textContent()).toMatch(/Demo only/);
    await page.getByTestId('demo-banner').waitFor();
    await saveScreenshot(page, 'console-demo-login');
    await demoButton.click();
    await page.getByTestId('signed-in').waitFor();
    expect(await page.getByTestId('signed-in').textContent()).toMatch(/Demo Officer.*\(demo account\)/s);
    await saveScreenshot(page, 'console-demo-signed-in');
    expect(unexpected(problems)).toEqual([]);
  });
});
