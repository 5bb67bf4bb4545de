// Prevention in Chromium against the built server in demo mode: the public job-offer check rates a
// pasted Vietnamese scam advertisement high and explains it in Vietnamese; a member of the public
// reports a recruiter (the proof of work solved in the page), a demo consular officer approves the
// report in the console, and the public search then says "reported 1 time"; markup typed into a
// report is shown as text everywhere and never runs.
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
const desktopViewport = { width: 1280, height: 900 };
const visible = { state: 'visible', timeout: 30_000 } as const;
/** Also written outside the repository, for the pull request's pictures. */
const extraScreenshotsFolder = '/tmp/shots-5';

const demo = launchDemoInChromiumForFile();

const vietnameseScamAd = [
  'TUYỂN GẤP 10 nhân viên chat online làm việc tại Sihanoukville, Campuchia',
  'Lương 30 triệu/tháng, không cần kinh nghiệm, chỉ cần biết đánh máy',
  'Bao vé máy bay, bao ăn ở. Đi visa du lịch, sang bên đó công ty lo giấy phép lao động',
  'Công ty giữ hộ chiếu khi làm việc. Xuất cảnh ngay trong tuần này!',
  'Liên hệ Telegram @tuyendung_cskh88',
].join('\n');

const thaiScamAd = [
  'รับสมัครด่วน พนักงานแอดมินตอบแชทออนไลน์ ทำงานที่เมียวดี',
  'เงินเดือน 45,000 บาท ไม่ต้องมีประสบการณ์ พิมพ์คอมได้ก็พอ',
  'ออกค่าเดินทางให้ มีรถรับที่แม่สอด ข้ามฝั่งไม่ต้องใช้พาสปอร์ต',
  'เดินทางได้ภายในสัปดาห์นี้ ทักไลน์ @job_mw88',
].join('\n');

/** Markup a reporter might type, hoping a moderator's or the public's browser runs it. */
const hostileCompany = '<img src=x onerror="window.__injected=1">Golden Fortune Co.';
const hostileDescription =
  '<script>window.__injected=2</script>They promised 40,000 THB <img src=x onerror="alert(1)"> and took my passport.';

/** Vietnamese letters that no other of our languages writes. */
const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
const thai = /[\u0E00-\u0E7F]{3}/;

async function openCheckPage(locale: string, viewport = phoneViewport) {
  const opened = await demo.openPage({ locale, viewport });
  await opened.page.goto(`${demo.server().url}/check.html`);
  await opened.page.getByTestId('offer-check').waitFor(visible);
  return opened;
}

async function waitForLanguage(page: Page, language: string): Promise<void> {
  await page.waitForFunction((expected) => document.documentElement.lang === expected, language, { timeout: 10_000 });
}

async function checkOffer(page: Page, text: string): Promise<string> {
  await page.getByTestId('offer-text').fill(text);
  await page.getByTestId('check-submit').click();
  const level = page.getByTestId('check-level');
  await level.waitFor(visible);
  return (await level.getAttribute('data-level')) ?? '';
}

async function saveBoth(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  mkdirSync(extraScreenshotsFolder, { recursive: true });
  await page.screenshot({ path: `${extraScreenshotsFolder}/${name}.png`, fullPage: true });
}

/** Nothing may overflow a phone screen sideways, in any script. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Records any dialog (alert, confirm) and reads the flag the hostile markup would set. */
function watchForInjection(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return {
    dialogs,
    injected: () => page.evaluate(() => (window as unknown as { __injected?: number }).__injected),
    hostileImages: () => page.locator('img[src="x"]').count(),
  };
}

