// The one read of the check-in path: the stay with its engine state and stored PINs, the failure counts that
// decide whether an attempt may be made, the counts its alerts' risk needs, and any check-in already made with
// this Idempotency-Key. One round trip, found either by stay id or by a national ID number's keyed hashes.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../database/database-schema.js';
import { prepareAs } from '../database/prepared-statements.js';
import type { StoredSchedule } from '../stays/stay-tables.js';
import type { FailureCount, FailureScope } from './check-in-limits.js';

export type StayLocator =
  | { readonly kind: 'stay'; readonly stayId: string; readonly citizenId: string }
  | { readonly kind: 'identifier'; readonly nationalIdHashes: readonly Buffer[]; readonly identifierHash: Buffer };

export interface CheckInStayRow {
  readonly id: string;
  readonly citizen_id: string;
  readonly embassy_id: string;
  readonly destination_country: string;
  readonly risk_area_id: string | null;
  readonly risk_area_kind: 'compound_hub' | 'border_crossing' | 'transit_city' | null;
  readonly job_offer_level: 'low' | 'elevated' | 'high' | null;
  readonly language: string;
  readonly schedule: StoredSchedule;
  readonly phase: 'on_schedule' | 'overdue' | 'paused' | 'ended';
  readonly period: number;
  readonly due_at: Date;
  readonly reminders_sent: number;
  readonly overdue_since: Date | null;
  readonly is_escalated: boolean;
  readonly paused_until: Date | null;
  readonly pin_key_id: string;
  readonly pin_digest: Buffer;
  readonly duress_pin_key_id: string;
  readonly duress_pin_digest: Buffer;
  readonly version: number;
  readonly prior_alerts: number;
  readonly open_concerns: number;
}

export interface ExistingCheckIn {
  readonly id: string;
  readonly receivedAt: Date;
  readonly nextDueAt: Date;
  readonly wasDuress: boolean;
  readonly requestedSignal: string;
}

export interface CheckInRead {
  readonly stay: CheckInStayRow | undefined;
  readonly failures: readonly FailureCount[];
  readonly existing: ExistingCheckIn | undefined;
}

/** The stay's key in `check_in_failure`: its id's 16 bytes (what `uuid_send` gives in SQL). */
export const stayFailureKey = (stayId: string) => Buffer.from(stayId.replaceAll('-', ''), 'hex');

const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));

export async function readForCheckIn(
  db: Kysely<Database>,
  locator: StayLocator,
  sourceHash: Buffer,
  idempotencyKey: string | undefined,
  priorSince: Date,
): Promise<CheckInRead> {
  const stayQuery: RawBuilder<unknown> =
    locator.kind === 'stay'
      ? sql`select * from stay where id = ${locator.stayId} and citizen_id = ${locator.citizenId}`
      : sql`select stay.* from citizen join stay on stay.citizen_id = citizen.id and stay.phase <> 'ended'
          where citizen.national_id_hash in (${sql.join(locator.nationalIdHashes)})
          order by stay.created_at desc limit 1`;
  const identifierHash = locator.kind === 'identifier' ? locator.identifierHash : Buffer.alloc(0);
  // Prepared: one name per way of finding the stay (the identifier's list has one hash per HMAC key).
  const name =
    locator.kind === 'stay'
      ? 'check_in_read_by_stay'
      : `check_in_read_by_identifier_${locator.nationalIdHashes.length}`;
  const result = await sql<Record<string, unknown>>`${sql.raw(prepareAs(name))}
    select s.id, s.citizen_id, s.embassy_id, s.destination_country, s.risk_area_id, s.risk_area_kind,
      s.job_offer_level, s.language, s.schedule, s.phase, s.period, s.due_at, s.reminders_sent, s.overdue_since,
      s.is_escalated, s.paused_until, s.pin_key_id, s.pin_digest, s.duress_pin_key_id, s.duress_pin_digest, s.version,
      (select count(*) from alert where alert.stay_id = s.id and alert.raised_at > ${priorSince})::integer as prior_alerts,
      (select count(*) from alert where alert.stay_id = s.id and alert.source = 'trusted_contact_concern'
        and alert.status in ('open', 'contacting'))::integer as open_concerns,
      stay_failure.failures as stay_failures, stay_failure.window_started_at as stay_window,
      identifier_failure.failures as identifier_failures, identifier_failure.window_started_at as identifier_window,
      source_failure.failures as source_failures, source_failure.window_started_at as source_window,
      existing.id as existing_id, existing.received_at as existing_received_at,
      existing.next_due_at as existing_next_due_at, existing.signal as existing_signal
    from (select 1) as one
    left join lateral (${stayQuery}) as s on true
    left join check_in_failure stay_failure on stay_failure.scope = 'stay' and stay_failure.key_hash = uuid_send(s.id)
    left join check_in_failure identifier_failure
      on identifier_failure.scope = 'identifier' and identifier_failure.key_hash = ${identifierHash}
    left join check_in_failure source_failure on source_failure.scope = 'source' and source_failure.key_hash = ${sourceHash}
    left join check_in existing on existing.stay_id = s.id and existing.idempotency_key = ${idempotencyKey ?? null}
  `.execute(db);
  const row = result.rows[0] ?? {};
  const failures: FailureCount[] = [];
  for (const scope of ['stay', 'identifier', 'source'] as const satisfies readonly FailureScope[]) {
    const count = row[`${scope}_failures`];
    if (typeof count === 'number') {
      failures.push({ scope, failures: count, windowStartedAt: new Date(row[`${scope}_window`] as string | Date) });
    }
  }
  const stay =
    row.id === null || row.id === undefined
      ? undefined
      : ({
          ...row,
          due_at: asDate(row.due_at as Date),
          overdue_since: asDate(row.overdue_since as Date | null),
          paused_until: asDate(row.paused_until as Date | null),
          pin_digest: Buffer.from(row.pin_digest as Uint8Array),
          duress_pin_digest: Buffer.from(row.duress_pin_digest as Uint8Array),
        } as unknown as CheckInStayRow);
  const existing =
    typeof row.existing_id === 'string'
      ? {
          id: row.existing_id,
          receivedAt: new Date(row.existing_received_at as string | Date),
          nextDueAt: new Date(row.existing_next_due_at as string | Date),
          wasDuress: row.existing_signal === 'duress',
          requestedSignal: row.existing_signal as string,
        }
      : undefined;
  return { stay, failures, existing };
}
