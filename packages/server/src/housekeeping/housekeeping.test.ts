import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { defaultAppConfig } from '../http/app.js';
import { createSession } from '../sessions/session-service.js';
import { testDatabases } from '../test-support/test-databases.js';
import { createTestCitizen } from '../test-support/test-sessions.js';
import { sweepExpiredRows } from './housekeeping.js';

const hour = 60 * 60_000;

for (const database of testDatabases()) {
  describe(`housekeeping (${database.name})`, () => {
    test(`ended sessions, lapsed login attempts and passkey challenges go; live ones stay (${database.name})`, async () => {
      const handle = await database.open();
      try {
        const { db } = handle;
        const now = new Date('2026-11-23T12:00:00Z');
        const citizen = await createTestCitizen(db);
        const subject = { kind: 'citizen', citizenId: citizen.id, assurance: citizen.assurance } as const;
        const at = (offsetMs: number) => ({ now: new Date(now.getTime() + offsetMs) });
        const config = defaultAppConfig; // idle 30 minutes, absolute 12 hours
        const live = await createSession(db, config, subject, at(-10 * 60_000));
        const endedRecently = await createSession(db, config, subject, at(-13 * hour)); // ended 1 h ago: kept a day
        await createSession(db, config, subject, at(-40 * hour)); // ended 28 h ago
        await createSession(db, config, subject, at(-26 * hour)); // idle for 26 h
        const revokedLongAgo = await createSession(db, config, subject, at(-10 * 60_000));
        await db
          .updateTable('session')
          .set({ revoked_at: new Date(now.getTime() - 25 * hour) })
          .where('id', '=', revokedLongAgo.sessionId)
          .execute();
        const challenge = (expiresAt: Date) => ({
          id: randomUUID(),
          purpose: 'authentication' as const,
          challenge: randomUUID(),
          registration_link_id: null,
          expires_at: expiresAt,
        });
        const openChallenge = challenge(new Date(now.getTime() + 60_000));
        await db
          .insertInto('webauthn_challenge')
          .values([openChallenge, challenge(new Date(now.getTime() - 60_000))])
          .execute();

        const outcome = await sweepExpiredRows(db, now, config.session);

        const sessions = await db.selectFrom('session').select('id').execute();
        expect(sessions.map((row) => row.id).sort()).toEqual([live.sessionId, endedRecently.sessionId].sort());
        const challenges = await db.selectFrom('webauthn_challenge').select('id').execute();
        expect(challenges.map((row) => row.id)).toEqual([openChallenge.id]);
        expect(outcome).toMatchObject({ sessions: 3, webauthnChallenges: 1 });
      } finally {
        await handle.close();
      }
    });
  });
}
