// Recording a check-in: from the app (the logged-in citizen's stay) or from any browser (national ID number + PIN,
// for a confiscated phone); SMS and WhatsApp replies will come through here too. One read, the PIN compared with
// both stored PINs, the engine's transition, one write; the answer leaves only after the write has committed.
// A duress PIN records `duress` and raises a silent urgent alert, and in every other way (status, body, the
// statements run, the stay's state afterwards) goes exactly as an ok check-in does.
// See docs/decisions/0016-stays-check-ins-and-the-welfare-queue.md.
import { randomUUID } from 'node:crypto';
import { applyEvent, type CheckInSignal, type Clock, readPin } from '@homeward/domain';
import type { Kysely } from 'kysely';
import { nationalIdHashPurpose } from '../accounts/account-repository.js';
import type { AuditActor } from '../audit/audit-log.js';
import { recordAudit } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import { addEffectRows, emptyEffectRows, type StayRiskContext, stayIdentityOf } from '../escalation/effect-rows.js';
import { columnsOf, scheduleOf, stateOf } from '../escalation/stay-state.js';
import { writeTransitions } from '../escalation/transition-writer.js';
import type { KeyRing } from '../keys/key-ring.js';
import type { CheckInChannel } from '../stays/stay-tables.js';
import { type CheckInLimits, type FailureKey, lockedForSeconds, recordFailure } from './check-in-limits.js';
import { matchPin } from './check-in-pins.js';
import { checkInNotRecognised, stayEnded, tooManyCheckInAttempts } from './check-in-problems.js';
import {
  type CheckInStayRow,
  type ExistingCheckIn,
  readForCheckIn,
  type StayLocator,
  stayFailureKey,
} from './check-in-repository.js';

export interface CheckInDependencies {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly clock: Clock;
  readonly limits: CheckInLimits;
}

export type RequestedSignal = Exclude<CheckInSignal, 'duress'>;

export interface CheckInRequest {
  /** The logged-in citizen's stay, or a national ID number typed on the any-browser page. */
  readonly who:
    | { readonly kind: 'stay'; readonly stayId: string; readonly citizenId: string }
    | { readonly kind: 'identifier'; readonly nationalId: string };
  readonly pin: string;
  readonly signal: RequestedSignal;
  readonly message?: string | undefined;
  readonly location?: { readonly latitude: number; readonly longitude: number } | undefined;
  readonly idempotencyKey?: string | undefined;
  readonly channel: CheckInChannel;
  readonly sourceAddress: string;
  readonly actor: AuditActor;
  readonly requestId?: string | undefined;
}

/** What the citizen's screen is told: the same for every PIN that is accepted. */
export interface CheckInReceipt {
  readonly id: string;
  readonly receivedAt: Date;
  readonly nextCheckInDueAt: Date;
}

/** How often a write that lost a race with another writer reads the stay again before giving up. */
const maxAttempts = 8;
const priorAlertDays = 90;

/** What a typed national ID number is looked up as: upper case, without spaces. */
export const normaliseNationalId = (typed: string) => typed.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/** A stay whose PIN was typed right, with the PIN it matched and what the same Idempotency-Key already did. */
export interface MatchedStay {
  readonly stay: CheckInStayRow;
  readonly match: 'check_in' | 'duress';
  readonly existing: ExistingCheckIn | undefined;
  readonly now: Date;
}

export interface PinAttempt {
  readonly who: CheckInRequest['who'];
  readonly pin: string;
  readonly idempotencyKey?: string | undefined;
  readonly sourceAddress: string;
  readonly actor: AuditActor;
  readonly requestId?: string | undefined;
  /** The audited action of a failed attempt, e.g. `check_in.record`, `stay.pause`. */
  readonly action: string;
}

/**
 * Reads the stay and checks the typed PIN against both stored PINs, under the failure limits. A wrong PIN and an
 * unknown national ID number are counted, audited and refused alike.
 */
