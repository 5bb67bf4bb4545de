// Sealing and verification: an untouched log verifies; each kind of tampering done behind the
// triggers' back (as a superuser) is reported at exactly the event it touched.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { describe, expect, onTestFinished, test } from 'vitest';
import { openDatabase } from '../database/database.js';
import type { Database } from '../database/database-schema.js';
import { type TestDatabase, testDatabases } from '../test-support/test-databases.js';
import { type AuditEntry, recordAudit } from './audit-log.js';
import { sealAuditEvents, startAuditSealer } from './audit-sealer.js';
import { verifyAuditLog } from './audit-verify.js';

async function openLog(database: TestDatabase) {
  const handle = await database.open();
  onTestFinished(() => handle.close());
  return handle;
}

function entry(number: number): AuditEntry {
  return {
    actor: { kind: 'staff', id: `staff-${number % 3}` },
    action: number % 2 === 0 ? 'citizen.read' : 'stay.update',
    resource: { type: number % 2 === 0 ? 'citizen' : 'stay', id: `record-${number}` },
    outcome: 'success',
    requestId: `req-${number}`,
  };
}

/** Records `count` events and returns their ids in order. */
async function recordEvents(db: Kysely<Database>, count: number): Promise<string[]> {
  for (let number = 1; number <= count; number += 1) await recordAudit(db, entry(number));
  const rows = await db
    .selectFrom('audit_event')
    .select(sql<string>`id::text`.as('id'))
    .orderBy('audit_event.id')
    .execute();
  return rows.map((row) => row.id);
}

/** Runs a statement with triggers (and foreign keys) off, as a superuser tampering with the tables could. */
async function asSuperuser(db: Kysely<Database>, ...statements: RawBuilder<unknown>[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const statement of statements) await statement.execute(trx);
  });
}

