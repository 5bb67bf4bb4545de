// For the registry tests: the app with an easy proof of work and a clock the test moves, and the HTTP
// steps a reporter, a moderator and a listed company take. Reporters are told apart by their address.

import type { StaffRole } from '@homeward/domain';
import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { Database } from '../database/database-schema.js';
import { type App, type AppConfig, defaultAppConfig } from '../http/app.js';
import { isProofOfWorkSolved, solveProofOfWork } from '../registry/proof-of-work.js';
import { defaultRegistrySettings, type RegistrySettings } from '../registry/registry-settings.js';
import { sessionCookieName } from '../sessions/session-cookie.js';
import { createSession } from '../sessions/session-service.js';
import { movableClock } from './staff-login-setup.js';
import { startTestApp } from './test-app.js';
import type { TestDatabase } from './test-databases.js';
import { createTestCitizen, createTestStaff, type TestSession } from './test-sessions.js';

/** Low enough that solving costs nothing in a test, high enough that a wrong nonce can be found. */
export const testDifficulty = 4;

/** Sessions that outlive the weeks the tests move the clock through. */
const registryAppConfig: AppConfig = { ...defaultAppConfig, session: { idleMinutes: 525_600, absoluteHours: 8_760 } };

export async function startRegistryApp(database: TestDatabase, settings: Partial<RegistrySettings> = {}) {
  const clock = movableClock(new Date('2026-11-23T09:00:00.000Z'));
  const { app, database: handle } = await startTestApp(database, {
    clock,
    config: registryAppConfig,
    registry: { ...defaultRegistrySettings, proofOfWorkDifficulty: testDifficulty, ...settings },
  });
  const staffSession = (role: StaffRole) => staffSessionAt(handle.db, role, clock.now());
  const citizenSession = () => citizenSessionAt(handle.db, clock.now());
  const moderator = await staffSession('analyst');
  return { app, db: handle.db, clock, moderator, staffSession, citizenSession };
}

function sessionWithHeaders(session: Awaited<ReturnType<typeof createSession>>): TestSession {
  const cookie = `${sessionCookieName(registryAppConfig)}=${session.token}`;
  return { ...session, cookie, headers: { cookie, 'x-csrf-token': session.csrfToken } };
}

/** A new citizen, logged in at the test clock's time; `citizenId` for assertions. */
async function citizenSessionAt(db: Kysely<Database>, now: Date): Promise<TestSession & { citizenId: string }> {
  const citizen = await createTestCitizen(db);
  const subject = { kind: 'citizen', citizenId: citizen.id, assurance: citizen.assurance } as const;
  return { ...sessionWithHeaders(await createSession(db, registryAppConfig, subject, { now })), citizenId: citizen.id };
}

/** A new staff member with this role, logged in at the test clock's time. */
async function staffSessionAt(db: Kysely<Database>, role: StaffRole, now: Date): Promise<TestSession> {
  const member = await createTestStaff(db, role);
  return sessionWithHeaders(await createSession(db, registryAppConfig, { kind: 'staff', staffId: member.id }, { now }));
}

/** A fresh challenge and a nonce that solves it. */
export async function solvedChallenge(app: App): Promise<{ challenge: string; nonce: string }> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/registry/challenges' });
  expect(response.statusCode).toBe(200);
  const { challenge, difficulty } = response.json();
  return { challenge, nonce: solveProofOfWork(challenge, difficulty) };
}

/** A nonce that does not solve the challenge at this difficulty. */
export function wrongNonce(challenge: string, difficulty = testDifficulty): string {
  for (let counter = 0; ; counter += 1) {
    const nonce = `wrong-${counter}`;
    if (!isProofOfWorkSolved(challenge, nonce, difficulty)) return nonce;
  }
}

export interface ReportBody {
  subjects: { kind: 'phone' | 'company' | 'url' | 'handle'; value: string }[];
  description?: string;
  country?: string;
  screenshots?: { contentType: string; data: string }[];
}

export interface AsWho {
  /** The reporter's address; reporters without a session are told apart by it. */
  readonly remoteAddress?: string;
  readonly session?: TestSession | undefined;
}

/** Sends a report with a freshly solved challenge (or the one given). */
export async function sendReport(
  app: App,
  body: ReportBody,
  as: AsWho = {},
  proof?: { challenge: string; nonce: string },
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/v1/registry/reports',
    payload: { ...(proof ?? (await solvedChallenge(app))), ...body },
    remoteAddress: as.remoteAddress ?? '203.0.113.10',
    ...(as.session && { headers: as.session.headers }),
  });
}

/** Sends a report and returns its id, failing the test unless it was accepted. */
export async function reportId(app: App, body: ReportBody, as: AsWho = {}): Promise<string> {
  const response = await sendReport(app, body, as);
  expect(response.statusCode, response.body).toBe(202);
  return response.json().reportId;
}

export function decide(
  app: App,
  moderator: TestSession,
  id: string,
  decision: { decision: 'approve' | 'reject'; reason: string; subjects?: ReportBody['subjects'] },
) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/registry/reports/${id}/decision`,
    headers: moderator.headers,
    payload: decision,
  });
}

/** Reports and approves at once. */
export async function approvedReport(app: App, moderator: TestSession, body: ReportBody, as: AsWho = {}) {
  const id = await reportId(app, body, as);
  const decided = await decide(app, moderator, id, { decision: 'approve', reason: 'matches known pattern' });
  expect(decided.statusCode, decided.body).toBe(200);
  return id;
}

export async function search(app: App, q: string, extra: { kind?: string; country?: string } = {}) {
  const query = new URLSearchParams({ q, ...extra });
  return app.inject({ method: 'GET', url: `/api/v1/registry/search?${query}` });
}

/** A small JPEG carrying EXIF with a GPS position and orientation 6 (to be turned 90° clockwise). */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'TestPhone', Model: 'Synthetic 1', Copyright: 'Reporter Name' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '16/1 42/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '98/1 34/1 0/1',
      },
    })
    .toBuffer();
}

export async function pngImage(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 1 } } })
    .png()
    .toBuffer();
}
