// Deletes rows that have served their purpose: ended sessions, lapsed login attempts, unused passkey
// challenges, old phone-code challenges. None of them is evidence (the audit log keeps what happened),
// and keeping them would only keep hashes of secrets and per-person traces longer than needed.
import { phoneCodeRateHorizonMinutes } from '@homeward/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { deleteLapsedLoginAttempts } from '../citizen-login/oidc-login-attempts.js';
import { deleteChallengesMadeBefore } from '../citizen-login/phone-login-repository.js';
import type { Database } from '../database/database-schema.js';

/** How long an ended session row stays, so "why was I logged out" can still be answered for a while. */
const endedSessionRetentionMs = 24 * 60 * 60_000;

export interface SweepOutcome {
  readonly sessions: number;
  readonly oidcLoginAttempts: number;
  readonly webauthnChallenges: number;
}

/** One pass; safe to run from several processes at once (each row is deleted by whichever gets it). */
export async function sweepExpiredRows(
  db: Kysely<Database>,
  now: Date,
  session: { readonly idleMinutes: number },
): Promise<SweepOutcome> {
  const endedBefore = new Date(now.getTime() - endedSessionRetentionMs);
  const idleBefore = new Date(endedBefore.getTime() - session.idleMinutes * 60_000);
  const sessions = await db
    .deleteFrom('session')
    .where((where) =>
      where.or([
        where('expires_at', '<', endedBefore),
        where('revoked_at', '<', endedBefore),
        where('last_seen_at', '<', idleBefore),
      ]),
    )
    .executeTakeFirst();
  const oidcLoginAttempts = await deleteLapsedLoginAttempts(db, now);
  const challenges = await db.deleteFrom('webauthn_challenge').where('expires_at', '<', now).executeTakeFirst();
  await deleteChallengesMadeBefore(db, new Date(now.getTime() - phoneCodeRateHorizonMinutes * 60_000));
  return {
    sessions: Number(sessions.numDeletedRows),
    oidcLoginAttempts,
    webauthnChallenges: Number(challenges.numDeletedRows),
  };
}

export interface HousekeepingOptions {
  readonly intervalMs: number;
  readonly session: { readonly idleMinutes: number };
  readonly log: FastifyBaseLogger;
  readonly now?: () => Date;
}

/** Sweeps now and then every `intervalMs`; the returned function stops it and waits for a running pass. */
export function startHousekeeping(db: Kysely<Database>, options: HousekeepingOptions): () => Promise<void> {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> = Promise.resolve();
  const sweep = () => {
    running = running.then(async () => {
      try {
        const outcome = await sweepExpiredRows(db, now(), options.session);
        options.log.debug({ housekeeping: outcome }, 'expired rows deleted');
      } catch (error) {
        options.log.warn({ err: error }, 'housekeeping pass failed; will retry');
      }
    });
  };
  sweep();
  const timer = setInterval(sweep, options.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
