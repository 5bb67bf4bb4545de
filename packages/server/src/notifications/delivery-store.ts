// The delivery worker's SQL: claiming due messages, recording each call to a provider before it is made, and the
// outcome after. Every write of a claimed message carries the claim's lease token, so a worker that was presumed
// dead (its lease ran out) and then wakes up cannot overwrite the work of the worker that took over.
import { type Kysely, type QueryCreator, sql } from 'kysely';
import type { Database } from '../database/database-schema.js';
import type { ChannelKind } from './channels/channel.js';
import type { AttemptOutcome } from './notification-tables.js';

export interface ClaimedMessage {
  readonly id: string;
  readonly stay_id: string | null;
  readonly recipient_kind: 'citizen' | 'trusted_contact' | 'organisation';
  readonly recipient_id: string;
  readonly template: string;
  readonly language: string;
  readonly payload: Record<string, unknown>;
  readonly attempts: number;
  readonly retried_attempts: number;
  readonly skipped_channels: string[];
  readonly provider_message_id: string | null;
  readonly delivered_at: Date | null;
  readonly created_at: Date;
  readonly last_error: string | null;
}

/** Due messages, and messages whose worker's lease ran out, taken for `leaseMs`; other workers skip them. */
export async function claimMessages(
  db: Kysely<Database>,
  options: { readonly now: Date; readonly limit: number; readonly leaseMs: number; readonly leaseToken: string },
): Promise<ClaimedMessage[]> {
  const { now, limit, leaseMs, leaseToken } = options;
  const result = await sql<ClaimedMessage>`
    with expired as (
      select id from outbox_message
      where status = 'sending' and lease_until <= ${now}
      order by lease_until
      limit ${limit}
      for update skip locked
    ),
    pending as (
      select id from outbox_message
      where status = 'pending' and available_at <= ${now}
      order by available_at
      limit ${limit}
      for update skip locked
    ),
    -- Each part reads its own partial index in order and stops at the batch; an OR of both would sort every due row.
    due as (select id from expired union all select id from pending limit ${limit})
    update outbox_message m
    set status = 'sending', lease_token = ${leaseToken}, lease_until = ${new Date(now.getTime() + leaseMs)},
      updated_at = ${now}
    from due where m.id = due.id
    returning m.id, m.stay_id, m.recipient_kind, m.recipient_id, m.template, m.language, m.payload, m.attempts, m.retried_attempts,
      m.skipped_channels, m.provider_message_id, m.delivered_at, m.created_at, m.last_error`.execute(db);
  return result.rows;
}

export interface OpenAttempt {
  readonly attempt: number;
  readonly channel: ChannelKind;
  readonly provider: string;
  readonly started_at: Date;
}