describe('the public job-offer check in Chromium (demo)', () => {
  test('the start page leads to the check, and a Vietnamese scam advertisement is rated high, explained in Vietnamese', async ({
    skip,
  }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const { page, problems } = await demo.openPage({ locale: 'vi-VN', viewport: phoneViewport });
    await page.goto(`${demo.server().url}/`);
    await page.getByTestId('check-offer-link').click();
    await page.waitForURL(/\/check\.html$/);
    await waitForLanguage(page, 'vi');
    expect(await page.getByTestId('check-submit').textContent()).toMatch(vietnamese);

    expect(await checkOffer(page, vietnameseScamAd)).toBe('high');
    const flags = await page.getByTestId('check-flags').locator('li').allTextContents();
    expect(flags.length).toBeGreaterThanOrEqual(3);
    for (const flag of flags) expect(flag).toMatch(vietnamese);
    expect(await page.getByTestId('check-advice').locator('li').count()).toBeGreaterThan(0);
    // The level is said in words, not by colour alone.
    expect(await page.getByTestId('check-level').locator('h3').textContent()).toMatch(vietnamese);
    // Nothing of the advertisement is kept in the browser.
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(stored).not.toContain('Sihanoukville');
    await expectNoSidewaysScroll(page);
    await saveBoth(page, 'prevention-check-vi-high');
    expect(problems).toEqual([]);
  });

  test('a high result in English and in Thai, and switching language asks again in the new one', async ({ skip }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const { page, problems } = await openCheckPage('en-GB');
    await waitForLanguage(page, 'en');
    expect(await checkOffer(page, thaiScamAd)).toBe('high');
    expect(await page.getByTestId('check-level').locator('h3').textContent()).toBe('High risk');
    await saveBoth(page, 'prevention-check-en-high');

    await page.selectOption('select[data-language-picker]', 'th');
    await waitForLanguage(page, 'th');
    await page.waitForFunction(
      () => /[\u0E00-\u0E7F]/.test(document.querySelector('[data-testid="check-flags"] li')?.textContent ?? ''),
      undefined,
      {
        timeout: 15_000,
      },
    );
    expect(await page.getByTestId('check-level').locator('h3').textContent()).toMatch(thai);
    for (const flag of await page.getByTestId('check-flags').locator('li').allTextContents())
      expect(flag).toMatch(thai);
    await expectNoSidewaysScroll(page);
    await saveBoth(page, 'prevention-check-th-high');
    expect(problems).toEqual([]);
  });

  test('an empty check is refused on the page with a readable message, without a request', async ({ skip }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const { page } = await openCheckPage('en-GB');
    let checks = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/job-offer-checks') checks += 1;
    });
    await page.getByTestId('check-submit').click();
    await page
      .getByTestId('check-error')
      .getByText('Paste the advertisement or answer at least one question.')
      .waitFor(visible);
    expect(checks).toBe(0);
  });
});

