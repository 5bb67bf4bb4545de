// Audit append: recordAudit (an INSERT into audit_event, whose trigger queues the id in audit_pending)
// against a bare INSERT of the same columns into a plain table, sequentially and with several in flight;
// then how fast the sealer links what was appended and how fast verifyAuditLog walks it. See bench/README.md.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { recordAudit, sealAuditEvents, verifyAuditLog } from '../packages/server/dist/index.js';
import { onEachBenchDatabase } from './lib/bench-databases.mjs';
import { formatRange } from './lib/rounds.mjs';
import { startRunReport } from './lib/run-report.mjs';
import { readPositiveNumber } from './lib/settings.mjs';

/**
 * @typedef {import('../packages/server/dist/index.js').AuditEntry} AuditEntry
 * @typedef {(entry: AuditEntry) => Promise<void>} Append
 * @typedef {{ rows: number, seconds: number, latenciesMicros: number[] }} AppendRun
 */

const settings = {
  rowsPerVariant: Math.round(readPositiveNumber('BENCH_AUDIT_ROWS', 5000)),
  rounds: Math.round(readPositiveNumber('BENCH_ROUNDS', 5)),
  concurrency: Math.round(readPositiveNumber('BENCH_AUDIT_CONCURRENCY', 8)),
};
const modes = [
  { name: 'sequential', inFlight: 1 },
  { name: `${settings.concurrency} in flight`, inFlight: settings.concurrency },
];

const runReport = startRunReport('audit-append');
const databaseResults = await onEachBenchDatabase(benchDatabase);
runReport.finish(settings, databaseResults);

/**
 * @param {string} kind
 * @param {import('kysely').Kysely<any>} db
 */
async function benchDatabase(kind, db) {
  const { rows } = await sql`select version() as version`.execute(db);
  const version = String(/** @type {{ version: string }} */ (rows[0]).version);
  await createFloorTables(db);
  /** The floor first; every variant writes the same columns with the same values. */
  const variants = [
    { name: 'floor', label: 'floor (plain table)', append: insertInto(db, 'bench_audit_floor') },
    { name: 'noTrigger', label: 'audit_event copy, no trigger', append: insertInto(db, 'bench_audit_no_trigger') },
    { name: 'recordAudit', label: 'recordAudit', append: (entry) => recordAudit(db, entry) },
  ];
  process.stdout.write(`\n${kind}: ${version}\n`);
  process.stdout.write(
    `${settings.rowsPerVariant} rows per variant per mode in ${settings.rounds} alternating rounds, after a warm-up of a tenth of that\n\n`,
  );
  process.stdout.write(`${row(['mode', 'variant', 'rows/s', 'p50 ms', 'p99 ms', 'rows/s ÷ floor', 'per round'])}\n`);
  const modeResults = [];
  for (const mode of modes) {
    const summaries = await measureMode(variants, mode.inFlight);
    const floor = summaries.floor;
    for (const [index, variant] of variants.entries()) {
      const summary = summaries[variant.name];
      process.stdout.write(
        `${row([
          index === 0 ? mode.name : '',
          variant.label,
          Math.round(summary.rowsPerSecond).toLocaleString('en'),
          summary.p50Ms.toFixed(2),
          summary.p99Ms.toFixed(2),
          (summary.rowsPerSecond / floor.rowsPerSecond).toFixed(2),
          index === 0 ? '' : formatRange(summary.roundRatios),
        ])}\n`,
      );
    }
    modeResults.push({ ...mode, variants: summaries });
  }

  const waiting = await countRows(db, 'audit_pending');
  const sealStart = performance.now();
  const sealing = await sealAuditEvents(db, { wait: true });
  const sealSeconds = (performance.now() - sealStart) / 1000;
  const verifyStart = performance.now();
  const verification = await verifyAuditLog(db);
  const verifySeconds = (performance.now() - verifyStart) / 1000;
  if (!verification.ok) throw new Error(`the audit log did not verify: ${verification.reason}`);
  if (sealing.sealed !== waiting) throw new Error(`${waiting} events were waiting but ${sealing.sealed} were sealed`);
  process.stdout.write(
    `\nsealAuditEvents: ${sealing.sealed.toLocaleString('en')} events in ${sealSeconds.toFixed(2)} s, ${Math.round(sealing.sealed / sealSeconds).toLocaleString('en')} events/s\n`,
  );
  process.stdout.write(
    `verifyAuditLog:  ${verification.sealed.toLocaleString('en')} events in ${verifySeconds.toFixed(2)} s, ${Math.round(verification.sealed / verifySeconds).toLocaleString('en')} events/s\n`,
  );
  return {
    kind,
    version,
    modes: modeResults,
    sealing: { events: sealing.sealed, seconds: sealSeconds, eventsPerSecond: sealing.sealed / sealSeconds },
    verification: {
      events: verification.sealed,
      seconds: verifySeconds,
      eventsPerSecond: verification.sealed / verifySeconds,
    },
  };
}

