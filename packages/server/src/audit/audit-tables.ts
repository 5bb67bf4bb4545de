// The tables of the audit log, as Kysely sees them. Bigint columns are read as text (`::text` in the
// queries): the PostgreSQL driver and PGlite return int8 differently, and ids can pass 2^53.
import type { ColumnType, GeneratedAlways } from 'kysely';

/** A timestamptz with a database default: optional on insert. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, never>;
/** A bigint written as a decimal string. */
type BigintColumn = ColumnType<string, string, never>;

export type AuditActorKind = 'citizen' | 'staff' | 'system' | 'anonymous';
export type AuditOutcome = 'success' | 'denied' | 'failure';

/** One read or write of personal data (or a login, a denial). Never updated or deleted. */
export interface AuditEventTable {
  id: GeneratedAlways<string>;
  occurred_at: GeneratedTimestamp;
  actor_kind: AuditActorKind;
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  outcome: AuditOutcome;
  purpose: string | null;
  reason: string | null;
  request_id: string | null;
}

/** Events waiting for the sealer; filled by a trigger on audit_event. */
export interface AuditPendingTable {
  event_id: BigintColumn;
}

/** One link of the hash chain per event, in sealing order (positions 1, 2, 3, … with no gaps). */
export interface AuditLinkTable {
  position: BigintColumn;
  event_id: BigintColumn;
  /** SHA-256 of the previous link's hash, this position and every column of the event. */
  hash: ColumnType<Uint8Array, Uint8Array, never>;
  sealed_at: GeneratedTimestamp;
}

export interface AuditTables {
  audit_event: AuditEventTable;
  audit_pending: AuditPendingTable;
  audit_link: AuditLinkTable;
}