for (const database of testDatabases()) {
  describe(`audit verify (${database.name})`, () => {
    test(`an untouched log verifies: every event sealed once, the head reported (${database.name})`, async () => {
      const { db } = await openLog(database);
      expect(await verifyAuditLog(db)).toEqual({ ok: true, sealed: 0, unsealed: 0, head: null });
      // Past ten links, so a head read in text order ('9' after '10') would fork the chain.
      await recordEvents(db, 11);
      await sealAuditEvents(db, { batchSize: 3 });
      await recordAudit(db, entry(12));
      const ids = await recordEvents(db, 0);
      const result = await verifyAuditLog(db, { batchSize: 5 });
      expect(result).toEqual({ ok: true, sealed: 12, unsealed: 0, head: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const links = await db.selectFrom('audit_link').select(sql<string>`event_id::text`.as('id')).execute();
      expect(links.map((link) => link.id).sort()).toEqual([...ids].sort());
      expect(await sealAuditEvents(db)).toMatchObject({ sealed: 0 });
      expect(await verifyAuditLog(db)).toEqual(result);
    });

    test(`without sealing first, verify counts the events still waiting (${database.name})`, async () => {
      const { db } = await openLog(database);
      await recordEvents(db, 2);
      await sealAuditEvents(db);
      await recordAudit(db, entry(3));
      expect(await verifyAuditLog(db, { seal: false })).toMatchObject({ ok: true, sealed: 2, unsealed: 1 });
    });

    test(`an event altered after sealing is named, even when only a microsecond of its time changed (${database.name})`, async () => {
      const { db } = await openLog(database);
      const ids = await recordEvents(db, 6);
      await sealAuditEvents(db);
      await asSuperuser(db, sql`update audit_event set resource_id = 'record-999' where id = ${ids[3]}`);
      expect(await verifyAuditLog(db)).toMatchObject({
        ok: false,
        firstBrokenEventId: ids[3],
        problem: 'changed',
        reason: expect.stringContaining(`event ${ids[3]} was changed`),
      });

      const { db: other } = await openLog(database);
      const otherIds = await recordEvents(other, 4);
      await sealAuditEvents(other);
      await asSuperuser(
        other,
        sql`update audit_event set occurred_at = occurred_at + interval '1 microsecond' where id = ${otherIds[1]}`,
      );
      expect(await verifyAuditLog(other)).toMatchObject({
        ok: false,
        firstBrokenEventId: otherIds[1],
        problem: 'changed',
      });
    });

    test(`a deleted event is reported missing (${database.name})`, async () => {
      const { db } = await openLog(database);
      const ids = await recordEvents(db, 5);
      await sealAuditEvents(db);
      await asSuperuser(db, sql`delete from audit_event where id = ${ids[2]}`);
      expect(await verifyAuditLog(db)).toMatchObject({ ok: false, firstBrokenEventId: ids[2], problem: 'missing' });
    });

    test(`a deleted link, an altered link and swapped links are each named (${database.name})`, async () => {
      const { db } = await openLog(database);
      const ids = await recordEvents(db, 6);
      await sealAuditEvents(db);
      await asSuperuser(db, sql`delete from audit_link where event_id = ${ids[4]}`);
      expect(await verifyAuditLog(db)).toMatchObject({
        ok: false,
        firstBrokenEventId: ids[4],
        problem: 'broken_link',
      });

      const { db: altered } = await openLog(database);
      const alteredIds = await recordEvents(altered, 6);
      await sealAuditEvents(altered);
      await asSuperuser(
        altered,
        sql`update audit_link set hash = sha256('forged'::bytea) where event_id = ${alteredIds[1]}`,
      );
      expect(await verifyAuditLog(altered)).toMatchObject({
        ok: false,
        firstBrokenEventId: alteredIds[1],
        problem: 'broken_link',
        reason: expect.stringContaining('was altered'),
      });

      const { db: swapped } = await openLog(database);
      const swappedIds = await recordEvents(swapped, 6);
      await sealAuditEvents(swapped);
      // Positions 3 and 4 trade events: the unique constraint needs a placeholder on the way.
      await asSuperuser(
        swapped,
        sql`update audit_link set event_id = -1 where position = 3`,
        sql`update audit_link set event_id = ${swappedIds[2]} where position = 4`,
        sql`update audit_link set event_id = ${swappedIds[3]} where position = 3`,
      );
      expect(await verifyAuditLog(swapped)).toMatchObject({
        ok: false,
        firstBrokenEventId: swappedIds[3],
        problem: 'reordered',
      });
    });

    test(`an event slipped in behind the triggers' back is never sealed, and verify names it (${database.name})`, async () => {
      const { db } = await openLog(database);
      await recordEvents(db, 3);
      await asSuperuser(
        db,
        sql`insert into audit_event (actor_kind, action, resource_type, outcome) values ('anonymous', 'citizen.read', 'citizen', 'success')`,
      );
      const slipped = await db
        .selectFrom('audit_event')
        .select(sql<string>`max(id)::text`.as('id'))
        .executeTakeFirstOrThrow();
      expect(await verifyAuditLog(db)).toMatchObject({
        ok: false,
        firstBrokenEventId: slipped.id,
        problem: 'unsealed',
      });
    });

    test(`a chain rewritten from scratch verifies on its own, but not against an anchor recorded before (${database.name})`, async () => {
      const { db } = await openLog(database);
      const ids = await recordEvents(db, 5);
      const before = await verifyAuditLog(db);
      if (!before.ok || before.head === null) throw new Error('expected an intact log');
      const anchor = { position: BigInt(before.sealed), hash: before.head };
      expect(await verifyAuditLog(db, { anchors: [anchor] })).toEqual(before);

      // A superuser changes an event, drops the whole chain and has it sealed again.
      await asSuperuser(db, sql`update audit_event set resource_id = 'record-999' where id = ${ids[0]}`);
      await asSuperuser(db, sql`delete from audit_link`);
      await asSuperuser(db, sql`insert into audit_pending (event_id) select id from audit_event`);
      expect(await verifyAuditLog(db)).toMatchObject({ ok: true, sealed: 5 });
      expect(await verifyAuditLog(db, { anchors: [anchor] })).toMatchObject({
        ok: false,
        firstBrokenEventId: ids[4],
        problem: 'anchor_mismatch',
      });
    });

    test(`an event committed late with a lower id is sealed after the higher ones, and the log verifies (${database.name})`, async () => {
      const handle = await openLog(database);
      const { db } = handle;
      let lateId: string;
      if (handle.url === undefined) {
        // PGlite has one connection: ids 1000 and 1001 are sealed first, then id 999 commits, as if its
        // transaction had taken the id before them and committed late.
        await sql`alter table audit_event alter column id restart with 1000`.execute(db);
        await recordEvents(db, 2);
        expect(await sealAuditEvents(db)).toMatchObject({ sealed: 2 });
        await sql`insert into audit_event (id, actor_kind, actor_id, action, resource_type, outcome)
                  overriding system value values (999, 'system', 'worker', 'citizen.read', 'citizen', 'success')`.execute(
          db,
        );
        lateId = '999';
      } else {
        // A second connection takes an id and holds its transaction open while later ids commit and get sealed.
        const late = await openDatabase({ databaseUrl: handle.url, poolSize: 1 });
        onTestFinished(() => late.close());
        let commit: () => void = () => undefined;
        const committed = new Promise<void>((resolve) => {
          commit = resolve;
        });
        let inserted: () => void = () => undefined;
        const hasInserted = new Promise<void>((resolve) => {
          inserted = resolve;
        });
        const lateTransaction = late.db.transaction().execute(async (trx) => {
          await recordAudit(trx, entry(1));
          inserted();
          await committed;
        });
        await hasInserted;
        await recordEvents(db, 2);
        expect(await sealAuditEvents(db)).toMatchObject({ sealed: 2 });
        commit();
        await lateTransaction;
        const lowest = await db
          .selectFrom('audit_event')
          .select(sql<string>`min(id)::text`.as('id'))
          .executeTakeFirstOrThrow();
        lateId = lowest.id;
      }
      expect(await verifyAuditLog(db)).toMatchObject({ ok: true, sealed: 3, unsealed: 0 });
      const lastLink = await db
        .selectFrom('audit_link')
        .select(sql<string>`event_id::text`.as('eventId'))
        .orderBy('position', 'desc')
        .executeTakeFirstOrThrow();
      expect(lastLink.eventId).toBe(lateId);
      await asSuperuser(db, sql`update audit_event set outcome = 'denied' where id = ${lateId}`);
      expect(await verifyAuditLog(db)).toMatchObject({ ok: false, firstBrokenEventId: lateId, problem: 'changed' });
    });

    test(`the background sealer seals new events, logs the head, and seals the rest when stopped (${database.name})`, async () => {
      const { db } = await openLog(database);
      const lines: { object: object; message: string }[] = [];
      const log = {
        info: (object: object, message: string) => lines.push({ object, message }),
        error: (object: object, message: string) => lines.push({ object, message }),
      };
      const stop = startAuditSealer(db, { intervalMs: 20, log });
      await recordEvents(db, 2);
      await expect.poll(() => lines.length, { timeout: 10_000 }).toBeGreaterThan(0);
      await recordAudit(db, entry(3));
      await stop();
      expect(await verifyAuditLog(db, { seal: false })).toMatchObject({ ok: true, sealed: 3, unsealed: 0 });
      expect(lines.every((line) => line.message === 'audit events sealed')).toBe(true);
      expect(lines.at(-1)?.object).toEqual({
        sealed: expect.any(Number),
        auditHead: { position: '3', hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });
    });
  });
}