/**
 * Two tables beside audit_event: a plain one with the same columns (an identity key and the occurred_at
 * default, nothing else), and a copy with audit_event's checks and key but none of its triggers, to
 * tell the checks' cost from the queueing trigger's.
 * @param {import('kysely').Kysely<any>} db
 */
async function createFloorTables(db) {
  await sql`
    create table bench_audit_floor (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null default now(),
      actor_kind text not null,
      actor_id text,
      action text not null,
      resource_type text not null,
      resource_id text,
      outcome text not null,
      purpose text,
      reason text,
      request_id text
    )
  `.execute(db);
  await sql`create table bench_audit_no_trigger (like audit_event including all)`.execute(db);
}

/**
 * The INSERT recordAudit makes, into another table.
 * @param {import('kysely').Kysely<any>} db
 * @param {string} table
 * @returns {Append}
 */
function insertInto(db, table) {
  return async (entry) => {
    await db
      .insertInto(table)
      .values({
        actor_kind: entry.actor.kind,
        actor_id: entry.actor.kind === 'anonymous' ? null : entry.actor.id,
        action: entry.action,
        resource_type: entry.resource.type,
        resource_id: entry.resource.id ?? null,
        outcome: entry.outcome,
        purpose: entry.purpose ?? null,
        reason: entry.reason ?? null,
        request_id: entry.requestId ?? null,
      })
      .execute();
  };
}

/**
 * Warms every variant up, then appends in rounds whose order alternates, so a neighbour's burst of work
 * lands on every variant alike.
 * @param {readonly { name: string, append: Append }[]} variants
 * @param {number} inFlight
 */
async function measureMode(variants, inFlight) {
  const rowsPerRound = Math.max(1, Math.round(settings.rowsPerVariant / settings.rounds));
  for (const variant of variants) await appendMany(variant.append, Math.ceil(settings.rowsPerVariant / 10), inFlight);
  /** @type {Record<string, AppendRun[]>} */
  const runs = Object.fromEntries(variants.map((variant) => [variant.name, []]));
  for (let round = 0; round < settings.rounds; round += 1) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) runs[variant.name].push(await appendMany(variant.append, rowsPerRound, inFlight));
  }
  const floorRuns = runs[variants[0].name];
  return Object.fromEntries(
    variants.map((variant) => {
      const variantRuns = runs[variant.name];
      const rows = variantRuns.reduce((sum, run) => sum + run.rows, 0);
      const seconds = variantRuns.reduce((sum, run) => sum + run.seconds, 0);
      const latencies = Float64Array.from(variantRuns.flatMap((run) => run.latenciesMicros)).sort();
      return [
        variant.name,
        {
          rows,
          seconds,
          rowsPerSecond: rows / seconds,
          p50Ms: percentile(latencies, 50) / 1000,
          p99Ms: percentile(latencies, 99) / 1000,
          roundRatios: variantRuns.map(
            (run, index) => run.rows / run.seconds / (floorRuns[index].rows / floorRuns[index].seconds),
          ),
        },
      ];
    }),
  );
}

/**
 * Appends `rows` entries with `inFlight` appends running at once, timing each.
 * @param {Append} append
 * @param {number} rows
 * @param {number} inFlight
 * @returns {Promise<AppendRun>}
 */
async function appendMany(append, rows, inFlight) {
  const entries = Array.from({ length: rows }, () => entryOf());
  const latenciesMicros = new Array(rows);
  let next = 0;
  const worker = async () => {
    while (next < rows) {
      const index = next;
      next += 1;
      const started = performance.now();
      await append(entries[index]);
      latenciesMicros[index] = Math.round((performance.now() - started) * 1000);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(inFlight, rows) }, worker));
  return { rows, seconds: (performance.now() - started) / 1000, latenciesMicros };
}

/**
 * An entry like the ones a staff member's read of a case leaves.
 * @returns {AuditEntry}
 */
function entryOf() {
  return {
    actor: { kind: 'staff', id: randomUUID() },
    action: 'case.read',
    resource: { type: 'case', id: randomUUID() },
    outcome: 'success',
    purpose: 'Following up a referral',
    requestId: randomUUID(),
  };
}

/**
 * @param {import('kysely').Kysely<any>} db
 * @param {string} table
 */
async function countRows(db, table) {
  const { count } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * Nearest-rank percentile of sorted values.
 * @param {Float64Array} sorted
 * @param {number} rank
 */
function percentile(sorted, rank) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1))];
}

/** @param {readonly string[]} cells */
function row(cells) {
  const widths = [12, 30, 9, 8, 8, 15, 11];
  return cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join(' ');
}
