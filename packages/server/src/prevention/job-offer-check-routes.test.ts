// The public job-offer check through HTTP, on PGlite and PostgreSQL: the explained result in the reader's
// language, the registry look-up, bad input refused, and nothing of the offer kept or logged.
import { assessJobOffer, explainAssessment } from '@homeward/domain';
import { type Kysely, sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { Database } from '../database/database-schema.js';
import type { App } from '../http/app.js';
import { captureLogs } from '../test-support/capture-logs.js';
import { approvedReport, startRegistryApp } from '../test-support/registry-client.js';
import { startTestApp } from '../test-support/test-app.js';
import { testDatabases } from '../test-support/test-databases.js';

const url = '/api/v1/job-offer-checks';

// Synthetic; written for this test, not taken from the fixtures the rules were tuned on.
const thaiScamAd = [
  'รับสมัครด่วน!! งานแอดมินตอบแชทลูกค้า ทำงานที่ชเวโก๊กโก่ (เมียวดี)',
  'เงินเดือน 45,000 บาท ไม่ต้องมีประสบการณ์ พิมพ์เร็วก็พอ',
  'บริษัทออกค่าตั๋วเครื่องบินไปแม่สอดให้ มีรถรับข้ามแดน ใช้วีซ่าท่องเที่ยว',
  'ติดต่อทาง Telegram @jobadmin_mx9 เท่านั้น',
].join('\n');

const legitimateAd =
  'Production operator, Penang, Malaysia. Salary RM 1,900 a month plus overtime. Recruited through ' +
  'Maju Kerja Sdn Bhd, licence JTKSM 1234/2025. Employer pays the levy and your flight; work permit and ' +
  'written contract before departure. No fees charged.';

function check(app: App, payload: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url, payload: payload as object, headers });
}

/** Rows in every table of the public schema, to prove a check writes nothing. */
async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    const result = await sql<{ count: string }>`select count(*) as count from ${sql.table(name)}`.execute(db);
    counts[name] = Number(result.rows[0]?.count);
  }
  return counts;
}

