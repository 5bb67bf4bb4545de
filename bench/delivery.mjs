// Delivery throughput: how fast `homeward worker` processes drain an outbox of check-in reminders by SMS (Infobip,
// answered at once by a local stand-in), against a floor doing the least any outbox must do, in processes of the same
// shape: claim a batch with FOR UPDATE SKIP LOCKED, one POST per message with 8 in flight, one UPDATE per message.
// Each run gets a fresh population; floor and Homeward alternate. See bench/README.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { defaultDeliverySettings } from '../packages/server/dist/config/messaging-config.js';
import { workerReadyLine } from '../packages/server/dist/escalation/worker-command.js';
import { createKeyRing, generateKeyMaterial } from '../packages/server/dist/index.js';
import { writeKeyFileAtomically } from '../packages/server/dist/keys/key-files.js';
import { createInfobipSmsChannel } from '../packages/server/dist/notifications/channels/infobip-sms-channel.js';
import { defaultBatchSize, deliverOnce } from '../packages/server/dist/notifications/delivery-worker.js';
import { openBenchPostgres } from './lib/bench-databases.mjs';
import { floorReadyLine } from './lib/delivery-floor-worker.mjs';
import { countSent, deliveryFigures, insertDeliveryPopulation, releaseMessages } from './lib/delivery-population.mjs';
import { startInfobipStandIn } from './lib/infobip-stand-in.mjs';
import { formatRange } from './lib/rounds.mjs';
import { mergeLatestFigures, startRunReport } from './lib/run-report.mjs';
import { readPositiveNumber } from './lib/settings.mjs';

const isQuick = process.env.BENCH_QUICK === '1';
/** Per run; 5,000 keeps the default run (12 runs, a third of them at Homeward's single-worker pace) near 5 minutes. */
const defaultMessages = 5_000;
const settings = {
  isQuick,
  messages: Math.round(readPositiveNumber('BENCH_DELIVERY_MESSAGES', isQuick ? 1_000 : defaultMessages)),
  workers: (process.env.BENCH_DELIVERY_WORKERS || '1,2,4').split(',').map((text) => Number(text.trim())),
  rounds: Math.round(readPositiveNumber('BENCH_DELIVERY_ROUNDS', 2)),
  /** Both sides claim Homeward's batch and send 8 at a time through a pool of 6 connections, as `homeward worker`. */
  batchSize: defaultBatchSize,
  lanes: 8,
  poolSize: 6,
  idleMs: 1_000,
  breakdownMessages: Math.round(readPositiveNumber('BENCH_DELIVERY_BREAKDOWN_MESSAGES', isQuick ? 500 : 2_000)),
};
if (settings.workers.some((count) => !Number.isInteger(count) || count <= 0)) {
  throw new Error(`BENCH_DELIVERY_WORKERS must list positive integers, not ${process.env.BENCH_DELIVERY_WORKERS}`);
}
/** The backlog the claim's plan is shown on: a burst of 20,000 reminders. */
const claimPlanMessages = 20_000;
/** A run that has not drained its outbox by then has stalled. */
const runTimeoutMs = 300_000;

