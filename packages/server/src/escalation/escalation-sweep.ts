// The escalation sweep: each server process claims stays whose next action is due with FOR UPDATE SKIP LOCKED (so
// processes never wait for or double each other), runs the engine up to now, and writes the stays' new state with
// their ledger steps, alerts and outbox intents in the same transaction. A process killed mid-batch leaves nothing
// half-written: its transaction rolls back, the locks go, and the next sweep does the batch again; the engine gives
// the same effects for the same history, and the ledger's keys hold each step to once. The claim reads the partial
// index on next_action_at, so a sweep costs what is due, not the number of stays.
// See docs/decisions/0014-escalation-engine.md and 0016.
import { advance, type Clock } from '@homeward/domain';
import type { FastifyBaseLogger } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { riskContextOf } from '../check-ins/check-in-service.js';
import type { Database } from '../database/database-schema.js';
import { startBatchLoop } from '../workers/batch-loop.js';
import { addEffectRows, emptyEffectRows, stayIdentityOf } from './effect-rows.js';
import { columnsOf, scheduleOf, stateOf } from './stay-state.js';
import { type StayUpdate, writeTransitions } from './transition-writer.js';

export interface SweepOutcome {
  /** Stays claimed and advanced. */
  readonly stays: number;
  /** Effects the engine produced for them (reminders, overdues, escalations). */
  readonly effects: number;
}

const priorAlertDays = 90;

/** One batch in one transaction. */
export async function sweepOnce(db: Kysely<Database>, now: Date, batchSize = 500): Promise<SweepOutcome> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .selectFrom('stay')
      .select([
        'id',
        'citizen_id',
        'embassy_id',
        'language',
        'destination_country',
        'risk_area_id',
        'risk_area_kind',
        'job_offer_level',
        'schedule',
        'phase',
        'period',
        'due_at',
        'reminders_sent',
        'overdue_since',
        'is_escalated',
        'paused_until',
        'version',
        sql<number>`(select count(*) from alert where alert.stay_id = stay.id
          and alert.raised_at > ${new Date(now.getTime() - priorAlertDays * 86_400_000)})::integer`.as('prior_alerts'),
        sql<number>`(select count(*) from alert where alert.stay_id = stay.id
          and alert.source = 'trusted_contact_concern' and alert.status in ('open', 'contacting'))::integer`.as(
          'open_concerns',
        ),
      ])
      .where('next_action_at', '<=', now)
      .orderBy('next_action_at')
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    if (claimed.length === 0) return { stays: 0, effects: 0 };
    const rows = emptyEffectRows();
    const stays: StayUpdate[] = [];
    let effects = 0;
    for (const stay of claimed) {
      const schedule = scheduleOf(stay.schedule);
      const transition = advance(stateOf(stay), schedule, now.getTime());
      effects += transition.effects.length;
      addEffectRows(rows, stayIdentityOf(stay), transition.effects, riskContextOf(stay), undefined);
      stays.push({ id: stay.id, version: stay.version, ...columnsOf(transition.state, schedule) });
    }
    await writeTransitions(trx, { stays, rows, now });
    return { stays: claimed.length, effects };
  });
}

export interface EscalationWorkerOptions {
  readonly clock: Clock;
  readonly log: FastifyBaseLogger;
  /** Pause between sweeps when nothing was due. */
  readonly idleMs?: number;
  readonly batchSize?: number;
}

/**
 * Sweeps until nothing is due, rests `idleMs`, sweeps again. The returned function stops it after the batch in
 * hand has committed.
 */
export function startEscalationWorker(db: Kysely<Database>, options: EscalationWorkerOptions): () => Promise<void> {
  const batchSize = options.batchSize ?? 500;
  return startBatchLoop({
    batchSize,
    idleMs: options.idleMs ?? 1_000,
    runBatch: async () => {
      const outcome = await sweepOnce(db, options.clock.now(), batchSize);
      if (outcome.stays > 0) options.log.info({ escalation: outcome }, 'escalation sweep');
      return outcome.stays;
    },
    onError: (error) => options.log.warn({ err: error }, 'escalation sweep failed; will retry'),
  });
}