for (const database of testDatabases()) {
  describe(`job-offer check (${database.name})`, () => {
    test(`a pasted Thai scam ad is high, explained in Thai from Accept-Language (${database.name})`, async () => {
      const { app } = await startTestApp(database);
      const response = await check(app, { text: thaiScamAd }, { 'accept-language': 'th-TH,th;q=0.9,en;q=0.5' });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body.level).toBe('high');
      expect(body.language).toBe('th');
      const codes = body.flags.map((flag: { code: string }) => flag.code);
      expect(codes).toEqual(expect.arrayContaining(['compound_area_destination', 'tourist_visa_for_work']));
      // Exactly the domain's explanation in Thai, not the English one.
      const expected = explainAssessment(assessJobOffer({ text: thaiScamAd }), 'th');
      expect(body.flags).toEqual(expected.flags);
      expect(body.advice).toEqual(expected.advice);
      const english = explainAssessment(assessJobOffer({ text: thaiScamAd }), 'en');
      expect(body.flags[0].explanation).not.toBe(english.flags[0]?.explanation);
      expect(body.registryMatches).toEqual([]);
    });

    test(`the language field wins, and answers alone are enough (${database.name})`, async () => {
      const { app } = await startTestApp(database);
      const answers = {
        destinationCountry: 'KH',
        destinationCity: 'Sihanoukville',
        jobTitle: 'Customer service',
        travelPaidBy: 'recruiter',
        visaType: 'tourist',
        passportHeld: 'yes',
        foundThrough: 'social_media',
      };
      const response = await check(app, { answers, language: 'vi' }, { 'accept-language': 'th' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ level: 'high', language: 'vi' });
      const codes = response.json().flags.map((flag: { code: string }) => flag.code);
      expect(codes).toEqual(expect.arrayContaining(['passport_held', 'tourist_visa_for_work']));
    });

    test(`an ordinary offer through a licensed agency is low, in English by default (${database.name})`, async () => {
      const { app } = await startTestApp(database);
      const response = await check(app, { text: legitimateAd });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ level: 'low', language: 'en' });
      expect(response.json().advice.length).toBeGreaterThan(0);
    });

    test(`a phone number the registry lists raises the registry flag and is named (${database.name})`, async () => {
      const { app, moderator } = await startRegistryApp(database);
      await approvedReport(app, moderator, { subjects: [{ kind: 'phone', value: '+855 12 345 678' }] });
      const ad = 'Work from home typing job, $900/month. WhatsApp 012 345 678 or +855 12-345-678 now.';
      const response = await check(app, { text: ad, language: 'en' });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body.level).toBe('high');
      expect(body.flags.map((flag: { code: string }) => flag.code)).toContain('reported_in_registry');
      expect(body.registryMatches).toEqual([
        expect.objectContaining({ kind: 'phone', reportCount: 1, reporterCount: 1 }),
      ]);
      // The same ad without that number is not matched.
      const other = await check(app, { text: ad.replace(/\+855 12-345-678/, '+855 12-999-000'), language: 'en' });
      expect(other.json().registryMatches).toEqual([]);
    });

    test(`a check stores nothing and logs no word of the offer (${database.name})`, async () => {
      const { lines, logStream } = captureLogs();
      const { app, database: handle } = await startTestApp(database, { logLevel: 'info', logStream });
      const before = await rowCounts(handle.db);
      const ad = `${thaiScamAd}\nสนใจติดต่อคุณสมหญิง 081-555-0199`;
      const response = await check(app, { text: ad, answers: { employerName: 'Kanokwan Star Co., Ltd.' } });
      expect(response.statusCode, response.body).toBe(200);
      expect(await rowCounts(handle.db)).toEqual(before);
      const logs = lines.join('');
      expect(logs).toContain('job offer checked');
      for (const secret of ['สมหญิง', '081-555-0199', '0815550199', 'Kanokwan', 'jobadmin_mx9', 'เมียวดี']) {
        expect(logs).not.toContain(secret);
      }
    });

    test(`bad input is a 4xx problem (${database.name})`, async () => {
      const { app, database: handle } = await startTestApp(database);
      const before = await rowCounts(handle.db);
      const expectProblem = async (
        response: Awaited<ReturnType<typeof check>>,
        status: number,
        slug: string,
      ): Promise<Record<string, unknown>> => {
        expect(response.statusCode, response.body).toBe(status);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        const body = response.json();
        expect(body.type).toBe(`https://homeward.example/problems/${slug}`);
        expect(response.body).not.toMatch(/at .*\.js:\d+/);
        return body;
      };
      await expectProblem(await check(app, {}), 400, 'empty-job-offer');
      await expectProblem(await check(app, { text: '   \n ', answers: { jobTitle: ' ' } }), 400, 'empty-job-offer');
      const zip = await expectProblem(
        await check(app, { text: 'PK\u0003\u0004\u0000\u0000' }),
        400,
        'validation-failed',
      );
      expect(JSON.stringify(zip.errors)).toContain('text');
      await expectProblem(await check(app, { text: 'x'.repeat(20_001) }), 400, 'validation-failed');
      await expectProblem(
        await check(app, { text: 'ok', answers: { salary: { amount: -5 } } }),
        400,
        'validation-failed',
      );
      await expectProblem(
        await check(app, { text: 'ok', answers: { visaType: 'diplomatic' } }),
        400,
        'validation-failed',
      );
      // Unknown fields are refused, not dropped: a misspelt answer must not be silently ignored.
      await expectProblem(await check(app, { text: 'ok', extra: true }), 400, 'validation-failed');
      await expectProblem(await check(app, { text: 'ok', answers: { visa: 'tourist' } }), 400, 'validation-failed');
      await expectProblem(await check(app, { text: 'é'.repeat(70_000) }), 413, 'body-too-large');
      const plain = await app.inject({
        method: 'POST',
        url,
        payload: 'text',
        headers: { 'content-type': 'text/plain' },
      });
      await expectProblem(plain, 400, 'validation-failed');
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
      const binary = await app.inject({ method: 'POST', url, payload: png, headers: { 'content-type': 'image/png' } });
      await expectProblem(binary, 415, 'unsupported-media-type');
      const broken = await app.inject({
        method: 'POST',
        url,
        payload: '{"text": "unterminated',
        headers: { 'content-type': 'application/json' },
      });
      expect(broken.statusCode).toBe(400);
      expect(await rowCounts(handle.db)).toEqual(before);
    });

    test(`script in the text comes back as data, never as markup (${database.name})`, async () => {
      const { app } = await startTestApp(database);
      const response = await check(app, { text: '<script>alert(1)</script> Customer service in Bavet, $2000' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).not.toContain('<script>');
    });
  });
}
