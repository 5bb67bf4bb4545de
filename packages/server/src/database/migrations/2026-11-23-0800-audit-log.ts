// The audit log: every read and write of personal data, append-only and sealed into a hash chain.
// Writers only INSERT into audit_event; a trigger queues the new ids in audit_pending, and the sealer
// (audit/audit-sealer.ts) links queued events into audit_link in its own order. Triggers refuse UPDATE,
// DELETE and TRUNCATE on the log and the chain. Why it is built this way: docs/decisions/0007-audit-log.md.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'bigint', (column) => column.generatedAlwaysAsIdentity())
    .addColumn('occurred_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('actor_kind', 'text', (column) => column.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('resource_type', 'text', (column) => column.notNull())
    .addColumn('resource_id', 'text')
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('purpose', 'text')
    .addColumn('reason', 'text')
    .addColumn('request_id', 'text')
    .addPrimaryKeyConstraint('audit_event_pkey', ['id'])
    .addCheckConstraint('audit_event_actor_kind_check', sql`actor_kind in ('citizen', 'staff', 'system', 'anonymous')`)
    // An anonymous actor has no id; everyone else has one.
    .addCheckConstraint(
      'audit_event_actor_id_check',
      sql`(actor_kind = 'anonymous') = (actor_id is null) and char_length(actor_id) <= 200`,
    )
    .addCheckConstraint('audit_event_action_check', sql`action ~ '^[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)+$'`)
    .addCheckConstraint(
      'audit_event_resource_check',
      sql`resource_type ~ '^[a-z][a-z0-9_-]{0,99}$' and char_length(resource_id) <= 200`,
    )
    .addCheckConstraint('audit_event_outcome_check', sql`outcome in ('success', 'denied', 'failure')`)
    // A reason is a machine code ('state_mismatch'), never free text that could carry personal data.
    .addCheckConstraint('audit_event_reason_check', sql`reason ~ '^[a-z0-9][a-z0-9_.:-]{0,99}$'`)
    .addCheckConstraint(
      'audit_event_length_check',
      sql`char_length(purpose) <= 1000 and char_length(request_id) <= 200`,
    )
    .execute();

  // Events inserted but not yet sealed. Inserting here never waits on anything shared: the queue has no
  // head to contend for. The sealer deletes what it seals.
  await db.schema
    .createTable('audit_pending')
    .addColumn('event_id', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('audit_pending_pkey', ['event_id'])
    .execute();

  // The chain: one link per event, in sealing order. hash = SHA-256 over the previous link's hash, the
  // position and every column of the event (see audit/audit-chain.ts).
  await db.schema
    .createTable('audit_link')
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('event_id', 'bigint', (column) => column.notNull())
    .addColumn('hash', 'bytea', (column) => column.notNull())
    .addColumn('sealed_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('audit_link_pkey', ['position'])
    .addUniqueConstraint('audit_link_event_id_key', ['event_id'])
    .addForeignKeyConstraint('audit_link_event_id_fkey', ['event_id'], 'audit_event', ['id'], (constraint) =>
      constraint.onDelete('restrict'),
    )
    .addCheckConstraint('audit_link_position_check', sql`position > 0`)
    .addCheckConstraint('audit_link_hash_check', sql`octet_length(hash) = 32`)
    .execute();

  await sql`
    create function audit_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
    end
    $$
  `.execute(db);
  await sql`
    create function audit_event_enqueue() returns trigger language plpgsql as $$
    begin
      insert into audit_pending (event_id) select id from new_events;
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create trigger audit_event_enqueue after insert on audit_event
    referencing new table as new_events for each statement execute function audit_event_enqueue()
  `.execute(db);
  for (const table of ['audit_event', 'audit_link']) {
    await sql`
      create trigger ${sql.id(`${table}_no_change`)} before update or delete on ${sql.table(table)}
      for each row execute function audit_refuse_change()
    `.execute(db);
    await sql`
      create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function audit_refuse_change()
    `.execute(db);
  }
  // The sealer deletes from the queue; nothing changes or empties it wholesale.
  await sql`
    create trigger audit_pending_no_change before update on audit_pending
    for each row execute function audit_refuse_change()
  `.execute(db);
  await sql`
    create trigger audit_pending_no_truncate before truncate on audit_pending
    for each statement execute function audit_refuse_change()
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_link').execute();
  await db.schema.dropTable('audit_pending').execute();
  await db.schema.dropTable('audit_event').execute();
  await sql`drop function audit_event_enqueue()`.execute(db);
  await sql`drop function audit_refuse_change()`.execute(db);
}
