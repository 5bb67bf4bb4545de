// Opens the one database Homeward uses: PostgreSQL when DATABASE_URL is set,
// otherwise the embedded PostgreSQL (PGlite) persisted in the data folder.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import type { Database } from './database-schema.js';
import { prepareMarkedStatements } from './prepared-statements.js';

export type DatabaseKind = 'postgresql' | 'pglite';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** Closes every connection; the embedded database flushes to disk. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL; without one the embedded database is used. */
  readonly databaseUrl?: string | undefined;
  /** The embedded database's folder; `undefined` keeps it in memory (tests). */
  readonly dataDir?: string | undefined;
  readonly poolSize?: number;
}

/**
 * The PostgreSQL extensions the embedded database must load: PGlite loads an extension's code only
 * when it is given here, while `create extension` in the migrations installs it. Every PGlite Homeward
 * opens (the data folder, the tests' templates) passes these. pg_trgm gives the registry of reported
 * recruiters its fuzzy company search (docs/decisions/0013-recruiter-registry.md).
 *
 * ```ts
 * const pglite = await PGlite.create({ extensions: pgliteExtensions });
 * ```
 */
export const pgliteExtensions = { pg_trgm } as const;

/** Connects and waits until the database answers, so a wrong URL fails at start-up. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openPglite(options.dataDir);
  try {
    await sql`select 1`.execute(handle.db);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  return handle;
}

function openPostgres(connectionString: string, max: number): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    // A stuck query must not hold a request, or a worker's claim, for ever.
    statement_timeout: 30_000,
    application_name: 'homeward',
  });
  // An idle client that loses its server emits 'error'; the pool replaces it on the next checkout.
  pool.on('error', () => undefined);
  prepareMarkedStatements(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgresql', close: () => db.destroy() };
}

function openPglite(dataDir: string | undefined): DatabaseHandle {
  let pglite: PGlite;
  let releaseLock = () => {};
  if (dataDir === undefined) {
    pglite = new PGlite({ extensions: pgliteExtensions });
  } else {
    const folder = resolve(dataDir);
    mkdirSync(folder, { recursive: true });
    releaseLock = lockDataDir(folder).release;
    pglite = new PGlite(folder, { extensions: pgliteExtensions });
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      releaseLock();
    },
  };
}

/** Whether the database answers a trivial query; used by the readiness probe. */
export async function isDatabaseReachable(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
