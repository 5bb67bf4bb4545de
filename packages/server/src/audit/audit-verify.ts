// Verification of the audit log: recomputes every link of the chain from the events it covers and
// reports the first one that no longer matches, then checks that no event escaped sealing.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../database/database-schema.js';
import { genesisHash, linkHash, type SealableEvent, sameBytes, sealableEventColumns, toHex } from './audit-chain.js';
import { sealAuditEvents } from './audit-sealer.js';

/** What broke: a changed event, a removed event, a changed or removed link, links swapped, an event left out. */
export type AuditBreak = 'changed' | 'missing' | 'broken_link' | 'reordered' | 'unsealed' | 'anchor_mismatch';

export type AuditVerification =
  | {
      readonly ok: true;
      /** Events in the chain (the head's position). */
      readonly sealed: number;
      /** Events committed after the last sealing, waiting for the next one. */
      readonly unsealed: number;
      /** The head's hash (hex), to record elsewhere as an anchor; null for an empty log. */
      readonly head: string | null;
    }
  | {
      readonly ok: false;
      /** The first event found tampered with; null only when the chain was cut short after an anchor. */
      readonly firstBrokenEventId: string | null;
      readonly problem: AuditBreak;
      /** One sentence for an operator, naming the event and what is wrong with it. */
      readonly reason: string;
    };

/** A head recorded earlier (printed by `homeward audit verify`, or logged by the sealer). */
export interface AuditAnchor {
  readonly position: bigint;
  readonly hash: string;
}

export interface VerifyOptions {
  /** Seal waiting events first (default). Turn off to verify read-only, e.g. on a replica. */
  readonly seal?: boolean;
  readonly anchors?: readonly AuditAnchor[];
  readonly batchSize?: number;
}

interface LinkRow extends SealableEvent {
  readonly position: string;
  readonly linkEventId: string;
  readonly hash: Uint8Array;
  /** null when the event row is gone. */
  readonly eventPresent: boolean | null;
}

type Broken = Extract<AuditVerification, { ok: false }>;

export async function verifyAuditLog(db: Kysely<Database>, options: VerifyOptions = {}): Promise<AuditVerification> {
  if (options.seal !== false) await sealAuditEvents(db, { wait: true });
  // One snapshot for the whole walk, so links sealed meanwhile cannot look like a broken chain.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((trx) => verifyInSnapshot(trx, options));
}

async function verifyInSnapshot(trx: Transaction<Database>, options: VerifyOptions): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 1000;
  const anchors = new Map((options.anchors ?? []).map((anchor) => [anchor.position, anchor.hash.toLowerCase()]));
  let expected = 1n;
  let previous = genesisHash;
  for (;;) {
    const rows: LinkRow[] = await trx
      .selectFrom('audit_link as l')
      .leftJoin('audit_event as e', 'e.id', 'l.event_id')
      .select([
        sql<string>`l.position::text`.as('position'),
        sql<string>`l.event_id::text`.as('linkEventId'),
        'l.hash',
        sql<boolean | null>`e.id is not null`.as('eventPresent'),
        ...sealableEventColumns,
      ])
      .where('l.position', '>=', expected.toString())
      .orderBy('l.position')
      .limit(batchSize)
      .execute();
    for (const [index, row] of rows.entries()) {
      const broken = await checkLink(trx, row, rows.slice(index + 1), expected, previous);
      if (broken !== undefined) return broken;
      const anchor = anchors.get(expected);
      if (anchor !== undefined && anchor !== toHex(row.hash)) {
        return {
          ok: false,
          firstBrokenEventId: row.linkEventId,
          problem: 'anchor_mismatch',
          reason: `the chain was rewritten: position ${expected} (event ${row.linkEventId}) no longer has the recorded hash ${anchor}`,
        };
      }
      previous = row.hash;
      expected += 1n;
    }
    if (rows.length < batchSize) break;
  }
  const sealed = expected - 1n;
  const beyond = [...anchors.keys()].filter((position) => position > sealed).sort((a, b) => (a < b ? -1 : 1))[0];
  if (beyond !== undefined) {
    return {
      ok: false,
      firstBrokenEventId: null,
      problem: 'anchor_mismatch',
      reason: `the chain ends at position ${sealed}, before the recorded anchor at position ${beyond}: links were removed from its end`,
    };
  }
  const orphan = await findOrphanEvent(trx);
  if (orphan !== undefined) {
    return {
      ok: false,
      firstBrokenEventId: orphan,
      problem: 'unsealed',
      reason: `event ${orphan} is not in the chain and not waiting to be sealed (its link or its queue entry was removed)`,
    };
  }
  const waiting = await trx
    .selectFrom('audit_pending as p')
    .innerJoin('audit_event as e', 'e.id', 'p.event_id')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return {
    ok: true,
    sealed: Number(sealed),
    unsealed: Number(waiting.count),
    head: sealed === 0n ? null : toHex(previous),
  };
}

