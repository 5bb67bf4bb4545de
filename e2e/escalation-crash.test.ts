// The escalation sweep under crashes and concurrency, on real PostgreSQL (issue 6): 10,000 stays with mixed schedules,
// three `homeward worker` processes of which one is killed with kill -9 about every second (while its transaction is
// open, whenever we catch one open) and replaced at once, and a `homeward serve` taking some 550 check-ins from the
// any-browser route, itself killed once mid-run. Clients retry a failed request with the same Idempotency-Key, as the
// apps do, and some send every request twice at once. Check-ins are aimed at the very moments the sweep has work on
// a stay, so the two writers race on it. Afterwards every stay is compared with the pure engine replayed over its own
// history (its starting state, then its stored check-ins at their times, up to the moment it was last written):
// the ledger holds exactly the steps the engine gives, each once, the stay's state is the engine's, the missed
// periods counted on its alerts are its overdue steps, and every acknowledged check-in is stored.
//
// The worker has no test clock (worker-command.ts), so nothing here moves time: the stays are placed around the
// present. Most are already days behind (many missed periods for the first sweeps), some are paused, some keep quiet
// hours, and a quarter run on schedules of 15 to 60 seconds, which the database accepts although the API refuses them,
// so that new periods keep falling due while processes die.
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import {
  advance,
  applyEvent,
  type CheckInSchedule,
  type CheckInSignal,
  type Effect,
  type EscalationState,
  localMinuteOfDay,
  nextActionAt,
} from '../packages/domain/dist/index.js';
import { nationalIdHashPurpose } from '../packages/server/src/accounts/account-repository.js';
import { storePin } from '../packages/server/src/check-ins/check-in-pins.js';
import { openDatabase } from '../packages/server/src/database/database.js';
import { demoOrganisationIds, seedDemo } from '../packages/server/src/demo/seed-demo.js';
import { workerReadyLine } from '../packages/server/src/escalation/worker-command.js';
import { readKeyFile } from '../packages/server/src/keys/key-files.js';
import { createKeyRing, type KeyRing } from '../packages/server/src/keys/key-ring.js';
import { createDatabase, dropDatabase } from '../packages/server/src/test-support/test-databases.js';
import {
  collectOutput,
  exitOf,
  makeKeyFile,
  requireBuiltCli,
  runCli,
  type ServerProcess,
  spawnCli,
  startServer,
} from './support/server-process.js';

const adminUrl = process.env.TEST_DATABASE_URL;

const stayCount = 10_000;
const workerCount = 3;
/** How long processes are killed and check-ins sent. */
const runMs = 40_000;
const pins = { pin: '482913', duressPin: '482931' } as const;

beforeAll(() => requireBuiltCli());

// ---------------------------------------------------------------------------------------------------------------
// The stays: a seeded random population, so a failure names a seed that rebuilds the same one.

/** mulberry32: small, fast, and the same sequence for the same seed. */
function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    between: (low: number, high: number) => low + (high - low) * next(),
    integer: (low: number, high: number) => low + Math.floor((high - low + 1) * next()),
    pick: <T>(items: readonly T[]): T => items[Math.floor(items.length * next())] as T,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof randomSource>;

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const timeZones = ['Asia/Bangkok', 'Asia/Manila', 'Asia/Kuala_Lumpur', 'Europe/Berlin', 'America/New_York', 'UTC'];

type Kind = 'days_behind' | 'in_grace' | 'overdue' | 'paused' | 'fast' | 'idle';

interface SeededStay {
  readonly id: string;
  readonly citizenId: string;
  readonly kind: Kind;
  readonly schedule: CheckInSchedule;
  /** The state the stay starts the run in: what the replay starts from. */
  readonly state: EscalationState;
  /** Checked in on from the any-browser page with this national ID number. */
  nationalId?: string;
  /** Checked in on at the moments the sweep has work on it. */
  isRacer?: boolean;
  contact?: 'confirmed' | 'invited';
}

const daily = (random: Random, timeZone = random.pick(timeZones)): CheckInSchedule => ({
  intervalMinutes: 1440,
  graceMinutes: 720,
  reminderBeforeMinutes: 120,
  graceReminderEveryMinutes: 360,
  escalateAfterMinutes: 1440,
  maxPauseMinutes: 43_200,
  // Night-time quiet hours on a third of them: the reminders of the missed nights wait for the morning.
  quietHours: random.chance(1 / 3) ? { startMinute: 22 * 60, endMinute: 7 * 60 } : undefined,
  timeZone,
});

