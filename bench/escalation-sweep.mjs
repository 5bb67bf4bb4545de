// The escalation sweep: how long Homeward's sweepOnce takes to escalate every newly overdue stay, with 10,000 of them
// among 100,000 and among 1,000,000 active stays. The claim reads a partial index on next_action_at, so the time
// should follow the overdue count, not the total: the ratio of the two is the figure that matters. See bench/README.md.
import { performance } from 'node:perf_hooks';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { sweepOnce } from '../packages/server/dist/escalation/escalation-sweep.js';
import { openBenchPostgres } from './lib/bench-databases.mjs';
import { formatRange } from './lib/rounds.mjs';
import { mergeLatestFigures, startRunReport } from './lib/run-report.mjs';
import { readPositiveNumber } from './lib/settings.mjs';

const isQuick = process.env.BENCH_QUICK === '1';
const settings = {
  isQuick,
  sizes: (process.env.BENCH_SWEEP_SIZES || (isQuick ? '20000,100000' : '100000,1000000'))
    .split(',')
    .map((text) => Number(text.trim())),
  overdue: Math.round(readPositiveNumber('BENCH_SWEEP_OVERDUE', isQuick ? 2000 : 10_000)),
  batchSize: Math.round(readPositiveNumber('BENCH_SWEEP_BATCH', 500)),
  idleSweeps: 20,
  rounds: Math.round(readPositiveNumber('BENCH_SWEEP_ROUNDS', 3)),
};
if (settings.sizes.some((size) => !Number.isInteger(size) || size < settings.overdue)) {
  throw new Error(`BENCH_SWEEP_SIZES must list integers of at least BENCH_SWEEP_OVERDUE (${settings.overdue})`);
}

/** The schedule every bench stay runs on: daily, 12 h grace, reminders 2 h before and every 6 h in the grace. */
const schedule = {
  intervalMinutes: 1440,
  graceMinutes: 720,
  reminderBeforeMinutes: 120,
  graceReminderEveryMinutes: 360,
  escalateAfterMinutes: 1440,
  maxPauseMinutes: 43200,
  timeZone: 'Asia/Bangkok',
};

const runReport = startRunReport('escalation-sweep');
/** @type {PreparedSize[]} */
const prepared = [];
let version = '';
/** @type {SizeResult[]} */
let results = [];
try {
  for (const total of settings.sizes) {
    const database = await openBenchPostgres();
    if (!database?.url) {
      process.stdout.write(
        'escalation sweep bench skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server\n',
      );
      process.exit(0);
    }
    prepared.push(await prepareSize(database, total));
  }
  const { rows } = await sql`select version() as version`.execute(prepared[0].db);
  version = String(/** @type {{ version: string }} */ (rows[0]).version);
  process.stdout.write(`\npostgresql: ${version}\n`);
  process.stdout.write(
    `${settings.overdue.toLocaleString('en')} newly overdue stays among each total; sweepOnce(batch ${settings.batchSize}) until it claims nothing; ${settings.rounds} alternating rounds, the overdue stays made due again between rounds\n\n`,
  );
  // Alternating rounds (small, large; large, small; …) so a neighbour's burst of work falls on both sizes alike.
  for (let round = 0; round < settings.rounds; round += 1) {
    const order = round % 2 === 0 ? prepared : [...prepared].reverse();
    for (const size of order) {
      if (round > 0) await makeDueAgain(size);
      const run = await sweepAll(size);
      size.runs.push(run);
      process.stdout.write(
        `round ${round + 1}: ${size.total.toLocaleString('en').padStart(9)} stays: ${run.staysClaimed.toLocaleString('en')} escalated in ${run.sweepMs.toFixed(0)} ms, ${run.batches} batches (claim ${run.claimMs.toFixed(0)} ms, write ${run.writeMs.toFixed(0)} ms, engine and the rest ${run.otherMs.toFixed(0)} ms; slowest batch ${run.slowestBatchMs.toFixed(0)} ms)\n`,
      );
    }
  }
  results = [];
  for (const size of prepared) results.push(await summarise(size));
} finally {
  for (const size of prepared) {
    await size.timed.destroy();
    await size.dispose();
  }
}

