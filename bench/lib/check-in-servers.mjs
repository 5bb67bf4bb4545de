// The servers the check-in bench compares with Homeward's app route, all bare Fastify apps (no plugins, no schemas,
// no logger) answering the same path with the same JSON:
// - the floor: the least durable work a check-in is, ONE statement that updates the stay and inserts the check-in
//   (a data-modifying CTE), one round trip;
// - two steps towards Homeward, to show where the time goes: Homeward's own check-in service (`recordCheckIn`: its
//   read, the PIN compared with both stored PINs, its write) called straight from the route, first without a session
//   (the stay's citizen known in advance), then behind Homeward's session lookup (`findActiveSession`).
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { defaultCheckInLimits } from '../../packages/server/dist/check-ins/check-in-limits.js';
import { recordCheckIn } from '../../packages/server/dist/check-ins/check-in-service.js';
import { findActiveSession, sessionCookieName } from '../../packages/server/dist/index.js';

export const checkInRoute = '/api/v1/stays/:stayId/check-ins';

/**
 * @typedef {{ stayId: string }} CheckInParams
 * @typedef {{ pin: string, signal: 'ok' | 'need_help' | 'sos' }} CheckInBody
 */

/** The check-in's reply, as Homeward's route sends it. */
const receiptOf = (/** @type {{ id: string, receivedAt: Date, nextCheckInDueAt: Date }} */ receipt) => ({
  id: receipt.id,
  receivedAt: receipt.receivedAt.toISOString(),
  nextCheckInDueAt: receipt.nextCheckInDueAt.toISOString(),
});

/**
 * The floor: one statement, one round trip. The stay moves on to its next period (due one interval from now, the
 * sweep to look at it a reminder's lead before that) and the check-in is inserted, in the same tables Homeward writes.
 * No PIN check, no session, no audit entry, no version check: the least any durable check-in must do.
 * @param {import('kysely').Kysely<any>} db
 */
export async function startFloor(db) {
  const app = Fastify({ logger: false });
  app.post(checkInRoute, async (request, reply) => {
    const { stayId } = /** @type {CheckInParams} */ (request.params);
    const { signal } = /** @type {CheckInBody} */ (request.body);
    const idempotencyKey = request.headers['idempotency-key'] ?? null;
    const id = randomUUID();
    const now = new Date();
    const { rows } = await sql`
      with updated as (
        update stay set
          phase = 'on_schedule', period = period + 1,
          due_at = ${now}::timestamptz + make_interval(mins => (schedule ->> 'intervalMinutes')::integer),
          reminders_sent = 0, overdue_since = null, is_escalated = false,
          next_action_at = ${now}::timestamptz + make_interval(mins => (schedule ->> 'intervalMinutes')::integer
            - (schedule ->> 'reminderBeforeMinutes')::integer),
          last_check_in_at = ${now}, version = version + 1, updated_at = ${now}
        where id = ${stayId} and phase <> 'ended'
        returning id, due_at
      )
      insert into check_in (id, stay_id, received_at, signal, channel, idempotency_key, next_due_at)
      select ${id}, updated.id, ${now}, ${signal}, 'app', ${idempotencyKey}, updated.due_at from updated
      returning next_due_at`.execute(db);
    const written = /** @type {{ next_due_at: Date }[]} */ (rows)[0];
    if (!written) return reply.code(404).send({ status: 404 });
    return reply.code(201).send(receiptOf({ id, receivedAt: now, nextCheckInDueAt: new Date(written.next_due_at) }));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

/**
 * Homeward's check-in service, called from a bare route.
 * @param {import('kysely').Kysely<any>} db
 * @param {import('../../packages/server/dist/index.js').KeyRing} keys the key ring the stays' PINs were stored with
 * @param {{ session: true, config: import('../../packages/server/dist/index.js').AppConfig } | { session: false, citizenOf: ReadonlyMap<string, string> }} who
 *   with `session`, the citizen comes from Homeward's session lookup of the cookie (and the CSRF token is compared as
 *   the app does); without, from a map of stay id to citizen id made at set-up
 */
export async function startBareService(db, keys, who) {
  const app = Fastify({ logger: false });
  const deps = { db, keys, clock: { now: () => new Date() }, limits: defaultCheckInLimits };
  const cookiePrefix = who.session ? `${sessionCookieName(who.config)}=` : '';
  app.post(checkInRoute, async (request, reply) => {
    const { stayId } = /** @type {CheckInParams} */ (request.params);
    const body = /** @type {CheckInBody} */ (request.body);
    let citizenId;
    if (who.session) {
      const token = request.headers.cookie
        ?.split('; ')
        .find((pair) => pair.startsWith(cookiePrefix))
        ?.slice(cookiePrefix.length);
      const session = token ? await findActiveSession(db, who.config, token, new Date()) : undefined;
      if (session?.actor.kind !== 'citizen' || request.headers['x-csrf-token'] !== session.csrfToken) {
        return reply.code(401).send({ status: 401 });
      }
      citizenId = session.actor.citizenId;
    } else {
      citizenId = who.citizenOf.get(stayId);
      if (citizenId === undefined) return reply.code(404).send({ status: 404 });
    }
    const idempotencyKey = request.headers['idempotency-key'];
    const receipt = await recordCheckIn(deps, {
      who: { kind: 'stay', stayId, citizenId },
      pin: body.pin,
      signal: body.signal,
      idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : undefined,
      channel: 'app',
      sourceAddress: request.ip,
      actor: { kind: 'citizen', id: citizenId },
      requestId: request.id,
    });
    return reply.code(201).send(receiptOf(receipt));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}