const weekly = (random: Random): CheckInSchedule => ({ ...daily(random), intervalMinutes: 10_080, graceMinutes: 1440 });

/** 15 to 60 seconds between check-ins; quiet hours on a third, ending a minute or two into the run or much later. */
function fast(random: Random, now: number): CheckInSchedule {
  const intervalMinutes = random.pick([0.25, 0.5, 0.75, 1]);
  const timeZone = random.pick(timeZones);
  const local = localMinuteOfDay(now, timeZone);
  return {
    intervalMinutes,
    graceMinutes: random.pick([0.25, 0.5].filter((grace) => grace <= intervalMinutes)),
    reminderBeforeMinutes: intervalMinutes > 0.25 ? random.pick([0, 0.25]) : 0,
    graceReminderEveryMinutes: random.pick([0, 0.25]),
    escalateAfterMinutes: random.pick([0.5, 1, 1.5]),
    maxPauseMinutes: 43_200,
    quietHours: random.chance(1 / 3)
      ? {
          startMinute: (local - random.integer(0, 90) + 1440) % 1440,
          endMinute: (local + random.pick([1, 2, 120])) % 1440,
        }
      : undefined,
    timeZone,
  };
}

function onSchedule(period: number, dueAt: number): EscalationState {
  return { phase: 'on_schedule', period, dueAt, remindersSent: 0, isEscalated: false };
}

function seedStays(random: Random, now: number): SeededStay[] {
  const stays: SeededStay[] = [];
  // Whole milliseconds, as the database and the engine's effects keep them.
  const whole = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms));
  const add = (kind: Kind, schedule: CheckInSchedule, state: EscalationState) =>
    stays.push({
      id: randomUUID(),
      citizenId: randomUUID(),
      kind,
      schedule,
      state: {
        ...state,
        dueAt: Math.round(state.dueAt),
        overdueSince: whole(state.overdueSince),
        pausedUntil: whole(state.pausedUntil),
      },
    });
  for (let index = 0; index < stayCount; index += 1) {
    const slot = index % 20;
    const period = random.integer(1, 6);
    if (slot < 5) {
      // Silent for up to ten days: up to ten missed periods, their reminders and a supervisor, in the first sweeps.
      add('days_behind', daily(random), onSchedule(period, now - random.between(0, 10 * day)));
    } else if (slot < 8) {
      // Due a little while ago: grace reminders, and overdue for those more than a day behind.
      add('in_grace', weekly(random), onSchedule(period, now - random.between(0, 30 * hour)));
    } else if (slot < 10) {
      // Overdue already (with its open alert), a supervisor not yet called in for most.
      const schedule = daily(random);
      const overdueSince = now - random.between(hour, 3 * day);
      add('overdue', schedule, {
        phase: 'overdue',
        period,
        dueAt: overdueSince - schedule.graceMinutes * minute + schedule.intervalMinutes * minute,
        remindersSent: 0,
        overdueSince,
        isEscalated: overdueSince < now - day && random.chance(0.5),
      });
    } else if (slot < 12) {
      // Offline until a moment from three hours ago to a minute from now; some were overdue when they paused,
      // and their supervisor escalation does not wait for the pause to end.
      const isFast = random.chance(0.5);
      const schedule = isFast ? fast(random, now) : daily(random);
      const wasOverdue = random.chance(0.4);
      const overdueSince = now - random.between(isFast ? 10_000 : hour, isFast ? 60_000 : 2 * day);
      add('paused', schedule, {
        phase: 'paused',
        period,
        dueAt: now - random.between(0, isFast ? 60_000 : 2 * day),
        remindersSent: 0,
        overdueSince: wasOverdue ? overdueSince : undefined,
        isEscalated: false,
        pausedUntil: now + random.between(-3 * hour, 60_000),
      });
    } else if (slot < 17) {
      // Due from a minute and a half ago to forty seconds from now, on a short schedule: work all through the run.
      add('fast', fast(random, now), onSchedule(period, now + random.between(-90_000, 40_000)));
    } else {
      add(
        'idle',
        random.chance(0.5) ? daily(random) : weekly(random),
        onSchedule(period, now + random.between(3 * hour, 7 * day)),
      );
    }
  }
  for (const stay of stays) {
    if (random.chance(0.2)) stay.contact = random.chance(0.9) ? 'confirmed' : 'invited';
  }
  // 150 short-schedule stays race the sweep; 250 others of every kind check in now and then.
  let racers = 0;
  let others = 0;
  for (const [index, stay] of stays.entries()) {
    if (stay.kind === 'fast' && racers < 150) {
      stay.isRacer = true;
      racers += 1;
    } else if (stay.kind !== 'fast' && others < 250 && random.chance(0.04)) {
      others += 1;
    } else {
      continue;
    }
    stay.nationalId = `T${String(index).padStart(7, '0')}X`;
  }
  return stays;
}

