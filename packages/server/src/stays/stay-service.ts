// A citizen's stay abroad: register it, read and change it, pause it ("offline until …"), resume it, end it ("I am
// home"), change its PINs. Pausing, resuming and ending ask for the PIN, so a guard holding an unlocked phone cannot
// silence the schedule; done with the duress PIN they go through exactly as with the PIN and raise an urgent alert.
// See docs/decisions/0016-stays-check-ins-and-the-welfare-queue.md.
import { randomUUID } from 'node:crypto';
import {
  applyEvent,
  assessJobOffer,
  type CheckInSchedule,
  durationMinutes,
  type Effect,
  ladderFor,
  type PinProblem,
  pinPairProblems,
  readPin,
  riskAreaOf,
  type StayEvent,
  scheduleProblems,
  startStay,
} from '@homeward/domain';
import { type Kysely, sql } from 'kysely';
import { type AuditActor, recordAudit } from '../audit/audit-log.js';
import { storePin } from '../check-ins/check-in-pins.js';
import { FieldProblems, stayAlreadyActive, stayNotFound, stayRefused } from '../check-ins/check-in-problems.js';
import {
  type CheckInDependencies,
  matchStayPin,
  type PinAttempt,
  riskContextOf,
} from '../check-ins/check-in-service.js';
import type { Database } from '../database/database-schema.js';
import { addEffectRows, emptyEffectRows } from '../escalation/effect-rows.js';
import { columnsOf, scheduleOf, stateOf } from '../escalation/stay-state.js';
import { writeTransitions } from '../escalation/transition-writer.js';
import type { KeyRing } from '../keys/key-ring.js';
import { readStay } from './stay-reader.js';
import type { CreateStayBody, StayDetails, StayReply, UpdateStayBody } from './stay-schemas.js';

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

type ScheduleInput = CreateStayBody['schedule'];

const minuteOfClock = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clockOfMinute = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The schedule a citizen chose, with its ladder, or the fields at fault. */
export function scheduleFromInput(input: ScheduleInput, isDemo: boolean): CheckInSchedule {
  const intervalMinutes = durationMinutes(input.interval);
  const graceMinutes = durationMinutes(input.grace);
  const errors: { field: string; message: string }[] = [];
  if (intervalMinutes === undefined)
    errors.push({ field: 'body/schedule/interval', message: 'is not a duration in days, hours or minutes' });
  if (graceMinutes === undefined)
    errors.push({ field: 'body/schedule/grace', message: 'is not a duration in days, hours or minutes' });
  if (errors.length > 0) throw new FieldProblems(errors);
  const schedule = ladderFor({
    intervalMinutes: intervalMinutes ?? 0,
    graceMinutes: graceMinutes ?? 0,
    quietHours: input.quietHours && {
      startMinute: minuteOfClock(input.quietHours.start),
      endMinute: minuteOfClock(input.quietHours.end),
    },
    timeZone: input.timeZone,
  });
  const messages: Record<string, [string, string]> = {
    interval_too_short: ['body/schedule/interval', isDemo ? 'must be at least PT2M' : 'must be at least P1D'],
    interval_too_long: ['body/schedule/interval', 'must be at most P30D'],
    grace_out_of_range: ['body/schedule/grace', 'must be at least PT1M and at most the interval'],
    reminder_out_of_range: ['body/schedule/interval', 'leaves no room for a reminder'],
    quiet_hours_invalid: ['body/schedule/quietHours', 'must start and end at different times'],
    time_zone_unknown: ['body/schedule/timeZone', 'is not an IANA time zone such as Asia/Bangkok'],
  };
  const problems = scheduleProblems(schedule, { isDemo });
  if (problems.length > 0) {
    throw new FieldProblems(
      problems.map((problem) => {
        const [field, message] = messages[problem] ?? ['body/schedule', 'is not allowed'];
        return { field, message };
      }),
    );
  }
  return schedule;
}

/** The schedule as the API shows it: ISO 8601 durations and clock times. */
export function scheduleReply(schedule: CheckInSchedule): StayReply['schedule'] {
  return {
    interval: isoMinutes(schedule.intervalMinutes),
    grace: isoMinutes(schedule.graceMinutes),
    ...(schedule.quietHours && {
      quietHours: {
        start: clockOfMinute(schedule.quietHours.startMinute),
        end: clockOfMinute(schedule.quietHours.endMinute),
      },
    }),
    timeZone: schedule.timeZone,
  };
}

function isoMinutes(total: number): string {
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}`;
  const iso = `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
  return iso === 'P' ? 'PT0M' : iso;
}

