import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { testDatabases } from '../test-support/test-databases.js';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

const names = Object.keys(migrations);

for (const database of testDatabases()) {
  test(`migrations apply once and a second run applies nothing (${database.name})`, async () => {
    const handle = await database.openEmpty();
    try {
      expect(await migrateToLatest(handle.db)).toEqual({ applied: names });
      expect(await migrateToLatest(handle.db)).toEqual({ applied: [] });
      const recorded = await sql<{ name: string }>`select name from schema_migration order by name`.execute(handle.db);
      expect(recorded.rows.map((row) => row.name)).toEqual(names);
    } finally {
      await handle.close();
    }
  });
}

const postgresql = testDatabases().find((database) => database.name === 'postgresql');

test.skipIf(!postgresql)('migrations started together from separate pools run exactly once (postgresql)', async () => {
  if (!postgresql) return;
  const handle = await postgresql.openEmpty();
  const others = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: handle.url, poolSize: 2 })));
  try {
    const outcomes = await Promise.all(others.map((other) => migrateToLatest(other.db)));
    expect(outcomes.flatMap((outcome) => outcome.applied).sort()).toEqual([...names].sort());
    const recorded = await sql<{ count: string }>`select count(*) from schema_migration`.execute(handle.db);
    expect(Number(recorded.rows[0]?.count)).toBe(names.length);
  } finally {
    await Promise.all(others.map((other) => other.close()));
    await handle.close();
  }
});

test('every migration is named YYYY-MM-DD-HHMM-what and listed in order', () => {
  for (const name of names) expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-\d{4}-[a-z0-9-]+$/);
  expect([...names].sort()).toEqual(names);
});
