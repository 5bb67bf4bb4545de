// The sealer: links events waiting in audit_pending into the hash chain (audit_link), in ascending id
// within each batch. Writers never wait for it; only sealers queue behind one another, on an advisory
// lock, so the chain has one head and every event is sealed exactly once (see 0007-audit-log.md).
import { type Kysely, sql } from 'kysely';
import type { Database } from '../database/database-schema.js';
import { genesisHash, linkHash, readChainHead, sealableEventColumns, toHex } from './audit-chain.js';

/** The key of the advisory transaction lock every sealer takes, derived from a readable name. */
const sealerLock = sql`hashtextextended('homeward.audit_link', 0)`;

export interface SealOptions {
  /** Wait for a sealer running elsewhere (verify) instead of leaving the work to it (the server). */
  readonly wait?: boolean;
  readonly batchSize?: number;
}

export interface SealOutcome {
  /** Events this call linked into the chain. */
  readonly sealed: number;
  /** The chain head after this call; null when nothing is sealed yet or another sealer was busy. */
  readonly head: { readonly position: bigint; readonly hash: string } | null;
}

/**
 * Seals every event waiting when it is called, one transaction per batch. Events committed while it
 * runs are taken too if they are visible to a later batch; the rest wait for the next call.
 */
export async function sealAuditEvents(db: Kysely<Database>, options: SealOptions = {}): Promise<SealOutcome> {
  const batchSize = options.batchSize ?? 1000;
  let sealed = 0;
  let head: SealOutcome['head'] = null;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      if (options.wait === true) {
        await sql`select pg_advisory_xact_lock(${sealerLock})`.execute(trx);
      } else {
        const { rows } = await sql<{
          locked: boolean;
        }>`select pg_try_advisory_xact_lock(${sealerLock}) as locked`.execute(trx);
        if (rows[0]?.locked !== true) return undefined;
      }
      // Under READ COMMITTED each statement sees what committed before it, so after the lock this
      // transaction sees everything the previous sealer did.
      const claimed = await trx
        .deleteFrom('audit_pending')
        .where(
          'event_id',
          'in',
          trx.selectFrom('audit_pending').select('event_id').orderBy('event_id').limit(batchSize),
        )
        .returning(sql<string>`event_id::text`.as('eventId'))
        .execute();
      const previous = await readChainHead(trx);
      if (claimed.length === 0) return { sealed: 0, head: previous, claimed: 0 };
      // A queued id may name a missing or already sealed event (someone queued it by hand): skip it.
      const events = await trx
        .selectFrom('audit_event as e')
        .select(sealableEventColumns)
        .where(
          'e.id',
          'in',
          claimed.map((row) => row.eventId),
        )
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('audit_link as l').select('l.position').whereRef('l.event_id', '=', 'e.id'))),
        )
        .orderBy('e.id')
        .execute();
      let position = previous?.position ?? 0n;
      let hash = previous?.hash ?? genesisHash;
      const links = events.map((event) => {
        position += 1n;
        hash = linkHash(hash, position, event);
        return { position: position.toString(), event_id: event.id, hash };
      });
      if (links.length > 0) await trx.insertInto('audit_link').values(links).execute();
      return {
        sealed: links.length,
        head: links.length > 0 ? { position, hash } : previous,
        claimed: claimed.length,
      };
    });
    if (batch === undefined) return { sealed, head: null };
    sealed += batch.sealed;
    head = batch.head === null ? null : { position: batch.head.position, hash: toHex(batch.head.hash) };
    if (batch.claimed < batchSize) return { sealed, head };
  }
}

/** What the sealer logs: counts and the chain head, never an event's content. */
export interface SealerLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface AuditSealerOptions {
  readonly intervalMs: number;
  readonly log: SealerLog;
}

/**
 * Seals every `intervalMs` in the background until the returned function is called; that function
 * waits for a run in progress and seals once more, so a clean shutdown leaves nothing waiting.
 * Each sealing that adds links logs the new head: shipped to a log store, those lines anchor the chain.
 */
export function startAuditSealer(db: Kysely<Database>, options: AuditSealerOptions): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const run = async () => {
    try {
      const outcome = await sealAuditEvents(db);
      if (outcome.sealed > 0 && outcome.head !== null) {
        options.log.info(
          {
            sealed: outcome.sealed,
            auditHead: { position: outcome.head.position.toString(), hash: outcome.head.hash },
          },
          'audit events sealed',
        );
      }
    } catch (error) {
      options.log.error({ err: error }, 'audit sealing failed; retrying at the next interval');
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      running = run().then(() => {
        if (!stopped) schedule();
      });
    }, options.intervalMs);
    timer.unref();
  };
  schedule();

  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      await run();
    })();
    return stopping;
  };
}