describe('reporting a recruiter, moderation in the console, and the public search (demo)', () => {
  test('a report solved in the page, approved by a consular officer, is found as "reported 1 time"; its markup never runs', async ({
    skip,
  }) => {
    skip(!mayRunInChromium, missingChromiumNote);
    const phone = '+66 81 555 0123';

    // A member of the public reports the recruiter: a phone number and a company name with markup in it.
    const citizen = await openCheckPage('en-GB');
    const citizenWatch = watchForInjection(citizen.page);
    const report = citizen.page.getByTestId('report-recruiter');
    await report.getByTestId('report-subject-value').fill(phone);
    await report.getByTestId('report-add-subject').click();
    await report.getByTestId('report-subject-kind').nth(1).selectOption('company');
    await report.getByTestId('report-subject-value').nth(1).fill(hostileCompany);
    await report.getByTestId('report-description').fill(hostileDescription);
    await report.getByTestId('report-country').selectOption('TH');
    // A screenshot of the advertisement (here: of the page itself, a real PNG).
    const screenshot = await citizen.page.screenshot({ clip: { x: 0, y: 0, width: 360, height: 240 } });
    await report
      .getByTestId('report-screenshots')
      .setInputFiles({ name: 'ad.png', mimeType: 'image/png', buffer: screenshot });
    await report.getByTestId('report-submit').click();
    await citizen.page.getByTestId('report-sent').waitFor({ state: 'visible', timeout: 120_000 });
    expect(citizen.problems).toEqual([]);

    // Not yet approved: the search finds nothing.
    await citizen.page.getByTestId('registry-query').fill(phone);
    await citizen.page.getByTestId('registry-search-submit').click();
    await citizen.page.getByTestId('registry-none').waitFor(visible);

    // A demo consular officer opens the report in the console and approves it.
    const officer = await demo.openPage({ locale: 'en-GB', viewport: desktopViewport });
    const officerWatch = watchForInjection(officer.page);
    // Officers land on the welfare checks; the registry screen is one link away (#/registry).
    await officer.page.goto(`${demo.server().url}/console/#/registry`);
    await officer.page.getByTestId('demo-login-consular_officer').click();
    await officer.page.getByTestId('moderation-screen').waitFor(visible);
    expect(await officer.page.getByTestId('nav-registry').getAttribute('aria-current')).toBe('page');
    const row = officer.page.getByTestId('report-row').filter({ hasText: 'Golden Fortune' });
    await row.waitFor(visible);
    await row.getByTestId('open-report').click();
    const panel = officer.page.getByTestId('report-panel');
    await panel.waitFor(visible);
    // What the reporter typed is shown as typed: text, not markup.
    expect(await panel.getByTestId('report-description').textContent()).toContain(
      '<script>window.__injected=2</script>',
    );
    const values = await panel
      .getByTestId('subject-value')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(values).toContain(hostileCompany);
    // The screenshot is fetched as an image, with the officer's session, and shows.
    const image = panel.getByTestId('report-screenshot');
    await image.waitFor(visible);
    await officer.page.waitForFunction(
      () =>
        ((document.querySelector('[data-testid="report-screenshot"]') as HTMLImageElement | null)?.naturalWidth ?? 0) >
        0,
      undefined,
      { timeout: 15_000 },
    );
    expect(await image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    await saveBoth(officer.page, 'prevention-console-moderation');
    await panel.getByTestId('decision-reason').fill('Matches the pattern of the Cambodia recruitment reports.');
    await panel.getByTestId('approve-report').click();
    await officer.page.getByTestId('moderation-outcome').getByText('Approved').waitFor(visible);
    await officer.page.getByTestId('report-row').filter({ hasText: 'Golden Fortune' }).waitFor({ state: 'detached' });
    expect(officer.problems).toEqual([]);

    // The public search now finds the number, in any format, reported once by one person.
    await citizen.page.getByTestId('registry-query').fill('+66815550123');
    await citizen.page.getByTestId('registry-search-submit').click();
    const entry = citizen.page.getByTestId('registry-entry').first();
    await entry.waitFor(visible);
    expect(await entry.getByTestId('entry-reported').textContent()).toMatch(
      /^Reported 1 time since .+, by 1 independent reporter\.$/,
    );

    // The company entry shows its name as text, markup and all.
    await citizen.page.getByTestId('registry-query').fill(hostileCompany);
    await citizen.page.getByTestId('registry-search-submit').click();
    const company = citizen.page.getByTestId('registry-entry').filter({ hasText: 'Golden Fortune Co.' });
    await company.waitFor(visible);
    expect(await company.getByTestId('entry-display').textContent()).toContain('Golden Fortune Co.');
    await saveBoth(citizen.page, 'prevention-search-found');

    // The listed company asks for removal (the right of reply, behind the same proof of work) ...
    await company.getByTestId('removal-open').click();
    const removal = company.getByTestId('removal-form');
    await removal.getByLabel('Your name or your company’s').fill('Golden Fortune Co.');
    await removal.getByLabel('Email address for the answer').fill('legal@golden-fortune.example');
    await removal.getByLabel('Why the entry is wrong').fill('We are a licensed agency; this number is not ours.');
    await removal.getByRole('button', { name: 'Send the request' }).click();
    await company.getByTestId('removal-sent').waitFor({ state: 'visible', timeout: 120_000 });

    // ... and the officer sees the request and keeps the entry, with a reason.
    await officer.page.reload();
    const request = officer.page.getByTestId('removal-request').filter({ hasText: 'legal@golden-fortune.example' });
    await request.waitFor(visible);
    expect(await request.textContent()).toContain('We are a licensed agency');
    await request
      .getByLabel('Reason for the decision')
      .fill('Three matching reports; the licence number does not exist.');
    await request.getByTestId('keep-entry').click();
    await request.waitFor({ state: 'detached' });

    // The entry stays listed, marked as disputed.
    await citizen.page.getByTestId('registry-search-submit').click();
    await company.getByText('The listed party disputes this entry').waitFor(visible);
    expect(citizen.problems).toEqual([]);
    expect(officer.problems).toEqual([]);

    for (const watch of [citizenWatch, officerWatch]) {
      expect(watch.dialogs).toEqual([]);
      expect(await watch.injected()).toBeUndefined();
      expect(await watch.hostileImages()).toBe(0);
    }
  });
});
