// The tables of the notifications module; the outbox itself is declared with the stays (stays/stay-tables.ts),
// whose transactions write it.
import type { Timestamp } from '../database/database-schema.js';
import type { ChannelKind } from './channels/channel.js';

export type AttemptOutcome =
  | 'sent'
  | 'transient'
  | 'permanent'
  /** A send in flight at a crash, which the provider's status API shows it took. */
  | 'found_sent'
  /** A send in flight at a crash, which the provider's status API shows it never took: sent again. */
  | 'found_not_sent'
  /** A send in flight at a crash, which the provider could not tell us about: sent again (a duplicate is possible). */
  | 'resent_unknown'
  /** A send in flight at a crash, whose provider receipt arrived afterwards. */
  | 'receipt_sent';

export interface DeliveryAttemptTable {
  message_id: string;
  attempt: number;
  channel: ChannelKind;
  provider: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  outcome: AttemptOutcome | null;
  code: string | null;
}

export interface MessageChannelTable {
  id: string;
  stay_id: string;
  citizen_id: string;
  kind: ChannelKind;
  address_ciphertext: string;
  address_hash: Buffer | null;
  address_key_id: string | null;
  language: string;
  created_at: Timestamp;
  removed_at: Timestamp | null;
}

export interface InboundMessageTable {
  provider: string;
  provider_message_id: string;
  received_at: Timestamp;
  channel_id: string | null;
  outcome: string;
}

export interface NotificationTables {
  delivery_attempt: DeliveryAttemptTable;
  message_channel: MessageChannelTable;
  inbound_message: InboundMessageTable;
}