const cliPath = fileURLToPath(new URL('../packages/server/dist/cli.js', import.meta.url));
const floorWorkerPath = fileURLToPath(new URL('./lib/delivery-floor-worker.mjs', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const apiKey = 'bench-infobip-key';

const database = await openBenchPostgres();
if (!database?.url) {
  process.stdout.write(
    'delivery bench skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server\n',
  );
  process.exit(0);
}

const runReport = startRunReport('delivery');
const keysFolder = mkdtempSync(join(tmpdir(), 'homeward-bench-keys-'));
const keysFile = join(keysFolder, 'keys.json');
const material = generateKeyMaterial();
await writeKeyFileAtomically(keysFile, material, { mayReplace: false });
const keys = createKeyRing(material);
const provider = await startInfobipStandIn({ apiKey });
/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

let result;
try {
  result = await bench(database.handle.db, /** @type {string} */ (database.url));
} finally {
  await provider.close();
  rmSync(keysFolder, { recursive: true, force: true });
  await database.dispose();
}

printSummary(result);
runReport.finish(settings, [result], markdownOf(result));
const single = result.byWorkers.find((entry) => entry.workers === 1);
if (single && !settings.isQuick && settings.messages === defaultMessages) {
  mergeLatestFigures({
    delivery_floor_ratio: round(single.ratio, 3),
    delivery_msgs_per_s: Math.round(single.homeward.messagesPerSecond),
    delivery_floor_msgs_per_s: Math.round(single.floor.messagesPerSecond),
    delivery_p50_ms: Math.round(single.homeward.p50Ms),
    delivery_p99_ms: Math.round(single.homeward.p99Ms),
    ...Object.fromEntries(
      result.byWorkers
        .filter((entry) => entry.workers !== 1)
        .flatMap((entry) => [
          [`delivery_floor_ratio_${entry.workers}w`, round(entry.ratio, 3)],
          [`delivery_msgs_per_s_${entry.workers}w`, Math.round(entry.homeward.messagesPerSecond)],
        ]),
    ),
    delivery_messages: settings.messages,
    delivery_measured_at: new Date().toISOString(),
    delivery_postgresql: result.version.split(' on ')[0],
  });
} else {
  process.stdout.write(
    `not the default size (${defaultMessages.toLocaleString('en')} messages): bench/results/latest.json left as it was\n`,
  );
}

/**
 * @typedef {{ variant: 'floor' | 'homeward', workers: number, round: number, messages: number, seconds: number, messagesPerSecond: number, p50Ms: number, p99Ms: number, secondsFromRelease: number, providerCalls: number, duplicates: number, attempts: number, setupSeconds: number }} Run
 */

/**
 * @param {Kysely<any>} db
 * @param {string} url
 */
async function bench(db, url) {
  const { rows } = await sql`select version() as version`.execute(db);
  const version = String(/** @type {{ version: string }} */ (rows[0]).version);
  process.stdout.write(`\npostgresql: ${version}\n`);
  process.stdout.write(
    `${settings.messages.toLocaleString('en')} check-in reminders by SMS per run, a fresh population each; batches of ${settings.batchSize}, ${settings.lanes} sends in flight and ${settings.poolSize} database connections per process; ${settings.rounds} alternating rounds per worker count\n\n`,
  );
  /** @type {Run[]} */
  const runs = [];
  for (const workers of settings.workers) {
    for (let round = 0; round < settings.rounds; round += 1) {
      /** @type {('floor' | 'homeward')[]} */
      const order = round % 2 === 0 ? ['floor', 'homeward'] : ['homeward', 'floor'];
      for (const variant of order) {
        const run = await measure(db, url, variant, workers, round + 1);
        runs.push(run);
        process.stdout.write(
          `${workers} × ${variant.padEnd(8)} round ${round + 1}: ${run.messages.toLocaleString('en')} sent in ${run.seconds.toFixed(2)} s: ${Math.round(run.messagesPerSecond).toLocaleString('en')} msg/s; available→sent p50 ${run.p50Ms.toFixed(0)} ms, p99 ${run.p99Ms.toFixed(0)} ms (population set up in ${run.setupSeconds.toFixed(1)} s)\n`,
        );
      }
    }
  }
  const byWorkers = settings.workers.map((workers) => {
    const floorRuns = runs.filter((run) => run.workers === workers && run.variant === 'floor');
    const homewardRuns = runs.filter((run) => run.workers === workers && run.variant === 'homeward');
    const floor = pooled(floorRuns);
    const homeward = pooled(homewardRuns);
    return {
      workers,
      floor,
      homeward,
      ratio: homeward.messagesPerSecond / floor.messagesPerSecond,
      roundRatios: homewardRuns.map((run, index) => run.messagesPerSecond / floorRuns[index].messagesPerSecond),
    };
  });
  const claimPlan = await explainClaim(db);
  const breakdown = await statementBreakdown(db, url);
  return { kind: 'postgresql', version, runs, byWorkers, claimPlan, breakdown };
}

/**
 * Several runs as one: messages over total seconds; the latency percentiles are the runs' medians.
 * @param {readonly Run[]} runs
 */
function pooled(runs) {
  const messages = runs.reduce((sum, run) => sum + run.messages, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return {
    messagesPerSecond: messages / seconds,
    p50Ms: median(runs.map((run) => run.p50Ms)),
    p99Ms: median(runs.map((run) => run.p99Ms)),
    runs: runs.map((run) => Math.round(run.messagesPerSecond)),
  };
}

/**
 * One run: a fresh population, `workers` processes of the variant started and idle, every message released at once,
 * then the time until the last one is sent.
 * @param {Kysely<any>} db
 * @param {string} url
 * @param {'floor' | 'homeward'} variant
 * @param {number} workers
 * @param {number} round
 * @returns {Promise<Run>}
 */
async function measure(db, url, variant, workers, round) {
  const settingUp = performance.now();
  await insertDeliveryPopulation(db, keys, settings.messages);
  const setupSeconds = (performance.now() - settingUp) / 1000;
  provider.reset();
  const processes = Array.from({ length: workers }, () => startSender(variant, url));
  try {
    await Promise.all(processes.map((sender) => sender.ready));
    const releasedAt = performance.now();
    await releaseMessages(db);
    const deadline = Date.now() + runTimeoutMs;
    for (let sent = 0; sent < settings.messages; sent = await countSent(db)) {
      const broken = processes.find((sender) => sender.child.exitCode !== null);
      if (broken) throw new Error(`a ${variant} worker exited (${broken.child.exitCode}): ${broken.output()}`);
      if (Date.now() > deadline) {
        throw new Error(`${variant}: ${settings.messages - sent} messages still unsent after ${runTimeoutMs} ms`);
      }
      await sleep(100);
    }
    const secondsFromRelease = (performance.now() - releasedAt) / 1000;
    const figures = await deliveryFigures(db);
    if (figures.unsent !== 0) throw new Error(`${variant}: ${figures.unsent} messages not sent`);
    if (provider.distinctIds() !== settings.messages || provider.refused() !== 0) {
      throw new Error(
        `${variant}: the provider took ${provider.distinctIds()} distinct messages (${provider.refused()} refused), not ${settings.messages}`,
      );
    }
    // From the first send to the last: the idle workers' first poll after the release (up to idleMs) is left out.
    const seconds = (figures.lastSentAt.getTime() - figures.firstSentAt.getTime()) / 1000;
    return {
      variant,
      workers,
      round,
      messages: settings.messages,
      seconds,
      messagesPerSecond: (settings.messages - 1) / seconds,
      p50Ms: figures.p50Ms,
      p99Ms: figures.p99Ms,
      secondsFromRelease,
      providerCalls: provider.calls(),
      duplicates: provider.calls() - provider.distinctIds(),
      attempts: figures.attempts,
      setupSeconds,
    };
  } finally {
    await Promise.all(processes.map((sender) => sender.stop()));
  }
}

/**
 * A `homeward worker` process (as deployed: DATABASE_URL, the key file, Infobip's settings; logs at warn), or a floor
 * process; both print a line when they poll.
 * @param {'floor' | 'homeward'} variant
 * @param {string} url
 */
function startSender(variant, url) {
  const cleanEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/' };
  const child =
    variant === 'homeward'
      ? spawn(process.execPath, [cliPath, 'worker'], {
          cwd: repositoryRoot,
          env: {
            ...cleanEnv,
            DATABASE_URL: url,
            HOMEWARD_KEYS_FILE: keysFile,
            HOMEWARD_PUBLIC_URL: 'http://127.0.0.1',
            HOMEWARD_INFOBIP_BASE_URL: provider.url,
            HOMEWARD_INFOBIP_API_KEY: apiKey,
            HOMEWARD_INFOBIP_FROM: 'Homeward',
            LOG_LEVEL: 'warn',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(
          process.execPath,
          [
            floorWorkerPath,
            JSON.stringify({
              databaseUrl: url,
              providerUrl: provider.url,
              apiKey,
              batchSize: settings.batchSize,
              lanes: settings.lanes,
              poolSize: settings.poolSize,
              idleMs: settings.idleMs,
            }),
          ],
          { cwd: repositoryRoot, env: cleanEnv, stdio: ['ignore', 'pipe', 'pipe'] },
        );
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout = (stdout + chunk).slice(-20_000);
  });
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const readyLine = variant === 'homeward' ? workerReadyLine : floorReadyLine;
  const output = () => `${stdout}${stderr}`;
  const ready = (async () => {
    const deadline = Date.now() + 30_000;
    while (!stdout.includes(readyLine)) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`a ${variant} worker did not start: ${output()}`);
      await sleep(20);
    }
  })();
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
    children.delete(child);
    // A warning or worse from a worker means a delivery went wrong: show it.
    const warnings = stdout.split('\n').filter((line) => line.startsWith('{') && JSON.parse(line).level >= 40);
    if (warnings.length > 0 || stderr.trim() !== '') {
      process.stdout.write(`${variant} worker ${child.pid} said:\n${[...warnings, stderr.trim()].join('\n')}\n`);
    }
  };
  return { child, ready, stop, output };
}

/**
 * How the planner runs Homeward's claim on a backlog of `claimPlanMessages` due messages, as `claimMessages` sends it.
 * @param {Kysely<any>} db
 */
async function explainClaim(db) {
  await insertDeliveryPopulation(db, keys, claimPlanMessages);
  await releaseMessages(db);
  const now = new Date();
  const { rows } = await db.executeQuery(
    CompiledQuery.raw(
      `explain (analyze, costs off, timing off, summary on)
       with expired as (
         select id from outbox_message where status = 'sending' and lease_until <= $1
         order by lease_until limit $2 for update skip locked
       ),
       pending as (
         select id from outbox_message where status = 'pending' and available_at <= $1
         order by available_at limit $2 for update skip locked
       )
       select id from expired union all select id from pending limit $2`,
      [now, settings.batchSize],
    ),
  );
  return rows.map((row) => String(/** @type {Record<string, unknown>} */ (row)['QUERY PLAN'])).join('\n');
}

/**
 * Where one Homeward worker's time goes: `deliverOnce` in this process on a smaller population, through a handle
 * that times every statement, grouped by what the statement does. Only for the breakdown; the throughput figures
 * come from the `homeward worker` processes above.
 * @param {Kysely<any>} db
 * @param {string} url
 */
async function statementBreakdown(db, url) {
  await insertDeliveryPopulation(db, keys, settings.breakdownMessages);
  await releaseMessages(db);
  /** @type {{ sql: string, ms: number }[]} */
  const statements = [];
  const timed = new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: settings.poolSize }) }),
    log: (event) => statements.push({ sql: event.query.sql, ms: event.queryDurationMillis }),
  });
  const silent = { error() {}, warn() {}, info() {}, debug() {}, trace() {}, fatal() {}, child: () => silent };
  const deps = {
    db: timed,
    keys,
    clock: { now: () => new Date() },
    channels: new Map([['sms', createInfobipSmsChannel({ baseUrl: provider.url, apiKey, from: 'Homeward' })]]),
    settings: defaultDeliverySettings,
    publicUrl: 'http://127.0.0.1',
    log: silent,
  };
  const started = performance.now();
  let sent = 0;
  try {
    for (;;) {
      const outcome = await deliverOnce(deps, settings.batchSize);
      sent += outcome.sent;
      if (outcome.claimed === 0) break;
    }
  } finally {
    await timed.destroy();
  }
  const wallMs = performance.now() - started;
  if (sent !== settings.breakdownMessages)
    throw new Error(`breakdown: ${sent} sent, not ${settings.breakdownMessages}`);
  /** @type {Map<string, { count: number, ms: number }>} */
  const groups = new Map();
  for (const statement of statements) {
    const name = statementKind(statement.sql);
    const group = groups.get(name) ?? { count: 0, ms: 0 };
    group.count += 1;
    group.ms += statement.ms;
    groups.set(name, group);
  }
  return {
    messages: sent,
    wallMs,
    statementsPerMessage: statements.length / sent,
    statementMsPerMessage: statements.reduce((sum, statement) => sum + statement.ms, 0) / sent,
    groups: [...groups.entries()]
      .map(([name, group]) => ({
        name,
        perMessage: group.count / sent,
        msPerMessage: group.ms / sent,
        meanMs: group.ms / group.count,
      }))
      .sort((a, b) => b.msPerMessage - a.msPerMessage),
  };
}