process.stdout.write('\n');
for (const result of results) {
  process.stdout.write(
    `${result.total.toLocaleString('en').padStart(9)} stays (set up in ${result.setupSeconds.toFixed(0)} s): median ${result.sweepMs.toFixed(0)} ms (runs ${result.runs.map((run) => run.sweepMs.toFixed(0)).join(', ')}); a sweep with nothing due ${result.idleSweepMs.toFixed(2)} ms; the write's plan reaches stay by ${result.writePlan.stayAccess}\n`,
  );
}
const smallest = results[0];
const largest = results.at(-1);
const ratio = largest.sweepMs / smallest.sweepMs;
const roundRatios = largest.runs.map((run, round) => run.sweepMs / smallest.runs[round].sweepMs);
process.stdout.write(
  `\nsweep: ${largest.total.toLocaleString('en')} stays ${largest.sweepMs.toFixed(0)} ms, ${smallest.total.toLocaleString('en')} stays ${smallest.sweepMs.toFixed(0)} ms, for ${settings.overdue.toLocaleString('en')} overdue each: ratio ${ratio.toFixed(2)} (per round ${formatRange(roundRatios)}; 1.00 = the cost follows the overdue count only, ${largest.total / smallest.total} = it follows the total)\n`,
);
runReport.finish(
  settings,
  [{ kind: 'postgresql', version, sizes: results, ratio, roundRatios }],
  markdownOf(results, ratio, roundRatios),
);

const bySize = Object.fromEntries(results.map((result) => [result.total, result]));
if (!settings.isQuick && settings.overdue === 10_000 && bySize[1_000_000] && bySize[100_000]) {
  mergeLatestFigures({
    sweep_1m_10k_ms: Math.round(bySize[1_000_000].sweepMs),
    sweep_100k_10k_ms: Math.round(bySize[100_000].sweepMs),
    sweep_1m_over_100k_ratio: Number((bySize[1_000_000].sweepMs / bySize[100_000].sweepMs).toFixed(3)),
    sweep_1m_idle_ms: Number(bySize[1_000_000].idleSweepMs.toFixed(2)),
    sweep_100k_idle_ms: Number(bySize[100_000].idleSweepMs.toFixed(2)),
    sweep_batch_size: settings.batchSize,
    sweep_rounds: settings.rounds,
    sweep_measured_at: new Date().toISOString(),
    sweep_postgresql: version.split(' on ')[0],
  });
} else {
  process.stdout.write(
    'not the full size (100,000 and 1,000,000 stays, 10,000 overdue): bench/results/latest.json left as it was\n',
  );
}

/**
 * @typedef {{ sql: string, parameters: readonly unknown[], ms: number }} LoggedStatement
 * @typedef {{ sweepMs: number, batches: number, staysClaimed: number, effects: number, claimMs: number, writeMs: number, otherMs: number, slowestBatchMs: number }} SweepRun
 * @typedef {{ total: number, db: Kysely<any>, url: string, timed: Kysely<any>, statements: LoggedStatement[], setupSeconds: number, runs: SweepRun[], firstWrite?: LoggedStatement, dispose(): Promise<void> }} PreparedSize
 * @typedef {Awaited<ReturnType<typeof summarise>>} SizeResult
 */

/**
 * A fresh database with `total` stays, and a second handle on it whose statements are timed.
 * @param {import('./lib/bench-databases.mjs').BenchDatabase} database
 * @param {number} total
 * @returns {Promise<PreparedSize>}
 */
async function prepareSize(database, total) {
  const url = /** @type {string} */ (database.url);
  const db = database.handle.db;
  const started = performance.now();
  await withSetupConnection(url, async (setup) => {
    await insertStays(setup, total, settings.overdue, new Date());
    await settle(setup);
  });
  const setupSeconds = (performance.now() - started) / 1000;
  const due = await countDue(db, new Date());
  if (due !== settings.overdue) throw new Error(`${due} stays due after the insert, not ${settings.overdue}`);
  /** @type {LoggedStatement[]} */
  const statements = [];
  const timed = new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
    log: (event) =>
      statements.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis }),
  });
  return { total, db, url, timed, statements, setupSeconds, runs: [], dispose: () => database.dispose() };
}

