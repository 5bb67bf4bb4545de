#!/usr/bin/env node
// The `homeward` command: serve, worker, migrate, seed-demo, openapi, keys.
import { Command } from 'commander';
import { auditCommand } from './audit/audit-command.js';
import { type Config, ConfigError, loadConfig } from './config/config.js';
import { type DatabaseHandle, openDatabase } from './database/database.js';
import { migrateToLatest } from './database/migrate.js';
import { seedDemo } from './demo/seed-demo.js';
import { demoCheckIn, demoPins } from './demo/seed-demo-stays.js';
import { workerCommand } from './escalation/worker-command.js';
import { buildApp, defaultAppConfig } from './http/app.js';
import { createKeyRing, generateKeyMaterial } from './keys/key-ring.js';
import { keysCommand } from './keys/keys-command.js';
import { startServer, stopOnSignals } from './serve.js';
import { createAdminCommand } from './staff-login/create-admin-command.js';
import { version } from './version.js';

const program = new Command()
  .name('homeward')
  .description('Homeward: check-ins and case work for citizens abroad.')
  .version(version)
  .option('--config <file>', 'a JSON file of settings (the environment overrides it)')
  .showHelpAfterError();

program
  .command('serve')
  .description('run the HTTP server (migrates the database first)')
  .option('--demo', 'demo mode: synthetic demo data, demo banner, demo-only conveniences')
  .addHelpText(
    'after',
    '\nSettings come from the environment: PORT, HOST, DATABASE_URL, HOMEWARD_DATA_DIR, HOMEWARD_DEMO,\nHOMEWARD_KEYS_FILE, HOMEWARD_PUBLIC_URL, HOMEWARD_OIDC_*, HOMEWARD_SMTP_URL, LOG_LEVEL and more\n(the README lists every one).',
  )
  .action(async (options: { demo?: boolean }) => {
    const config = readConfig({ forceDemo: options.demo === true });
    const server = await startServer(config);
    stopOnSignals(server, config.shutdownGraceSeconds);
    const database = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${config.dataDir}`;
    const lines = [
      `Homeward ${version} is running${config.isDemo ? ' in DEMO mode (synthetic data only)' : ''} on ${database}`,
      `  Citizen app   ${server.url}/`,
      `  Job check     ${server.url}/check.html`,
      `  Check in      ${server.url}/check-in.html  (any browser: national ID number and PIN)`,
      `  Console       ${server.url}/console/`,
      `  API reference ${server.url}/api/docs`,
      `  OpenAPI       ${server.url}/api/openapi.json`,
      `  Health        ${server.url}/healthz  ${server.url}/readyz`,
      ...(config.isDemo
        ? [
            'Demo logins (synthetic people, demo mode only):',
            '  citizen: "Log in with your digital ID" in the citizen app, then pick a demo citizen',
            '  staff:   the "Demo only" buttons on the console sign-in page (officer, supervisor, admin)',
            `Demo stay: Aster Demo (national ID ${demoCheckIn.nationalId}) is on a two-minute schedule near the Myanmar border;`,
            "  nobody checks in, so in about four minutes it goes overdue and an alert enters the Bangkok embassy's queue.",
            `  Check in at /check-in.html with PIN ${demoPins.pin} (duress PIN ${demoPins.duressPin}: looks the same, silently alerts).`,
          ]
        : []),
      'Press Ctrl+C to stop.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });

program.addCommand(workerCommand(() => readConfig({ requireSecrets: false })));

program
  .command('migrate')
  .description('bring the database schema up to date, then exit (safe to run from several processes at once)')
  .action(async () => {
    const config = readConfig({ requireSecrets: false });
    const { applied } = await withDatabase(config, migrateToLatest);
    process.stdout.write(applied.length > 0 ? `applied ${applied.join(', ')}\n` : 'already up to date\n');
  });

program
  .command('seed-demo')
  .description('add the synthetic demo data (idempotent); only on a demo installation')
  .action(async () => {
    const config = readConfig({ requireSecrets: false });
    if (!config.isDemo) {
      fail(['seed-demo writes synthetic data; run it only on a demo installation (set HOMEWARD_DEMO=true)']);
    }
    const { inserted } = await withDatabase(config, async (db) => {
      await migrateToLatest(db);
      return seedDemo(db);
    });
    process.stdout.write(`demo data: ${inserted} rows added\n`);
  });

program
  .command('openapi')
  .description('print the OpenAPI document to standard output')
  .action(async () => {
    const database = await openDatabase({});
    try {
      const app = await buildApp({
        db: database.db,
        isDemo: false,
        config: defaultAppConfig,
        keys: createKeyRing(generateKeyMaterial()),
        logLevel: 'silent',
        appsDir: false,
      });
      await app.ready();
      process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
      await app.close();
    } finally {
      await database.close();
    }
  });

program.addCommand(keysCommand());

program.addCommand(auditCommand((work) => withDatabase(readConfig({ requireSecrets: false }), work)));

program.addCommand(
  createAdminCommand((work) => {
    const config = readConfig({ requireSecrets: false });
    return withDatabase(config, (db) => work(db, config));
  }),
);

/** Opens the configured database for one command and always closes it. */
async function withDatabase<T>(config: Config, work: (db: DatabaseHandle['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

function readConfig(options: { forceDemo?: boolean; requireSecrets?: boolean }) {
  try {
    return loadConfig(process.env, { ...options, configFile: program.opts<{ config?: string }>().config });
  } catch (error) {
    if (error instanceof ConfigError) fail(error.problems.map((problem) => `configuration: ${problem}`));
    throw error;
  }
}

function fail(messages: readonly string[]): never {
  for (const message of messages) process.stderr.write(`homeward: ${message}\n`);
  process.exit(2);
}

program.parseAsync().catch((error: unknown) => {
  // A bad key file is found after the settings were read, but it is a configuration problem all the same.
  if (error instanceof ConfigError) fail(error.problems.map((problem) => `configuration: ${problem}`));
  // Start-up failures (database unreachable, a migration failing) end here: one line, no stack, no secrets.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`homeward: ${message}\n`);
  process.exit(1);
});