/** @param {string} text a statement as Kysely sent it */
function statementKind(text) {
  const flat = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (flat === 'begin' || flat.startsWith('begin')) return 'begin';
  if (flat === 'commit') return 'commit';
  if (flat === 'rollback') return 'rollback';
  if (flat.startsWith('with due as')) return 'claim (select … for update skip locked, update)';
  if (flat.includes('from "message_channel"')) return 'recipient: message_channel select';
  if (flat.startsWith('select "attempt", "channel", "provider", "started_at", "outcome"'))
    return 'openAttemptOf select';
  if (flat.includes('count(*)') && flat.includes('"outbox_message"')) return 'rate limit: count sent to recipient';
  if (flat.startsWith('select "schedule" from "stay"')) return 'quiet hours: stay schedule select';
  if (flat.startsWith('update "outbox_message" set "attempts"')) return 'beginAttempt: update outbox_message';
  if (flat.startsWith('insert into "delivery_attempt"')) return 'beginAttempt: insert delivery_attempt';
  if (flat.startsWith('update "delivery_attempt"')) return 'closeAttempt: update delivery_attempt';
  if (flat.startsWith('update "outbox_message"')) return 'settleMessage: update outbox_message';
  return flat.slice(0, 60);
}

/** @param {Awaited<ReturnType<typeof bench>>} result */
function printSummary(result) {
  process.stdout.write('\n');
  for (const entry of result.byWorkers) {
    process.stdout.write(
      `${entry.workers} worker process${entry.workers > 1 ? 'es' : ''}: floor ${Math.round(entry.floor.messagesPerSecond).toLocaleString('en')} msg/s, Homeward ${Math.round(entry.homeward.messagesPerSecond).toLocaleString('en')} msg/s: ratio ${entry.ratio.toFixed(2)} (per round ${formatRange(entry.roundRatios)}); Homeward available→sent p50 ${entry.homeward.p50Ms.toFixed(0)} ms, p99 ${entry.homeward.p99Ms.toFixed(0)} ms\n`,
    );
  }
  const { breakdown } = result;
  process.stdout.write(
    `\none worker's statements (deliverOnce in this process, ${breakdown.messages.toLocaleString('en')} messages, ${((breakdown.messages / breakdown.wallMs) * 1000).toFixed(0)} msg/s): ${breakdown.statementsPerMessage.toFixed(1)} statements and ${breakdown.statementMsPerMessage.toFixed(2)} ms of statement time per message\n`,
  );
  for (const group of breakdown.groups) {
    process.stdout.write(
      `  ${group.name.padEnd(48)} ${group.perMessage.toFixed(2).padStart(5)} per message, ${group.meanMs.toFixed(2).padStart(6)} ms each, ${group.msPerMessage.toFixed(2).padStart(6)} ms per message\n`,
    );
  }
  process.stdout.write(
    `\nHomeward's claim with ${claimPlanMessages.toLocaleString('en')} messages due:\n${result.claimPlan}\n`,
  );
}