export async function matchStayPin(deps: CheckInDependencies, attempt: PinAttempt): Promise<MatchedStay> {
  const { keys } = deps;
  const sourceHash = keys.keyedHash('check-in-source', attempt.sourceAddress).digest;
  const locator: StayLocator =
    attempt.who.kind === 'stay'
      ? attempt.who
      : {
          kind: 'identifier',
          nationalIdHashes: keys
            .keyedHashes(nationalIdHashPurpose, normaliseNationalId(attempt.who.nationalId))
            .map((hash) => hash.digest),
          identifierHash: keys.keyedHash('check-in-identifier', normaliseNationalId(attempt.who.nationalId)).digest,
        };
  const read = await readForCheckIn(
    deps.db,
    locator,
    sourceHash,
    attempt.idempotencyKey,
    new Date(deps.clock.now().getTime() - priorAlertDays * 86_400_000),
  );
  // The time is taken after the read, never before: a sweep that committed before the read advanced the stay to an
  // earlier moment, and one that commits after it changes the version, so the write is tried again. Taken before the
  // read, a sweep could slip in between and escalate a period this check-in arrived in time for.
  const now = deps.clock.now();
  const locked = lockedForSeconds(read.failures, deps.limits, now);
  if (locked !== undefined) throw tooManyCheckInAttempts(locked);
  const { stay } = read;
  // Without a stay the PIN is still compared (with stand-ins), so an unknown ID number takes the time a known one does.
  const typedPin = readPin(attempt.pin) ?? attempt.pin;
  const match = matchPin(keys, stay?.id ?? '00000000-0000-0000-0000-000000000000', typedPin, storedPinsOf(stay));
  if (!stay || match === 'none') {
    await failed(deps, attempt, locator, sourceHash, stay, now);
    throw checkInNotRecognised();
  }
  return { stay, match, existing: read.existing, now };
}

export async function recordCheckIn(deps: CheckInDependencies, request: CheckInRequest): Promise<CheckInReceipt> {
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const { stay, match, existing, now } = await matchStayPin(deps, { ...request, action: 'check_in.record' });
    if (existing) return answerOf(existing);
    const signal: CheckInSignal = match === 'duress' ? 'duress' : request.signal;
    const written = await writeCheckIn(deps, request, stay, signal, now);
    if (written) return written;
  }
  // Only reached when other writers changed this stay eight times in a row while we were reading it.
  throw new Error('check-in lost the race for its stay too many times');
}

/**
 * HELP or SOS texted from a phone number the citizen registered for the stay: the number stands in for the PIN, as
 * the session does in the app (a PIN is not asked of someone in trouble). Idempotent by `idempotencyKey` (the
 * provider's message id), so a webhook delivered twice records one signal.
 */
export async function recordPhoneSignal(
  deps: CheckInDependencies,
  request: Omit<CheckInRequest, 'who' | 'pin' | 'signal'> & {
    readonly stayId: string;
    readonly citizenId: string;
    readonly signal: 'need_help' | 'sos';
  },
): Promise<CheckInReceipt> {
  const sourceHash = deps.keys.keyedHash('check-in-source', request.sourceAddress).digest;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const read = await readForCheckIn(
      deps.db,
      { kind: 'stay', stayId: request.stayId, citizenId: request.citizenId },
      sourceHash,
      request.idempotencyKey,
      new Date(deps.clock.now().getTime() - priorAlertDays * 86_400_000),
    );
    if (!read.stay) throw stayEnded();
    if (read.existing) return answerOf(read.existing);
    const written = await writeCheckIn(
      deps,
      { ...request, who: { kind: 'stay', stayId: request.stayId, citizenId: request.citizenId }, pin: '' },
      read.stay,
      request.signal,
      deps.clock.now(),
    );
    if (written) return written;
  }
  throw new Error('signal lost the race for its stay too many times');
}

const neverMatches = { keyId: '', digest: Buffer.alloc(32) };

function storedPinsOf(stay: CheckInStayRow | undefined) {
  if (!stay) return { checkIn: neverMatches, duress: neverMatches };
  return {
    checkIn: { keyId: stay.pin_key_id, digest: stay.pin_digest },
    duress: { keyId: stay.duress_pin_key_id, digest: stay.duress_pin_digest },
  };
}

