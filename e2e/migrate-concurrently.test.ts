// `homeward migrate` and `homeward seed-demo` as separate processes: several deploying replicas
// migrating one PostgreSQL database at once, re-runs that change nothing, and the demo-only guard.
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { openDatabase } from '../packages/server/src/database/database.js';
import { createDatabase, dropDatabase } from '../packages/server/src/test-support/test-databases.js';
import {
  collectOutput,
  exitOf,
  makeTemporaryFolder,
  requireBuiltCli,
  runCli,
  spawnCli,
} from './support/server-process.js';

const adminUrl = process.env.TEST_DATABASE_URL;

beforeAll(() => requireBuiltCli());

/** Starts `homeward migrate` without waiting, collecting its output. */
function startMigrate(env: Record<string, string>) {
  const child = spawnCli(['migrate'], env);
  const output = collectOutput(child);
  return exitOf(child).then((code) => ({ code, stdout: output.stdout(), stderr: output.stderr() }));
}

function appliedNames(stdout: string): string[] {
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('applied '));
  return line === undefined ? [] : line.slice('applied '.length).split(', ');
}

describe.skipIf(adminUrl === undefined)('homeward migrate on PostgreSQL (TEST_DATABASE_URL)', () => {
  test('three processes migrating one database at once apply each migration exactly once', async () => {
    const admin = adminUrl as string;
    const databaseUrl = await createDatabase(admin);
    onTestFinished(() => dropDatabase(admin, databaseUrl));

    // Spawned in the same tick: they start together and race for the migration lock.
    const outcomes = await Promise.all([1, 2, 3].map(() => startMigrate({ DATABASE_URL: databaseUrl })));
    for (const outcome of outcomes) expect(outcome.code, outcome.stderr).toBe(0);
    const appliers = outcomes.filter((outcome) => outcome.stdout.startsWith('applied '));
    expect(appliers, JSON.stringify(outcomes)).toHaveLength(1);
    const others = outcomes.filter((outcome) => !outcome.stdout.startsWith('applied '));
    for (const outcome of others) expect(outcome.stdout).toBe('already up to date\n');

    const applied = appliedNames(appliers[0]?.stdout ?? '');
    expect(applied.length).toBeGreaterThan(0);
    const database = await openDatabase({ databaseUrl, poolSize: 1 });
    try {
      const rows = await database.db
        .withTables<{ schema_migration: { name: string } }>()
        .selectFrom('schema_migration')
        .select('name')
        .orderBy('name')
        .execute();
      expect(rows.map((row) => row.name)).toEqual([...applied].sort());
      const organisations = await database.db.selectFrom('organisation').select('id').execute();
      expect(organisations).toEqual([]);
    } finally {
      await database.close();
    }

    const fourth = await runCli(['migrate'], { DATABASE_URL: databaseUrl });
    expect(fourth).toMatchObject({ code: 0, stdout: 'already up to date\n' });
  });
});

describe('homeward migrate on the embedded database', () => {
  test('migrating a fresh data folder applies the migrations; a second run finds it up to date', async () => {
    const dataFolder = makeTemporaryFolder();
    const first = await runCli(['migrate'], { HOMEWARD_DATA_DIR: dataFolder });
    expect(first.code, first.stderr).toBe(0);
    expect(appliedNames(first.stdout).length).toBeGreaterThan(0);
    expect(appliedNames(first.stdout)).toContain('2026-11-23-0700-organisation');

    const second = await runCli(['migrate'], { HOMEWARD_DATA_DIR: dataFolder });
    expect(second).toMatchObject({ code: 0, stdout: 'already up to date\n' });
  });
});

describe('homeward seed-demo', () => {
  test('refuses with exit code 2 on an installation that is not a demo, and writes nothing', async () => {
    const dataFolder = makeTemporaryFolder();
    for (const demo of [undefined, 'false']) {
      const env: Record<string, string> = { HOMEWARD_DATA_DIR: dataFolder, ...(demo && { HOMEWARD_DEMO: demo }) };
      const outcome = await runCli(['seed-demo'], env);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toMatch(/^homeward: .*HOMEWARD_DEMO=true/);
      expect(outcome.stdout).toBe('');
    }
    expect(readdirSync(dataFolder)).toEqual([]);
  });

  test('adds the demo data on a demo installation, and a second run adds nothing', async () => {
    const env = { HOMEWARD_DEMO: 'true', HOMEWARD_DATA_DIR: makeTemporaryFolder() };
    const rowsAdded = (stdout: string) => Number(/^demo data: (\d+) rows added$/m.exec(stdout)?.[1] ?? Number.NaN);

    const first = await runCli(['seed-demo'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(rowsAdded(first.stdout)).toBeGreaterThan(0);

    const second = await runCli(['seed-demo'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(rowsAdded(second.stdout)).toBe(0);
  });
});
