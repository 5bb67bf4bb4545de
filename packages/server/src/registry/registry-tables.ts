// The tables of the registry of reported recruiters, as Kysely sees them. No column holds a reporter's
// identity: `reporter_hash` is an HMAC, only ever compared. See docs/decisions/0013-recruiter-registry.md.
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** What a report or an entry names: a phone number, a company, a link or a social-media handle. */
export const registrySubjectKinds = ['phone', 'company', 'url', 'handle'] as const;
export type RegistrySubjectKind = (typeof registrySubjectKinds)[number];

export const registryReportStatuses = ['pending', 'approved', 'rejected'] as const;
export type RegistryReportStatus = (typeof registryReportStatuses)[number];

export const removalRequestStatuses = ['pending', 'removed', 'kept'] as const;
export type RemovalRequestStatus = (typeof removalRequestStatuses)[number];

export const screenshotContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ScreenshotContentType = (typeof screenshotContentTypes)[number];

export type ChallengePurpose = 'report' | 'removal_request';

/** A proof-of-work puzzle; consumed once, keeping what it made so a retry gets the same answer. */
export interface RegistryChallengeTable {
  challenge: string;
  difficulty: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
  purpose: ChallengePurpose | null;
  result_id: string | null;
  was_duplicate: boolean | null;
}

export interface RegistryReportTable {
  id: string;
  status: RegistryReportStatus;
  reporter_hash: Buffer;
  reporter_key_id: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  description_ciphertext: string | null;
  screenshot_count: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_reason: string | null;
}

export interface RegistryReportSubjectTable {
  report_id: string;
  position: number;
  kind: RegistrySubjectKind;
  normalised: string;
  display: string;
}

export interface RegistryScreenshotTable {
  report_id: string;
  position: number;
  content_type: ScreenshotContentType;
  data_ciphertext: string;
}

/** One approved subject, as the public finds it. */
export interface RegistryEntryTable {
  id: string;
  kind: RegistrySubjectKind;
  normalised: string;
  display: string;
  first_reported_at: Timestamp;
  last_reported_at: Timestamp;
  report_count: number;
  reporter_count: number;
  created_at: Timestamp;
  removed_at: Timestamp | null;
}

export interface RegistryEntryReportTable {
  entry_id: string;
  report_id: string;
}

export interface RegistryRemovalRequestTable {
  id: string;
  entry_id: string;
  status: RemovalRequestStatus;
  requester_name_ciphertext: string;
  contact_email_ciphertext: string;
  statement_ciphertext: string;
  requester_hash: Buffer;
  requester_key_id: string;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_reason: string | null;
}

export interface RegistryTables {
  registry_challenge: RegistryChallengeTable;
  registry_report: RegistryReportTable;
  registry_report_subject: RegistryReportSubjectTable;
  registry_screenshot: RegistryScreenshotTable;
  registry_entry: RegistryEntryTable;
  registry_entry_report: RegistryEntryReportTable;
  registry_removal_request: RegistryRemovalRequestTable;
}
