// Abuse resistance and bad input: limits per address and per reporter, oversized bodies, control
// characters, script injection kept as inert text, and who may moderate.
import { expect, test } from 'vitest';
import {
  approvedReport,
  reportId,
  search,
  sendReport,
  solvedChallenge,
  startRegistryApp,
} from '../test-support/registry-client.js';
import { auditRows } from '../test-support/staff-login-setup.js';
import { testDatabases } from '../test-support/test-databases.js';
import { defaultRegistrySettings } from './registry-settings.js';

const company = (value: string) => ({ subjects: [{ kind: 'company' as const, value }] });

for (const database of testDatabases()) {
  test(`one reporter may send ten reports a day; the eleventh waits, whatever address it comes from (${database.name})`, async () => {
    const { app, clock, citizenSession } = await startRegistryApp(database);
    const session = await citizenSession();
    for (let index = 0; index < defaultRegistrySettings.reportsPerReporterPerDay; index += 1) {
      const response = await sendReport(app, company(`Agency ${index}`), {
        session,
        remoteAddress: `198.51.100.${index + 1}`,
      });
      expect(response.statusCode, response.body).toBe(202);
      clock.advanceHours(1);
    }
    const refused = await sendReport(app, company('Agency 11'), { session, remoteAddress: '198.51.100.200' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().type).toBe('https://homeward.example/problems/too-many-requests');
    // The first report leaves the 24-hour window 14 hours from now.
    expect(refused.headers['retry-after']).toBe(String(14 * 3600));

    clock.advanceHours(14);
    expect((await sendReport(app, company('Agency 11'), { session })).statusCode).toBe(202);
  });

  test(`one address is limited in this process, with Retry-After (${database.name})`, async () => {
    const { app } = await startRegistryApp(database, {
      addressLimits: { ...defaultRegistrySettings.addressLimits, challenge: { max: 2, timeWindow: 60_000 } },
    });
    await solvedChallenge(app);
    await solvedChallenge(app);
    const third = await app.inject({ method: 'POST', url: '/api/v1/registry/challenges' });
    expect(third.statusCode).toBe(429);
    expect(third.json().type).toBe('https://homeward.example/problems/too-many-requests');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
  });

  test(`oversized bodies are refused with 413 before they are read, oversized fields with 400 (${database.name})`, async () => {
    const { app } = await startRegistryApp(database);
    const proof = await solvedChallenge(app);
    const huge = await app.inject({
      method: 'POST',
      url: '/api/v1/registry/reports',
      payload: { ...proof, ...company('Big Co'), description: 'x'.repeat(10 * 1024 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().type).toBe('https://homeward.example/problems/body-too-large');

    const hugeRemoval = await app.inject({
      method: 'POST',
      url: '/api/v1/registry/entries/00000000-0000-4000-8000-000000000000/removal-requests',
      payload: { ...proof, requesterName: 'A', contactEmail: 'a@b.example', statement: 'y'.repeat(100_000) },
    });
    expect(hugeRemoval.statusCode).toBe(413);

    const long = await sendReport(app, { ...company('Long Co'), description: 'z'.repeat(4_001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors).toEqual([
      { field: 'body/description', message: 'must NOT have more than 4000 characters' },
    ]);
    const longQuery = await search(app, 'q'.repeat(201));
    expect(longQuery.statusCode).toBe(400);
  });

  test(`NUL and other control characters are refused, naming each field (${database.name})`, async () => {
    const { app } = await startRegistryApp(database);
    const response = await sendReport(app, {
      subjects: [
        { kind: 'company', value: 'Nul\u0000 Trading' },
        { kind: 'company', value: 'Right\u202Eto left' },
        { kind: 'company', value: 'Two\nlines' },
      ],
      description: 'bell \u0007 here',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'body/description', message: 'contains a control or formatting character that is not allowed' },
      { field: 'body/subjects/0/value', message: 'contains a control or formatting character that is not allowed' },
      { field: 'body/subjects/1/value', message: 'contains a control or formatting character that is not allowed' },
      { field: 'body/subjects/2/value', message: 'must be on one line' },
    ]);
    const fine = await sendReport(app, { ...company('Tabs Co'), description: 'line one\r\n\tline two' });
    expect(fine.statusCode).toBe(202);
    expect((await search(app, 'x\u0000', { kind: 'company' })).statusCode).toBe(400);
  });

  test(`script in report fields is kept as plain text and only ever sent back as JSON (${database.name})`, async () => {
    const { app, moderator } = await startRegistryApp(database);
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const id = await approvedReport(app, moderator, { ...company(`Evil ${script} Ltd`), description: script });
    const details = await app.inject({
      method: 'GET',
      url: `/api/v1/registry/reports/${id}`,
      headers: moderator.headers,
    });
    expect(details.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(details.json().description).toBe(script);
    const found = await search(app, `Evil ${script} Ltd`, { kind: 'company' });
    expect(found.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(found.headers['x-content-type-options']).toBe('nosniff');
    expect(found.json().entries[0].display).toBe(`Evil ${script} Ltd`);
  });

  test(`only analysts and consular staff moderate; others get 403, the anonymous 401 (${database.name})`, async () => {
    const { app, moderator, staffSession, citizenSession } = await startRegistryApp(database);
    const id = await reportId(app, company('Some Agency'));
    const url = `/api/v1/registry/reports/${id}`;
    for (const role of ['partner_caseworker', 'partner_manager', 'law_enforcement_liaison', 'admin'] as const) {
      const session = await staffSession(role);
      const response = await app.inject({ method: 'GET', url, headers: session.headers });
      expect(response.statusCode, role).toBe(403);
    }
    const citizen = await citizenSession();
    expect((await app.inject({ method: 'GET', url, headers: citizen.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    for (const role of ['consular_officer', 'consular_supervisor'] as const) {
      const session = await staffSession(role);
      expect((await app.inject({ method: 'GET', url, headers: session.headers })).statusCode, role).toBe(200);
    }
    expect((await app.inject({ method: 'GET', url, headers: moderator.headers })).statusCode).toBe(200);
  });

  test(`moderation reads and decisions are audited; a report's creation is audited without its reporter (${database.name})`, async () => {
    const { app, moderator, db, citizenSession } = await startRegistryApp(database);
    const session = await citizenSession();
    const id = await reportId(app, company('Audit Trading'), { session });
    await app.inject({ method: 'GET', url: '/api/v1/registry/reports', headers: moderator.headers });
    await app.inject({ method: 'GET', url: `/api/v1/registry/reports/${id}`, headers: moderator.headers });
    await app.inject({
      method: 'POST',
      url: `/api/v1/registry/reports/${id}/decision`,
      headers: moderator.headers,
      payload: { decision: 'approve', reason: 'ok' },
    });
    const rows = (await auditRows(db)).filter((row) => row.action.startsWith('registry.'));
    expect(rows).toEqual([
      { action: 'registry.report.create', outcome: 'success', reason: null, actor_kind: 'anonymous', resource_id: id },
      { action: 'registry.report.list', outcome: 'success', reason: null, actor_kind: 'staff', resource_id: null },
      { action: 'registry.report.read', outcome: 'success', reason: null, actor_kind: 'staff', resource_id: id },
      { action: 'registry.report.approve', outcome: 'success', reason: null, actor_kind: 'staff', resource_id: id },
    ]);
    const denied = await app.inject({ method: 'GET', url: '/api/v1/registry/reports', headers: session.headers });
    expect(denied.statusCode).toBe(403);
    expect((await auditRows(db)).at(-1)).toEqual(
      expect.objectContaining({ action: 'registry.moderate', outcome: 'denied', actor_kind: 'citizen' }),
    );
  });

  test(`nothing public or shown to moderators carries the reporter (${database.name})`, async () => {
    const { app, moderator, db, citizenSession } = await startRegistryApp(database);
    const session = await citizenSession();
    const address = '192.0.2.77';
    const id = await approvedReport(app, moderator, company('Privacy Check Co'), { session, remoteAddress: address });
    const stored = await db
      .selectFrom('registry_report')
      .select(['reporter_hash'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const hashHex = Buffer.from(stored.reporter_hash).toString('hex');
    const hashBase64 = Buffer.from(stored.reporter_hash).toString('base64');
    const answers = [
      await search(app, 'Privacy Check', { kind: 'company' }),
      await app.inject({ method: 'GET', url: '/api/v1/registry/reports?status=approved', headers: moderator.headers }),
      await app.inject({ method: 'GET', url: `/api/v1/registry/reports/${id}`, headers: moderator.headers }),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(200);
      for (const secret of [session.citizenId, address, hashHex, hashBase64]) {
        expect(answer.body).not.toContain(secret);
      }
      // reporterCount is the only field that speaks of reporters.
      expect(answer.body).not.toMatch(/reporter(?!Count)|remote|"ip"|address/i);
    }
    expect(Object.keys(answers[0]?.json().entries[0]).sort()).toEqual(
      ['disputed', 'display', 'firstReportedAt', 'id', 'kind', 'lastReportedAt', 'reportCount', 'reporterCount'].sort(),
    );
  });
}
