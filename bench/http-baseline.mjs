// HTTP baseline: Homeward's routes against a bare Fastify floor doing the same SQL on the same database,
// reported as ratios measured in the same run. See bench/README.md.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, devNull, loadavg, release, totalmem } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import { buildApp, createKeyRing, defaultAppConfig, generateKeyMaterial } from '../packages/server/dist/index.js';
import { benchDatabases } from './lib/bench-databases.mjs';
import { startFloorApp } from './lib/floor-app.mjs';
import { runLoad, summariseRuns } from './lib/load.mjs';

/** @typedef {import('./lib/load.mjs').LoadSummary & { roundThroughputRatios: number[] }} LoadSummary */

const endpoints = [
  { name: 'healthz', path: '/healthz', sql: 'none' },
  { name: 'readyz', path: '/readyz', sql: 'select 1' },
  { name: 'organisations', path: '/api/v1/organisations?kind=embassy', sql: 'select organisation … order by' },
];

/** Homeward as deployed (info-level request logs), with the logs going to /dev/null; and with logging off. */
const variants = [
  { name: 'floor', label: 'floor' },
  { name: 'app', label: 'app (log info)' },
  { name: 'appSilent', label: 'app (silent)' },
];

const settings = readSettings();
const startedAt = new Date();
const loadAverageAtStart = loadavg();
const cpuPressureAtStart = readCpuPressure();
const devNullFd = openSync(devNull, 'w');
/** @type {unknown[]} */
const databaseResults = [];
let hasFailures = false;

try {
  for (const source of benchDatabases()) {
    const database = await source.open();
    try {
      databaseResults.push(await benchDatabase(source.name, database.handle.db));
    } finally {
      await database.dispose();
    }
  }
} finally {
  closeSync(devNullFd);
}

const report = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  settings,
  gitCommit: readGitCommit(),
  machine: {
    cpuCount: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemoryBytes: totalmem(),
    platform: process.platform,
    arch: process.arch,
    osRelease: release(),
    nodeVersion: process.version,
    loadAverageAtStart,
    loadAverageAtEnd: loadavg(),
    cpuPressureAtStart,
    cpuPressureAtEnd: readCpuPressure(),
  },
  databases: databaseResults,
};
const resultsDir = new URL('./results/', import.meta.url);
mkdirSync(resultsDir, { recursive: true });
const resultsFile = new URL(`${startedAt.toISOString().replaceAll(':', '-')}.json`, resultsDir);
writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  `\nbefore the run: load average ${formatLoad(loadAverageAtStart)}, CPU pressure ${cpuPressureAtStart ?? '?'}% of the last minute; after: ${formatLoad(loadavg())}, ${readCpuPressure() ?? '?'}%\n`,
);
// The bench itself keeps two cores busy, so only the state before it started tells whether something else ran.
if (loadAverageAtStart[0] > cpus().length / 2) {
  process.stdout.write('the machine was already busy: trust a ratio only as far as its per-round spread allows\n');
}
process.stdout.write(`results written to ${resultsFile.pathname}\n`);
if (hasFailures) {
  process.stderr.write('some requests failed (non-2xx, errors or timeouts): the numbers above are not comparable\n');
  process.exitCode = 1;
}

/**
 * @param {string} kind
 * @param {import('kysely').Kysely<any>} db
 */
async function benchDatabase(kind, db) {
  const { rows } = await sql`select version() as version`.execute(db);
  const version = String(/** @type {{ version: string }} */ (rows[0]).version);
  const servers = {
    floor: await startFloorApp(db),
    app: await startHomeward(db, 'info', { write: (line) => writeSync(devNullFd, line) }),
    appSilent: await startHomeward(db, 'silent', undefined),
  };
  try {
    const origins = Object.fromEntries(Object.entries(servers).map(([name, app]) => [name, originOf(app)]));
    await verifySameAnswers(origins);
    process.stdout.write(`\n${kind}: ${version}\n`);
    process.stdout.write(
      `${settings.connections} connections, ${settings.seconds} s measured per variant in ${settings.rounds} alternating rounds, ${settings.warmupSeconds} s warm-up\n\n`,
    );
    process.stdout.write(
      `${tableRow(['endpoint', 'variant', 'req/s', 'p50 ms', 'p99 ms', 'req/s ÷ floor', 'per round', 'p99 ÷ floor'])}\n`,
    );
    const endpointResults = [];
    for (const endpoint of endpoints) {
      const summaries = await measureEndpoint(endpoint.path, origins);
      printEndpoint(endpoint.name, summaries);
      if (Object.values(summaries).some((summary) => summary.failures > 0)) hasFailures = true;
      endpointResults.push({ ...endpoint, variants: summaries, ratios: ratiosOf(summaries) });
    }
    return { kind, version, endpoints: endpointResults };
  } finally {
    for (const app of Object.values(servers)) await app.close();
  }
}

/**
 * @param {import('kysely').Kysely<any>} db
 * @param {string} logLevel
 * @param {{ write(line: string): void } | undefined} logStream
 */
