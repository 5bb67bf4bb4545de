// Organisation units: the ministry, its embassies and consulates, and partner organisations.
// Public directory data (no personal data); later tables hang their access rules off these ids.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisation')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('parent_id', 'uuid', (column) => column.references('organisation.id').onDelete('restrict'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('country_code', 'char(2)', (column) => column.notNull())
    .addColumn('city', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('organisation_kind_check', sql`kind in ('ministry', 'embassy', 'consulate', 'partner')`)
    .addCheckConstraint('organisation_country_code_check', sql`country_code ~ '^[A-Z]{2}$'`)
    .execute();
  await db.schema.createIndex('organisation_parent_id_index').on('organisation').column('parent_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('organisation').execute();
}
