// The hash of a chain link: SHA-256 over a canonical encoding of every column of an event, its position
// in the chain and the previous link's hash. Shared by the sealer and the verifier, so both always agree.
import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../database/database-schema.js';

/** The "previous hash" of the first link. */
export const genesisHash: Uint8Array = new Uint8Array(32);

/** Changes only with a new encoding, which would need a migration of every link. */
const domainSeparator = 'homeward.audit.link.v1';

/** An event exactly as stored: bigints as decimal text, the time as UTC with microseconds. */
export interface SealableEvent {
  readonly id: string;
  readonly occurredAt: string;
  readonly actorKind: string;
  readonly actorId: string | null;
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string | null;
  readonly outcome: string;
  readonly purpose: string | null;
  readonly reason: string | null;
  readonly requestId: string | null;
}

/**
 * hash(link n) = SHA-256(separator, hash(link n-1), n, id, occurred_at, actor_kind, actor_id, action,
 * resource_type, resource_id, outcome, purpose, reason, request_id), each field length-prefixed
 * (a null is one 0x00 byte; a value is 0x01, its UTF-8 length as 4 bytes big-endian, its bytes), so no
 * two different events encode alike.
 */
export function linkHash(previous: Uint8Array, position: bigint, event: SealableEvent): Uint8Array {
  const hash = createHash('sha256');
  hash.update(domainSeparator);
  hash.update(previous);
  for (const field of [
    position.toString(),
    event.id,
    event.occurredAt,
    event.actorKind,
    event.actorId,
    event.action,
    event.resourceType,
    event.resourceId,
    event.outcome,
    event.purpose,
    event.reason,
    event.requestId,
  ]) {
    if (field === null) {
      hash.update(Uint8Array.of(0));
      continue;
    }
    const bytes = Buffer.from(field, 'utf8');
    const prefix = Buffer.alloc(5);
    prefix.writeUInt8(1, 0);
    prefix.writeUInt32BE(bytes.length, 1);
    hash.update(prefix);
    hash.update(bytes);
  }
  return new Uint8Array(hash.digest());
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

export type AuditDb = Kysely<Database> | Transaction<Database>;

/**
 * The columns of `audit_event` (aliased `e`) in the form `linkHash` reads, for `.select(...)`. The time
 * is formatted by the database so the microseconds a JavaScript Date would drop are covered too.
 */
export const sealableEventColumns = [
  sql<string>`e.id::text`.as('id'),
  sql<string>`to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('occurredAt'),
  sql<string>`e.actor_kind`.as('actorKind'),
  sql<string | null>`e.actor_id`.as('actorId'),
  sql<string>`e.action`.as('action'),
  sql<string>`e.resource_type`.as('resourceType'),
  sql<string | null>`e.resource_id`.as('resourceId'),
  sql<string>`e.outcome`.as('outcome'),
  sql<string | null>`e.purpose`.as('purpose'),
  sql<string | null>`e.reason`.as('reason'),
  sql<string | null>`e.request_id`.as('requestId'),
] as const;

/** The last link of the chain, or null while nothing is sealed. */
export async function readChainHead(db: AuditDb): Promise<{ position: bigint; hash: Uint8Array } | null> {
  const head = await db
    .selectFrom('audit_link')
    .select([sql<string>`position::text`.as('position'), 'hash'])
    // The table's column, not the text alias of the same name: as text, '9' sorts after '10'.
    .orderBy('audit_link.position', 'desc')
    .limit(1)
    .executeTakeFirst();
  return head === undefined ? null : { position: BigInt(head.position), hash: head.hash };
}
