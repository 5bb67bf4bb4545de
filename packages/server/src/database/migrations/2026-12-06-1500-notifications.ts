// Delivery of the outbox: each message's attempts, lease and provider receipt; the channels a citizen can be
// reached on for a stay; and the inbound messages already acted on, so a replayed webhook is noticed.
// See docs/decisions/0017-notifications-and-messaging-channels.md.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // `sending`: a worker holds the message until `lease_until`; a worker that dies leaves it to the next one, which
  // first finds out whether the provider already took it (delivery_attempt with no outcome).
  await sql`alter table outbox_message drop constraint outbox_message_status_check`.execute(db);
  await sql`alter table outbox_message add constraint outbox_message_status_check
    check (status in ('pending', 'sending', 'sent', 'delivered', 'failed', 'dead'))`.execute(db);
  await sql`alter table outbox_message
    add column attempts integer not null default 0,
    add column retried_attempts integer not null default 0,
    add column lease_token uuid,
    add column lease_until timestamptz,
    add column channel text,
    add column provider text,
    add column provider_message_id text,
    add column skipped_channels text[] not null default '{}',
    add column last_error text,
    add column sent_at timestamptz,
    add column delivered_at timestamptz,
    add column updated_at timestamptz,
    add constraint outbox_message_lease_check check ((status = 'sending') = (lease_until is not null))`.execute(db);
  await sql`create index outbox_message_lease_index on outbox_message (lease_until) where status = 'sending'`.execute(
    db,
  );
  await sql`create index outbox_message_dead_index on outbox_message (updated_at) where status in ('dead', 'failed')`.execute(
    db,
  );
  await sql`create unique index outbox_message_provider_message_unique on outbox_message (provider, provider_message_id)
    where provider_message_id is not null`.execute(db);
  // The per-recipient rate limit counts what was sent to a recipient in the last hour.
  await sql`create index outbox_message_recipient_sent_index on outbox_message (recipient_id, sent_at)
    where sent_at is not null`.execute(db);

  // One row per call to a provider, written before the call: a row without an outcome is a send in flight.
  await sql`
    create table delivery_attempt (
      message_id uuid not null references outbox_message (id),
      attempt integer not null,
      channel text not null,
      provider text not null,
      started_at timestamptz not null,
      finished_at timestamptz,
      outcome text,
      code text,
      constraint delivery_attempt_pkey primary key (message_id, attempt),
      constraint delivery_attempt_outcome_check check (outcome in ('sent', 'transient', 'permanent', 'found_sent',
        'found_not_sent', 'resent_unknown', 'receipt_sent')),
      constraint delivery_attempt_finished_check check ((outcome is null) = (finished_at is null))
    )`.execute(db);

  // Where a citizen is reached for a stay: one address per kind. The address is sealed; a phone number also has a
  // keyed hash, so an inbound SMS or WhatsApp reply finds its stay without the number being stored in the clear.
  await sql`
    create table message_channel (
      id uuid primary key,
      stay_id uuid not null references stay (id),
      citizen_id uuid not null references citizen (id),
      kind text not null,
      address_ciphertext text not null,
      address_hash bytea,
      address_key_id text,
      language text not null,
      created_at timestamptz not null,
      removed_at timestamptz,
      constraint message_channel_kind_check check (kind in ('push', 'whatsapp', 'sms', 'email')),
      constraint message_channel_hash_check check ((address_hash is null) = (address_key_id is null))
    )`.execute(db);
  await sql`create unique index message_channel_stay_kind_unique on message_channel (stay_id, kind)
    where removed_at is null`.execute(db);
  await sql`create index message_channel_address_hash_index on message_channel (address_hash)
    where removed_at is null`.execute(db);

  // Inbound webhooks already acted on: the provider's message id is unique, so a replay is refused.
  await sql`
    create table inbound_message (
      provider text not null,
      provider_message_id text not null,
      received_at timestamptz not null,
      channel_id uuid references message_channel (id),
      outcome text not null,
      constraint inbound_message_pkey primary key (provider, provider_message_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inbound_message').ifExists().execute();
  await db.schema.dropTable('message_channel').ifExists().execute();
  await db.schema.dropTable('delivery_attempt').ifExists().execute();
  await sql`drop index if exists outbox_message_lease_index, outbox_message_dead_index,
    outbox_message_provider_message_unique, outbox_message_recipient_sent_index`.execute(db);
  await sql`alter table outbox_message drop constraint outbox_message_lease_check,
    drop column attempts, drop column retried_attempts, drop column lease_token, drop column lease_until, drop column channel,
    drop column provider, drop column provider_message_id, drop column skipped_channels, drop column last_error,
    drop column sent_at, drop column delivered_at, drop column updated_at`.execute(db);
  await sql`alter table outbox_message drop constraint outbox_message_status_check`.execute(db);
  await sql`alter table outbox_message add constraint outbox_message_status_check
    check (status in ('pending', 'sent', 'delivered', 'failed', 'dead'))`.execute(db);
}