/**
 * Homeward's pool stops a statement after 30 s; a million rows may take longer, so the set-up has its own connection.
 * @param {string} url
 * @param {(setup: Kysely<any>) => Promise<void>} work
 */
async function withSetupConnection(url, work) {
  const setup = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
  try {
    await work(setup);
  } finally {
    await setup.destroy();
  }
}

/**
 * Tables as they are after autovacuum has been by (statistics known, visibility map set), and no checkpoint pending.
 * @param {Kysely<any>} setup
 */
async function settle(setup) {
  await sql`vacuum analyze citizen, stay, trusted_contact, alert, outbox_message, escalation_step`.execute(setup);
  await sql`checkpoint`.execute(setup).catch(() => undefined);
}

/**
 * Sweeps until a sweep claims nothing, timing each batch's claim and write; checks every overdue stay was escalated.
 * @param {PreparedSize} size
 * @returns {Promise<SweepRun>}
 */
async function sweepAll(size) {
  const batches = [];
  const sweeping = performance.now();
  for (;;) {
    size.statements.length = 0;
    const started = performance.now();
    const outcome = await sweepOnce(size.timed, new Date(), settings.batchSize);
    const ms = performance.now() - started;
    if (outcome.stays === 0) break;
    size.firstWrite ??= size.statements.find((statement) => statement.sql.includes('jsonb_to_recordset'));
    batches.push({ ...outcome, ms, ...statementTimes(size.statements) });
  }
  const sweepMs = performance.now() - sweeping;
  const escalated = await countEscalated(size.db);
  if (escalated.alerts !== settings.overdue || escalated.contactNotices !== settings.overdue) {
    throw new Error(`expected ${settings.overdue} overdue alerts and notices, found ${JSON.stringify(escalated)}`);
  }
  const claimMs = batches.reduce((sum, batch) => sum + batch.claimMs, 0);
  const writeMs = batches.reduce((sum, batch) => sum + batch.writeMs, 0);
  return {
    sweepMs,
    batches: batches.length,
    staysClaimed: batches.reduce((sum, batch) => sum + batch.stays, 0),
    effects: batches.reduce((sum, batch) => sum + batch.effects, 0),
    claimMs,
    writeMs,
    otherMs: sweepMs - claimMs - writeMs,
    slowestBatchMs: Math.max(...batches.map((batch) => batch.ms)),
  };
}

/**
 * Puts the overdue stays back as they were before the sweep (due and grace past, reminders sent) and removes what the
 * sweep wrote for them (alerts, ledger steps, notification intents; the audit log keeps its entries), then settles.
 * @param {PreparedSize} size
 */
async function makeDueAgain(size) {
  await withSetupConnection(size.url, async (setup) => {
    const overdue = settings.overdue;
    const now = new Date();
    await setup.transaction().execute(async (trx) => {
      await sql`delete from outbox_message where stay_id in (${dueStayIds(overdue)})`.execute(trx);
      await sql`delete from escalation_step where stay_id in (${dueStayIds(overdue)})`.execute(trx);
      await sql`delete from alert where stay_id in (${dueStayIds(overdue)})`.execute(trx);
      await sql`
        update stay set phase = 'on_schedule', period = 3,
          due_at = ${now}::timestamptz - make_interval(mins => 780 + numbered.i % 60),
          reminders_sent = 3, overdue_since = null, is_escalated = false,
          next_action_at = ${now}::timestamptz - make_interval(mins => 780 + numbered.i % 60) + interval '720 minutes',
          version = stay.version + 1, updated_at = ${now}::timestamptz
        from generate_series(1, ${overdue}::integer) as numbered(i)
        where stay.id = md5('bench-stay-' || numbered.i)::uuid`.execute(trx);
    });
    await settle(setup);
  });
  const due = await countDue(size.db, new Date());
  if (due !== settings.overdue) throw new Error(`${due} stays due after the reset, not ${settings.overdue}`);
}

/** @param {number} overdue the overdue stays' ids, as a subquery */
function dueStayIds(overdue) {
  return sql`select md5('bench-stay-' || i)::uuid from generate_series(1, ${overdue}::integer) as i`;
}

/**
 * The median run, what a sweep costs with nothing due, and how the planner reaches the stays in the write.
 * @param {PreparedSize} size
 */
