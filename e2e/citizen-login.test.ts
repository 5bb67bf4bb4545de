// A newcomer with no configuration starts the demo server, logs in through the built-in demo identity
// provider as a synthetic citizen, and the citizen app in Chromium shows their pseudonymous name.
import { describe, expect, test } from 'vitest';
import {
  launchDemoInChromiumForFile,
  mayRunInChromium,
  missingChromiumNote,
  saveScreenshot,
} from './support/browser.js';

const demo = launchDemoInChromiumForFile();

describe('citizen login with the demo digital ID in Chromium', () => {
  for (const choice of [
    { button: 'digital-id-login-button', citizen: 'Aster Demo', profile: 'FAPI 2.0' },
    { button: 'digital-id-login-plain', citizen: 'Cempaka Demo', profile: 'plain OIDC' },
  ]) {
    test(`a newcomer logs in as ${choice.citizen} through the demo provider (${choice.profile}) and sees their name`, async ({
      skip,
    }) => {
      skip(!mayRunInChromium, missingChromiumNote);
      const { page, problems } = await demo.openPage({ locale: 'en-GB', viewport: { width: 390, height: 844 } });

      await page.goto(`${demo.server().url}/`);
      const login = page.getByTestId(choice.button);
      await login.waitFor({ state: 'visible', timeout: 10_000 });
      await login.click();

      // The demo provider's page: pick the synthetic citizen.
      await page.waitForURL(/\/demo-idp\/interaction\//, { timeout: 10_000 });
      await saveScreenshot(page, 'demo-identity-provider');
      await page.getByRole('button', { name: new RegExp(choice.citizen) }).click();

      // Back in the citizen app, logged in.
      const name = page.getByTestId('logged-in-name');
      await name.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await name.textContent()).toBe(choice.citizen);
      expect(new URL(page.url()).pathname).toBe('/');
      await saveScreenshot(page, `citizen-logged-in-${choice.profile.replaceAll(' ', '-').toLowerCase()}`);
      // The visitor was anonymous at first, so the first session check answered 401; nothing else failed.
      expect(problems.filter((problem) => !problem.endsWith('/api/v1/session'))).toEqual([]);
    });
  }
});