const answerOf = (existing: { id: string; receivedAt: Date; nextDueAt: Date }): CheckInReceipt => ({
  id: existing.id,
  receivedAt: existing.receivedAt,
  nextCheckInDueAt: existing.nextDueAt,
});

async function failed(
  deps: CheckInDependencies,
  request: PinAttempt,
  locator: StayLocator,
  sourceHash: Buffer,
  stay: CheckInStayRow | undefined,
  now: Date,
): Promise<void> {
  const failureKeys: FailureKey[] = [{ scope: 'source', hash: sourceHash }];
  if (locator.kind === 'identifier') failureKeys.push({ scope: 'identifier', hash: locator.identifierHash });
  if (stay) failureKeys.push({ scope: 'stay', hash: stayFailureKey(stay.id) });
  await recordFailure(
    deps.db,
    failureKeys,
    stay && {
      stayId: stay.id,
      embassyId: stay.embassy_id,
      destinationCountry: stay.destination_country,
      area: areaOf(stay),
      jobOfferLevel: stay.job_offer_level ?? undefined,
    },
    deps.limits,
    now,
  );
  await recordAudit(deps.db, {
    actor: request.actor,
    action: request.action,
    resource: { type: 'stay', ...(stay && { id: stay.id }) },
    outcome: 'failure',
    reason: stay ? 'pin_mismatch' : 'not_recognised',
    requestId: request.requestId,
  });
}

export const areaOf = (stay: Pick<CheckInStayRow, 'risk_area_id' | 'risk_area_kind'>) =>
  stay.risk_area_id && stay.risk_area_kind ? { id: stay.risk_area_id, kind: stay.risk_area_kind } : undefined;

/** What the risk score of an alert on this stay needs. */
export const riskContextOf = (
  stay: Pick<
    CheckInStayRow,
    'destination_country' | 'risk_area_id' | 'risk_area_kind' | 'job_offer_level' | 'prior_alerts' | 'open_concerns'
  >,
): StayRiskContext => ({
  destinationCountry: stay.destination_country,
  area: areaOf(stay),
  jobOfferLevel: stay.job_offer_level ?? undefined,
  priorAlerts: stay.prior_alerts,
  openConcerns: stay.open_concerns,
});

async function writeCheckIn(
  deps: CheckInDependencies,
  request: CheckInRequest,
  stay: CheckInStayRow,
  signal: CheckInSignal,
  now: Date,
): Promise<CheckInReceipt | undefined> {
  const schedule = scheduleOf(stay.schedule);
  const before = stateOf(stay);
  const transition = applyEvent(before, schedule, { type: 'check_in', at: now.getTime(), signal });
  if ('refused' in transition) throw stayEnded();
  const checkInId = randomUUID();
  const sealed = (value: string | undefined) =>
    value === undefined ? null : deps.keys.encryptField(value, `check_in:${stay.id}`);
  const messageCiphertext = sealed(request.message);
  const rows = emptyEffectRows();
  addEffectRows(rows, stayIdentityOf(stay), transition.effects, riskContextOf(stay), {
    checkInId,
    messageCiphertext,
    closedPeriod: transition.state.period - 1,
  });
  const columns = columnsOf(transition.state, schedule);
  const written = await writeTransitions(deps.db, {
    stays: [{ id: stay.id, version: stay.version, ...columns, last_check_in_at: now }],
    rows,
    checkIn: {
      id: checkInId,
      stay_id: stay.id,
      received_at: now,
      signal,
      channel: request.channel,
      message_ciphertext: messageCiphertext,
      location_ciphertext: sealed(request.location && JSON.stringify(request.location)),
      idempotency_key: request.idempotencyKey ?? null,
      next_due_at: columns.due_at,
    },
    audit: [
      {
        actor: request.actor,
        action: 'check_in.record',
        resourceType: 'check_in',
        resourceId: checkInId,
        requestId: request.requestId,
      },
    ],
    now,
  });
  if (!written.has(stay.id)) return undefined;
  return { id: checkInId, receivedAt: now, nextCheckInDueAt: columns.due_at };
}
