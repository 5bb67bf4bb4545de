// The databases every integration test runs on: embedded PGlite always, and the real PostgreSQL
// named by TEST_DATABASE_URL when it is set. Each test gets a database of its own.
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openDatabase, pgliteExtensions } from '../database/database.js';
import type { Database } from '../database/database-schema.js';
import { migrateToLatest } from '../database/migrate.js';

export interface TestDatabase {
  readonly name: 'pglite' | 'postgresql';
  /** A fresh database with every migration applied; closing the handle drops it. */
  open(): Promise<TestDatabaseHandle>;
  /** A fresh database with no schema at all, for testing the migrations themselves. */
  openEmpty(): Promise<TestDatabaseHandle>;
}

export interface TestDatabaseHandle extends DatabaseHandle {
  /** The connection URL of a PostgreSQL test database, for tests that start other processes. */
  readonly url: string | undefined;
}

/**
 * A new PGlite takes seconds to initialise; loading a copy of a migrated one takes about a quarter of
 * that. Each test worker migrates one template and gives every test its own copy.
 */
let pgliteTemplate: Promise<Blob> | undefined;

function migratedPgliteTemplate(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const instance = await PGlite.create({ extensions: pgliteExtensions });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: instance }) });
    await migrateToLatest(db);
    const template = await instance.dumpDataDir('none');
    await db.destroy(); // Kysely's PGlite driver closes the instance too.
    return template;
  })();
  return pgliteTemplate;
}

/** Wraps a PGlite instance as a test database handle. */
function pgliteHandle(instance: PGlite): TestDatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: instance }) });
  return {
    db,
    kind: 'pglite',
    url: undefined,
    close: async () => {
      await db.destroy();
      if (!instance.closed) await instance.close();
    },
  };
}

export const pglite: TestDatabase = {
  name: 'pglite',
  open: async () =>
    pgliteHandle(await PGlite.create({ loadDataDir: await migratedPgliteTemplate(), extensions: pgliteExtensions })),
  openEmpty: async () => pgliteHandle(await PGlite.create({ extensions: pgliteExtensions })),
};

function postgresql(adminUrl: string): TestDatabase {
  return {
    name: 'postgresql',
    open: async () => {
      const handle = await postgresql(adminUrl).openEmpty();
      await migrateToLatest(handle.db);
      return handle;
    },
    openEmpty: async () => {
      const url = await createDatabase(adminUrl);
      const handle = await openDatabase({ databaseUrl: url, poolSize: 5 });
      return {
        ...handle,
        url,
        close: async () => {
          await handle.close();
          await dropDatabase(adminUrl, url);
        },
      };
    },
  };
}

export function testDatabases(): readonly TestDatabase[] {
  const adminUrl = process.env.TEST_DATABASE_URL;
  return adminUrl ? [pglite, postgresql(adminUrl)] : [pglite];
}

/** Creates an empty database beside the one TEST_DATABASE_URL names and returns its URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
  const name = `homeward_test_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^homeward_test_[0-9a-f]{32}$/.test(name))
    throw new Error('refusing to drop a database the tests did not create');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}