async function summarise(size) {
  // What a sweep costs when nothing is due: the claim's index scan finds nothing, whatever the total.
  const idle = [];
  for (let index = 0; index < settings.idleSweeps; index += 1) {
    const started = performance.now();
    await sweepOnce(size.timed, new Date(), settings.batchSize);
    idle.push(performance.now() - started);
  }
  if (!size.firstWrite) throw new Error('the sweep wrote nothing');
  const sorted = [...size.runs].sort((a, b) => a.sweepMs - b.sweepMs);
  const medianRun = sorted[Math.floor(sorted.length / 2)];
  return {
    total: size.total,
    overdue: settings.overdue,
    setupSeconds: size.setupSeconds,
    ...medianRun,
    runs: size.runs,
    idleSweepMs: median(idle),
    writePlan: await explainWrite(size.db, size.firstWrite),
  };
}

/**
 * `total` active stays (each its own citizen: one active stay per citizen), the first `overdue` of them past due and
 * grace with their reminders sent and a confirmed trusted contact, the rest due later with their next action at least
 * an hour away. Built on the server with generate_series: one statement per table.
 * @param {Kysely<any>} db
 * @param {number} total
 * @param {number} overdue
 * @param {Date} now
 */
async function insertStays(db, total, overdue, now) {
  await sql`
    insert into citizen (id, display_name, assurance, assurance_source, created_at)
    select md5('bench-citizen-' || i)::uuid, 'Bench Citizen ' || i, 'high', 'bench', ${now}::timestamptz
    from generate_series(1, ${total}::integer) as i`.execute(db);
  // Due: due 13 h to 14 h ago, so overdue (due + 12 h grace) 1 h to 2 h ago, its three reminders already sent; its
  // next action is the overdue moment. Not due: due in 3 h to 23 h, next action (the reminder 2 h before) an hour away
  // at least.
  await sql`
    with embassy as (
      select id from organisation where kind = 'embassy' and 'TH' = any(jurisdiction) order by id limit 1
    ),
    numbered as (
      select i, i <= ${overdue}::integer as is_due,
        case when i <= ${overdue}::integer
          then ${now}::timestamptz - make_interval(mins => 780 + i % 60)
          else ${now}::timestamptz + make_interval(mins => 180 + i % 1200)
        end as due_at
      from generate_series(1, ${total}::integer) as i
    )
    insert into stay (id, citizen_id, embassy_id, destination_country, risk_area_id, risk_area_kind, job_offer_level,
      details_ciphertext, language, starts_on, schedule, phase, period, due_at, reminders_sent, next_action_at,
      last_check_in_at, pin_key_id, pin_digest, duress_pin_key_id, duress_pin_digest, created_at, updated_at)
    select md5('bench-stay-' || i)::uuid, md5('bench-citizen-' || i)::uuid, embassy.id, 'TH', null, null,
      (array['low', 'elevated', 'high'])[1 + i % 3], 'bench-sealed-details', 'en', date '2026-11-01',
      ${JSON.stringify(schedule)}::jsonb, 'on_schedule', 3, due_at, case when is_due then 3 else 0 end,
      case when is_due then due_at + interval '720 minutes' else due_at - interval '120 minutes' end,
      due_at - interval '1440 minutes', 'bench-key', decode(md5('pin-' || i), 'hex'), 'bench-key',
      decode(md5('duress-' || i), 'hex'), ${now}::timestamptz - interval '3 days', ${now}::timestamptz
    from numbered, embassy`.execute(db);
  await sql`
    insert into trusted_contact (id, stay_id, name_ciphertext, channel, address_ciphertext, language, status, token_hash,
      invited_at, confirmed_at)
    select md5('bench-contact-' || i)::uuid, md5('bench-stay-' || i)::uuid, 'bench-sealed-name', 'email',
      'bench-sealed-address', 'en', 'confirmed', decode(md5('bench-token-' || i), 'hex'),
      ${now}::timestamptz - interval '3 days', ${now}::timestamptz - interval '3 days'
    from generate_series(1, ${overdue}::integer) as i`.execute(db);
}

/**
 * @param {Kysely<any>} db
 * @param {Date} at
 */
