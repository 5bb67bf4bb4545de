// Tests of stays and check-ins: an app on a test database with a clock the test moves, a citizen with a stay, and
// the requests a citizen, a browser and an officer make.
import { randomUUID } from 'node:crypto';
import type { Clock } from '@homeward/domain';
import type { InjectOptions } from 'fastify';
import type { CheckInLimits } from '../check-ins/check-in-limits.js';
import { accountsSeed } from './stay-seed.js';
import { startTestApp } from './test-app.js';
import type { TestDatabase } from './test-databases.js';
import { createTestSession, loginAs, type TestSession } from './test-sessions.js';

export interface MovableClock extends Clock {
  advanceMinutes(minutes: number): Date;
  set(at: Date): void;
}

export function movableClock(start = new Date('2026-12-01T03:00:00Z')): MovableClock {
  let now = start;
  return {
    now: () => now,
    advanceMinutes: (minutes) => {
      now = new Date(now.getTime() + minutes * 60_000);
      return now;
    },
    set: (at) => {
      now = at;
    },
  };
}

export const testPins = { pin: '482913', duressPin: '482931' } as const;

/** A stay body that passes every rule; override what a test is about. */
export function stayBody(overrides: Record<string, unknown> = {}) {
  return {
    destination: { country: 'TH', city: 'Mae Sot' },
    employer: { name: 'Example Trading (test)' },
    recruiter: { name: 'Agent (test)', phone: '+66 80 000 0001' },
    jobOffer: { title: 'Customer service', salary: { amount: 1500, currency: 'USD' }, foundThrough: 'social_media' },
    visaType: 'tourist',
    startsOn: '2026-12-01',
    schedule: { interval: 'P1D', grace: 'PT12H', timeZone: 'Asia/Bangkok' },
    ...testPins,
    ...overrides,
  };
}

export interface StayTestSetup {
  readonly app: Awaited<ReturnType<typeof startTestApp>>['app'];
  readonly database: Awaited<ReturnType<typeof startTestApp>>['database'];
  readonly clock: MovableClock;
  readonly citizen: TestSession;
  readonly nationalId: string;
  readonly stayId: string;
  /** A check-in request from the citizen's app with a fresh Idempotency-Key unless one is given. */
  checkIn(pin: string, signal?: string, idempotencyKey?: string, extra?: Record<string, unknown>): InjectOptions;
  /** A check-in request from any browser with the citizen's national ID number. */
  browserCheckIn(pin: string, signal?: string, nationalId?: string): InjectOptions;
  officer(): Promise<TestSession>;
}

export async function startWithStay(
  testDatabase: TestDatabase,
  options: { body?: Record<string, unknown>; isDemo?: boolean; checkInLimits?: CheckInLimits } = {},
): Promise<StayTestSetup> {
  const clock = movableClock();
  const { app, database } = await startTestApp(testDatabase, {
    clock,
    isDemo: options.isDemo ?? false,
    ...(options.checkInLimits && { checkInLimits: options.checkInLimits }),
  });
  const { citizenId, nationalId } = await accountsSeed(database.db);
  const citizen = await createTestSession(database.db, { kind: 'citizen', citizenId, assurance: 'high' });
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/stays',
    headers: citizen.headers,
    payload: stayBody(options.body),
  });
  if (created.statusCode !== 201) throw new Error(`stay not created: ${created.statusCode} ${created.body}`);
  const stayId = created.json<{ id: string }>().id;
  return {
    app,
    database,
    clock,
    citizen,
    nationalId,
    stayId,
    checkIn: (pin, signal = 'ok', idempotencyKey = randomUUID(), extra = {}) => ({
      method: 'POST',
      url: `/api/v1/stays/${stayId}/check-ins`,
      headers: { ...citizen.headers, 'idempotency-key': idempotencyKey },
      payload: { pin, signal, ...extra },
    }),
    browserCheckIn: (pin, signal = 'ok', typedId = nationalId) => ({
      method: 'POST',
      url: '/api/v1/check-ins',
      headers: { 'idempotency-key': randomUUID() },
      payload: { nationalId: typedId, pin, signal },
    }),
    officer: async () => {
      const session = await loginAs(database.db, 'consular_officer');
      if (!session) throw new Error('no officer session');
      return session;
    },
  };
}

/** Another citizen in the same app, with a session and, unless `body` is null, a stay of their own. */
export async function anotherCitizen(
  setup: Pick<StayTestSetup, 'app' | 'database'>,
  body: Record<string, unknown> | null = {},
): Promise<{ session: TestSession; nationalId: string; stayId: string | undefined }> {
  const { citizenId, nationalId } = await accountsSeed(setup.database.db);
  const session = await createTestSession(setup.database.db, { kind: 'citizen', citizenId, assurance: 'high' });
  if (body === null) return { session, nationalId, stayId: undefined };
  const created = await setup.app.inject({
    method: 'POST',
    url: '/api/v1/stays',
    headers: session.headers,
    payload: stayBody(body),
  });
  if (created.statusCode !== 201) throw new Error(`stay not created: ${created.statusCode} ${created.body}`);
  return { session, nationalId, stayId: created.json<{ id: string }>().id };
}
