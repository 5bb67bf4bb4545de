// The citizen login attempts: phone one-time-code challenges (see
// docs/decisions/0011-phone-one-time-code-login.md) and OIDC logins through the national digital ID
// (docs/decisions/0009-citizen-login-oidc.md).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createPhoneLoginChallengeTable(db);
  await createOidcLoginAttemptTable(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('phone_login_challenge').ifExists().execute();
  await db.schema.dropTable('oidc_login_attempt').ifExists().execute();
}

// One row per code sent; the per-phone rate limit counts these rows, so it holds across processes.
async function createPhoneLoginChallengeTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('phone_login_challenge')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('phone_hash', 'bytea', (column) => column.notNull())
    .addColumn('phone_key_id', 'text', (column) => column.notNull())
    // The phone and passport numbers sealed by the field-encryption key until the code is used.
    .addColumn('identity_ciphertext', 'text')
    .addColumn('code_hash', 'bytea', (column) => column.notNull())
    .addColumn('code_key_id', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    .addColumn('consumed_at', 'timestamptz')
    .addCheckConstraint('phone_login_challenge_attempts_check', sql`attempts >= 0 and attempts <= max_attempts`)
    .execute();
  await db.schema
    .createIndex('phone_login_challenge_phone_hash_created_at_index')
    .on('phone_login_challenge')
    .columns(['phone_hash', 'created_at'])
    .execute();
  await db.schema
    .createIndex('phone_login_challenge_created_at_index')
    .on('phone_login_challenge')
    .column('created_at')
    .execute();
}

// One row per redirect to the identity provider; the callback claims it once (consumed_at), so a
// replayed callback finds it used. Rows are short-lived and can be deleted after they expire.
async function createOidcLoginAttemptTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('oidc_login_attempt')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('provider_key', 'text', (column) => column.notNull())
    .addColumn('state_hash', 'bytea', (column) => column.notNull())
    .addColumn('browser_hash', 'bytea', (column) => column.notNull())
    .addColumn('secrets_ciphertext', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    .addColumn('consumed_at', 'timestamptz')
    .addUniqueConstraint('oidc_login_attempt_state_hash_unique', ['state_hash'])
    .execute();
  await db.schema
    .createIndex('oidc_login_attempt_expires_at_index')
    .on('oidc_login_attempt')
    .column('expires_at')
    .execute();
}