async function countDue(db, at) {
  const { rows } = await sql`select count(*)::integer as count from stay where next_action_at <= ${at}`.execute(db);
  return /** @type {{ count: number }} */ (rows[0]).count;
}

/** @param {Kysely<any>} db */
async function countEscalated(db) {
  const { rows } = await sql`
    select
      (select count(*)::integer from alert where source = 'missed_check_in') as alerts,
      (select count(*)::integer from outbox_message where template = 'contact_missed_check_in') as "contactNotices",
      (select count(*)::integer from escalation_step where kind = 'overdue') as "overdueSteps",
      (select count(*)::integer from stay where phase = 'overdue') as "overdueStays"`.execute(db);
  return /** @type {{ alerts: number, contactNotices: number, overdueSteps: number, overdueStays: number }} */ (
    rows[0]
  );
}

/**
 * The claim (the select … for update skip locked) and the write (writeTransitions' one statement) of one batch.
 * @param {readonly { sql: string, ms: number }[]} statements
 */
function statementTimes(statements) {
  const claims = statements.filter((statement) => statement.sql.trimStart().startsWith('select'));
  // A build whose claim has lost SKIP LOCKED is not the sweep the issue asks for: say so rather than time it quietly.
  if (claims.some((statement) => !/for update skip locked/i.test(statement.sql))) {
    throw new Error('the sweep claimed stays without FOR UPDATE SKIP LOCKED: is packages/server/dist up to date?');
  }
  const claimMs = claims.reduce((sum, statement) => sum + statement.ms, 0);
  const writeMs = statements
    .filter((statement) => statement.sql.includes('jsonb_to_recordset'))
    .reduce((sum, statement) => sum + statement.ms, 0);
  return { claimMs, writeMs };
}

/**
 * How the first batch's write (writeTransitions' one statement, as the sweep sent it) reaches the stays at this table
 * size: the planner's choice, shown without running the statement again.
 * @param {Kysely<any>} db
 * @param {{ sql: string, parameters: readonly unknown[] }} write
 */
async function explainWrite(db, write) {
  const { rows } = await db.executeQuery(CompiledQuery.raw(`explain ${write.sql}`, [...write.parameters]));
  const text = rows.map((row) => String(/** @type {Record<string, unknown>} */ (row)['QUERY PLAN'])).join('\n');
  // The update of stay is the first data-modifying CTE ("updated"); its scan of stay is the first one the plan names.
  const stayScan = /(Seq Scan|Index Scan|Bitmap Heap Scan|Index Only Scan)[^\n]* on stay\b/.exec(text);
  return { stayAccess: stayScan ? stayScan[0].replace(/\s+\(.*$/, '') : 'no scan of stay found', plan: text };
}

/** @param {readonly number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * @param {readonly SizeResult[]} sizes
 * @param {number} ratio
 * @param {readonly number[]} roundRatios
 */
function markdownOf(sizes, ratio, roundRatios) {
  const lines = [
    `Escalation sweep: ${settings.overdue.toLocaleString('en')} newly overdue stays, sweepOnce(batch ${settings.batchSize}) until it claims nothing, median of ${settings.rounds} alternating rounds${settings.isQuick ? ' (quick run)' : ''}.`,
    '',
    '| active stays | sweep ms (median) | runs ms | batches | claim ms | write ms | engine and rest ms | slowest batch ms | sweep with nothing due ms | write reaches stay by | set-up s |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
    ...sizes.map(
      (size) =>
        `| ${size.total.toLocaleString('en')} | ${size.sweepMs.toFixed(0)} | ${size.runs.map((run) => run.sweepMs.toFixed(0)).join(', ')} | ${size.batches} | ${size.claimMs.toFixed(0)} | ${size.writeMs.toFixed(0)} | ${size.otherMs.toFixed(0)} | ${size.slowestBatchMs.toFixed(0)} | ${size.idleSweepMs.toFixed(2)} | ${size.writePlan.stayAccess} | ${size.setupSeconds.toFixed(0)} |`,
    ),
    '',
    `Ratio, largest over smallest: ${ratio.toFixed(2)} (per round ${formatRange(roundRatios)}; 1.00 = the cost follows the overdue count only).`,
  ];
  return lines.join('\n');
}