function pinProblemsOf(pin: string | undefined, duressPin: string | undefined, fields: [string, string]) {
  if (pin === undefined) return [{ field: fields[0], message: 'must be 6 to 12 digits' }];
  if (duressPin === undefined) return [{ field: fields[1], message: 'must be 6 to 12 digits' }];
  const digits = 'must be 6 to 12 digits';
  const easy = 'is too easy to guess: not one digit repeated nor a run like 123456';
  // Typed by the domain's list, so a problem the domain adds cannot go without a message.
  const messages: Record<PinProblem, [string, string]> = {
    pin_not_digits: [fields[0], digits],
    pin_too_short: [fields[0], digits],
    pin_too_long: [fields[0], digits],
    pin_too_easy: [fields[0], easy],
    duress_pin_too_close: [fields[1], 'must differ from the PIN in at least two digits'],
    duress_pin_invalid: [
      fields[1],
      `${digits}, and not too easy to guess: not one digit repeated nor a run like 123456`,
    ],
  };
  return pinPairProblems(pin, duressPin).map((problem) => {
    const [field, message] = messages[problem];
    return { field, message };
  });
}

/** The stored PINs, or the fields at fault. */
export function pinsFromInput(
  keys: KeyRing,
  stayId: string,
  pin: string,
  duressPin: string,
  fields: [string, string] = ['body/pin', 'body/duressPin'],
) {
  const typed = readPin(pin);
  const typedDuress = readPin(duressPin);
  const problems = pinProblemsOf(typed, typedDuress, fields);
  if (problems.length > 0 || typed === undefined || typedDuress === undefined) throw new FieldProblems(problems);
  return { checkIn: storePin(keys, stayId, typed), duress: storePin(keys, stayId, typedDuress) };
}

const foundThroughForAssessment = {
  social_media: 'social_media',
  friend_or_relative: 'friend_or_relative',
  licensed_agency: 'licensed_agency',
  unlicensed_agent: 'unlicensed_agent',
  job_site: 'job_board',
  other: 'other',
} as const;

/** The job offer's risk level, from the same rules as the public job-offer check; nothing stored but the level. */
export function jobOfferLevelOf(details: StayDetails): 'low' | 'elevated' | 'high' | null {
  const offer = details.jobOffer;
  if (!offer && !details.recruiter && !details.visaType) return null;
  return assessJobOffer({
    answers: {
      destinationCountry: details.destination.country.toUpperCase(),
      ...(details.destination.city && { destinationCity: details.destination.city }),
      ...(offer?.title && { jobTitle: offer.title }),
      ...(offer?.salary && {
        salary: { ...offer.salary, currency: offer.salary.currency.toUpperCase(), period: 'month' },
      }),
      ...(offer?.foundThrough && { foundThrough: foundThroughForAssessment[offer.foundThrough] }),
      ...(details.visaType && { visaType: details.visaType === 'other' ? 'unknown' : details.visaType }),
      ...(details.employer?.name && { employerName: details.employer.name }),
      ...(details.recruiter?.phone && { recruiterPhone: details.recruiter.phone }),
      ...(details.recruiter?.links && { recruiterLinks: details.recruiter.links }),
    },
  }).level;
}

/** The embassy or consulate whose jurisdiction covers the country; the ministry when none does. */
export async function embassyFor(db: Kysely<Database>, country: string): Promise<string> {
  const row = await db
    .selectFrom('organisation')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', 'in', ['embassy', 'consulate']), sql<boolean>`jurisdiction @> array[${country}]::text[]`]),
        eb.and([eb('kind', '=', 'ministry'), eb('parent_id', 'is', null)]),
      ]),
    )
    .orderBy(sql`case when kind = 'embassy' then 0 when kind = 'consulate' then 1 else 2 end`)
    .orderBy('name')
    .executeTakeFirst();
  if (!row) throw new Error('no organisation to take a stay: seed the ministry first');
  return row.id;
}

const detailsOf = (body: CreateStayBody | StayDetails): StayDetails => ({
  destination: { ...body.destination, country: body.destination.country.toUpperCase() },
  ...(body.employer && { employer: body.employer }),
  ...(body.recruiter && { recruiter: body.recruiter }),
  ...(body.jobOffer && { jobOffer: body.jobOffer }),
  ...(body.route && { route: body.route }),
  ...(body.visaType && { visaType: body.visaType }),
});

const isPlausibleDate = (date: string) => {
  const year = Number(date.slice(0, 4));
  return year >= 1900 && year <= 2200 && !Number.isNaN(Date.parse(`${date}T00:00:00Z`));
};

/** Dates a stay can have: real calendar days of this era, the return not before the start. */
function checkDates(startsOn: string, expectedReturnOn: string | undefined): void {
  const errors: { field: string; message: string }[] = [];
  if (!isPlausibleDate(startsOn))
    errors.push({ field: 'body/startsOn', message: 'must be a date between 1900 and 2200' });
  if (expectedReturnOn !== undefined && !isPlausibleDate(expectedReturnOn)) {
    errors.push({ field: 'body/expectedReturnOn', message: 'must be a date between 1900 and 2200' });
  } else if (expectedReturnOn !== undefined && expectedReturnOn < startsOn) {
    errors.push({ field: 'body/expectedReturnOn', message: 'must not be before startsOn' });
  }
  if (errors.length > 0) throw new FieldProblems(errors);
}

