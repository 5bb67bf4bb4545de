// HTTP baseline: Homeward's routes against a bare Fastify floor doing the same SQL on the same database,
// reported as ratios measured in the same run. See bench/README.md.
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { devNull } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import { createSession, sessionCookieName } from '../packages/server/dist/index.js';
import { onEachBenchDatabase } from './lib/bench-databases.mjs';
import { startFloorApp } from './lib/floor-app.mjs';
import { benchAppConfig, originOf, startHomeward } from './lib/homeward-server.mjs';
import { measureInRounds, printHeader, printVariants, ratiosOf } from './lib/rounds.mjs';
import { startRunReport } from './lib/run-report.mjs';
import { readLoadSettings } from './lib/settings.mjs';

/** @typedef {{ name: string, path: string, sql: string, isAuthenticated?: boolean }} Endpoint */

/** @type {Endpoint[]} */
const allEndpoints = [
  { name: 'healthz', path: '/healthz', sql: 'none' },
  { name: 'readyz', path: '/readyz', sql: 'select 1' },
  { name: 'organisations', path: '/api/v1/organisations?kind=embassy', sql: 'select organisation … order by' },
  // With a staff session's cookie: Homeward's session and access hooks, then the route's own query.
  {
    name: 'session',
    path: '/api/v1/session',
    sql: 'select session ⟕ staff_member ⟕ organisation by token hash; select staff_member by id',
    isAuthenticated: true,
  },
];
const endpoints = selectEndpoints(allEndpoints, process.env.BENCH_ENDPOINTS);

/** Homeward as deployed (info-level request logs), with the logs going to /dev/null; and with logging off. */
const variants = [
  { name: 'floor', label: 'floor' },
  { name: 'app', label: 'app (log info)' },
  { name: 'appSilent', label: 'app (silent)' },
];

const settings = readLoadSettings();
const runReport = startRunReport('http-baseline');
const devNullFd = openSync(devNull, 'w');
/** @type {unknown[]} */
let databaseResults = [];
let hasFailures = false;

try {
  databaseResults = await onEachBenchDatabase(benchDatabase);
} finally {
  closeSync(devNullFd);
}

runReport.finish({ ...settings, endpoints: endpoints.map((endpoint) => endpoint.name) }, databaseResults);
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
  const sessionHeaders = { cookie: await createStaffSessionCookie(db) };
  /** @param {Endpoint} endpoint */
  const headersOf = (endpoint) => (endpoint.isAuthenticated ? sessionHeaders : undefined);
  const servers = {
    floor: await startFloorApp(db, benchAppConfig),
    app: await startHomeward(db, 'info', { write: (line) => writeSync(devNullFd, line) }),
    appSilent: await startHomeward(db, 'silent', undefined),
  };
  try {
    const origins = Object.fromEntries(Object.entries(servers).map(([name, app]) => [name, originOf(app)]));
    await verifySameAnswers(origins, headersOf);
    process.stdout.write(`\n${kind}: ${version}\n`);
    process.stdout.write(
      `${settings.connections} connections, ${settings.seconds} s measured per variant in ${settings.rounds} alternating rounds, ${settings.warmupSeconds} s warm-up\n\n`,
    );
    printHeader();
    const endpointResults = [];
    for (const endpoint of endpoints) {
      const headers = headersOf(endpoint);
      const summaries = await measureInRounds(
        variants,
        (name) => `${origins[name]}${endpoint.path}`,
        settings,
        headers && { headers },
      );
      printVariants(endpoint.name, variants, summaries);
      if (Object.values(summaries).some((summary) => summary.failures > 0)) hasFailures = true;
      endpointResults.push({ ...endpoint, variants: summaries, ratios: ratiosOf(variants, summaries) });
    }
    return { kind, version, endpoints: endpointResults };
  } finally {
    for (const app of Object.values(servers)) await app.close();
  }
}

/**
 * A floor that answered differently would not be doing the same work, so the ratios would mean nothing.
 * @param {Record<string, string>} origins
 * @param {(endpoint: Endpoint) => Record<string, string> | undefined} headersOf
 */
async function verifySameAnswers(origins, headersOf) {
  for (const endpoint of endpoints) {
    const answers = [];
    for (const [name, origin] of Object.entries(origins)) {
      const response = await fetch(`${origin}${endpoint.path}`, {
        headers: headersOf(endpoint),
        signal: AbortSignal.timeout(10_000),
      });
      if (response.status !== 200) throw new Error(`${name} ${endpoint.path} answered ${response.status}`);
      answers.push(await response.json());
    }
    if (!answers.every((answer) => isDeepStrictEqual(answer, answers[0]))) {
      throw new Error(`floor and app answer ${endpoint.path} differently: ${JSON.stringify(answers)}`);
    }
  }
}

/**
 * A staff session made as a login makes one: an active consular officer of a seeded embassy, and a
 * session from the real createSession. Returns the Cookie header a browser would send.
 * @param {import('kysely').Kysely<any>} db
 */
async function createStaffSessionCookie(db) {
  const embassy = await db
    .selectFrom('organisation')
    .select('id')
    .where('kind', '=', 'embassy')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const staffId = randomUUID();
  await db
    .insertInto('staff_member')
    .values({
      id: staffId,
      organisation_id: embassy.id,
      role: 'consular_officer',
      email: `bench.${staffId}@bench.example`,
      display_name: 'Bench Officer',
      status: 'active',
    })
    .execute();
  const session = await createSession(db, benchAppConfig, { kind: 'staff', staffId });
  return `${sessionCookieName(benchAppConfig)}=${session.token}`;
}

/**
 * The endpoints named in BENCH_ENDPOINTS (comma-separated), or all of them.
 * @param {readonly Endpoint[]} all
 * @param {string | undefined} names
 */
function selectEndpoints(all, names) {
  if (names === undefined || names === '') return all;
  const wanted = names.split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !all.some((endpoint) => endpoint.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_ENDPOINTS names unknown endpoints: ${unknown.join(', ')}; known: ${all.map((e) => e.name).join(', ')}`,
    );
  }
  return all.filter((endpoint) => wanted.includes(endpoint.name));
}