/** @param {Awaited<ReturnType<typeof bench>>} result */
function markdownOf(result) {
  const lines = [
    `Delivery: ${settings.messages.toLocaleString('en')} check-in reminders by SMS per run (a fresh population each), Infobip answered at once by a local stand-in; batches of ${settings.batchSize}, ${settings.lanes} in flight and ${settings.poolSize} connections per process; ${settings.rounds} alternating rounds${settings.isQuick ? ' (quick run)' : ''}.`,
    '',
    '| processes | floor msg/s | Homeward msg/s | Homeward ÷ floor (per round) | floor runs msg/s | Homeward runs msg/s | Homeward available→sent p50 ms | p99 ms |',
    '| ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |',
    ...result.byWorkers.map(
      (entry) =>
        `| ${entry.workers} | ${Math.round(entry.floor.messagesPerSecond).toLocaleString('en')} | ${Math.round(entry.homeward.messagesPerSecond).toLocaleString('en')} | ${entry.ratio.toFixed(2)} (${formatRange(entry.roundRatios)}) | ${entry.floor.runs.join(', ')} | ${entry.homeward.runs.join(', ')} | ${entry.homeward.p50Ms.toFixed(0)} | ${entry.homeward.p99Ms.toFixed(0)} |`,
    ),
    '',
    `One worker's statements (\`deliverOnce\` in the bench's process, ${result.breakdown.messages.toLocaleString('en')} messages): ${result.breakdown.statementsPerMessage.toFixed(1)} statements, ${result.breakdown.statementMsPerMessage.toFixed(2)} ms of statement time per message.`,
    '',
    '| statement | per message | mean ms | ms per message |',
    '| --- | ---: | ---: | ---: |',
    ...result.breakdown.groups.map(
      (group) =>
        `| ${group.name} | ${group.perMessage.toFixed(2)} | ${group.meanMs.toFixed(2)} | ${group.msPerMessage.toFixed(2)} |`,
    ),
    '',
    `Homeward's claim with ${claimPlanMessages.toLocaleString('en')} messages due:`,
    '',
    '```',
    result.claimPlan,
    '```',
  ];
  return lines.join('\n');
}

/** @param {readonly number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * @param {number} value
 * @param {number} digits
 */
function round(value, digits) {
  return Number(value.toFixed(digits));
}

/** @param {number} ms */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
