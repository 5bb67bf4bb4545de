// Stays and their check-ins, the escalation ledger, welfare-check alerts and their contact attempts, the case
// records an escalated alert opens, trusted contacts, the notification outbox, and the counters that stop PIN
// guessing. Every row carries its stay (or organisation) key, so a deployment can shard by it later.
// See docs/decisions/0016-stays-check-ins-and-the-welfare-queue.md.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A stay: the personal details are one sealed JSON document (field key); only what the rules and the
  // queue filter on stays in the clear: the destination country, the gazetteer area it falls in, the job
  // offer's risk level. The escalation state machine's state is kept column by column.
  await sql`
    create table stay (
      id uuid primary key,
      citizen_id uuid not null references citizen (id),
      embassy_id uuid not null references organisation (id),
      destination_country text not null,
      risk_area_id text,
      risk_area_kind text,
      job_offer_level text,
      details_ciphertext text not null,
      language text not null,
      starts_on date not null,
      expected_return_on date,
      schedule jsonb not null,
      phase text not null,
      period integer not null,
      due_at timestamptz not null,
      reminders_sent integer not null default 0,
      overdue_since timestamptz,
      is_escalated boolean not null default false,
      paused_until timestamptz,
      next_action_at timestamptz,
      last_check_in_at timestamptz,
      pin_key_id text not null,
      pin_digest bytea not null,
      duress_pin_key_id text not null,
      duress_pin_digest bytea not null,
      version integer not null default 1,
      idempotency_key text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      ended_at timestamptz,
      constraint stay_destination_country_check check (destination_country ~ '^[A-Z]{2}$'),
      constraint stay_phase_check check (phase in ('on_schedule', 'overdue', 'paused', 'ended')),
      constraint stay_job_offer_level_check check (job_offer_level in ('low', 'elevated', 'high')),
      constraint stay_risk_area_kind_check
        check (risk_area_kind in ('compound_hub', 'border_crossing', 'transit_city')),
      constraint stay_paused_check check ((phase = 'paused') = (paused_until is not null)),
      constraint stay_ended_check check ((phase = 'ended') = (ended_at is not null) and (phase <> 'ended' or next_action_at is null))
    )`.execute(db);
  // The sweep reads only stays with work due: its cost follows the overdue count, not the number of stays.
  await sql`create index stay_next_action_at_index on stay (next_action_at) where next_action_at is not null`.execute(
    db,
  );
  await sql`create index stay_citizen_id_created_at_index on stay (citizen_id, created_at)`.execute(db);
  // One stay at a time per citizen: the any-browser check-in finds it by the national ID number alone.
  await sql`create unique index stay_one_active_per_citizen_unique on stay (citizen_id) where phase <> 'ended'`.execute(
    db,
  );
  await sql`create unique index stay_citizen_id_idempotency_key_unique on stay (citizen_id, idempotency_key)`.execute(
    db,
  );

  await sql`
    create table check_in (
      id uuid primary key,
      stay_id uuid not null references stay (id),
      received_at timestamptz not null,
      signal text not null,
      channel text not null,
      message_ciphertext text,
      location_ciphertext text,
      idempotency_key text,
      next_due_at timestamptz not null,
      constraint check_in_signal_check check (signal in ('ok', 'need_help', 'sos', 'duress')),
      constraint check_in_channel_check check (channel in ('app', 'browser', 'sms', 'whatsapp')),
      constraint check_in_stay_id_idempotency_key_unique unique (stay_id, idempotency_key)
    )`.execute(db);
  await sql`create index check_in_stay_id_received_at_index on check_in (stay_id, received_at)`.execute(db);

  // One row per effect of the escalation engine, keyed so that a second worker, a retry after a crash or a
  // check-in racing the sweep can never record the same step twice.
  await sql`
    create table escalation_step (
      stay_id uuid not null references stay (id),
      period integer not null,
      kind text not null,
      due_at timestamptz not null,
      recorded_at timestamptz not null,
      constraint escalation_step_pkey primary key (stay_id, period, kind, due_at),
      constraint escalation_step_kind_check check (kind in ('reminder', 'overdue', 'supervisor_escalation',
        'urgent_alert', 'help_alert', 'back_on_schedule'))
    )`.execute(db);

  await sql`
    create table trusted_contact (
      id uuid primary key,
      stay_id uuid not null references stay (id),
      name_ciphertext text not null,
      channel text not null,
      address_ciphertext text not null,
      language text not null,
      status text not null,
      token_hash bytea not null,
      invited_at timestamptz not null,
      confirmed_at timestamptz,
      withdrawn_at timestamptz,
      constraint trusted_contact_channel_check check (channel in ('email', 'sms', 'whatsapp')),
      constraint trusted_contact_status_check check (status in ('invited', 'confirmed', 'withdrawn')),
      constraint trusted_contact_token_hash_unique unique (token_hash)
    )`.execute(db);
  await sql`create index trusted_contact_stay_id_index on trusted_contact (stay_id)`.execute(db);

  await sql`
    create table alert (
      id uuid primary key,
      stay_id uuid not null references stay (id),
      embassy_id uuid not null references organisation (id),
      source text not null,
      status text not null,
      risk_base integer not null,
      risk_factors jsonb not null,
      overdue_since timestamptz,
      missed_periods integer not null default 0,
      is_supervisor_escalated boolean not null default false,
      message_ciphertext text,
      check_in_id uuid,
      trusted_contact_id uuid references trusted_contact (id),
      raised_at timestamptz not null,
      updated_at timestamptz not null,
      resolved_at timestamptz,
      resolved_by uuid references staff_member (id),
      resolution_reason text,
      resolution_note_ciphertext text,
      case_id uuid,
      constraint alert_source_check check (source in ('missed_check_in', 'need_help', 'sos', 'duress',
        'trusted_contact_concern', 'pin_failures')),
      constraint alert_status_check check (status in ('open', 'contacting', 'resolved', 'escalated')),
      constraint alert_resolution_check check ((status = 'resolved') = (resolved_at is not null))
    )`.execute(db);
  // At most one unresolved missed-check-in alert per stay: later missed periods count on it.
  await sql`create unique index alert_open_missed_check_in_unique on alert (stay_id)
    where source = 'missed_check_in' and status in ('open', 'contacting')`.execute(db);
  await sql`create index alert_embassy_id_status_raised_at_index on alert (embassy_id, status, raised_at)`.execute(db);
  await sql`create index alert_stay_id_raised_at_index on alert (stay_id, raised_at)`.execute(db);

  await sql`
    create table alert_contact_attempt (
      id uuid primary key,
      alert_id uuid not null references alert (id),
      stay_id uuid not null references stay (id),
      staff_id uuid not null references staff_member (id),
      channel text not null,
      outcome text not null,
      note_ciphertext text,
      attempted_at timestamptz not null,
      constraint alert_contact_attempt_channel_check
        check (channel in ('phone', 'sms', 'whatsapp', 'email', 'in_person', 'partner')),
      constraint alert_contact_attempt_outcome_check
        check (outcome in ('reached_safe', 'reached_needs_help', 'no_answer', 'wrong_number', 'other'))
    )`.execute(db);
  await sql`create index alert_contact_attempt_alert_id_index on alert_contact_attempt (alert_id, attempted_at)`.execute(
    db,
  );

  // The seed of the case module: an escalated alert opens a case at screening.
  await sql`
    create table case_record (
      id uuid primary key,
      stay_id uuid references stay (id),
      citizen_id uuid references citizen (id),
      embassy_id uuid not null references organisation (id),
      alert_id uuid references alert (id),
      intake_source text not null,
      stage text not null,
      note_ciphertext text,
      opened_at timestamptz not null,
      opened_by uuid references staff_member (id),
      constraint case_record_intake_source_check check (intake_source in ('missed_check_in', 'sos', 'duress',
        'need_help', 'family_report', 'pin_failures', 'partner_referral', 'rescue_intake', 'walk_in')),
      constraint case_record_stage_check check (stage in ('screening', 'identification', 'protection',
        'referral', 'repatriation', 'reintegration', 'justice', 'closed')),
      constraint case_record_alert_id_unique unique (alert_id)
    )`.execute(db);

  // Notification intents, written in the transaction that decides them; delivery arrives with the
  // notifications module. The payload holds ids and codes only: the text is made at delivery, in the
  // recipient's language, and says nothing sensitive.
  await sql`
    create table outbox_message (
      id uuid primary key,
      stay_id uuid references stay (id),
      dedupe_key text not null,
      recipient_kind text not null,
      recipient_id uuid not null,
      template text not null,
      language text not null,
      payload jsonb not null,
      status text not null,
      created_at timestamptz not null,
      available_at timestamptz not null,
      constraint outbox_message_dedupe_key_unique unique (dedupe_key),
      constraint outbox_message_recipient_kind_check check (recipient_kind in ('citizen', 'trusted_contact', 'organisation')),
      constraint outbox_message_status_check check (status in ('pending', 'sent', 'delivered', 'failed', 'dead'))
    )`.execute(db);
  await sql`create index outbox_message_pending_index on outbox_message (available_at) where status = 'pending'`.execute(
    db,
  );
  await sql`create index outbox_message_stay_id_index on outbox_message (stay_id)`.execute(db);

  // Failed PIN attempts in fixed windows, per stay, per typed national id (hashed) and per source address (hashed).
  await sql`
    create table check_in_failure (
      scope text not null,
      key_hash bytea not null,
      window_started_at timestamptz not null,
      failures integer not null,
      constraint check_in_failure_pkey primary key (scope, key_hash),
      constraint check_in_failure_scope_check check (scope in ('stay', 'identifier', 'source'))
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'check_in_failure',
    'outbox_message',
    'case_record',
    'alert_contact_attempt',
    'alert',
    'trusted_contact',
    'escalation_step',
    'check_in',
    'stay',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
