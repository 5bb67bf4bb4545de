// Reporting, moderating and finding recruiters through HTTP: the proof of work, the path from a report
// to a search result with its counts, duplicates, fuzzy company names, phone formats and rejection.
import { expect, test } from 'vitest';
import {
  approvedReport,
  decide,
  reportId,
  search,
  sendReport,
  solvedChallenge,
  startRegistryApp,
  wrongNonce,
} from '../test-support/registry-client.js';
import { testDatabases } from '../test-support/test-databases.js';
import { challengeValidityMinutes } from './registry-settings.js';

const phoneReport = { subjects: [{ kind: 'phone' as const, value: '+66 81 234 5678' }] };

for (const database of testDatabases()) {
  test(`a report without a solved challenge is refused, and nothing reaches the queue (${database.name})`, async () => {
    const { app, moderator } = await startRegistryApp(database);
    const missing = await app.inject({ method: 'POST', url: '/api/v1/registry/reports', payload: phoneReport });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      { field: 'body', message: "must have required property 'challenge'" },
      { field: 'body', message: "must have required property 'nonce'" },
    ]);

    const { challenge } = await solvedChallenge(app);
    const wrong = await sendReport(app, phoneReport, {}, { challenge, nonce: wrongNonce(challenge) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().type).toBe('https://homeward.example/problems/proof-of-work-wrong');

    const unknown = await sendReport(app, phoneReport, {}, { challenge: 'A'.repeat(32), nonce: '1' });
    expect(unknown.json().type).toBe('https://homeward.example/problems/registry-challenge-unusable');

    const queue = await app.inject({ method: 'GET', url: '/api/v1/registry/reports', headers: moderator.headers });
    expect(queue.json().items).toEqual([]);
  });

  test(`a challenge expires after ten minutes (${database.name})`, async () => {
    const { app, clock } = await startRegistryApp(database);
    const proof = await solvedChallenge(app);
    clock.advanceHours((challengeValidityMinutes + 1) / 60);
    const late = await sendReport(app, phoneReport, {}, proof);
    expect(late.statusCode).toBe(400);
    expect(late.json().type).toBe('https://homeward.example/problems/registry-challenge-unusable');
  });

  test(`reusing a challenge returns the report it already made instead of a second one (${database.name})`, async () => {
    const { app, moderator } = await startRegistryApp(database);
    const proof = await solvedChallenge(app);
    const first = await sendReport(app, phoneReport, {}, proof);
    const retry = await sendReport(app, { subjects: [{ kind: 'company', value: 'Another Co' }] }, {}, proof);
    expect(first.statusCode).toBe(202);
    expect(retry.statusCode).toBe(202);
    expect(retry.json()).toEqual(first.json());
    const queue = await app.inject({ method: 'GET', url: '/api/v1/registry/reports', headers: moderator.headers });
    expect(queue.json().items).toHaveLength(1);
  });

  test(`a report waits for approval, then search finds it with its counts and dates (${database.name})`, async () => {
    const { app, moderator } = await startRegistryApp(database);
    const id = await reportId(app, {
      subjects: [
        { kind: 'phone', value: '+66 81 234 5678' },
        { kind: 'company', value: 'Golden Sky Trading Co., Ltd' },
      ],
      description: 'Offered customer service work in Bangkok at 1,500 USD, then asked me to cross at Mae Sot.',
      country: 'TH',
    });
    expect((await search(app, '+66812345678')).json().entries).toEqual([]);

    const queue = await app.inject({ method: 'GET', url: '/api/v1/registry/reports', headers: moderator.headers });
    expect(queue.json().items).toEqual([
      expect.objectContaining({
        id,
        status: 'pending',
        country: 'TH',
        screenshotCount: 0,
        subjects: [
          { kind: 'phone', value: '+66 81 234 5678', normalised: '+66812345678' },
          { kind: 'company', value: 'Golden Sky Trading Co., Ltd', normalised: 'golden sky trading' },
        ],
      }),
    ]);
    const details = await app.inject({
      method: 'GET',
      url: `/api/v1/registry/reports/${id}`,
      headers: moderator.headers,
    });
    expect(details.json().description).toContain('Mae Sot');

    const decided = await decide(app, moderator, id, { decision: 'approve', reason: 'consistent with known lures' });
    expect(decided.json()).toEqual(expect.objectContaining({ id, status: 'approved' }));

    const found = await search(app, '081-234-5678', { country: 'TH' });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual({
      kind: 'phone',
      normalised: '+66812345678',
      entries: [
        {
          id: expect.any(String),
          kind: 'phone',
          display: '+66 81 234 5678',
          reportCount: 1,
          reporterCount: 1,
          firstReportedAt: '2026-11-23T09:00:00.000Z',
          lastReportedAt: '2026-11-23T09:00:00.000Z',
          disputed: false,
        },
      ],
    });
  });

  test(`two reporters count twice, while one reporter reporting again is a duplicate (${database.name})`, async () => {
    const { app, moderator, clock } = await startRegistryApp(database);
    await approvedReport(app, moderator, phoneReport, { remoteAddress: '198.51.100.1' });
    clock.advanceHours(24);
    await approvedReport(app, moderator, phoneReport, { remoteAddress: '198.51.100.2' });

    clock.advanceHours(24);
    const again = await sendReport(
      app,
      { subjects: [{ kind: 'phone', value: '0066812345678' }] },
      {
        remoteAddress: '198.51.100.2',
      },
    );
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual(expect.objectContaining({ duplicate: true, status: 'pending' }));
    const queue = await app.inject({ method: 'GET', url: '/api/v1/registry/reports', headers: moderator.headers });
    expect(queue.json().items).toEqual([]);

    // A third report by the first reporter, with one new subject: only the new subject is kept.
    const mixed = await sendReport(
      app,
      { subjects: [...phoneReport.subjects, { kind: 'handle', value: '@GoldenSkyHR' }] },
      { remoteAddress: '198.51.100.1' },
    );
    expect(mixed.json().duplicate).toBe(false);
    const pending = await app.inject({ method: 'GET', url: '/api/v1/registry/reports', headers: moderator.headers });
    expect(pending.json().items[0].subjects).toEqual([
      { kind: 'handle', value: '@goldenskyhr', normalised: '@goldenskyhr' },
    ]);

    const [entry] = (await search(app, '+66 81 234 5678')).json().entries;
    expect(entry).toEqual(
      expect.objectContaining({
        reportCount: 2,
        reporterCount: 2,
        firstReportedAt: '2026-11-23T09:00:00.000Z',
        lastReportedAt: '2026-11-24T09:00:00.000Z',
      }),
    );
  });

  test(`after thirty days the same reporter may report the same number again, still one reporter (${database.name})`, async () => {
    const { app, moderator, clock } = await startRegistryApp(database);
    await approvedReport(app, moderator, phoneReport);
    clock.advanceHours(31 * 24);
    await approvedReport(app, moderator, phoneReport);
    const [entry] = (await search(app, '+66812345678')).json().entries;
    expect(entry).toEqual(expect.objectContaining({ reportCount: 2, reporterCount: 1 }));
  });

  test(`company names are found approximately, phone numbers in any format (${database.name})`, async () => {
    const { app, moderator } = await startRegistryApp(database);
    await approvedReport(app, moderator, {
      subjects: [
        { kind: 'company', value: 'Golden Sky Trading Co., Ltd' },
        { kind: 'phone', value: '081 234 5678' },
        { kind: 'url', value: 'https://www.Golden-Sky-Jobs.example/apply/?ref=fb' },
        { kind: 'handle', value: 't.me/GoldenSkyHR' },
      ],
      country: 'TH',
    });
    await approvedReport(app, moderator, { subjects: [{ kind: 'company', value: 'Silver River Logistics' }] });

    for (const query of ['golden sky trading', 'Golden Sky Trading Company Limited', 'golden sky tradng']) {
      const found = await search(app, query, { kind: 'company' });
      expect(
        found.json().entries.map((entry: { display: string }) => entry.display),
        query,
      ).toEqual(['Golden Sky Trading Co., Ltd']);
    }
    expect((await search(app, 'blue ocean fishing', { kind: 'company' })).json().entries).toEqual([]);

    for (const query of ['+66 81 234 5678', '+66-81-234-5678', '0066812345678', '(+66) 812 345 678']) {
      expect((await search(app, query)).json().entries, query).toHaveLength(1);
    }
    expect((await search(app, '0812345678', { country: 'TH' })).json().entries).toHaveLength(1);
    expect((await search(app, 'golden-sky-jobs.example/apply')).json()).toEqual(
      expect.objectContaining({ kind: 'url', entries: [expect.objectContaining({ kind: 'url' })] }),
    );
    expect((await search(app, 'telegram:@goldenskyhr')).json().entries).toHaveLength(1);

    const local = await search(app, '081 234 5678', { kind: 'phone' });
    expect(local.statusCode).toBe(400);
    expect(local.json().errors).toEqual([{ field: 'querystring/q', message: expect.stringContaining('country') }]);
  });

  test(`a rejected report is never published, and a report is decided once (${database.name})`, async () => {
    const { app, moderator } = await startRegistryApp(database);
    const id = await reportId(app, { subjects: [{ kind: 'company', value: 'Honest Bakery' }] });
    const rejected = await decide(app, moderator, id, { decision: 'reject', reason: 'a legitimate employer' });
    expect(rejected.json().status).toBe('rejected');
    expect((await search(app, 'Honest Bakery', { kind: 'company' })).json().entries).toEqual([]);

    const again = await decide(app, moderator, id, { decision: 'approve', reason: 'changed my mind' });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('https://homeward.example/problems/registry-report-decided');
    expect((await search(app, 'Honest Bakery', { kind: 'company' })).json().entries).toEqual([]);
  });

  test(`a moderator approves an edited list, dropping a victim's name typed as a company (${database.name})`, async () => {
    const { app, moderator } = await startRegistryApp(database);
    const id = await reportId(app, {
      subjects: [
        { kind: 'company', value: 'Somchai Jaidee' },
        { kind: 'handle', value: '@recruiter_amy' },
      ],
    });
    const decided = await decide(app, moderator, id, {
      decision: 'approve',
      reason: 'dropped the victim name',
      subjects: [{ kind: 'handle', value: '@recruiter_amy' }],
    });
    expect(decided.json().entryIds).toHaveLength(1);
    expect((await search(app, 'Somchai Jaidee', { kind: 'company' })).json().entries).toEqual([]);
    expect((await search(app, '@recruiter_amy')).json().entries).toHaveLength(1);
    const details = await app.inject({
      method: 'GET',
      url: `/api/v1/registry/reports/${id}`,
      headers: moderator.headers,
    });
    expect(JSON.stringify(details.json())).not.toContain('Somchai');
  });

  test(`the queue pages oldest first (${database.name})`, async () => {
    const { app, moderator, clock } = await startRegistryApp(database);
    const ids: string[] = [];
    for (const value of ['First Co', 'Second Co', 'Third Co']) {
      ids.push(await reportId(app, { subjects: [{ kind: 'company', value }] }));
      clock.advanceHours(1);
    }
    const page = (cursor?: string) =>
      app.inject({
        method: 'GET',
        url: `/api/v1/registry/reports?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers: moderator.headers,
      });
    const first = (await page()).json();
    const second = (await page(first.nextCursor)).json();
    expect([...first.items, ...second.items].map((item: { id: string }) => item.id)).toEqual(ids);
    expect(second.nextCursor).toBeNull();
    expect((await page('bm9wZQ')).json().type).toBe('https://homeward.example/problems/page-cursor-invalid');
  });
}