export const sealDetails = (keys: KeyRing, stayId: string, details: StayDetails) =>
  keys.encryptField(JSON.stringify(details), `stay:${stayId}`);

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

export type PinnedTransition =
  | { readonly type: 'pause'; readonly until: Date }
  | { readonly type: 'resume' }
  | { readonly type: 'end' };

const refusals: Record<string, string> = {
  stay_ended: 'This stay has ended.',
  pause_too_long: 'must be at most 30 days from now',
  pause_in_the_past: 'must be in the future',
  not_paused: 'This stay is not paused.',
};

/**
 * Pause, resume or end, after the PIN. With the duress PIN it happens all the same, and an urgent alert goes to the
 * embassy: whoever forced it sees it done.
 */
export async function transitionStay(
  deps: StayDependencies,
  context: CitizenRequestContext,
  stayId: string,
  pin: string,
  change: PinnedTransition,
): Promise<StayReply> {
  const action = `stay.${change.type}`;
  const attempt: PinAttempt = {
    who: { kind: 'stay', stayId, citizenId: context.citizenId },
    pin,
    sourceAddress: context.sourceAddress,
    actor: context.actor,
    requestId: context.requestId,
    action,
  };
  for (let round = 0; round < 8; round += 1) {
    const { stay, match, now } = await matchStayPin(deps, attempt);
    const schedule = scheduleOf(stay.schedule);
    const event: StayEvent =
      change.type === 'pause'
        ? { type: 'pause', at: now.getTime(), until: change.until.getTime() }
        : { type: change.type, at: now.getTime() };
    const transition = applyEvent(stateOf(stay), schedule, event);
    if ('refused' in transition) {
      const refusal = transition.refused;
      if (refusal === 'pause_too_long' || refusal === 'pause_in_the_past') {
        throw new FieldProblems([{ field: 'body/until', message: refusals[refusal] ?? 'is not allowed' }]);
      }
      throw stayRefused(refusals[refusal] ?? 'Not possible now.');
    }
    const effects: Effect[] = [...transition.effects];
    if (match === 'duress') effects.push({ type: 'urgent_alert', signal: 'duress', at: now.getTime() });
    const rows = emptyEffectRows();
    addEffectRows(
      rows,
      { stayId, embassyId: stay.embassy_id, citizenId: stay.citizen_id, language: stay.language },
      effects,
      riskContextOf(stay),
      { closedPeriod: transition.state.period },
    );
    const written = await writeTransitions(deps.db, {
      stays: [
        {
          id: stayId,
          version: stay.version,
          ...columnsOf(transition.state, schedule),
          ...(change.type === 'end' && { ended_at: now }),
        },
      ],
      rows,
      audit: [{ actor: context.actor, action, resourceType: 'stay', resourceId: stayId, requestId: context.requestId }],
      now,
    });
    if (written.has(stayId)) return readStayAudited(deps, context, stayId, false);
  }
  throw new Error('stay change lost the race too many times');
}

/**
 * New PINs, after the current PIN. Typed with the duress PIN, the change happens all the same (whoever forced it
 * sees it done) and an urgent alert goes to the embassy.
 */
export async function changePins(
  deps: StayDependencies,
  context: CitizenRequestContext,
  stayId: string,
  body: { currentPin: string; pin: string; duressPin: string },
): Promise<void> {
  const { stay, match, now } = await matchStayPin(deps, {
    who: { kind: 'stay', stayId, citizenId: context.citizenId },
    pin: body.currentPin,
    sourceAddress: context.sourceAddress,
    actor: context.actor,
    requestId: context.requestId,
    action: 'stay.change_pins',
  });
  const pins = pinsFromInput(deps.keys, stayId, body.pin, body.duressPin);
  await deps.db.transaction().execute(async (trx) => {
    // Under duress the PINs change all the same (whoever forced it must see it done), and the embassy is told.
    if (match === 'duress') {
      const rows = emptyEffectRows();
      addEffectRows(
        rows,
        { stayId, embassyId: stay.embassy_id, citizenId: stay.citizen_id, language: stay.language },
        [{ type: 'urgent_alert', signal: 'duress', at: now.getTime() }],
        riskContextOf(stay),
        { closedPeriod: stay.period },
      );
      await writeTransitions(trx, {
        stays: [{ id: stayId, version: stay.version, ...columnsOf(stateOf(stay), scheduleOf(stay.schedule)) }],
        rows,
        now,
      });
    }
    await trx
      .updateTable('stay')
      .set({
        pin_key_id: pins.checkIn.keyId,
        pin_digest: pins.checkIn.digest,
        duress_pin_key_id: pins.duress.keyId,
        duress_pin_digest: pins.duress.digest,
        version: sql`version + 1`,
        updated_at: now,
      })
      .where('id', '=', stayId)
      .execute();
    await recordAudit(trx, {
      actor: context.actor,
      action: 'stay.change_pins',
      resource: { type: 'stay', id: stayId },
      outcome: 'success',
      requestId: context.requestId,
    });
  });
}
