// Staff login: single-use registration links (invitations and admin-controlled recovery), passkeys,
// and the WebAuthn challenges in flight. See docs/decisions/0010-staff-login.md.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_registration_link')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('staff_id', 'uuid', (column) => column.notNull().references('staff_member.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (column) => column.notNull())
    .addColumn('token_hash', 'bytea', (column) => column.notNull())
    .addColumn('created_by_staff_id', 'uuid', (column) => column.references('staff_member.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addUniqueConstraint('staff_registration_link_token_hash_unique', ['token_hash'])
    .addCheckConstraint('staff_registration_link_purpose_check', sql`purpose in ('invitation', 'recovery')`)
    .execute();
  await db.schema
    .createIndex('staff_registration_link_staff_id_index')
    .on('staff_registration_link')
    .column('staff_id')
    .execute();

  await db.schema
    .createTable('staff_passkey')
    .addColumn('credential_id', 'text', (column) => column.primaryKey())
    .addColumn('staff_id', 'uuid', (column) => column.notNull().references('staff_member.id').onDelete('cascade'))
    .addColumn('public_key', 'bytea', (column) => column.notNull())
    .addColumn('counter', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('transports', sql`text[]`, (column) => column.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('device_type', 'text', (column) => column.notNull())
    .addColumn('is_backed_up', 'boolean', (column) => column.notNull())
    .addColumn('aaguid', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addCheckConstraint('staff_passkey_counter_check', sql`counter >= 0`)
    .execute();
  await db.schema.createIndex('staff_passkey_staff_id_index').on('staff_passkey').column('staff_id').execute();

  await db.schema
    .createTable('webauthn_challenge')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('purpose', 'text', (column) => column.notNull())
    .addColumn('challenge', 'text', (column) => column.notNull())
    .addColumn('registration_link_id', 'uuid', (column) =>
      column.references('staff_registration_link.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    .addCheckConstraint('webauthn_challenge_purpose_check', sql`purpose in ('registration', 'authentication')`)
    .addCheckConstraint(
      'webauthn_challenge_registration_link_check',
      sql`(purpose = 'registration') = (registration_link_id is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('webauthn_challenge_expires_at_index')
    .on('webauthn_challenge')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webauthn_challenge').execute();
  await db.schema.dropTable('staff_passkey').execute();
  await db.schema.dropTable('staff_registration_link').execute();
}
