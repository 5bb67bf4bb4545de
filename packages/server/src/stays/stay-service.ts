// A citizen's stay abroad: register it, read it, list them, change its details or
// schedule. The changes that ask for the PIN (pause, resume, end, new PINs) are in stay-pinned-changes.ts; turning
// the input into what is stored, in stay-input.ts.
// See docs/decisions/0016-stays-check-ins-and-the-welfare-queue.md.
import { randomUUID } from 'node:crypto';
import { applyEvent, riskAreaOf, startStay } from '@homeward/domain';
import { type AuditActor, recordAudit } from '../audit/audit-log.js';
import { stayAlreadyActive, stayNotFound, stayRefused } from '../check-ins/check-in-problems.js';
import type { CheckInDependencies } from '../check-ins/check-in-service.js';
import { columnsOf, scheduleOf, stateOf } from '../escalation/stay-state.js';
import {
  checkDates,
  detailsOf,
  embassyFor,
  jobOfferLevelOf,
  pinsFromInput,
  scheduleFromInput,
  sealDetails,
} from './stay-input.js';
import { readStay } from './stay-reader.js';
import type { CreateStayBody, StayReply, UpdateStayBody } from './stay-schemas.js';

export interface StayDependencies extends CheckInDependencies {
  readonly isDemo: boolean;
}

export interface CitizenRequestContext {
  readonly citizenId: string;
  readonly actor: AuditActor;
  readonly requestId: string;
  readonly sourceAddress: string;
  readonly language: string;
}