type Db = Awaited<ReturnType<typeof openDatabase>>['db'];

const isoOrNull = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

async function insertStays(db: Db, keys: KeyRing, stays: readonly SeededStay[], now: number): Promise<void> {
  const embassies = [demoOrganisationIds.bangkokEmbassy, demoOrganisationIds.phnomPenhEmbassy];
  const placeholder = randomBytes(32).toString('hex');
  for (let start = 0; start < stays.length; start += 2_500) {
    const chunk = stays.slice(start, start + 2_500);
    const citizens = chunk.map((stay) => {
      const hash = stay.nationalId ? keys.keyedHash(nationalIdHashPurpose, stay.nationalId) : undefined;
      return { id: stay.citizenId, hash: hash?.digest.toString('hex') ?? null, key_id: hash?.keyId ?? null };
    });
    await sql`
      insert into citizen (id, national_id_hash, national_id_key_id, display_name, assurance, assurance_source)
      select x.id, decode(x.hash, 'hex'), x.key_id, 'Crash Test Citizen', 'high', 'test'
      from jsonb_to_recordset(${JSON.stringify(citizens)}::jsonb) as x(id uuid, hash text, key_id text)`.execute(db);
    const rows = chunk.map((stay, index) => {
      const pin = stay.nationalId ? storePin(keys, stay.id, pins.pin) : undefined;
      const duress = stay.nationalId ? storePin(keys, stay.id, pins.duressPin) : undefined;
      const embassy = embassies[index % 2] as string;
      return {
        id: stay.id,
        citizen_id: stay.citizenId,
        embassy_id: embassy,
        country: embassy === demoOrganisationIds.bangkokEmbassy ? 'TH' : 'KH',
        schedule: stay.schedule,
        phase: stay.state.phase,
        period: stay.state.period,
        due_at: isoOrNull(stay.state.dueAt),
        reminders_sent: stay.state.remindersSent,
        overdue_since: isoOrNull(stay.state.overdueSince),
        is_escalated: stay.state.isEscalated,
        paused_until: isoOrNull(stay.state.pausedUntil),
        next_action_at: isoOrNull(nextActionAt(stay.state, stay.schedule)),
        pin_key_id: pin?.keyId ?? 'none',
        pin_digest: pin?.digest.toString('hex') ?? placeholder,
        duress_key_id: duress?.keyId ?? 'none',
        duress_digest: duress?.digest.toString('hex') ?? placeholder,
      };
    });
    const at = new Date(now).toISOString();
    await sql`
      insert into stay (id, citizen_id, embassy_id, destination_country, details_ciphertext, language, starts_on,
        schedule, phase, period, due_at, reminders_sent, overdue_since, is_escalated, paused_until, next_action_at,
        pin_key_id, pin_digest, duress_pin_key_id, duress_pin_digest, created_at, updated_at)
      select x.id, x.citizen_id, x.embassy_id, x.country, 'sealed-elsewhere', 'en', date '2026-11-01',
        x.schedule, x.phase, x.period, x.due_at, x.reminders_sent, x.overdue_since, x.is_escalated, x.paused_until,
        x.next_action_at, x.pin_key_id, decode(x.pin_digest, 'hex'), x.duress_key_id, decode(x.duress_digest, 'hex'),
        ${at}::timestamptz, ${at}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, citizen_id uuid, embassy_id uuid,
        country text, schedule jsonb, phase text, period integer, due_at timestamptz, reminders_sent integer,
        overdue_since timestamptz, is_escalated boolean, paused_until timestamptz, next_action_at timestamptz,
        pin_key_id text, pin_digest text, duress_key_id text, duress_digest text)`.execute(db);
    // A stay that starts overdue has its open alert, counting the one period missed before the run.
    await sql`
      insert into alert (id, stay_id, embassy_id, source, status, risk_base, risk_factors, overdue_since,
        missed_periods, is_supervisor_escalated, raised_at, updated_at)
      select gen_random_uuid(), id, embassy_id, 'missed_check_in', 'open', 0, '[]'::jsonb, overdue_since, 1,
        is_escalated, overdue_since, ${at}::timestamptz
      from stay where overdue_since is not null and id = any(${chunk.map((stay) => stay.id)}::uuid[])`.execute(db);
    const contacts = chunk
      .filter((stay) => stay.contact)
      .map((stay) => ({ stay_id: stay.id, status: stay.contact, token: randomBytes(32).toString('hex') }));
    await sql`
      insert into trusted_contact (id, stay_id, name_ciphertext, channel, address_ciphertext, language, status,
        token_hash, invited_at, confirmed_at)
      select gen_random_uuid(), x.stay_id, 'sealed', 'email', 'sealed', 'en', x.status, decode(x.token, 'hex'),
        ${at}::timestamptz, case when x.status = 'confirmed' then ${at}::timestamptz end
      from jsonb_to_recordset(${JSON.stringify(contacts)}::jsonb) as x(stay_id uuid, status text, token text)`.execute(
      db,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The replay: what the engine says a stay's history gives.

interface StoredCheckIn {
  readonly id: string;
  readonly at: number;
  readonly signal: CheckInSignal;
}

const stepKey = (period: number, kind: string, at: number) => `${period}|${kind}|${new Date(at).toISOString()}`;

/** The engine over the stay's starting state, then its check-ins in time order, then the clock up to `until`. */
function replay(stay: SeededStay, checkIns: readonly StoredCheckIn[], until: number) {
  const steps: string[] = [];
  const add = (effects: readonly Effect[], closedPeriod: number) => {
    for (const effect of effects) {
      steps.push(stepKey('period' in effect ? effect.period : closedPeriod, effect.type, effect.at));
    }
  };
  let state = stay.state;
  for (const checkIn of checkIns) {
    const transition = applyEvent(state, stay.schedule, { type: 'check_in', at: checkIn.at, signal: checkIn.signal });
    if ('refused' in transition) throw new Error(`the engine refused check-in ${checkIn.id}: ${transition.refused}`);
    add(transition.effects, transition.state.period - 1);
    state = transition.state;
  }
  const rest = advance(state, stay.schedule, until);
  add(rest.effects, 0);
  return { steps, state: rest.state };
}

// ---------------------------------------------------------------------------------------------------------------
// The processes.

interface Worker {
  readonly name: string;
  readonly child: ChildProcess;
  readonly output: ReturnType<typeof collectOutput>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function urlWithName(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  // pg takes the application name from the URL, so pg_stat_activity tells which process holds a transaction.
  url.searchParams.set('application_name', name);
  return url.toString();
}

async function waitForReady(worker: Worker): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!worker.output.stdout().includes(workerReadyLine)) {
    if (worker.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`${worker.name} did not start: ${worker.output.stdout()}${worker.output.stderr()}`);
    }
    await sleep(20);
  }
}

interface Acknowledged {
  readonly stayId: string;
  readonly id: string;
  readonly receivedAt: string;
  readonly signal: CheckInSignal;
}

/** Rows of one stay, by stay. */
function group<T extends { stay_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.stay_id);
    if (list) list.push(row);
    else groups.set(row.stay_id, [row]);
  }
  return groups;
}

