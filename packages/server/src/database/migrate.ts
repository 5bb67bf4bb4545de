// Brings the schema up to date. Kysely's migrator holds a PostgreSQL advisory lock while it runs,
// so several processes starting together apply each migration exactly once.
import type { Kysely } from 'kysely';
import { type MigrationResultSet, Migrator } from 'kysely/migration';
import type { Database } from './database-schema.js';
import { migrations } from './migrations/index.js';

export interface MigrationOutcome {
  /** Names applied by this call; empty when another process (or an earlier start) already did. */
  readonly applied: readonly string[];
}

export class MigrationError extends Error {}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationOutcome> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
  });
  return outcomeOf(await migrator.migrateToLatest());
}

function outcomeOf(result: MigrationResultSet): MigrationOutcome {
  if (result.error !== undefined) {
    const failed = result.results?.find((migration) => migration.status === 'Error');
    throw new MigrationError(`migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: result.error });
  }
  return {
    applied: (result.results ?? []).filter((item) => item.status === 'Success').map((item) => item.migrationName),
  };
}