/** The message's last call to a provider when it has no outcome: a worker died during it. */
export async function openAttemptOf(db: Kysely<Database>, messageId: string): Promise<OpenAttempt | undefined> {
  const last = await db
    .selectFrom('delivery_attempt')
    .select(['attempt', 'channel', 'provider', 'started_at', 'outcome'])
    .where('message_id', '=', messageId)
    .orderBy('attempt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last && last.outcome === null ? last : undefined;
}

/** Closed transient failures in a row on `channel` for this message, for falling back after a few. */
export async function transientFailuresOn(db: Kysely<Database>, messageId: string, channel: ChannelKind) {
  const rows = await db
    .selectFrom('delivery_attempt')
    .select(['channel', 'outcome'])
    .where('message_id', '=', messageId)
    .orderBy('attempt', 'desc')
    .limit(20)
    .execute();
  let count = 0;
  for (const row of rows) {
    // The attempt being settled is still open: it is counted by the caller.
    if (row.outcome === null) continue;
    if (row.channel !== channel || row.outcome !== 'transient') break;
    count += 1;
  }
  return count;
}

/** Messages sent to this recipient since `since` (the per-recipient rate limit). */
export async function sentToRecipientSince(db: Kysely<Database>, recipientId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('outbox_message')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('recipient_id', '=', recipientId)
    .where('sent_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Records a call about to be made, and commits it before the call: if the worker dies during the call, the next
 * worker finds this row without an outcome and asks the provider before sending again.
 */
export async function beginAttempt(
  db: Kysely<Database>,
  message: { readonly id: string; readonly leaseToken: string },
  attempt: { readonly number: number; readonly channel: ChannelKind; readonly provider: string; readonly now: Date },
): Promise<boolean> {
  // One statement, so one round trip: the attempt row exists exactly when the message, still held, counts it.
  const result = await sql`
    with held as (
      update outbox_message
      set attempts = ${attempt.number}, channel = ${attempt.channel}, provider = ${attempt.provider},
        updated_at = ${attempt.now}
      where id = ${message.id} and lease_token = ${message.leaseToken} and status = 'sending'
      returning id
    )
    insert into delivery_attempt (message_id, attempt, channel, provider, started_at)
    select id, ${attempt.number}, ${attempt.channel}, ${attempt.provider}, ${attempt.now} from held`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function closeAttempt(
  db: Kysely<Database>,
  messageId: string,
  attempt: number,
  outcome: AttemptOutcome,
  code: string | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('delivery_attempt')
    .set({ outcome, code, finished_at: now })
    .where('message_id', '=', messageId)
    .where('attempt', '=', attempt)
    .where('outcome', 'is', null)
    .execute();
}

/** What becomes of the message after an attempt (or instead of one). */
export type MessageSettlement =
  | {
      readonly kind: 'sent';
      readonly channel: ChannelKind;
      readonly provider: string;
      readonly providerMessageId: string;
    }
  | { readonly kind: 'retry'; readonly at: Date; readonly code: string; readonly skipChannel?: ChannelKind | undefined }
  /** Back in the queue without counting as a try (rate limit, quiet hours, waiting for a receipt). */
  | { readonly kind: 'later'; readonly at: Date; readonly code: string }
  | { readonly kind: 'dead'; readonly code: string; readonly skipChannel?: ChannelKind | undefined }
  | { readonly kind: 'failed'; readonly code: string };

/** An attempt closed together with its message's settlement. */
export interface AttemptClose {
  readonly attempt: number;
  readonly outcome: AttemptOutcome;
  readonly code: string | null;
}

/**
 * Settles a claimed message, only while this worker still holds it, and closes its attempt in the same statement:
 * a crash can never leave a closed attempt on a message still `sending` (the next worker would send it again), and
 * a worker whose lease ran out changes nothing, so the attempt stays open for its successor to check. Returns whether
 * the message was still held.
 */
export async function settleMessage(
  db: Kysely<Database>,
  message: { readonly id: string; readonly leaseToken: string },
  settlement: MessageSettlement,
  now: Date,
  close?: AttemptClose,
): Promise<boolean> {
  const settle = (creator: QueryCreator<Database>) => settlementQuery(creator, message, settlement, now);
  if (!close) {
    const result = await settle(db).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
  const result = await db
    .with('settled', (creator) => settle(creator).returning('id'))
    .updateTable('delivery_attempt')
    .set({ outcome: close.outcome, code: close.code, finished_at: now })
    .where('message_id', 'in', (eb) => eb.selectFrom('settled').select('id'))
    .where('attempt', '=', close.attempt)
    .where('outcome', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function settlementQuery(
  creator: QueryCreator<Database>,
  message: { readonly id: string; readonly leaseToken: string },
  settlement: MessageSettlement,
  now: Date,
) {
  const released = { lease_token: null, lease_until: null, updated_at: now };
  const skip = 'skipChannel' in settlement && settlement.skipChannel !== undefined ? settlement.skipChannel : undefined;
  let query = creator
    .updateTable('outbox_message')
    .where('id', '=', message.id)
    .where('lease_token', '=', message.leaseToken)
    .where('status', '=', 'sending');
  switch (settlement.kind) {
    case 'sent':
      query = query.set({
        ...released,
        status: sql<'sent'>`case when delivered_at is not null then 'delivered' else 'sent' end`,
        channel: settlement.channel,
        provider: settlement.provider,
        provider_message_id: sql<string>`coalesce(provider_message_id, nullif(${settlement.providerMessageId}, ''))`,
        sent_at: now,
        last_error: null,
      });
      break;
    case 'retry':
    case 'later':
      query = query.set({ ...released, status: 'pending', available_at: settlement.at, last_error: settlement.code });
      break;
    case 'dead':
    case 'failed':
      query = query.set({ ...released, status: settlement.kind, last_error: settlement.code });
      break;
  }
  if (skip) query = query.set({ skipped_channels: sql<string[]>`array_append(skipped_channels, ${skip})` });
  return query;
}