/** What the database holds after the run: every stay with its ledger, check-ins, alerts and intents. */
async function readOutcome(db: Db) {
  const finalStays = await sql<{
    id: string;
    phase: EscalationState['phase'];
    period: number;
    due_at: Date;
    reminders_sent: number;
    overdue_since: Date | null;
    is_escalated: boolean;
    paused_until: Date | null;
    next_action_at: Date | null;
    last_check_in_at: Date | null;
    updated_at: Date;
  }>`select id, phase, period, due_at, reminders_sent, overdue_since, is_escalated, paused_until, next_action_at,
      last_check_in_at, updated_at from stay`.execute(db);
  const steps = group(
    (
      await sql<{ stay_id: string; period: number; kind: string; due_at: Date }>`
        select stay_id, period, kind, due_at from escalation_step`.execute(db)
    ).rows,
  );
  const checkIns = group(
    (
      await sql<{ stay_id: string; id: string; received_at: Date; signal: CheckInSignal }>`
        select stay_id, id, received_at, signal from check_in order by received_at, id`.execute(db)
    ).rows,
  );
  const alerts = group(
    (
      await sql<{
        stay_id: string;
        source: string;
        status: string;
        missed_periods: number;
        is_supervisor_escalated: boolean;
        overdue_since: Date | null;
        resolved_at: Date | null;
      }>`select stay_id, source, status, missed_periods, is_supervisor_escalated, overdue_since, resolved_at
        from alert`.execute(db)
    ).rows,
  );
  const outbox = group(
    (await sql<{ stay_id: string; template: string }>`select stay_id, template from outbox_message`.execute(db)).rows,
  );

  return { finalStays: finalStays.rows, steps, checkIns, alerts, outbox };
}
type Outcome = Awaited<ReturnType<typeof readOutcome>>;