export async function createStay(
  deps: StayDependencies,
  context: CitizenRequestContext,
  body: CreateStayBody,
  idempotencyKey: string | undefined,
): Promise<{ stay: StayReply; isNew: boolean }> {
  if (idempotencyKey) {
    const earlier = await deps.db
      .selectFrom('stay')
      .select('id')
      .where('citizen_id', '=', context.citizenId)
      .where('idempotency_key', '=', idempotencyKey)
      .executeTakeFirst();
    if (earlier) return { stay: await readStayAudited(deps, context, earlier.id), isNew: false };
  }
  const schedule = scheduleFromInput(body.schedule, deps.isDemo);
  checkDates(body.startsOn, body.expectedReturnOn);
  const id = randomUUID();
  const pins = pinsFromInput(deps.keys, id, body.pin, body.duressPin);
  const details = detailsOf(body);
  const now = deps.clock.now();
  // The schedule runs from registration, not from the start date: a stay registered before departure is already
  // watched, which is what someone leaving on a risky offer wants.
  const state = startStay(now.getTime(), schedule);
  const area = riskAreaOf(details.destination.city);
  const embassyId = await embassyFor(deps.db, details.destination.country);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('stay')
        .values({
          id,
          citizen_id: context.citizenId,
          embassy_id: embassyId,
          destination_country: details.destination.country,
          risk_area_id: area?.id ?? null,
          risk_area_kind: area?.kind ?? null,
          job_offer_level: jobOfferLevelOf(details),
          details_ciphertext: sealDetails(deps.keys, id, details),
          language: context.language,
          starts_on: body.startsOn,
          expected_return_on: body.expectedReturnOn ?? null,
          schedule: JSON.stringify(schedule),
          ...columnsOf(state, schedule),
          pin_key_id: pins.checkIn.keyId,
          pin_digest: pins.checkIn.digest,
          duress_pin_key_id: pins.duress.keyId,
          duress_pin_digest: pins.duress.digest,
          idempotency_key: idempotencyKey ?? null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await recordAudit(trx, {
        actor: context.actor,
        action: 'stay.create',
        resource: { type: 'stay', id },
        outcome: 'success',
        requestId: context.requestId,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'stay_one_active_per_citizen_unique')) throw stayAlreadyActive();
    if (isUniqueViolation(error, 'stay_citizen_id_idempotency_key_unique') && idempotencyKey) {
      return createStay(deps, context, body, idempotencyKey);
    }
    throw error;
  }
  return { stay: await readStayAudited(deps, context, id, false), isNew: true };
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const fields = error as { code?: string; constraint?: string; message?: string };
  return fields?.code === '23505' && (fields.constraint === constraint || (fields.message ?? '').includes(constraint));
}

/** The citizen's own stay, audited as a read; 404 for anyone else's. */
export async function readStayAudited(
  deps: StayDependencies,
  context: CitizenRequestContext,
  stayId: string,
  audit = true,
): Promise<StayReply> {
  const stay = await readStay(deps.db, deps.keys, stayId, deps.clock.now());
  if (!stay || stay.citizenId !== context.citizenId) throw stayNotFound();
  if (audit) {
    await recordAudit(deps.db, {
      actor: context.actor,
      action: 'stay.read',
      resource: { type: 'stay', id: stayId },
      outcome: 'success',
      requestId: context.requestId,
    });
  }
  return stay.reply;
}

export async function listStays(deps: StayDependencies, context: CitizenRequestContext): Promise<StayReply[]> {
  const rows = await deps.db
    .selectFrom('stay')
    .select('id')
    .where('citizen_id', '=', context.citizenId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  const stays: StayReply[] = [];
  for (const row of rows) stays.push(await readStayAudited(deps, context, row.id));
  return stays;
}

/** Changes details or the schedule. A new schedule counts from the current period's start (decision 0014). */
export async function updateStay(
  deps: StayDependencies,
  context: CitizenRequestContext,
  stayId: string,
  body: UpdateStayBody,
): Promise<StayReply> {
  const current = await readStay(deps.db, deps.keys, stayId, deps.clock.now());
  if (!current || current.citizenId !== context.citizenId) throw stayNotFound();
  if (current.reply.status === 'ended') throw stayRefused('This stay has ended.');
  const details = detailsOf({
    ...current.details,
    ...body,
    destination: body.destination ?? current.details.destination,
  });
  const newSchedule = body.schedule && scheduleFromInput(body.schedule, deps.isDemo);
  const startsOn = body.startsOn ?? current.reply.startsOn;
  const expectedReturnOn = body.expectedReturnOn ?? current.reply.expectedReturnOn;
  checkDates(startsOn, expectedReturnOn);
  const area = riskAreaOf(details.destination.city);
  const embassyId =
    details.destination.country === current.details.destination.country
      ? undefined
      : await embassyFor(deps.db, details.destination.country);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const row = await deps.db.selectFrom('stay').selectAll().where('id', '=', stayId).executeTakeFirstOrThrow();
    const schedule = scheduleOf(row.schedule);
    let stateColumns = {};
    if (newSchedule) {
      const transition = applyEvent(stateOf(row), schedule, {
        type: 'change_schedule',
        at: deps.clock.now().getTime(),
        schedule: newSchedule,
      });
      if ('refused' in transition) throw stayRefused('This stay has ended.');
      // Effects due before the change (a reminder the sweep had not sent yet) are the sweep's to write; the
      // change only moves the timers.
      stateColumns = columnsOf(transition.state, newSchedule);
    }
    const result = await deps.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('stay')
        .set({
          details_ciphertext: sealDetails(deps.keys, stayId, details),
          destination_country: details.destination.country,
          risk_area_id: area?.id ?? null,
          risk_area_kind: area?.kind ?? null,
          job_offer_level: jobOfferLevelOf(details),
          starts_on: startsOn,
          expected_return_on: expectedReturnOn ?? null,
          ...(embassyId && { embassy_id: embassyId }),
          ...(newSchedule && { schedule: JSON.stringify(newSchedule) }),
          ...stateColumns,
          version: row.version + 1,
          updated_at: deps.clock.now(),
        })
        .where('id', '=', stayId)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return false;
      await recordAudit(trx, {
        actor: context.actor,
        action: 'stay.update',
        resource: { type: 'stay', id: stayId },
        outcome: 'success',
        requestId: context.requestId,
      });
      return true;
    });
    if (result) return readStayAudited(deps, context, stayId, false);
  }
  throw new Error('stay update lost the race too many times');
}
