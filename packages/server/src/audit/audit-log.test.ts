// The audit log is append-only for the application: its own connection cannot change or remove a row.
import { type Kysely, sql } from 'kysely';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { Database } from '../database/database-schema.js';
import { type TestDatabase, testDatabases } from '../test-support/test-databases.js';
import { auditActorOf, recordAudit } from './audit-log.js';
import { sealAuditEvents } from './audit-sealer.js';

async function openLog(database: TestDatabase): Promise<Kysely<Database>> {
  const handle = await database.open();
  onTestFinished(() => handle.close());
  return handle.db;
}

const readEntry = {
  actor: { kind: 'staff', id: 'a2b0a8a4-5a55-4d0e-9a59-1c7b1f6d2f10' },
  action: 'citizen.read',
  resource: { type: 'citizen', id: '0d9b5f43-2b0e-4d43-9d3c-3f4b7d0f7a11' },
  outcome: 'success',
  purpose: 'welfare check after a missed check-in',
  requestId: 'req-1',
} as const;

async function snapshot(db: Kysely<Database>) {
  const events = await db.selectFrom('audit_event').selectAll().orderBy('id').execute();
  const links = await db
    .selectFrom('audit_link')
    .select([sql<string>`position::text`.as('position'), sql<string>`event_id::text`.as('eventId'), 'hash'])
    .orderBy('audit_link.position')
    .execute();
  return { events, links: links.map((link) => ({ ...link, hash: Buffer.from(link.hash).toString('hex') })) };
}

for (const database of testDatabases()) {
  describe(`audit log (${database.name})`, () => {
    test(`recordAudit stores every field of the entry, stamped with the database time (${database.name})`, async () => {
      const db = await openLog(database);
      await recordAudit(db, readEntry);
      await recordAudit(db, {
        actor: { kind: 'anonymous' },
        action: 'citizen.login',
        resource: { type: 'citizen' },
        outcome: 'failure',
        reason: 'state_mismatch',
      });
      const rows = await db.selectFrom('audit_event').selectAll().orderBy('id').execute();
      expect(rows.map(({ id: _id, occurred_at: _at, ...rest }) => rest)).toEqual([
        {
          actor_kind: 'staff',
          actor_id: readEntry.actor.id,
          action: 'citizen.read',
          resource_type: 'citizen',
          resource_id: readEntry.resource.id,
          outcome: 'success',
          purpose: readEntry.purpose,
          reason: null,
          request_id: 'req-1',
        },
        {
          actor_kind: 'anonymous',
          actor_id: null,
          action: 'citizen.login',
          resource_type: 'citizen',
          resource_id: null,
          outcome: 'failure',
          purpose: null,
          reason: 'state_mismatch',
          request_id: null,
        },
      ]);
      expect(rows[0]?.occurred_at).toBeInstanceOf(Date);
    });

    test(`a reason that is free text rather than a machine code is refused, and nothing is written (${database.name})`, async () => {
      const db = await openLog(database);
      await expect(
        recordAudit(db, { ...readEntry, outcome: 'denied', reason: 'Wrong PIN typed by Maria' }),
      ).rejects.toThrow(/audit_event_reason_check/);
      expect(await db.selectFrom('audit_event').select('id').execute()).toEqual([]);
    });

    test(`the application's connection can neither UPDATE, DELETE nor TRUNCATE audit events or links (${database.name})`, async () => {
      const db = await openLog(database);
      await recordAudit(db, readEntry);
      await recordAudit(db, { ...readEntry, action: 'citizen.update' });
      await sealAuditEvents(db);
      const before = await snapshot(db);
      expect(before.links).toHaveLength(2);

      const attempts = [
        sql`update audit_event set action = 'citizen.list' where action = 'citizen.read'`,
        sql`update audit_event set purpose = null`,
        sql`delete from audit_event where action = 'citizen.update'`,
        sql`truncate audit_event cascade`,
        sql`update audit_link set hash = sha256('forged'::bytea)`,
        sql`delete from audit_link where position = 2`,
        sql`truncate audit_link`,
        sql`truncate audit_pending`,
      ];
      for (const attempt of attempts) {
        await expect(attempt.execute(db), attempt.compile(db).sql).rejects.toThrow(/append-only/);
      }
      expect(await snapshot(db)).toEqual(before);
    });

    test(`auditActorOf names a citizen or staff member by id, and no actor as anonymous (${database.name})`, () => {
      expect(auditActorOf(undefined)).toEqual({ kind: 'anonymous' });
      expect(auditActorOf({ kind: 'citizen', citizenId: 'c-1', assurance: 'high', sessionId: 's-1' })).toEqual({
        kind: 'citizen',
        id: 'c-1',
      });
      expect(
        auditActorOf({
          kind: 'staff',
          staffId: 'st-1',
          role: 'consular_officer',
          organisationId: 'o-1',
          jurisdiction: ['KH'],
          sessionId: 's-2',
        }),
      ).toEqual({ kind: 'staff', id: 'st-1' });
    });
  });
}
