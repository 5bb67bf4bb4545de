// Check-in throughput and p99 latency: Homeward's app check-in route (session cookie, CSRF token, PIN, a fresh
// Idempotency-Key each time) against a floor doing the least durable work in one round trip, on the same stays of the
// same PostgreSQL database, at 10 and 50 connections, in alternating rounds. See bench/README.md.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { devNull } from 'node:os';
import { sql } from 'kysely';
import { createKeyRing, generateKeyMaterial } from '../packages/server/dist/index.js';
import { openBenchPostgres } from './lib/bench-databases.mjs';
import { checkInRoute, startBareService, startFloor } from './lib/check-in-servers.mjs';
import { registerBenchStays, writeTargetsFile } from './lib/check-in-stays.mjs';
import { benchAppConfig, originOf, startHomeward } from './lib/homeward-server.mjs';
import { formatRange, measureInRounds, printHeader, printVariants, ratiosOf } from './lib/rounds.mjs';
import { mergeLatestFigures, startRunReport } from './lib/run-report.mjs';
import { readPositiveNumber } from './lib/settings.mjs';

const isQuick = process.env.BENCH_QUICK === '1';
const seconds = readPositiveNumber('BENCH_SECONDS', isQuick ? 3 : 10);
const settings = {
  isQuick,
  seconds,
  warmupSeconds: readPositiveNumber('BENCH_WARMUP_SECONDS', isQuick ? 1 : 2),
  rounds: Math.max(1, Math.min(Math.round(readPositiveNumber('BENCH_ROUNDS', 5)), Math.floor(seconds))),
  stays: Math.round(readPositiveNumber('BENCH_CHECKIN_STAYS', 2000)),
  connections: (process.env.BENCH_CHECKIN_CONNECTIONS || '10,50').split(',').map((text) => Number(text.trim())),
  // The two steps between the floor and the app that show where the time goes; BENCH_CHECKIN_BREAKDOWN=0 skips them.
  breakdown: process.env.BENCH_CHECKIN_BREAKDOWN !== '0',
};
if (settings.connections.some((count) => !Number.isInteger(count) || count <= 0)) {
  throw new Error(
    `BENCH_CHECKIN_CONNECTIONS must list positive integers, not ${process.env.BENCH_CHECKIN_CONNECTIONS}`,
  );
}
/** The concurrency latest.json's headline figures are taken at (the issue's targets are stated at 50). */
const headlineConnections = settings.connections.includes(50) ? 50 : settings.connections.at(-1);

const variants = [
  { name: 'floor', label: 'floor (1 statement)' },
  { name: 'app', label: 'app (log info)' },
  ...(settings.breakdown
    ? [
        { name: 'sessionService', label: 'bare: session+service' },
        { name: 'service', label: 'bare: service only' },
      ]
    : []),
];

const database = await openBenchPostgres();
if (!database) {
  process.stdout.write(
    'check-in bench skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server\n',
  );
  process.exit(0);
}

const runReport = startRunReport('check-in');
const devNullFd = openSync(devNull, 'w');
/** @type {string | undefined} */
let targetsFile;
let result;
try {
  result = await bench(database.handle.db);
} finally {
  closeSync(devNullFd);
  if (targetsFile) rmSync(targetsFile, { force: true });
  await database.dispose();
}

runReport.finish(settings, [result], markdownOf(result));
const headline = result.byConnections.find((entry) => entry.connections === headlineConnections);
if (headline && !settings.isQuick) {
  mergeLatestFigures({
    checkin_floor_ratio: round(headline.ratios.app.throughput, 3),
    checkin_p99_ratio: round(headline.ratios.app.p99, 3),
    checkin_p99_ms: round(headline.summaries.app.p99Ms, 2),
    checkin_rps: Math.round(headline.summaries.app.requestsPerSecond),
    checkin_floor_rps: Math.round(headline.summaries.floor.requestsPerSecond),
    checkin_floor_p99_ms: round(headline.summaries.floor.p99Ms, 2),
    checkin_connections: headlineConnections,
    ...Object.fromEntries(
      result.byConnections
        .filter((entry) => entry.connections !== headlineConnections)
        .flatMap((entry) => [
          [`checkin_floor_ratio_${entry.connections}c`, round(entry.ratios.app.throughput, 3)],
          [`checkin_p99_ratio_${entry.connections}c`, round(entry.ratios.app.p99, 3)],
          [`checkin_p99_ms_${entry.connections}c`, round(entry.summaries.app.p99Ms, 2)],
        ]),
    ),
    checkin_measured_at: new Date().toISOString(),
    checkin_postgresql: result.version.split(' on ')[0],
  });
} else if (settings.isQuick) {
  process.stdout.write('quick run: bench/results/latest.json left as it was (it holds full-size figures only)\n');
}
if (result.hasFailures) {
  process.stderr.write('some requests failed (non-2xx, errors or timeouts): the numbers above are not comparable\n');
  process.exitCode = 1;
}

