// The databases a benchmark runs on: in-memory PGlite always, and a throwaway PostgreSQL database
// (homeward_bench_<hex>, dropped afterwards) when BENCH_DATABASE_URL or TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, seedDemo } from '../../packages/server/dist/index.js';

/**
 * @typedef {{ handle: import('../../packages/server/dist/index.js').DatabaseHandle, url?: string, dispose(): Promise<void> }} BenchDatabase
 *   url: the throwaway PostgreSQL database's own URL (for a bench that opens its own connections to it)
 * @typedef {{ name: string, open(): Promise<BenchDatabase> }} BenchDatabaseSource
 */

/** @returns {BenchDatabaseSource[]} */
export function benchDatabases() {
  /** @type {BenchDatabaseSource[]} */
  const sources = [{ name: 'pglite', open: () => openSeeded({}, async () => undefined) }];
  const serverUrl = benchPostgresUrl();
  if (serverUrl) sources.push({ name: 'postgresql', open: () => openThrowawayPostgres(serverUrl) });
  return sources;
}

/** The PostgreSQL server the benches may create their databases on, or undefined when none is configured. */
export function benchPostgresUrl() {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
}

/**
 * A fresh, migrated and seeded PostgreSQL database for a bench that needs a real server (check-ins, the sweep),
 * dropped by `dispose`. Undefined when no server is configured.
 * @returns {Promise<BenchDatabase | undefined>}
 */
export async function openBenchPostgres() {
  const serverUrl = benchPostgresUrl();
  return serverUrl ? openThrowawayPostgres(serverUrl) : undefined;
}

/**
 * Runs `bench` on each bench database in turn, disposing of each afterwards.
 * @template T
 * @param {(name: string, db: import('kysely').Kysely<any>) => Promise<T>} bench
 * @returns {Promise<T[]>} one result per database
 */
export async function onEachBenchDatabase(bench) {
  const results = [];
  for (const source of benchDatabases()) {
    const database = await source.open();
    try {
      results.push(await bench(source.name, database.handle.db));
    } finally {
      await database.dispose();
    }
  }
  return results;
}

/**
 * @param {string} serverUrl a database on the server whose role may CREATE DATABASE
 * @returns {Promise<BenchDatabase>}
 */
async function openThrowawayPostgres(serverUrl) {
  const name = `homeward_bench_${randomBytes(6).toString('hex')}`;
  await runAdminStatement(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // `with (force)` (PostgreSQL 13+) ends any connection a crashed run left behind.
  const drop = () => runAdminStatement(serverUrl, `drop database if exists ${name} with (force)`);
  try {
    return { ...(await openSeeded({ databaseUrl: url.toString() }, drop)), url: url.toString() };
  } catch (error) {
    await drop();
    throw error;
  }
}

/**
 * @param {{ databaseUrl?: string }} options
 * @param {() => Promise<void>} afterClose
 * @returns {Promise<BenchDatabase>}
 */
async function openSeeded(options, afterClose) {
  const handle = await openDatabase(options);
  try {
    await migrateToLatest(handle.db);
    await seedDemo(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return {
    handle,
    dispose: async () => {
      await handle.close();
      await afterClose();
    },
  };
}

/**
 * @param {string} url
 * @param {string} statement built only from constants and random hex, never from input
 */
async function runAdminStatement(url, statement) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