/**
 * Every stay against the engine replayed over its history, and every acknowledged check-in against what is stored.
 * Returns the first mismatches (and how many there were), with counts that show what the run covered.
 */
function compareWithEngine(
  byId: ReadonlyMap<string, SeededStay>,
  { finalStays, steps, checkIns, alerts, outbox }: Outcome,
  acknowledged: readonly Acknowledged[],
  cutoff: Date,
) {
  const mismatches: string[] = [];
  let mismatchCount = 0;
  const note = (stayId: string, what: string) => {
    mismatchCount += 1;
    if (mismatches.length < 20) mismatches.push(`${stayId} (${byId.get(stayId)?.kind}): ${what}`);
  };
  let overdueSteps = 0;
  let stepsSeen = 0;
  let staysWithSeveralMissed = 0;
  for (const row of finalStays) {
    const stay = byId.get(row.id);
    if (!stay) throw new Error(`a stay the test did not make: ${row.id}`);
    const history = (checkIns.get(row.id) ?? []).map((checkIn) => ({
      id: checkIn.id,
      at: checkIn.received_at.getTime(),
      signal: checkIn.signal,
    }));
    const expected = replay(stay, history, row.updated_at.getTime());
    const recorded = (steps.get(row.id) ?? []).map((step) => stepKey(step.period, step.kind, step.due_at.getTime()));
    stepsSeen += recorded.length;
    // (a) Exactly the engine's steps: none missing, none extra. (Reminders that quiet hours push to the same
    // minute are one step: the ledger's key, like the reminder's dedupe key, makes them one.)
    const expectedSet = new Set(expected.steps);
    const missing = [...expectedSet].filter((key) => !recorded.includes(key));
    const extra = recorded.filter((key) => !expectedSet.has(key));
    if (missing.length > 0 || extra.length > 0) {
      note(row.id, `missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`);
    }
    // The state is the engine's, and nothing was left due before the cutoff.
    const { state } = expected;
    const actual = {
      phase: row.phase,
      period: row.period,
      dueAt: row.due_at.getTime(),
      remindersSent: row.reminders_sent,
      overdueSince: row.overdue_since?.getTime(),
      isEscalated: row.is_escalated,
      pausedUntil: row.paused_until?.getTime(),
      nextActionAt: row.next_action_at?.getTime(),
    };
    const engine = {
      phase: state.phase,
      period: state.period,
      dueAt: state.dueAt,
      remindersSent: state.remindersSent,
      overdueSince: state.overdueSince,
      isEscalated: state.isEscalated,
      pausedUntil: state.pausedUntil,
      nextActionAt: nextActionAt(state, stay.schedule),
    };
    if (JSON.stringify(actual) !== JSON.stringify(engine)) {
      note(row.id, `state ${JSON.stringify(actual)}, engine ${JSON.stringify(engine)}`);
    }
    if (row.next_action_at === null || row.next_action_at <= cutoff) note(row.id, 'still due after the run');

    // (b) Each overdue step counted once on the stay's missed-check-in alerts; the open one matches the state.
    const overdues = (steps.get(row.id) ?? []).filter((step) => step.kind === 'overdue').length;
    overdueSteps += overdues;
    if (overdues > 1) staysWithSeveralMissed += 1;
    const missedAlerts = (alerts.get(row.id) ?? []).filter((alert) => alert.source === 'missed_check_in');
    const seededMissed = stay.state.overdueSince === undefined ? 0 : 1;
    const counted = missedAlerts.reduce((sum, alert) => sum + alert.missed_periods, 0) - seededMissed;
    if (counted !== overdues) note(row.id, `${overdues} overdue steps, ${counted} missed periods on its alerts`);
    const open = missedAlerts.filter((alert) => alert.status === 'open');
    const openOne = open[0];
    if (row.overdue_since === null ? open.length !== 0 : open.length !== 1) {
      note(row.id, `${open.length} open missed-check-in alerts, overdue since ${row.overdue_since?.toISOString()}`);
    } else if (
      openOne &&
      (openOne.overdue_since?.getTime() !== row.overdue_since?.getTime() ||
        openOne.is_supervisor_escalated !== row.is_escalated)
    ) {
      note(row.id, `open alert ${JSON.stringify(openOne)} disagrees with the stay`);
    }
    // Each alert is resolved by a check-in, and marked escalated when a supervisor was called in while it was open.
    const checkInTimes = new Set(history.map((checkIn) => checkIn.at));
    const escalations = (steps.get(row.id) ?? []).filter((step) => step.kind === 'supervisor_escalation');
    for (const alert of missedAlerts) {
      if (alert.status === 'resolved' && !checkInTimes.has(alert.resolved_at?.getTime() ?? Number.NaN)) {
        note(row.id, `an alert resolved at ${alert.resolved_at?.toISOString()}, when there was no check-in`);
      }
      const since = alert.overdue_since?.getTime() ?? Number.NaN;
      const wasEscalated =
        (since === stay.state.overdueSince && stay.state.isEscalated) ||
        escalations.some((step) => step.due_at.getTime() >= since && step.due_at <= (alert.resolved_at ?? step.due_at));
      if (alert.is_supervisor_escalated !== wasEscalated) {
        note(
          row.id,
          `alert ${JSON.stringify(alert)} is escalated: ${alert.is_supervisor_escalated}, should be ${wasEscalated}`,
        );
      }
    }
    // The notification intents follow the steps one for one.
    const count = (kind: string) => (steps.get(row.id) ?? []).filter((step) => step.kind === kind).length;
    const intents = (template: string) =>
      (outbox.get(row.id) ?? []).filter((message) => message.template === template).length;
    const wanted = {
      check_in_reminder: count('reminder'),
      contact_missed_check_in: stay.contact === 'confirmed' ? overdues : 0,
      supervisor_escalation: count('supervisor_escalation'),
      urgent_alert: count('urgent_alert'),
    };
    for (const [template, number] of Object.entries(wanted)) {
      if (intents(template) !== number) note(row.id, `${intents(template)} ${template} intents, ${number} steps`);
    }
    // (c) The stay's last check-in is its latest stored one.
    const latest = history.at(-1)?.at;
    if (row.last_check_in_at?.getTime() !== latest) {
      note(row.id, `last check-in ${row.last_check_in_at?.toISOString()}, latest stored ${latest}`);
    }
  }

  // (c) Every acknowledged check-in is stored as answered, and nothing else was stored (every request was answered).
  const stored = new Map([...checkIns.values()].flat().map((checkIn) => [checkIn.id, checkIn] as const));
  for (const receipt of acknowledged) {
    const row = stored.get(receipt.id);
    if (
      !row ||
      row.stay_id !== receipt.stayId ||
      row.received_at.toISOString() !== receipt.receivedAt ||
      row.signal !== receipt.signal
    ) {
      note(receipt.stayId, `acknowledged check-in ${JSON.stringify(receipt)} is stored as ${JSON.stringify(row)}`);
    }
  }
  return { mismatches, mismatchCount, stored, stepsSeen, overdueSteps, staysWithSeveralMissed };
}

