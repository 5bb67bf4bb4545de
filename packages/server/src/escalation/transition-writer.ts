// Writes the outcome of the escalation engine for one or many stays in ONE statement: the stays' new state (only
// where the stay is still at the version it was read at), the ledger steps, alerts, outbox intents, and, on the
// check-in path, the check-in itself and its audit entry. One statement is one round trip and one atomic write:
// either all of it is durable or none of it is, and a stay another writer changed meanwhile writes nothing, so the
// caller reads it again. The check-in path and the sweep both go through here; a duress check-in takes exactly
// the path an ok one does. See docs/decisions/0016-stays-check-ins-and-the-welfare-queue.md.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AuditActor } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import { prepareAs } from '../database/prepared-statements.js';
import type { EffectRows } from './effect-rows.js';
import type { StateColumns } from './stay-state.js';

export interface StayUpdate extends StateColumns {
  readonly id: string;
  readonly version: number;
  readonly next_action_at: Date | null;
  /** Set when a check-in (or the end of the stay) comes with this write. */
  readonly last_check_in_at?: Date | null;
  readonly ended_at?: Date | null;
}

export interface CheckInRow {
  readonly id: string;
  readonly stay_id: string;
  readonly received_at: Date;
  readonly signal: string;
  readonly channel: string;
  readonly message_ciphertext: string | null;
  readonly location_ciphertext: string | null;
  readonly idempotency_key: string | null;
  readonly next_due_at: Date;
}

export interface AuditRow {
  readonly actor: AuditActor;
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly requestId?: string | undefined;
}

export interface TransitionWrite {
  readonly stays: readonly StayUpdate[];
  readonly rows: EffectRows;
  readonly checkIn?: CheckInRow;
  readonly audit?: readonly AuditRow[];
  readonly now: Date;
}

const json = (value: unknown) => JSON.stringify(value);
const isoOrNull = (value: Date | null | undefined) => (value == null ? null : value.toISOString());

