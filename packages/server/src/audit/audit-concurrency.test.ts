// Several connections appending while two sealers run on one PostgreSQL database: writers never wait
// for the chain, ids commit out of order, and still every event is sealed exactly once.
import { type Kysely, sql } from 'kysely';
import { describe, expect, onTestFinished, test } from 'vitest';
import { openDatabase } from '../database/database.js';
import type { Database } from '../database/database-schema.js';
import { type TestDatabase, testDatabases } from '../test-support/test-databases.js';
import { recordAudit } from './audit-log.js';
import { sealAuditEvents } from './audit-sealer.js';
import { verifyAuditLog } from './audit-verify.js';

const postgresql = testDatabases().find((database) => database.name === 'postgresql');

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

function event(writer: number, number: number) {
  return {
    actor: { kind: 'staff', id: `staff-${writer}` },
    action: 'citizen.read',
    resource: { type: 'citizen', id: `citizen-${writer}-${number}` },
    outcome: 'success',
  } as const;
}

/** Appends in transactions of one to three events, a few held open a moment, some rolled back. */
async function write(db: Kysely<Database>, writer: number, transactions: number): Promise<void> {
  for (let number = 0; number < transactions; number += 1) {
    const rollBack = number % 7 === 3;
    await db
      .transaction()
      .execute(async (trx) => {
        for (let index = 0; index <= number % 3; index += 1) await recordAudit(trx, event(writer, number));
        if (number % 5 === 0) await pause(number % 11);
        if (rollBack) throw new Error('rolled back on purpose');
      })
      .catch((error: unknown) => {
        if (!rollBack) throw error;
      });
  }
}

describe.skipIf(postgresql === undefined)('audit sealing under concurrency (postgresql)', () => {
  test('four writers and two sealers on separate pools: every committed event sealed exactly once, the log verifies (postgresql)', async () => {
    const handle = await (postgresql as TestDatabase).open();
    if (handle.url === undefined) throw new Error('expected a PostgreSQL test database');
    onTestFinished(() => handle.close());
    const pools = await Promise.all(
      Array.from({ length: 6 }, () => openDatabase({ databaseUrl: handle.url, poolSize: 3 })),
    );
    onTestFinished(async () => {
      await Promise.all(pools.map((pool) => pool.close()));
    });
    const writers = pools.slice(0, 4).map((pool) => pool.db);
    const sealers = pools.slice(4).map((pool) => pool.db);

    // One transaction takes an id first and commits only after later ids have been sealed.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let taken: () => void = () => undefined;
    const idTaken = new Promise<void>((resolve) => {
      taken = resolve;
    });
    const straggler = writers[0]?.transaction().execute(async (trx) => {
      await recordAudit(trx, event(0, -1));
      taken();
      await released;
    });
    await idTaken;

    let writing = true;
    const sealing = sealers.map(async (db, sealer) => {
      let rounds = 0;
      while (writing) {
        // One sealer waits its turn, the other skips when busy, as verify and the server do.
        const outcome = await sealAuditEvents(db, { wait: sealer === 0, batchSize: 50 });
        if (outcome.sealed > 0 && rounds > 2) release();
        rounds += 1;
        await pause(sealer + 1);
      }
    });
    await Promise.all(writers.map((db, writer) => write(db, writer, 120)));
    release();
    await straggler;
    writing = false;
    await Promise.all(sealing);

    const result = await verifyAuditLog(handle.db);
    const counts = await sql<{ events: string; links: string; distinct_events: string; max_position: string }>`
      select (select count(*) from audit_event) as events,
             (select count(*) from audit_link) as links,
             (select count(distinct event_id) from audit_link) as distinct_events,
             (select max(position) from audit_link) as max_position`.execute(handle.db);
    const row = counts.rows[0];
    expect(row).toBeDefined();
    expect(Number(row?.events)).toBeGreaterThan(500);
    expect(row?.links).toBe(row?.events);
    expect(row?.distinct_events).toBe(row?.events);
    expect(row?.max_position).toBe(row?.events);
    expect(result).toEqual({ ok: true, sealed: Number(row?.events), unsealed: 0, head: expect.any(String) });

    // The straggler's event has the lowest id of all but was sealed after higher ones.
    const positions = await sql<{ position: string }>`
      select l.position::text as position from audit_link l where l.event_id = (select min(id) from audit_event)`.execute(
      handle.db,
    );
    expect(Number(positions.rows[0]?.position)).toBeGreaterThan(1);
  });
});