describe.skipIf(adminUrl === undefined)('the escalation sweep under kill -9 (TEST_DATABASE_URL)', () => {
  test('three workers killed and restarted over 10,000 stays escalate every missed period exactly once and lose no check-in', async () => {
    const admin = adminUrl as string;
    const databaseUrl = await createDatabase(admin);
    onTestFinished(() => dropDatabase(admin, databaseUrl));
    const migrated = await runCli(['migrate'], { DATABASE_URL: databaseUrl });
    expect(migrated.code, migrated.stderr).toBe(0);
    const database = await openDatabase({ databaseUrl, poolSize: 4 });
    onTestFinished(() => database.close());
    const { db } = database;
    const keysFile = await makeKeyFile();
    const keys = createKeyRing(await readKeyFile(keysFile));

    const seed = Number(process.env.CRASH_TEST_SEED ?? Date.now() % 1_000_000);
    const random = randomSource(seed);
    const seededAt = Date.now();
    const stays = seedStays(random, seededAt);
    await seedDemo(db);
    await insertStays(db, keys, stays, seededAt);
    const byId = new Map(stays.map((stay) => [stay.id, stay]));
    const context = `seed ${seed} (CRASH_TEST_SEED=${seed} rebuilds the same stays)`;

    // --- the workers, one killed about every second ---
    const workers: Worker[] = [];
    const everyWorker: Worker[] = [];
    let started = 0;
    const startWorker = () => {
      started += 1;
      const name = `crash-worker-${started}`;
      const child = spawnCli(['worker'], { DATABASE_URL: urlWithName(databaseUrl, name), LOG_LEVEL: 'warn' });
      const worker = { name, child, output: collectOutput(child) };
      workers.push(worker);
      everyWorker.push(worker);
      return worker;
    };
    await Promise.all(Array.from({ length: workerCount }, () => waitForReady(startWorker())));

    // --- the server taking check-ins, killed once ---
    const serveEnv = {
      PORT: '0',
      DATABASE_URL: urlWithName(databaseUrl, 'crash-serve'),
      HOMEWARD_KEYS_FILE: keysFile,
      // Every request comes from a different address behind a trusted proxy, so the per-address limit stays out of it.
      HOMEWARD_TRUST_PROXY: 'loopback',
      LOG_LEVEL: 'warn',
    };
    let server: Promise<ServerProcess> = startServer([], serveEnv);
    await server;

    const acknowledged: Acknowledged[] = [];
    const problems: string[] = [];
    let retried = 0;
    let doubled = 0;
    const address = () => `10.${random.integer(0, 255)}.${random.integer(0, 255)}.${random.integer(1, 254)}`;

    /** One request, retried with its Idempotency-Key while the server is down; the receipt once it is stored. */
    async function send(stay: SeededStay, signal: 'ok' | 'sos', pin: string, key: string) {
      for (let attempt = 1; attempt <= 8; attempt += 1) {
        try {
          const { url } = await server;
          const response = await fetch(`${url}/api/v1/check-ins`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-forwarded-for': address() },
            body: JSON.stringify({ nationalId: stay.nationalId, pin, signal }),
            signal: AbortSignal.timeout(20_000),
          });
          const body = (await response.json()) as { id: string; receivedAt: string };
          if (response.status === 201) return body;
          problems.push(`check-in on ${stay.id} answered ${response.status}: ${JSON.stringify(body)}`);
          return undefined;
        } catch {
          retried += 1;
          await sleep(250);
        }
      }
      problems.push(`check-in on ${stay.id} never answered`);
      return undefined;
    }

    async function checkIn(stay: SeededStay): Promise<void> {
      const roll = random.next();
      const signal = roll < 0.05 ? 'sos' : 'ok';
      const isDuress = roll > 0.9;
      const key = randomUUID();
      const copies = random.chance(0.1) ? 2 : 1;
      if (copies === 2) doubled += 1;
      const receipts = await Promise.all(
        Array.from({ length: copies }, () => send(stay, signal, isDuress ? pins.duressPin : pins.pin, key)),
      );
      const [first, second] = receipts;
      if (first && second && (first.id !== second.id || first.receivedAt !== second.receivedAt)) {
        problems.push(`one Idempotency-Key on ${stay.id} gave two check-ins: ${first.id}, ${second.id}`);
      }
      if (first) {
        acknowledged.push({
          stayId: stay.id,
          id: first.id,
          receivedAt: first.receivedAt,
          signal: isDuress ? 'duress' : signal,
        });
      }
    }

    const runStarted = Date.now();
    const runEnds = runStarted + runMs;
    const inFlight = new Set<Promise<void>>();
    const track = (work: Promise<void>) => {
      inFlight.add(work);
      work.finally(() => inFlight.delete(work));
    };

    // Racers check in at the moment the sweep has work on them, give or take a few milliseconds.
    const racers = stays.filter((stay) => stay.isRacer);
    const racing = (async () => {
      const waiting = new Set<string>();
      while (Date.now() < runEnds) {
        const rows = await db
          .selectFrom('stay')
          .select(['id', 'next_action_at'])
          .where(
            'id',
            'in',
            racers.map((stay) => stay.id),
          )
          .execute();
        for (const row of rows) {
          const stay = byId.get(row.id);
          if (!stay || !row.next_action_at || waiting.has(row.id) || !random.chance(0.2)) continue;
          const wait = row.next_action_at.getTime() + random.integer(-20, 40) - Date.now();
          if (wait < 0 || wait > 4_000) continue;
          waiting.add(row.id);
          track(
            sleep(wait)
              .then(() => checkIn(stay))
              .finally(() => waiting.delete(row.id)),
          );
        }
        await sleep(300);
      }
    })();
    // The others check in once or twice at any moment of the run.
    for (const stay of stays.filter((candidate) => candidate.nationalId && !candidate.isRacer)) {
      for (let count = random.integer(1, 2); count > 0; count -= 1) {
        track(sleep(random.between(0, runMs)).then(() => checkIn(stay)));
      }
    }

    let kills = 0;
    let killsInTransaction = 0;
    const killing = (async () => {
      let serverKilled = false;
      while (Date.now() < runEnds - 1_000) {
        await sleep(random.between(300, 600));
        if (!serverKilled && Date.now() > runStarted + runMs / 2) {
          serverKilled = true;
          const running = await server;
          running.process.kill('SIGKILL');
          await exitOf(running.process);
          server = startServer([], serveEnv);
          continue;
        }
        // Prefer a worker caught with its transaction open: kill it there.
        let victim: Worker | undefined;
        const lookUntil = Date.now() + 900;
        while (!victim && Date.now() < lookUntil) {
          const busy = await sql<{ application_name: string }>`
            select application_name from pg_stat_activity
            where datname = current_database() and xact_start is not null and application_name like 'crash-worker-%'`.execute(
            db,
          );
          const names = new Set(busy.rows.map((row) => row.application_name));
          victim = workers.find((worker) => names.has(worker.name));
          if (!victim) await sleep(5);
        }
        if (victim) killsInTransaction += 1;
        victim ??= random.pick(workers);
        victim.child.kill('SIGKILL');
        kills += 1;
        workers.splice(workers.indexOf(victim), 1);
        await exitOf(victim.child);
        startWorker();
      }
    })();

    await Promise.all([racing, killing]);
    while (inFlight.size > 0) await Promise.all([...inFlight]);
    await Promise.all(workers.map(waitForReady));

    // Everything due by the cutoff must be swept (by the workers alive now), whatever died on the way.
    const cutoff = (await sql<{ now: Date }>`select now() as now`.execute(db)).rows[0]?.now as Date;
    const settleDeadline = Date.now() + 60_000;
    for (;;) {
      const due = await sql<{ count: number }>`
        select count(*)::integer as count from stay where next_action_at <= ${cutoff}`.execute(db);
      if (due.rows[0]?.count === 0) break;
      if (Date.now() > settleDeadline) throw new Error(`${due.rows[0]?.count} stays still due after a minute`);
      await sleep(200);
    }
    // SIGTERM stops each worker cleanly after the batch in hand.
    for (const worker of workers) worker.child.kill('SIGTERM');
    const exitCodes = await Promise.all(workers.map((worker) => exitOf(worker.child)));
    expect(exitCodes, workers.map((worker) => worker.output.stderr()).join('\n')).toEqual(workers.map(() => 0));
    expect(await (await server).stop()).toBe(0);

    const outcome = await readOutcome(db);
    const { mismatches, mismatchCount, stored, stepsSeen, overdueSteps, staysWithSeveralMissed } = compareWithEngine(
      byId,
      outcome,
      acknowledged,
      cutoff,
    );
    // A sweep that failed for any reason but its own process dying would show here.
    const warnings = everyWorker.flatMap((worker) =>
      worker.output
        .stdout()
        .split('\n')
        .filter((line) => line.startsWith('{') && (JSON.parse(line) as { level: number }).level >= 40),
    );
    expect(mismatches, `${context}; ${mismatchCount} mismatches in all`).toEqual([]);
    expect(problems, context).toEqual([]);
    expect(warnings, context).toEqual([]);
    expect(stored.size, context).toBe(new Set(acknowledged.map((receipt) => receipt.id)).size);

    // The run did what it claims: many stays with missed periods, processes killed mid-transaction, check-ins racing.
    const summary = {
      seed,
      stays: outcome.finalStays.length,
      steps: stepsSeen,
      overdueSteps,
      staysWithSeveralMissed,
      kills,
      killsInTransaction,
      workersStarted: started,
      checkIns: stored.size,
      sentTwice: doubled,
      retriedAfterServerKill: retried,
      seconds: Math.round((Date.now() - seededAt) / 1000),
    };
    process.stdout.write(`escalation crash test: ${JSON.stringify(summary)}\n`);
    expect(outcome.finalStays.length).toBeGreaterThanOrEqual(10_000);
    expect(staysWithSeveralMissed).toBeGreaterThan(1_000);
    expect(kills).toBeGreaterThanOrEqual(15);
    expect(killsInTransaction).toBeGreaterThanOrEqual(3);
    expect(stored.size).toBeGreaterThan(300);
  }, 240_000);
});