async function startHomeward(db, logLevel, logStream) {
  const app = await buildApp({
    db,
    isDemo: true,
    config: { ...defaultAppConfig, publicUrl: 'http://127.0.0.1' },
    keys: createKeyRing(generateKeyMaterial()),
    logLevel,
    ...(logStream && { logStream }),
    appsDir: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

/** @param {import('fastify').FastifyInstance} app */
function originOf(app) {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * A floor that answered differently would not be doing the same work, so the ratios would mean nothing.
 * @param {Record<string, string>} origins
 */
async function verifySameAnswers(origins) {
  for (const endpoint of endpoints) {
    const answers = [];
    for (const [name, origin] of Object.entries(origins)) {
      const response = await fetch(`${origin}${endpoint.path}`, { signal: AbortSignal.timeout(10_000) });
      if (response.status !== 200) throw new Error(`${name} ${endpoint.path} answered ${response.status}`);
      answers.push(await response.json());
    }
    if (!answers.every((answer) => isDeepStrictEqual(answer, answers[0]))) {
      throw new Error(`floor and app answer ${endpoint.path} differently: ${JSON.stringify(answers)}`);
    }
  }
}

/**
 * Warms every variant up, then measures them in rounds whose order alternates (floor, app, silent; silent,
 * app, floor; …) so that drift in the machine's load falls on every variant alike.
 * @param {string} path
 * @param {Record<string, string>} origins
 * @returns {Promise<Record<string, LoadSummary>>}
 */
async function measureEndpoint(path, origins) {
  const { connections } = settings;
  for (const variant of variants) {
    await runLoad({ url: `${origins[variant.name]}${path}`, connections, seconds: settings.warmupSeconds });
  }
  /** @type {Record<string, import('./lib/load.mjs').LoadRun[]>} */
  const runs = Object.fromEntries(variants.map((variant) => [variant.name, []]));
  const seconds = settings.seconds / settings.rounds;
  for (let round = 0; round < settings.rounds; round += 1) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      runs[variant.name].push(await runLoad({ url: `${origins[variant.name]}${path}`, connections, seconds }));
    }
  }
  return Object.fromEntries(
    variants.map((variant) => [
      variant.name,
      { ...summariseRuns(runs[variant.name]), roundThroughputRatios: roundRatios(runs[variant.name], runs.floor) },
    ]),
  );
}

/**
 * Throughput ratio to the floor's run of the same round, per round: their spread shows how noisy the machine was.
 * @param {readonly import('./lib/load.mjs').LoadRun[]} runs
 * @param {readonly import('./lib/load.mjs').LoadRun[]} floorRuns
 */
function roundRatios(runs, floorRuns) {
  return runs.map((run, round) => run.ok / run.seconds / (floorRuns[round].ok / floorRuns[round].seconds));
}

/** @param {Record<string, LoadSummary>} summaries */
function ratiosOf(summaries) {
  const floor = summaries.floor;
  return Object.fromEntries(
    variants
      .filter((variant) => variant.name !== 'floor')
      .map((variant) => [
        variant.name,
        {
          throughput: summaries[variant.name].requestsPerSecond / floor.requestsPerSecond,
          p99: summaries[variant.name].p99Ms / floor.p99Ms,
        },
      ]),
  );
}

/**
 * @param {string} endpointName
 * @param {Record<string, LoadSummary>} summaries
 */
function printEndpoint(endpointName, summaries) {
  const ratios = ratiosOf(summaries);
  for (const [index, variant] of variants.entries()) {
    const summary = summaries[variant.name];
    const ratio = ratios[variant.name] ?? { throughput: 1, p99: 1 };
    const cells = [
      index === 0 ? endpointName : '',
      variant.label + (summary.failures > 0 ? ` (${summary.failures} failed)` : ''),
      Math.round(summary.requestsPerSecond).toLocaleString('en'),
      summary.p50Ms.toFixed(2),
      summary.p99Ms.toFixed(2),
      ratio.throughput.toFixed(2),
      variant.name === 'floor' ? '' : formatRange(summary.roundThroughputRatios),
      ratio.p99.toFixed(2),
    ];
    process.stdout.write(`${tableRow(cells)}\n`);
  }
}

/** @param {readonly string[]} cells */
function tableRow(cells) {
  const widths = [15, 24, 9, 8, 8, 14, 11, 12];
  return cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join(' ');
}

/** @param {readonly number[]} values */
function formatRange(values) {
  return `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
}

/**
 * Linux's share of the last minute in which some runnable task waited for a CPU: a direct measure of a noisy neighbour.
 * @returns {number | null} percent, or null where /proc/pressure is unavailable
 */
function readCpuPressure() {
  try {
    const match = /^some avg10=[\d.]+ avg60=([\d.]+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The commit the bench ran on (the work tree may hold uncommitted changes too), or null outside a git checkout. */
function readGitCommit() {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** @param {readonly number[]} load */
function formatLoad(load) {
  return load.map((value) => value.toFixed(2)).join(', ');
}

function readSettings() {
  const seconds = readPositiveNumber('BENCH_SECONDS', 10);
  return {
    seconds,
    warmupSeconds: readPositiveNumber('BENCH_WARMUP_SECONDS', 2),
    connections: Math.round(readPositiveNumber('BENCH_CONNECTIONS', 10)),
    // Many short rounds spread a noisy neighbour over every variant; each run lasts at least a second.
    rounds: Math.max(1, Math.min(Math.round(readPositiveNumber('BENCH_ROUNDS', 5)), Math.floor(seconds))),
  };
}

/**
 * @param {string} name
 * @param {number} fallback
 */
function readPositiveNumber(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${text}`);
  return value;
}
