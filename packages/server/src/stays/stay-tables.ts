// The tables of stays, check-ins, the escalation ledger, alerts, trusted contacts and the outbox, as Kysely sees
// them. Personal details live only in `*_ciphertext` columns (the key ring's field key).
import type { AlertSource, CheckInSignal, StayPhase } from '@homeward/domain';
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export const checkInChannels = ['app', 'browser', 'sms', 'whatsapp'] as const;
export type CheckInChannel = (typeof checkInChannels)[number];

export const alertStatuses = ['open', 'contacting', 'resolved', 'escalated'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

export const contactChannels = ['email', 'sms', 'whatsapp'] as const;
export type ContactChannel = (typeof contactChannels)[number];

export type TrustedContactStatus = 'invited' | 'confirmed' | 'withdrawn';

/** The schedule as stored: the domain's CheckInSchedule. */
export interface StoredSchedule {
  readonly intervalMinutes: number;
  readonly graceMinutes: number;
  readonly reminderBeforeMinutes: number;
  readonly graceReminderEveryMinutes: number;
  readonly escalateAfterMinutes: number;
  readonly maxPauseMinutes: number;
  readonly quietHours?: { readonly startMinute: number; readonly endMinute: number } | undefined;
  readonly timeZone: string;
}

export interface StayTable {
  id: string;
  citizen_id: string;
  embassy_id: string;
  destination_country: string;
  risk_area_id: string | null;
  risk_area_kind: 'compound_hub' | 'border_crossing' | 'transit_city' | null;
  job_offer_level: 'low' | 'elevated' | 'high' | null;
  details_ciphertext: string;
  language: string;
  starts_on: DateOnly;
  expected_return_on: DateOnly | null;
  schedule: Json<StoredSchedule>;
  phase: StayPhase;
  period: number;
  due_at: Timestamp;
  reminders_sent: Generated<number>;
  overdue_since: Timestamp | null;
  is_escalated: Generated<boolean>;
  paused_until: Timestamp | null;
  next_action_at: Timestamp | null;
  last_check_in_at: Timestamp | null;
  pin_key_id: string;
  pin_digest: Buffer;
  duress_pin_key_id: string;
  duress_pin_digest: Buffer;
  version: Generated<number>;
  idempotency_key: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface CheckInTable {
  id: string;
  stay_id: string;
  received_at: Timestamp;
  signal: CheckInSignal;
  channel: CheckInChannel;
  message_ciphertext: string | null;
  location_ciphertext: string | null;
  idempotency_key: string | null;
  next_due_at: Timestamp;
}

export interface EscalationStepTable {
  stay_id: string;
  period: number;
  kind: string;
  due_at: Timestamp;
  recorded_at: Timestamp;
}

export interface TrustedContactTable {
  id: string;
  stay_id: string;
  name_ciphertext: string;
  channel: ContactChannel;
  address_ciphertext: string;
  language: string;
  status: TrustedContactStatus;
  token_hash: Buffer;
  invited_at: Timestamp;
  confirmed_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
}

export interface AlertTable {
  id: string;
  stay_id: string;
  embassy_id: string;
  source: AlertSource;
  status: AlertStatus;
  risk_base: number;
  risk_factors: Json<{ code: string; weight: number; detail?: string | number }[]>;
  overdue_since: Timestamp | null;
  missed_periods: Generated<number>;
  is_supervisor_escalated: Generated<boolean>;
  message_ciphertext: string | null;
  check_in_id: string | null;
  trusted_contact_id: string | null;
  raised_at: Timestamp;
  updated_at: Timestamp;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
  resolution_reason: string | null;
  resolution_note_ciphertext: string | null;
  case_id: string | null;
}

export interface AlertContactAttemptTable {
  id: string;
  alert_id: string;
  stay_id: string;
  staff_id: string;
  channel: string;
  outcome: string;
  note_ciphertext: string | null;
  attempted_at: Timestamp;
}

export interface CaseRecordTable {
  id: string;
  stay_id: string | null;
  citizen_id: string | null;
  embassy_id: string;
  alert_id: string | null;
  intake_source: string;
  stage: string;
  note_ciphertext: string | null;
  opened_at: Timestamp;
  opened_by: string | null;
}

export interface OutboxMessageTable {
  id: string;
  stay_id: string | null;
  dedupe_key: string;
  recipient_kind: 'citizen' | 'trusted_contact' | 'organisation';
  recipient_id: string;
  template: string;
  language: string;
  payload: Json<Record<string, unknown>>;
  status: 'pending' | 'sending' | 'sent' | 'delivered' | 'failed' | 'dead';
  created_at: Timestamp;
  available_at: Timestamp;
  // Delivery (notifications/delivery-worker.ts): every column below has a default when an intent is written.
  attempts: Generated<number>;
  /** `attempts` when staff last sent it again: the budget of tries counts from here. */
  retried_attempts: Generated<number>;
  lease_token: string | null;
  lease_until: Timestamp | null;
  channel: string | null;
  provider: string | null;
  provider_message_id: string | null;
  skipped_channels: Generated<string[]>;
  last_error: string | null;
  sent_at: Timestamp | null;
  delivered_at: Timestamp | null;
  updated_at: Timestamp | null;
}

export interface CheckInFailureTable {
  scope: 'stay' | 'identifier' | 'source';
  key_hash: Buffer;
  window_started_at: Timestamp;
  failures: number;
}

export interface StayTables {
  stay: StayTable;
  check_in: CheckInTable;
  escalation_step: EscalationStepTable;
  trusted_contact: TrustedContactTable;
  alert: AlertTable;
  alert_contact_attempt: AlertContactAttemptTable;
  case_record: CaseRecordTable;
  outbox_message: OutboxMessageTable;
  check_in_failure: CheckInFailureTable;
}