/** Checks one link against the stored hash of the one before it; undefined when it holds. */
async function checkLink(
  trx: Transaction<Database>,
  row: LinkRow,
  following: readonly LinkRow[],
  expected: bigint,
  previous: Uint8Array,
): Promise<Broken | undefined> {
  const position = BigInt(row.position);
  if (position !== expected) {
    // A link was deleted; its event, if still there, is now in no link and no queue.
    const orphan = await findOrphanEvent(trx);
    return {
      ok: false,
      firstBrokenEventId: orphan ?? row.linkEventId,
      problem: 'broken_link',
      reason:
        orphan === undefined
          ? `broken link before event ${row.linkEventId}: the link at position ${expected} was removed`
          : `event ${orphan} lost its link: the link at position ${expected} was removed`,
    };
  }
  if (row.eventPresent !== true) {
    return {
      ok: false,
      firstBrokenEventId: row.linkEventId,
      problem: 'missing',
      reason: `event ${row.linkEventId} is missing: it was sealed at position ${position} and has since been deleted`,
    };
  }
  if (sameBytes(linkHash(previous, position, row), row.hash)) return undefined;

  // The link was sealed over another event's content: the links were reordered.
  const moved = following.find(
    (other) => other.eventPresent === true && sameBytes(linkHash(previous, position, other), row.hash),
  );
  if (moved !== undefined) {
    return {
      ok: false,
      firstBrokenEventId: row.linkEventId,
      problem: 'reordered',
      reason: `event ${row.linkEventId} is out of order: position ${position} sealed event ${moved.id}`,
    };
  }
  // The next link still follows from this link's content, not from its stored hash: the hash was altered.
  const next = following[0];
  if (next?.eventPresent === true && BigInt(next.position) === position + 1n) {
    const recomputed = linkHash(previous, position, row);
    if (sameBytes(linkHash(recomputed, position + 1n, next), next.hash)) {
      return {
        ok: false,
        firstBrokenEventId: row.linkEventId,
        problem: 'broken_link',
        reason: `the link of event ${row.linkEventId} (position ${position}) was altered`,
      };
    }
  }
  return {
    ok: false,
    firstBrokenEventId: row.linkEventId,
    problem: 'changed',
    reason: `event ${row.linkEventId} was changed after it was sealed at position ${position}`,
  };
}

/** The lowest-numbered event in no link and no queue entry. */
async function findOrphanEvent(trx: Transaction<Database>): Promise<string | undefined> {
  const orphan = await trx
    .selectFrom('audit_event as e')
    .select(sql<string>`e.id::text`.as('id'))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('audit_link as l').select('l.position').whereRef('l.event_id', '=', 'e.id'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('audit_pending as p').select('p.event_id').whereRef('p.event_id', '=', 'e.id'))),
    )
    .orderBy('e.id')
    .limit(1)
    .executeTakeFirst();
  return orphan?.id;
}
