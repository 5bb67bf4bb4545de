// The registry of reported recruiters: proof-of-work challenges, reports waiting for moderation (with
// their subjects and screenshots), the approved entries the public searches, and requests for removal.
// No table keeps a reporter's identity: only a keyed hash, to count independent reporters.
// See docs/decisions/0013-recruiter-registry.md.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Fuzzy company search (similarity, %). A trusted extension since PostgreSQL 13: the database owner
  // may create it; PGlite loads its code from database.ts.
  await sql`create extension if not exists pg_trgm`.execute(db);
  await createChallengeTable(db);
  await createReportTables(db);
  await createEntryTables(db);
  await createRemovalRequestTable(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'registry_removal_request',
    'registry_entry_report',
    'registry_entry',
    'registry_screenshot',
    'registry_report_subject',
    'registry_report',
    'registry_challenge',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

const subjectKinds = sql`('phone', 'company', 'url', 'handle')`;

// One row per puzzle handed out. Consumed once, by one report or removal request, whose id it keeps so a
// retry with the same challenge gets the same answer instead of a second row.
async function createChallengeTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registry_challenge')
    .addColumn('challenge', 'text', (column) => column.primaryKey())
    .addColumn('difficulty', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    .addColumn('consumed_at', 'timestamptz')
    .addColumn('purpose', 'text')
    .addColumn('result_id', 'uuid')
    .addColumn('was_duplicate', 'boolean')
    .addCheckConstraint('registry_challenge_difficulty_check', sql`difficulty between 0 and 64`)
    .addCheckConstraint('registry_challenge_purpose_check', sql`purpose in ('report', 'removal_request')`)
    .addCheckConstraint(
      'registry_challenge_consumed_check',
      sql`(consumed_at is null) = (purpose is null) and (consumed_at is null) = (result_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex('registry_challenge_expires_at_index')
    .on('registry_challenge')
    .column('expires_at')
    .execute();
}

async function createReportTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registry_report')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('status', 'text', (column) => column.notNull())
    // HMAC of the reporter (citizen id, or the client address), under the key named beside it.
    .addColumn('reporter_hash', 'bytea', (column) => column.notNull())
    .addColumn('reporter_key_id', 'text', (column) => column.notNull())
    .addColumn('country', 'text')
    // Free text may name people: sealed with the field-encryption key.
    .addColumn('description_ciphertext', 'text')
    .addColumn('screenshot_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (column) => column.references('staff_member.id'))
    .addColumn('decision_reason', 'text')
    .addCheckConstraint('registry_report_status_check', sql`status in ('pending', 'approved', 'rejected')`)
    .addCheckConstraint('registry_report_country_check', sql`country ~ '^[A-Z]{2}$'`)
    .addCheckConstraint('registry_report_screenshot_count_check', sql`screenshot_count between 0 and 3`)
    .addCheckConstraint(
      'registry_report_decision_check',
      sql`(status = 'pending') = (decided_at is null) and (decided_at is null) = (decided_by is null)`,
    )
    .execute();
  await db.schema
    .createIndex('registry_report_status_created_at_index')
    .on('registry_report')
    .columns(['status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('registry_report_reporter_created_at_index')
    .on('registry_report')
    .columns(['reporter_hash', 'created_at'])
    .execute();

  await db.schema
    .createTable('registry_report_subject')
    .addColumn('report_id', 'uuid', (column) => column.notNull().references('registry_report.id').onDelete('cascade'))
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('normalised', 'text', (column) => column.notNull())
    .addColumn('display', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('registry_report_subject_primary_key', ['report_id', 'position'])
    .addCheckConstraint('registry_report_subject_kind_check', sql`kind in ${subjectKinds}`)
    .execute();
  await db.schema
    .createIndex('registry_report_subject_kind_normalised_index')
    .on('registry_report_subject')
    .columns(['kind', 'normalised'])
    .execute();

  await db.schema
    .createTable('registry_screenshot')
    .addColumn('report_id', 'uuid', (column) => column.notNull().references('registry_report.id').onDelete('cascade'))
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('content_type', 'text', (column) => column.notNull())
    // The re-encoded image (metadata stripped), base64 inside a field ciphertext.
    .addColumn('data_ciphertext', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('registry_screenshot_primary_key', ['report_id', 'position'])
    .addCheckConstraint(
      'registry_screenshot_content_type_check',
      sql`content_type in ('image/jpeg', 'image/png', 'image/webp')`,
    )
    .execute();
}

async function createEntryTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registry_entry')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('normalised', 'text', (column) => column.notNull())
    .addColumn('display', 'text', (column) => column.notNull())
    .addColumn('first_reported_at', 'timestamptz', (column) => column.notNull())
    .addColumn('last_reported_at', 'timestamptz', (column) => column.notNull())
    .addColumn('report_count', 'integer', (column) => column.notNull())
    .addColumn('reporter_count', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    // Hidden from search after a removal request was granted; kept for the audit trail.
    .addColumn('removed_at', 'timestamptz')
    .addUniqueConstraint('registry_entry_kind_normalised_unique', ['kind', 'normalised'])
    .addCheckConstraint('registry_entry_kind_check', sql`kind in ${subjectKinds}`)
    .addCheckConstraint('registry_entry_counts_check', sql`report_count >= reporter_count and reporter_count >= 0`)
    .execute();
  await sql`create index registry_entry_company_trigram_index on registry_entry
    using gin (normalised gin_trgm_ops) where kind = 'company'`.execute(db);

  // Which approved reports stand behind an entry: the counts are recomputed from these rows.
  await db.schema
    .createTable('registry_entry_report')
    .addColumn('entry_id', 'uuid', (column) => column.notNull().references('registry_entry.id'))
    .addColumn('report_id', 'uuid', (column) => column.notNull().references('registry_report.id'))
    .addPrimaryKeyConstraint('registry_entry_report_primary_key', ['entry_id', 'report_id'])
    .execute();
  await db.schema
    .createIndex('registry_entry_report_report_id_index')
    .on('registry_entry_report')
    .column('report_id')
    .execute();
}

// The right of reply: someone listed asks to be removed. Who asks, how to reach them and what they say
// are sealed with the field-encryption key; moderators read them, nobody else.
async function createRemovalRequestTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registry_removal_request')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('entry_id', 'uuid', (column) => column.notNull().references('registry_entry.id'))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('requester_name_ciphertext', 'text', (column) => column.notNull())
    .addColumn('contact_email_ciphertext', 'text', (column) => column.notNull())
    .addColumn('statement_ciphertext', 'text', (column) => column.notNull())
    .addColumn('requester_hash', 'bytea', (column) => column.notNull())
    .addColumn('requester_key_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (column) => column.references('staff_member.id'))
    .addColumn('decision_reason', 'text')
    .addCheckConstraint('registry_removal_request_status_check', sql`status in ('pending', 'removed', 'kept')`)
    .addCheckConstraint(
      'registry_removal_request_decision_check',
      sql`(status = 'pending') = (decided_at is null) and (decided_at is null) = (decided_by is null)`,
    )
    .execute();
  await db.schema
    .createIndex('registry_removal_request_status_created_at_index')
    .on('registry_removal_request')
    .columns(['status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('registry_removal_request_entry_id_index')
    .on('registry_removal_request')
    .columns(['entry_id', 'status'])
    .execute();
  await db.schema
    .createIndex('registry_removal_request_requester_created_at_index')
    .on('registry_removal_request')
    .columns(['requester_hash', 'created_at'])
    .execute();
}
