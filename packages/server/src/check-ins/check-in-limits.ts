// Stops PIN guessing: failed attempts counted in the database in fixed windows, per stay, per typed national ID
// number (hashed) and per source address (hashed), so every server process sees the same counts. The window is
// short, so a guard who types wrong PINs on purpose cannot lock the real person out for long; and reaching the
// limit on a stay raises a welfare-check alert, because someone guessing a PIN is itself a sign.
// See docs/decisions/0015-check-in-pins.md and 0016.
import { randomUUID } from 'node:crypto';
import { alertRisk, type RiskArea } from '@homeward/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../database/database-schema.js';
import { riskFacts } from '../escalation/effect-rows.js';

export interface CheckInLimits {
  readonly windowMinutes: number;
  /** Wrong PINs on one stay (or one typed ID number) in a window before attempts are refused. */
  readonly perStay: number;
  /** Wrong attempts from one address in a window, whatever the stay. */
  readonly perSource: number;
}

export const defaultCheckInLimits: CheckInLimits = { windowMinutes: 15, perStay: 5, perSource: 30 };

export type FailureScope = 'stay' | 'identifier' | 'source';

export interface FailureKey {
  readonly scope: FailureScope;
  readonly hash: Buffer;
}

export interface FailureCount {
  readonly scope: FailureScope;
  readonly failures: number;
  readonly windowStartedAt: Date;
}

const limitOf = (limits: CheckInLimits, scope: FailureScope) =>
  scope === 'source' ? limits.perSource : limits.perStay;

/** Seconds until the first exhausted window ends, or undefined when attempts are allowed. */
export function lockedForSeconds(
  counts: readonly FailureCount[],
  limits: CheckInLimits,
  now: Date,
): number | undefined {
  let seconds: number | undefined;
  for (const count of counts) {
    const ends = count.windowStartedAt.getTime() + limits.windowMinutes * 60_000;
    if (ends > now.getTime() && count.failures >= limitOf(limits, count.scope)) {
      seconds = Math.max(seconds ?? 0, Math.ceil((ends - now.getTime()) / 1000));
    }
  }
  return seconds;
}

export interface StayForFailure {
  readonly stayId: string;
  readonly embassyId: string;
  readonly destinationCountry: string;
  readonly area: RiskArea | undefined;
  readonly jobOfferLevel: 'low' | 'elevated' | 'high' | undefined;
}

/**
 * Counts one failed attempt under each key, and raises a `pin_failures` alert for the stay when its count reaches
 * the limit in this window (once per window).
 */
export async function recordFailure(
  db: Kysely<Database>,
  keys: readonly FailureKey[],
  stay: StayForFailure | undefined,
  limits: CheckInLimits,
  now: Date,
): Promise<void> {
  const windowStart = new Date(now.getTime() - limits.windowMinutes * 60_000);
  await db.transaction().execute(async (trx) => {
    const counted = await trx
      .insertInto('check_in_failure')
      .values(keys.map((key) => ({ scope: key.scope, key_hash: key.hash, window_started_at: now, failures: 1 })))
      .onConflict((conflict) =>
        conflict.columns(['scope', 'key_hash']).doUpdateSet({
          failures: sql`case when check_in_failure.window_started_at > ${windowStart} then check_in_failure.failures + 1 else 1 end`,
          window_started_at: sql`case when check_in_failure.window_started_at > ${windowStart} then check_in_failure.window_started_at else excluded.window_started_at end`,
        }),
      )
      .returning(['scope', 'failures'])
      .execute();
    const stayCount = counted.find((row) => row.scope === 'stay');
    if (stay && stayCount?.failures === limits.perStay) {
      const risk = alertRisk(
        riskFacts('pin_failures', {
          destinationCountry: stay.destinationCountry,
          area: stay.area,
          jobOfferLevel: stay.jobOfferLevel,
          priorAlerts: 0,
          openConcerns: 0,
        }),
      );
      const id = randomUUID();
      await trx
        .insertInto('alert')
        .values({
          id,
          stay_id: stay.stayId,
          embassy_id: stay.embassyId,
          source: 'pin_failures',
          status: 'open',
          risk_base: risk.score,
          risk_factors: JSON.stringify(risk.factors),
          raised_at: now,
          updated_at: now,
        })
        .execute();
      await trx
        .insertInto('audit_event')
        .values({
          actor_kind: 'system',
          actor_id: 'check-in-limits',
          action: 'alert.raise',
          resource_type: 'alert',
          resource_id: id,
          outcome: 'success',
        })
        .execute();
    }
  });
}
