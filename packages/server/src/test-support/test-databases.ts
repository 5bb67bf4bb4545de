// The databases every integration test runs on: embedded PGlite always, and the real PostgreSQL
// named by TEST_DATABASE_URL when it is set. Each test gets a database of its own.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../database/database.js';

export interface TestDatabase {
  readonly name: 'pglite' | 'postgresql';
  /** A fresh, empty database; closing the handle drops it. */
  open(): Promise<TestDatabaseHandle>;
}

export interface TestDatabaseHandle extends DatabaseHandle {
  /** The connection URL of a PostgreSQL test database, for tests that start other processes. */
  readonly url: string | undefined;
}

const pglite: TestDatabase = {
  name: 'pglite',
  open: async () => ({ ...(await openDatabase({})), url: undefined }),
};

function postgresql(adminUrl: string): TestDatabase {
  return {
    name: 'postgresql',
    open: async () => {
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
