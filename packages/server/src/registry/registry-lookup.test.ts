// The job-offer check's look-up: what an offer names, matched against listed entries only.
import { expect, test } from 'vitest';
import { approvedReport, reportId, startRegistryApp } from '../test-support/registry-client.js';
import { testDatabases } from '../test-support/test-databases.js';
import { lookupRegistry } from './registry-lookup.js';

for (const database of testDatabases()) {
  test(`lookupRegistry finds listed phones, links, handles and similar company names, once each (${database.name})`, async () => {
    const { app, db, moderator } = await startRegistryApp(database);
    await approvedReport(app, moderator, {
      subjects: [
        { kind: 'phone', value: '+856 20 5555 1234' },
        { kind: 'company', value: 'Golden Sky Trading Co., Ltd' },
        { kind: 'url', value: 'golden-sky-jobs.example/apply' },
        { kind: 'handle', value: 'telegram:@goldenskyhr' },
      ],
    });
    await reportId(app, { subjects: [{ kind: 'phone', value: '+66 81 999 0000' }] }); // pending: never matched

    const matches = await lookupRegistry(db, {
      phones: ['+8562055551234', '+66819990000', 'not a phone'],
      urls: ['https://www.golden-sky-jobs.example/apply?utm=1'],
      handles: ['t.me/GoldenSkyHR', '@goldenskyhr'],
      companies: ['Golden Sky Trading', 'golden sky trading company limited'],
    });
    expect(matches).toEqual([
      {
        kind: 'phone',
        display: '+856 20 55 551 234',
        reportCount: 1,
        reporterCount: 1,
        firstReportedAt: '2026-11-23T09:00:00.000Z',
      },
      {
        kind: 'url',
        display: 'golden-sky-jobs.example/apply',
        reportCount: 1,
        reporterCount: 1,
        firstReportedAt: '2026-11-23T09:00:00.000Z',
      },
      {
        kind: 'handle',
        display: 'telegram:@goldenskyhr',
        reportCount: 1,
        reporterCount: 1,
        firstReportedAt: '2026-11-23T09:00:00.000Z',
      },
      {
        kind: 'company',
        display: 'Golden Sky Trading Co., Ltd',
        reportCount: 1,
        reporterCount: 1,
        firstReportedAt: '2026-11-23T09:00:00.000Z',
      },
    ]);
    expect(await lookupRegistry(db, { phones: [], urls: [], handles: [], companies: [] })).toEqual([]);
  });
}
