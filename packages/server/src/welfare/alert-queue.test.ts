// The welfare-check queue through HTTP: each embassy sees the alerts of its own jurisdiction only, sorted by an
// explained risk score that the database computes exactly as the domain rule does; contact attempts, resolution
// and escalation to a case move an alert along, once; every read is audited.
import { alertRisk, riskAreaOf } from '@homeward/domain';
import { describe, expect, test } from 'vitest';
import { demoOrganisationIds } from '../demo/seed-demo.js';
import { sweepOnce } from '../escalation/escalation-sweep.js';
import { anotherCitizen, type StayTestSetup, startWithStay, testPins } from '../test-support/stay-client.js';
import { testDatabases } from '../test-support/test-databases.js';
import { createTestSession, createTestStaff, type TestSession } from '../test-support/test-sessions.js';

const pastDueAndGrace = (24 + 12) * 60; // the default schedule is P1D with PT12H of grace

interface Summary {
  id: string;
  source: string;
  status: string;
  riskScore: number;
  riskFactors: { code: string; weight: number; detail?: string | number }[];
  contactAttempts: number;
  stay: { id: string; destinationCountry: string; embassyId: string };
}

async function queue(setup: StayTestSetup, officer: TestSession, query = '') {
  const response = await setup.app.inject({ method: 'GET', url: `/api/v1/alerts${query}`, headers: officer.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Summary[]; nextCursor: string | null }>().items;
}

const act = (setup: StayTestSetup, officer: TestSession, alertId: string, action: string, payload: object = {}) =>
  setup.app.inject({
    method: 'POST',
    url: `/api/v1/alerts/${alertId}/${action}`,
    headers: officer.headers,
    payload,
  });

const detail = (setup: StayTestSetup, officer: TestSession, alertId: string) =>
  setup.app.inject({ method: 'GET', url: `/api/v1/alerts/${alertId}`, headers: officer.headers });

async function officerOf(setup: StayTestSetup, organisationId: string) {
  const member = await createTestStaff(setup.database.db, 'consular_officer', { organisationId });
  return { member, session: await createTestSession(setup.database.db, { kind: 'staff', staffId: member.id }) };
}

/** One alert of the setup's stay, raised by an SOS check-in. */
async function sosAlert(setup: StayTestSetup, officer: TestSession) {
  expect((await setup.app.inject(setup.checkIn(testPins.pin, 'sos'))).statusCode).toBe(201);
  const [alert] = await queue(setup, officer, '?source=sos');
  if (!alert) throw new Error('no SOS alert');
  return alert;
}

const byCode = (factors: readonly { code: string }[]) => [...factors].sort((a, b) => a.code.localeCompare(b.code));

for (const database of testDatabases()) {
  describe(`the welfare-check queue (${database.name})`, () => {
    test(`an officer sees the alerts of their embassy's jurisdiction only, and another embassy's alert does not exist for them (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const cambodia = await anotherCitizen(setup, { destination: { country: 'KH', city: 'Phnom Penh' } });
      expect((await setup.app.inject(setup.checkIn(testPins.pin, 'sos'))).statusCode).toBe(201);
      const cambodianSos = await setup.app.inject({
        method: 'POST',
        url: `/api/v1/stays/${cambodia.stayId}/check-ins`,
        headers: cambodia.session.headers,
        payload: { pin: testPins.pin, signal: 'sos' },
      });
      expect(cambodianSos.statusCode).toBe(201);

      const bangkok = await setup.officer();
      const phnomPenh = (await officerOf(setup, demoOrganisationIds.phnomPenhEmbassy)).session;
      const seenInBangkok = await queue(setup, bangkok);
      const seenInPhnomPenh = await queue(setup, phnomPenh);
      expect(seenInBangkok.map((alert) => alert.stay)).toEqual([
        { id: setup.stayId, destinationCountry: 'TH', embassyId: demoOrganisationIds.bangkokEmbassy },
      ]);
      expect(seenInPhnomPenh.map((alert) => alert.stay)).toEqual([
        { id: cambodia.stayId, destinationCountry: 'KH', embassyId: demoOrganisationIds.phnomPenhEmbassy },
      ]);
      // Asking for the other embassy's alerts by filter shows nothing either.
      expect(await queue(setup, bangkok, `?embassyId=${demoOrganisationIds.phnomPenhEmbassy}`)).toEqual([]);

      const khAlert = seenInPhnomPenh[0]?.id ?? '';
      const outside = await detail(setup, bangkok, khAlert);
      expect(outside.statusCode).toBe(404);
      expect(outside.body).not.toContain(cambodia.stayId);
      expect((await act(setup, bangkok, khAlert, 'resolution', { reason: 'false_alarm' })).statusCode).toBe(404);
      expect(
        (await act(setup, bangkok, khAlert, 'contact-attempts', { channel: 'phone', outcome: 'no_answer' })).statusCode,
      ).toBe(404);
      expect((await act(setup, bangkok, khAlert, 'escalation')).statusCode).toBe(404);
      expect((await queue(setup, phnomPenh))[0]).toMatchObject({ id: khAlert, status: 'open', contactAttempts: 0 });
      expect(await setup.database.db.selectFrom('case_record').select('id').execute()).toEqual([]);
      expect((await detail(setup, phnomPenh, khAlert)).statusCode).toBe(200);
    });

    test(`sorted by risk a duress alert stands above a missed check-in, sorted by age the older comes first (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const weekly = await anotherCitizen(setup, {
        destination: { country: 'TH', city: 'Bangkok' },
        schedule: { interval: 'P7D', grace: 'P1D', timeZone: 'Asia/Bangkok' },
      });
      setup.clock.advanceMinutes(pastDueAndGrace + 30);
      await sweepOnce(setup.database.db, setup.clock.now());
      setup.clock.advanceMinutes(30);
      const duress = await setup.app.inject({
        method: 'POST',
        url: `/api/v1/stays/${weekly.stayId}/check-ins`,
        headers: weekly.session.headers,
        payload: { pin: testPins.duressPin, signal: 'ok' },
      });
      expect(duress.statusCode).toBe(201);
      const officer = await setup.officer();
      const byRisk = await queue(setup, officer);
      expect(byRisk.map((alert) => alert.source)).toEqual(['duress', 'missed_check_in']);
      expect(byRisk[0]?.riskScore).toBeGreaterThan(byRisk[1]?.riskScore ?? Number.POSITIVE_INFINITY);
      expect((await queue(setup, officer, '?sort=risk')).map((alert) => alert.source)).toEqual([
        'duress',
        'missed_check_in',
      ]);
      expect((await queue(setup, officer, '?sort=age')).map((alert) => alert.source)).toEqual([
        'missed_check_in',
        'duress',
      ]);
    });

    test(`the queue filters by source and by status, and shows open and contacting alerts by default (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const officer = await setup.officer();
      const sos = await sosAlert(setup, officer);
      expect(
        (await setup.app.inject(setup.checkIn(testPins.pin, 'need_help', undefined, { message: 'Help (test)' })))
          .statusCode,
      ).toBe(201);
      const help = (await queue(setup, officer, '?source=need_help'))[0];
      expect(help?.source).toBe('need_help');
      expect((await queue(setup, officer, '?source=sos')).map((alert) => alert.id)).toEqual([sos.id]);
      expect(await queue(setup, officer, '?source=duress')).toEqual([]);

      expect(
        (await act(setup, officer, sos.id, 'contact-attempts', { channel: 'phone', outcome: 'no_answer' })).statusCode,
      ).toBe(201);
      expect((await act(setup, officer, help?.id ?? '', 'resolution', { reason: 'reached_safe' })).statusCode).toBe(
        200,
      );
      expect((await queue(setup, officer)).map((alert) => [alert.id, alert.status])).toEqual([[sos.id, 'contacting']]);
      expect((await queue(setup, officer, '?status=contacting')).map((alert) => alert.id)).toEqual([sos.id]);
      expect((await queue(setup, officer, '?status=open')).map((alert) => alert.id)).toEqual([]);
      expect((await queue(setup, officer, '?status=resolved')).map((alert) => alert.id)).toEqual([help?.id]);
      expect(await queue(setup, officer, '?status=resolved&source=sos')).toEqual([]);
    });

    test(`the score the database sorts by equals the domain's alertRisk for a missed check-in hours overdue (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const officer = await setup.officer();
      setup.clock.advanceMinutes(pastDueAndGrace + 1);
      await sweepOnce(setup.database.db, setup.clock.now());
      const missed = await setup.database.db
        .selectFrom('alert')
        .select('overdue_since')
        .where('source', '=', 'missed_check_in')
        .executeTakeFirstOrThrow();
      const overdueSince = new Date(missed.overdue_since ?? Number.NaN).getTime();
      const stay = await setup.database.db
        .selectFrom('stay')
        .select('job_offer_level')
        .where('id', '=', setup.stayId)
        .executeTakeFirstOrThrow();
      const scores: number[] = [];
      for (const hoursOverdue of [0.5, 1, 7.5, 35.99, 36, 52]) {
        setup.clock.set(new Date(overdueSince + hoursOverdue * 3_600_000));
        const expected = alertRisk({
          source: 'missed_check_in',
          hoursOverdue,
          destinationCountry: 'TH',
          destinationArea: riskAreaOf('Mae Sot'),
          ...(stay.job_offer_level && { jobOffer: { level: stay.job_offer_level, score: 0 } }),
          priorAlerts: 0,
          openConcerns: 0,
        });
        const [alert] = await queue(setup, officer, '?source=missed_check_in');
        expect(alert?.riskScore, `${hoursOverdue} hours`).toBe(expected.score);
        expect(byCode(alert?.riskFactors ?? []), `${hoursOverdue} hours`).toEqual(byCode(expected.factors));
        const read = await detail(setup, officer, alert?.id ?? '');
        expect(read.json().riskScore).toBe(expected.score);
        scores.push(alert?.riskScore ?? 0);
      }
      // The hours counted, up to their cap: silence grows more worrying, then stops growing.
      expect(scores[2]).toBeGreaterThan(scores[0] ?? 0);
      expect(scores[5]).toBe(scores[4]);
    });

    test(`a contact attempt moves the alert to contacting and is logged with who made it (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const { member, session: officer } = await officerOf(setup, demoOrganisationIds.bangkokEmbassy);
      const alert = await sosAlert(setup, officer);
      setup.clock.advanceMinutes(10);
      const attempt = await act(setup, officer, alert.id, 'contact-attempts', {
        channel: 'phone',
        outcome: 'no_answer',
        note: 'Rang twice (test)',
      });
      expect(attempt.statusCode, attempt.body).toBe(201);
      expect(attempt.json().at).toBe(setup.clock.now().toISOString());
      expect((await queue(setup, officer))[0]).toMatchObject({
        id: alert.id,
        status: 'contacting',
        contactAttempts: 1,
      });
      const read = await detail(setup, officer, alert.id);
      expect(read.json()).toMatchObject({
        status: 'contacting',
        contactAttemptLog: [
          {
            at: setup.clock.now().toISOString(),
            channel: 'phone',
            outcome: 'no_answer',
            note: 'Rang twice (test)',
            staffId: member.id,
          },
        ],
      });
      const stored = await setup.database.db.selectFrom('alert_contact_attempt').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain('Rang twice');
    });

    test(`a resolved alert leaves the default queue and cannot be resolved or acted on again (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const officer = await setup.officer();
      const alert = await sosAlert(setup, officer);
      const resolved = await act(setup, officer, alert.id, 'resolution', {
        reason: 'reached_safe',
        note: 'Called back (test)',
      });
      expect(resolved.statusCode, resolved.body).toBe(200);
      expect(resolved.json()).toMatchObject({ id: alert.id, status: 'resolved' });
      expect(await queue(setup, officer)).toEqual([]);
      const again = await act(setup, officer, alert.id, 'resolution', { reason: 'false_alarm' });
      expect(again.statusCode).toBe(409);
      expect(again.json().type).toBe('https://homeward.example/problems/alert-closed');
      const attempt = await act(setup, officer, alert.id, 'contact-attempts', { channel: 'sms', outcome: 'other' });
      expect(attempt.statusCode).toBe(409);
      expect(await setup.database.db.selectFrom('alert_contact_attempt').select('id').execute()).toEqual([]);
      expect((await detail(setup, officer, alert.id)).json()).toMatchObject({
        status: 'resolved',
        resolution: { reason: 'reached_safe', note: 'Called back (test)', at: setup.clock.now().toISOString() },
      });
    });

    test(`escalating opens one case: 201 with its id, and again 200 with the same id (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const { member, session: officer } = await officerOf(setup, demoOrganisationIds.bangkokEmbassy);
      const alert = await sosAlert(setup, officer);
      const first = await act(setup, officer, alert.id, 'escalation', { note: 'Partner shelter informed (test)' });
      expect(first.statusCode, first.body).toBe(201);
      const { caseId } = first.json<{ caseId: string }>();
      expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
      const cases = await setup.database.db.selectFrom('case_record').selectAll().execute();
      expect(cases).toHaveLength(1);
      expect(cases[0]).toMatchObject({
        id: caseId,
        alert_id: alert.id,
        stay_id: setup.stayId,
        embassy_id: demoOrganisationIds.bangkokEmbassy,
        stage: 'screening',
        intake_source: 'sos',
        opened_by: member.id,
      });
      expect(JSON.stringify(cases[0])).not.toContain('Partner shelter');

      const again = await act(setup, officer, alert.id, 'escalation');
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ caseId });
      expect(await setup.database.db.selectFrom('case_record').select('id').execute()).toHaveLength(1);
      expect(await queue(setup, officer)).toEqual([]);
      expect((await queue(setup, officer, '?status=escalated')).map((item) => item.id)).toEqual([alert.id]);
      expect((await detail(setup, officer, alert.id)).json()).toMatchObject({ status: 'escalated', caseId });
    });

    test(`reading the queue and reading an alert are audited with the officer and the alert (${database.name})`, async () => {
      const setup = await startWithStay(database);
      const { member, session: officer } = await officerOf(setup, demoOrganisationIds.bangkokEmbassy);
      const alert = await sosAlert(setup, officer);
      const audited = () =>
        setup.database.db
          .selectFrom('audit_event')
          .select(['action', 'actor_kind', 'actor_id', 'resource_type', 'resource_id', 'outcome'])
          .where('action', 'in', ['alert.list', 'alert.read'])
          .orderBy('id')
          .execute();
      const before = await audited();
      expect(before.map((row) => row.action)).toEqual(['alert.list']); // sosAlert read the queue once
      expect((await detail(setup, officer, alert.id)).statusCode).toBe(200);
      await queue(setup, officer, '?sort=age');
      expect((await audited()).slice(1)).toEqual([
        {
          action: 'alert.read',
          actor_kind: 'staff',
          actor_id: member.id,
          resource_type: 'alert',
          resource_id: alert.id,
          outcome: 'success',
        },
        {
          action: 'alert.list',
          actor_kind: 'staff',
          actor_id: member.id,
          resource_type: 'alert',
          resource_id: null,
          outcome: 'success',
        },
      ]);
    });
  });
}