/** @param {import('kysely').Kysely<any>} db */
async function bench(db) {
  const { rows } = await sql`select version() as version`.execute(db);
  const version = String(/** @type {{ version: string }} */ (rows[0]).version);
  const keys = createKeyRing(generateKeyMaterial());
  const servers = {
    floor: await startFloor(db),
    app: await startHomeward(db, 'info', { write: (line) => writeSync(devNullFd, line) }, keys),
    ...(settings.breakdown && {
      sessionService: await startBareService(db, keys, { session: true, config: benchAppConfig }),
    }),
  };
  try {
    const origins = Object.fromEntries(Object.entries(servers).map(([name, app]) => [name, originOf(app)]));
    const registering = Date.now();
    const stays = await registerBenchStays(db, benchAppConfig, origins.app, settings.stays);
    const registerSeconds = (Date.now() - registering) / 1000;
    if (settings.breakdown) {
      const citizenOf = new Map(stays.map((stay) => [stay.stayId, stay.citizenId]));
      servers.service = await startBareService(db, keys, { session: false, citizenOf });
      origins.service = originOf(servers.service);
    }
    targetsFile = writeTargetsFile(stays);
    await verifySameAnswers(origins, stays[0].target);

    process.stdout.write(`\npostgresql: ${version}\n`);
    process.stdout.write(
      `${settings.stays.toLocaleString('en')} stays (registered through the app in ${registerSeconds.toFixed(1)} s), each with its own citizen session; requests go to them round-robin, PIN right, a fresh Idempotency-Key each\n`,
    );
    process.stdout.write(
      `${settings.seconds} s measured per variant per concurrency in ${settings.rounds} alternating rounds, ${settings.warmupSeconds} s warm-up\n\n`,
    );
    printHeader();
    const checkInsBefore = await countCheckIns(db);
    const byConnections = [];
    let hasFailures = false;
    let okRequests = 0;
    for (const connections of settings.connections) {
      const summaries = await measureInRounds(
        variants,
        (name) => origins[name],
        { ...settings, connections },
        { targetsFile },
      );
      printVariants(`${connections} conns`, variants, summaries);
      for (const summary of Object.values(summaries)) {
        if (summary.failures > 0) hasFailures = true;
        okRequests += summary.requests;
      }
      byConnections.push({ connections, summaries, ratios: ratiosOf(variants, summaries) });
    }
    // Every 2xx counted above (warm-ups aside) must be a check-in row: an answer before the write would be a lie.
    const written = (await countCheckIns(db)) - checkInsBefore;
    if (written < okRequests) throw new Error(`${okRequests} check-ins answered 201 but only ${written} were written`);

    for (const entry of byConnections) {
      const app = entry.ratios.app;
      process.stdout.write(
        `\ncheck-in at ${entry.connections} connections: throughput ${app.throughput.toFixed(2)} × floor (target ≥ 0.5, ${app.throughput >= 0.5 ? 'met' : 'MISSED'}), p99 ${app.p99.toFixed(2)} × floor (target ≤ 2, ${app.p99 <= 2 ? 'met' : 'MISSED'}); p99 ${entry.summaries.app.p99Ms.toFixed(1)} ms vs floor ${entry.summaries.floor.p99Ms.toFixed(1)} ms`,
      );
    }
    process.stdout.write('\n');
    return { kind: 'postgresql', version, registerSeconds, byConnections, hasFailures, checkInsWritten: written };
  } finally {
    for (const app of Object.values(servers)) await app.close();
  }
}

/**
 * Every variant must answer a check-in with 201 and a receipt of the same shape, or they are not doing the same job.
 * @param {Record<string, string>} origins
 * @param {import('./lib/check-in-stays.mjs').CheckInTarget} target
 */
async function verifySameAnswers(origins, target) {
  for (const [name, origin] of Object.entries(origins)) {
    const response = await fetch(`${origin}${target.path}`, {
      method: target.method,
      headers: { ...target.headers, 'idempotency-key': `bench-verify-${name}` },
      body: target.body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`${name} ${checkInRoute} answered ${response.status}: ${text}`);
    const keys = Object.keys(JSON.parse(text)).sort().join(',');
    if (keys !== 'id,nextCheckInDueAt,receivedAt') throw new Error(`${name} answered an unexpected receipt: ${text}`);
  }
}

/** @param {import('kysely').Kysely<any>} db */
async function countCheckIns(db) {
  const { rows } = await sql`select count(*)::integer as count from check_in`.execute(db);
  return /** @type {{ count: number }} */ (rows[0]).count;
}

/** @param {{ version: string, byConnections: { connections: number, summaries: Record<string, any>, ratios: Record<string, any> }[] }} result */
function markdownOf(result) {
  const lines = [
    `Check-in: ${settings.stays.toLocaleString('en')} stays round-robin, ${settings.seconds} s per variant per concurrency in ${settings.rounds} alternating rounds${settings.isQuick ? ' (quick run)' : ''}.`,
    '',
    '| connections | variant | req/s | p50 ms | p99 ms | req/s ÷ floor (per round) | p99 ÷ floor |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const entry of result.byConnections) {
    for (const [index, variant] of variants.entries()) {
      const summary = entry.summaries[variant.name];
      const ratio = entry.ratios[variant.name];
      lines.push(
        `| ${index === 0 ? entry.connections : ''} | ${variant.label} | ${Math.round(summary.requestsPerSecond).toLocaleString('en')} | ${summary.p50Ms.toFixed(2)} | ${summary.p99Ms.toFixed(2)} | ${ratio ? `${ratio.throughput.toFixed(2)} (${formatRange(summary.roundThroughputRatios)})` : '1.00'} | ${ratio ? ratio.p99.toFixed(2) : '1.00'} |`,
      );
    }
  }
  lines.push('');
  for (const entry of result.byConnections) {
    lines.push(
      `- ${entry.connections} connections: throughput ${entry.ratios.app.throughput.toFixed(2)} × floor (target ≥ 0.5), p99 ${entry.ratios.app.p99.toFixed(2)} × floor (target ≤ 2)`,
    );
  }
  return lines.join('\n');
}

/**
 * @param {number} value
 * @param {number} digits
 */
function round(value, digits) {
  return Number(value.toFixed(digits));
}
