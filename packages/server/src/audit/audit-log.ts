// Writing to the audit log: who did what to which record, when, why and with what outcome.
// A plain INSERT: it never waits on the chain head, which the sealer links later (audit-sealer.ts).
import type { Actor } from '@homeward/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database/database-schema.js';
import type { AuditOutcome } from './audit-tables.js';

export type AuditActor =
  | { readonly kind: 'citizen' | 'staff'; readonly id: string }
  /** A process acting on its own, e.g. 'cli', 'worker'. */
  | { readonly kind: 'system'; readonly id: string }
  | { readonly kind: 'anonymous' };

export interface AuditEntry {
  readonly actor: AuditActor;
  /** A dotted verb, e.g. 'citizen.login', 'staff.invite', 'session.revoke'. */
  readonly action: string;
  readonly resource: { readonly type: string; readonly id?: string };
  readonly outcome: AuditOutcome;
  /** Why staff opened a record, when they were asked. */
  readonly purpose?: string;
  /** A short machine code for denials and failures, e.g. 'state_mismatch'; never personal data. */
  readonly reason?: string;
  readonly requestId?: string;
}

/**
 * Appends one entry. Call it with the transaction that reads or writes the personal data it records,
 * so the trace exists exactly when the access happened.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   const citizen = await getCitizen(trx, citizenId);
 *   await recordAudit(trx, {
 *     actor: auditActorOf(request.actor),
 *     action: 'citizen.read',
 *     resource: { type: 'citizen', id: citizenId },
 *     outcome: 'success',
 *     requestId: request.id,
 *   });
 * });
 */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      actor_kind: entry.actor.kind,
      actor_id: entry.actor.kind === 'anonymous' ? null : entry.actor.id,
      action: entry.action,
      resource_type: entry.resource.type,
      resource_id: entry.resource.id ?? null,
      outcome: entry.outcome,
      purpose: entry.purpose ?? null,
      reason: entry.reason ?? null,
      request_id: entry.requestId ?? null,
    })
    .execute();
}

/** The audit log's view of a request's actor: a citizen or staff id, or anonymous without a session. */
export function auditActorOf(actor: Actor | undefined): AuditActor {
  if (actor === undefined) return { kind: 'anonymous' };
  return actor.kind === 'citizen' ? { kind: 'citizen', id: actor.citizenId } : { kind: 'staff', id: actor.staffId };
}
