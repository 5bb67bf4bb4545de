// The check-in bench's citizens and stays, made as a citizen makes them: each citizen a session from the real
// createSession, each stay through Homeward's own POST /api/v1/stays (so the PINs are stored with the server's key
// ring, the schedule and the engine state are what the app writes). One active stay per citizen, as the schema holds.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession, sessionCookieName } from '../../packages/server/dist/index.js';

/** The PINs every bench stay is registered with; check-ins send the first. */
export const benchPins = { pin: '482913', duressPin: '482931' };

const stayBody = {
  destination: { country: 'TH', city: 'Bangkok' },
  employer: { name: 'Example Trading (bench)' },
  jobOffer: { title: 'Customer service', salary: { amount: 900, currency: 'USD' }, foundThrough: 'social_media' },
  visaType: 'work',
  startsOn: '2026-12-01',
  schedule: { interval: 'P1D', grace: 'PT12H', timeZone: 'Asia/Bangkok' },
  ...benchPins,
};

/**
 * @typedef {{ method: string, path: string, headers: Record<string, string>, body: string }} CheckInTarget
 * @typedef {{ stayId: string, citizenId: string, target: CheckInTarget }} BenchStay
 */

/**
 * Makes `count` citizens, each with a session and a stay registered through the app at `origin`.
 * @param {import('kysely').Kysely<any>} db
 * @param {import('../../packages/server/dist/index.js').AppConfig} config the config the app runs with
 * @param {string} origin
 * @param {number} count
 * @returns {Promise<BenchStay[]>}
 */
export async function registerBenchStays(db, config, origin, count) {
  const citizenIds = Array.from({ length: count }, () => randomUUID());
  for (let start = 0; start < count; start += 1000) {
    await db
      .insertInto('citizen')
      .values(
        citizenIds.slice(start, start + 1000).map((id, index) => ({
          id,
          display_name: `Bench Citizen ${start + index}`,
          assurance: 'high',
          assurance_source: 'bench',
        })),
      )
      .execute();
  }
  const cookieName = sessionCookieName(config);
  return inBatches(citizenIds, 8, async (citizenId) => {
    const session = await createSession(db, config, { kind: 'citizen', citizenId, assurance: 'high' });
    const headers = {
      cookie: `${cookieName}=${session.token}`,
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/json',
    };
    const response = await fetch(`${origin}/api/v1/stays`, {
      method: 'POST',
      headers,
      body: JSON.stringify(stayBody),
      signal: AbortSignal.timeout(30_000),
    });
    if (response.status !== 201) throw new Error(`stay not registered: ${response.status} ${await response.text()}`);
    const { id: stayId } = /** @type {{ id: string }} */ (await response.json());
    return {
      stayId,
      citizenId,
      target: {
        method: 'POST',
        path: `/api/v1/stays/${stayId}/check-ins`,
        headers,
        body: JSON.stringify({ pin: benchPins.pin, signal: 'ok' }),
      },
    };
  });
}

/**
 * Writes the requests the load generator sends round-robin to a temporary file (too large for a command line).
 * @param {readonly BenchStay[]} stays
 */
export function writeTargetsFile(stays) {
  const file = join(tmpdir(), `homeward-bench-check-ins-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(stays.map((stay) => stay.target)));
  return file;
}

/**
 * @template T, R
 * @param {readonly T[]} items
 * @param {number} inFlight
 * @param {(item: T) => Promise<R>} work
 * @returns {Promise<R[]>} in the items' order
 */
async function inBatches(items, inFlight, work) {
  /** @type {R[]} */
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return results;
}
