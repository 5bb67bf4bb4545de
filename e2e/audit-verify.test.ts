// `homeward audit verify` as an operator runs it: exit 0 with the head on an intact log, exit 1 naming
// the event after a superuser altered it behind the triggers' back, and a recorded head as an anchor.
import pg from 'pg';
import { beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { recordAudit } from '../packages/server/src/audit/audit-log.js';
import { openDatabase } from '../packages/server/src/database/database.js';
import { migrateToLatest } from '../packages/server/src/database/migrate.js';
import { createDatabase, dropDatabase } from '../packages/server/src/test-support/test-databases.js';
import { makeTemporaryFolder, requireBuiltCli, runCli } from './support/server-process.js';

const adminUrl = process.env.TEST_DATABASE_URL;
const intact = /^audit log intact: (\d+) events sealed, 0 waiting to be sealed; head (\d+:[0-9a-f]{64})\n$/;

beforeAll(() => requireBuiltCli());

/** Records five events through the application's own function and returns their ids. */
async function recordFive(options: { databaseUrl?: string; dataDir?: string }): Promise<string[]> {
  const database = await openDatabase(options);
  try {
    await migrateToLatest(database.db);
    for (const number of [1, 2, 3, 4, 5]) {
      await recordAudit(database.db, {
        actor: { kind: 'staff', id: `staff-${number}` },
        action: 'citizen.read',
        resource: { type: 'citizen', id: `citizen-${number}` },
        outcome: 'success',
        purpose: 'welfare check',
      });
    }
    const rows = await database.db.selectFrom('audit_event').select('id').orderBy('id').execute();
    return rows.map((row) => String(row.id));
  } finally {
    await database.close();
  }
}

describe.skipIf(adminUrl === undefined)('homeward audit verify on PostgreSQL (TEST_DATABASE_URL)', () => {
  test('passes on an untouched log, then names the event a superuser altered, with exit code 1', async () => {
    const admin = adminUrl as string;
    const databaseUrl = await createDatabase(admin);
    onTestFinished(() => dropDatabase(admin, databaseUrl));
    const ids = await recordFive({ databaseUrl });

    const first = await runCli(['audit', 'verify'], { DATABASE_URL: databaseUrl });
    expect(first.code, first.stderr).toBe(0);
    const [, sealed, head] = intact.exec(first.stdout) ?? [];
    expect(sealed, first.stdout).toBe('5');
    expect(head).toMatch(/^5:/);

    const again = await runCli(['audit', 'verify', '--anchor', head ?? ''], { DATABASE_URL: databaseUrl });
    expect(again).toMatchObject({ code: 0, stdout: first.stdout });

    // The test database's role is a superuser: it can switch the triggers off, as an attacker with
    // superuser access could. The application's own statements cannot (audit-log.test.ts).
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('set local session_replication_role = replica');
      await client.query(`update audit_event set purpose = 'nothing to see' where id = $1`, [ids[2]]);
      await client.query('commit');
    } finally {
      await client.end();
    }

    const tampered = await runCli(['audit', 'verify'], { DATABASE_URL: databaseUrl });
    expect(tampered.code, tampered.stderr).toBe(1);
    expect(tampered.stdout).toBe(
      `audit log BROKEN at event ${ids[2]} (changed): event ${ids[2]} was changed after it was sealed at position 3\n`,
    );
  });
});

describe('homeward audit verify on the embedded database', () => {
  test('passes on a fresh log and refuses a malformed --anchor with exit code 1 and a message', async () => {
    const dataDir = makeTemporaryFolder();
    await recordFive({ dataDir });
    const verified = await runCli(['audit', 'verify'], { HOMEWARD_DATA_DIR: dataDir });
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(intact);

    const malformed = await runCli(['audit', 'verify', '--anchor', 'head'], { HOMEWARD_DATA_DIR: dataDir });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('expected position:hash');
  });
});
