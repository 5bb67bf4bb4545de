// Citizens, staff members and their sessions; organisations gain law-enforcement units and the
// jurisdiction (countries) of each embassy and consulate. See docs/decisions/0008-sessions-and-access-policy.md.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisation').dropConstraint('organisation_kind_check').execute();
  await db.schema
    .alterTable('organisation')
    .addCheckConstraint(
      'organisation_kind_check',
      sql`kind in ('ministry', 'embassy', 'consulate', 'partner', 'law_enforcement')`,
    )
    .execute();
  await db.schema
    .alterTable('organisation')
    .addColumn('jurisdiction', sql`text[]`, (column) => column.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
  // Country codes only, and only on the units that look after citizens in a country.
  await db.schema
    .alterTable('organisation')
    .addCheckConstraint(
      'organisation_jurisdiction_check',
      sql`array_to_string(jurisdiction, ',') ~ '^([A-Z]{2}(,[A-Z]{2})*)?$'
        and (kind in ('embassy', 'consulate') or cardinality(jurisdiction) = 0)`,
    )
    .execute();

  await db.schema
    .createTable('citizen')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    // A keyed hash (HMAC) of the national identifier, never the identifier itself.
    .addColumn('national_id_hash', 'bytea')
    .addColumn('national_id_key_id', 'text')
    .addColumn('provider_issuer', 'text')
    .addColumn('provider_subject', 'text')
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('assurance', 'text', (column) => column.notNull())
    .addColumn('assurance_source', 'text', (column) => column.notNull())
    .addColumn('phone_hash', 'bytea')
    .addColumn('phone_key_id', 'text')
    .addColumn('passport_hash', 'bytea')
    .addColumn('passport_key_id', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('last_login_at', 'timestamptz')
    .addUniqueConstraint('citizen_provider_issuer_subject_unique', ['provider_issuer', 'provider_subject'])
    .addCheckConstraint('citizen_assurance_check', sql`assurance in ('high', 'substantial', 'low')`)
    .addCheckConstraint('citizen_provider_check', sql`(provider_issuer is null) = (provider_subject is null)`)
    .addCheckConstraint('citizen_national_id_key_check', sql`(national_id_hash is null) = (national_id_key_id is null)`)
    .addCheckConstraint('citizen_phone_key_check', sql`(phone_hash is null) = (phone_key_id is null)`)
    .addCheckConstraint('citizen_passport_key_check', sql`(passport_hash is null) = (passport_key_id is null)`)
    .execute();
  await db.schema.createIndex('citizen_national_id_hash_index').on('citizen').column('national_id_hash').execute();
  await db.schema.createIndex('citizen_phone_hash_index').on('citizen').column('phone_hash').execute();

  await db.schema
    .createTable('staff_member')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('organisation_id', 'uuid', (column) =>
      column.notNull().references('organisation.id').onDelete('restrict'),
    )
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull().defaultTo('invited'))
    .addColumn('is_demo', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('staff_member_email_unique', ['email'])
    .addCheckConstraint('staff_member_email_lower_case_check', sql`email = lower(email)`)
    .addCheckConstraint(
      'staff_member_role_check',
      sql`role in ('consular_officer', 'consular_supervisor', 'partner_caseworker', 'partner_manager',
        'law_enforcement_liaison', 'analyst', 'admin')`,
    )
    .addCheckConstraint('staff_member_status_check', sql`status in ('invited', 'active', 'disabled')`)
    .execute();
  await db.schema
    .createIndex('staff_member_organisation_id_index')
    .on('staff_member')
    .column('organisation_id')
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    // SHA-256 of the cookie's random token: a leaked table does not yield usable cookies.
    .addColumn('token_hash', 'bytea', (column) => column.notNull())
    .addColumn('csrf_token', 'text', (column) => column.notNull())
    .addColumn('citizen_id', 'uuid', (column) => column.references('citizen.id').onDelete('cascade'))
    .addColumn('staff_id', 'uuid', (column) => column.references('staff_member.id').onDelete('cascade'))
    // The assurance of this login (a citizen may log in by phone code one day and by digital ID the next).
    .addColumn('assurance', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('last_seen_at', 'timestamptz', (column) => column.notNull())
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addUniqueConstraint('session_token_hash_unique', ['token_hash'])
    .addCheckConstraint(
      'session_subject_check',
      sql`(citizen_id is not null and staff_id is null and assurance in ('high', 'substantial', 'low'))
        or (staff_id is not null and citizen_id is null and assurance is null)`,
    )
    .execute();
  await db.schema.createIndex('session_citizen_id_index').on('session').column('citizen_id').execute();
  await db.schema.createIndex('session_staff_id_index').on('session').column('staff_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('session').execute();
  await db.schema.dropTable('staff_member').execute();
  await db.schema.dropTable('citizen').execute();
  await db.schema.alterTable('organisation').dropConstraint('organisation_jurisdiction_check').execute();
  await db.schema.alterTable('organisation').dropColumn('jurisdiction').execute();
  await db.schema.alterTable('organisation').dropConstraint('organisation_kind_check').execute();
  await db.schema
    .alterTable('organisation')
    .addCheckConstraint('organisation_kind_check', sql`kind in ('ministry', 'embassy', 'consulate', 'partner')`)
    .execute();
}