/** Writes it all; returns the ids of the stays that were still at their version (and so were written). */
export async function writeTransitions(
  db: Kysely<Database> | Transaction<Database>,
  write: TransitionWrite,
): Promise<Set<string>> {
  const stays = write.stays.map((stay) => ({
    id: stay.id,
    version: stay.version,
    phase: stay.phase,
    period: stay.period,
    due_at: stay.due_at.toISOString(),
    reminders_sent: stay.reminders_sent,
    overdue_since: isoOrNull(stay.overdue_since),
    is_escalated: stay.is_escalated,
    paused_until: isoOrNull(stay.paused_until),
    next_action_at: isoOrNull(stay.next_action_at),
    sets_last_check_in: stay.last_check_in_at !== undefined,
    last_check_in_at: isoOrNull(stay.last_check_in_at),
    ended_at: isoOrNull(stay.ended_at),
  }));
  const checkIns = write.checkIn
    ? [
        {
          ...write.checkIn,
          received_at: write.checkIn.received_at.toISOString(),
          next_due_at: write.checkIn.next_due_at.toISOString(),
        },
      ]
    : [];
  const audit = (write.audit ?? []).map((entry) => ({
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.kind === 'anonymous' ? null : entry.actor.id,
    action: entry.action,
    resource_type: entry.resourceType,
    resource_id: entry.resourceId,
    request_id: entry.requestId ?? null,
    stay_id: write.checkIn?.stay_id ?? null,
  }));
  const { rows } = write;
  const now = write.now.toISOString();
  const result = await sql<{ id: string }>`${sql.raw(prepareAs('write_transitions'))}
    with input as (
      select * from jsonb_to_recordset(${json(stays)}::jsonb) as x(
        id uuid, version integer, phase text, period integer, due_at timestamptz, reminders_sent integer,
        overdue_since timestamptz, is_escalated boolean, paused_until timestamptz, next_action_at timestamptz,
        sets_last_check_in boolean, last_check_in_at timestamptz, ended_at timestamptz)
    ),
    updated as (
      update stay set
        phase = input.phase, period = input.period, due_at = input.due_at, reminders_sent = input.reminders_sent,
        overdue_since = input.overdue_since, is_escalated = input.is_escalated, paused_until = input.paused_until,
        next_action_at = input.next_action_at,
        last_check_in_at = case when input.sets_last_check_in then input.last_check_in_at else stay.last_check_in_at end,
        ended_at = coalesce(input.ended_at, stay.ended_at),
        version = stay.version + 1, updated_at = ${now}::timestamptz
      from input
      -- The ids again as an array: the planner cannot see how few rows jsonb_to_recordset gives and would scan stay.
      where stay.id = any(${stays.map((stay) => stay.id)}::uuid[]) and stay.id = input.id
        and stay.version = input.version
      returning stay.id, stay.language
    ),
    new_check_in as (
      insert into check_in (id, stay_id, received_at, signal, channel, message_ciphertext, location_ciphertext,
        idempotency_key, next_due_at)
      select x.id, x.stay_id, x.received_at, x.signal, x.channel, x.message_ciphertext, x.location_ciphertext,
        x.idempotency_key, x.next_due_at
      from jsonb_to_recordset(${json(checkIns)}::jsonb) as x(id uuid, stay_id uuid, received_at timestamptz,
        signal text, channel text, message_ciphertext text, location_ciphertext text, idempotency_key text,
        next_due_at timestamptz)
      join updated on updated.id = x.stay_id
    ),
    new_steps as (
      insert into escalation_step (stay_id, period, kind, due_at, recorded_at)
      select x.stay_id, x.period, x.kind, x.due_at, ${now}::timestamptz
      from jsonb_to_recordset(${json(rows.steps)}::jsonb) as x(stay_id uuid, period integer, kind text, due_at timestamptz)
      join updated on updated.id = x.stay_id
      on conflict do nothing
    ),
    counted as (
      -- Missed periods count on the stay's open alert when it has one; a check-in in the same transition resolves it.
      -- (Not an upsert: a row inserted as resolved is outside the partial unique index, so it would never conflict
      -- with the open one, and that one would stay open after the check-in.)
      update alert set
        missed_periods = alert.missed_periods + x.missed_periods,
        is_supervisor_escalated = alert.is_supervisor_escalated or x.is_supervisor_escalated,
        status = case when x.status = 'resolved' then 'resolved' else alert.status end,
        resolved_at = x.resolved_at,
        resolution_reason = case when x.status = 'resolved' then 'checked_in' end,
        updated_at = ${now}::timestamptz
      from jsonb_to_recordset(${json(rows.missedAlerts)}::jsonb) as x(stay_id uuid, status text, missed_periods integer,
        is_supervisor_escalated boolean, resolved_at timestamptz)
      join updated on updated.id = x.stay_id
      where alert.stay_id = x.stay_id and alert.source = 'missed_check_in' and alert.status in ('open', 'contacting')
      returning alert.id, alert.stay_id
    ),
    missed as (
      insert into alert (id, stay_id, embassy_id, source, status, risk_base, risk_factors, overdue_since,
        missed_periods, is_supervisor_escalated, raised_at, updated_at, resolved_at, resolution_reason)
      select x.id, x.stay_id, x.embassy_id, 'missed_check_in', x.status, x.risk_base, x.risk_factors, x.overdue_since,
        x.missed_periods, x.is_supervisor_escalated, x.raised_at, ${now}::timestamptz, x.resolved_at,
        case when x.status = 'resolved' then 'checked_in' end
      from jsonb_to_recordset(${json(rows.missedAlerts)}::jsonb) as x(id uuid, stay_id uuid, embassy_id uuid,
        status text, risk_base integer, risk_factors jsonb, overdue_since timestamptz, missed_periods integer,
        is_supervisor_escalated boolean, raised_at timestamptz, resolved_at timestamptz)
      join updated on updated.id = x.stay_id
      where x.stay_id not in (select stay_id from counted)
      returning alert.id
    ),
    escalated as (
      update alert set is_supervisor_escalated = true, updated_at = ${now}::timestamptz
      from jsonb_to_recordset(${json(rows.escalate)}::jsonb) as x(stay_id uuid)
      join updated on updated.id = x.stay_id
      where alert.stay_id = x.stay_id and alert.source = 'missed_check_in' and alert.status in ('open', 'contacting')
    ),
    resolved as (
      update alert set status = 'resolved', resolved_at = x.at, resolution_reason = 'checked_in',
        is_supervisor_escalated = alert.is_supervisor_escalated or x.escalated, updated_at = ${now}::timestamptz
      from jsonb_to_recordset(${json(rows.resolve)}::jsonb) as x(stay_id uuid, at timestamptz, escalated boolean)
      join updated on updated.id = x.stay_id
      where alert.stay_id = x.stay_id and alert.source = 'missed_check_in' and alert.status in ('open', 'contacting')
    ),
    signalled as (
      insert into alert (id, stay_id, embassy_id, source, status, risk_base, risk_factors, message_ciphertext,
        check_in_id, raised_at, updated_at)
      select x.id, x.stay_id, x.embassy_id, x.source, 'open', x.risk_base, x.risk_factors, x.message_ciphertext,
        x.check_in_id, x.raised_at, ${now}::timestamptz
      from jsonb_to_recordset(${json(rows.signalAlerts)}::jsonb) as x(id uuid, stay_id uuid, embassy_id uuid,
        source text, risk_base integer, risk_factors jsonb, message_ciphertext text, check_in_id uuid,
        raised_at timestamptz)
      join updated on updated.id = x.stay_id
      returning alert.id
    ),
    new_outbox as (
      insert into outbox_message (id, stay_id, dedupe_key, recipient_kind, recipient_id, template, language, payload,
        status, created_at, available_at)
      select x.id, x.stay_id, x.dedupe_key, x.recipient_kind, x.recipient_id, x.template, x.language, x.payload,
        'pending', ${now}::timestamptz, x.available_at
      from jsonb_to_recordset(${json(rows.outbox)}::jsonb) as x(id uuid, stay_id uuid, dedupe_key text,
        recipient_kind text, recipient_id uuid, template text, language text, payload jsonb, available_at timestamptz)
      join updated on updated.id = x.stay_id
      union all
      select gen_random_uuid(), x.stay_id, 'overdue:' || x.stay_id || ':' || x.period || ':' || contact.id,
        'trusted_contact', contact.id, 'contact_missed_check_in', contact.language, '{}'::jsonb,
        'pending', ${now}::timestamptz, x.at
      from jsonb_to_recordset(${json(rows.contactNotices)}::jsonb) as x(stay_id uuid, period integer, at timestamptz)
      join updated on updated.id = x.stay_id
      join trusted_contact contact on contact.stay_id = x.stay_id and contact.status = 'confirmed'
      on conflict (dedupe_key) do nothing
    ),
    audited as (
      insert into audit_event (actor_kind, actor_id, action, resource_type, resource_id, outcome, request_id)
      select x.actor_kind, x.actor_id, x.action, x.resource_type, x.resource_id, 'success', x.request_id
      from jsonb_to_recordset(${json(audit)}::jsonb) as x(actor_kind text, actor_id text, action text,
        resource_type text, resource_id text, request_id text, stay_id uuid)
      where exists (select from updated)
      union all
      select 'system', 'escalation', 'alert.raise', 'alert', raised.id::text, 'success', null
      from (select id from counted union all select id from missed union all select id from signalled) raised
    )
    select id from updated`.execute(db);
  return new Set(result.rows.map((row) => row.id));
}
