// Staff override of a stay's embassy of jurisdiction: the destination decides by default (`embassyFor`), but a
// supervisor may hand a stay to another embassy or consulate (a consulate nearer the border, a citizen who moved on).
// The stay's open alerts move with it, so they land in the new embassy's queue.
import type { Clock } from '@homeward/domain';
import type { Kysely } from 'kysely';
import { type AuditActor, recordAudit } from '../audit/audit-log.js';
import { stayNotFound } from '../check-ins/check-in-problems.js';
import type { Database } from '../database/database-schema.js';
import { Problem } from '../http/problem.js';

export const notAnEmbassy = () =>
  new Problem(400, 'unknown-organisation', 'Unknown organisation', 'embassyId names no embassy or consulate.');

/** The facts the policy needs about the stay; 404 when there is none. */
export async function stayAccessFacts(db: Kysely<Database>, stayId: string) {
  const row = await db
    .selectFrom('stay')
    .select(['id', 'embassy_id', 'destination_country', 'citizen_id'])
    .where('id', '=', stayId)
    .executeTakeFirst();
  if (!row) throw stayNotFound();
  return { type: 'stay', id: row.id, embassyId: row.embassy_id, countryCode: row.destination_country };
}

export async function reassignStay(
  deps: { db: Kysely<Database>; clock: Clock },
  context: { actor: AuditActor; requestId: string },
  stayId: string,
  embassyId: string,
): Promise<{ embassy: { id: string; name: string } }> {
  const embassy = await deps.db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', '=', embassyId)
    .where('kind', 'in', ['embassy', 'consulate'])
    .executeTakeFirst();
  if (!embassy) throw notAnEmbassy();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('stay')
      .set((eb) => ({ embassy_id: embassyId, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', stayId)
      .execute();
    await trx
      .updateTable('alert')
      .set({ embassy_id: embassyId, updated_at: now })
      .where('stay_id', '=', stayId)
      .where('status', 'in', ['open', 'contacting'])
      .execute();
    await recordAudit(trx, {
      actor: context.actor,
      action: 'stay.reassign',
      resource: { type: 'stay', id: stayId },
      outcome: 'success',
      requestId: context.requestId,
    });
  });
  return { embassy };
}
