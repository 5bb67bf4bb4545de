// Delivery receipts from providers' status webhooks. A receipt only moves a message forward (sent → delivered, or,
// when the provider could not deliver it, sent → the person's next channel); it never brings back a message already
// settled as delivered. A receipt for a message a crashed
// worker left in flight is how WhatsApp messages are reconciled: it carries our id.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../database/database-schema.js';

export interface Receipt {
  readonly provider: string;
  readonly providerMessageId: string;
  /** Our message id, when the provider echoes it (WhatsApp's biz_opaque_callback_data). */
  readonly ourMessageId?: string | undefined;
  readonly status: 'queued' | 'sent' | 'delivered' | 'read' | 'failed';
  readonly errorCode?: string | undefined;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Applies a receipt; returns whether it matched one of our messages. */
export async function recordReceipt(db: Kysely<Database>, receipt: Receipt, now: Date): Promise<boolean> {
  if (receipt.status === 'queued') return true;
  const delivered = receipt.status === 'delivered' || receipt.status === 'read';
  const failed = receipt.status === 'failed';
  const ours = receipt.ourMessageId && uuidPattern.test(receipt.ourMessageId) ? receipt.ourMessageId : null;
  if (failed) {
    // Undelivered to a person: try their next channel (the worker finds none left for a contact or a reply, and
    // dead-letters it for staff to see). Staff alerts are left failed: they go by email only.
    await sql`
      update outbox_message set status = 'pending', available_at = ${now}, updated_at = ${now},
        skipped_channels = array_append(skipped_channels, channel),
        last_error = ${receipt.errorCode ?? 'provider_failed'}
      where ((provider = ${receipt.provider} and provider_message_id = ${receipt.providerMessageId})
        or (${ours}::uuid is not null and id = ${ours}::uuid))
        and status = 'sent' and recipient_kind <> 'organisation' and channel is not null`.execute(db);
  }
  // `pending` with an open attempt is a message waiting for this very receipt after a crash: it went out.
  const result = await sql`
    update outbox_message set
      provider_message_id = coalesce(provider_message_id, ${receipt.providerMessageId}),
      provider = coalesce(provider, ${receipt.provider}),
      delivered_at = case when ${delivered} then coalesce(delivered_at, ${now}) else delivered_at end,
      sent_at = case when status = 'pending' then coalesce(sent_at, ${now}) else sent_at end,
      status = case
        when status in ('sent', 'pending') and ${delivered} then 'delivered'
        when status = 'pending' then 'sent'
        when status = 'sent' and ${failed} then 'failed'
        else status end,
      last_error = case when ${failed} and status <> 'delivered' then ${receipt.errorCode ?? 'provider_failed'}
        else last_error end,
      updated_at = ${now}
    where ((provider = ${receipt.provider} and provider_message_id = ${receipt.providerMessageId})
      or (${ours}::uuid is not null and id = ${ours}::uuid))
      and (status <> 'pending' or exists (select from delivery_attempt a
        where a.message_id = outbox_message.id and a.outcome is null))`.execute(db);
  if (ours !== null || Number(result.numAffectedRows ?? 0) > 0) {
    // Close the attempt a crash left open, so the next claim does not send again.
    await sql`update delivery_attempt set outcome = 'receipt_sent', finished_at = ${now}
      where outcome is null and message_id in (select id from outbox_message
        where status in ('sent', 'delivered', 'failed') and
          ((provider = ${receipt.provider} and provider_message_id = ${receipt.providerMessageId})
            or (${ours}::uuid is not null and id = ${ours}::uuid)))`.execute(db);
  }
  return Number(result.numAffectedRows ?? 0) > 0;
}
