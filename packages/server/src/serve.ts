// Runs the server: open the database, migrate, (in demo mode) seed, listen, and on SIGTERM
// stop accepting, let in-flight requests finish, then close the database.
import type { AddressInfo } from 'node:net';
import { startAuditSealer } from './audit/audit-sealer.js';
import type { Config } from './config/config.js';
import { openDatabase } from './database/database.js';
import { migrateToLatest } from './database/migrate.js';
import { seedDemo } from './demo/seed-demo.js';
import { seedDemoStays } from './demo/seed-demo-stays.js';
import { startEscalationWorker } from './escalation/escalation-sweep.js';
import { startHousekeeping } from './housekeeping/housekeeping.js';
import { type App, buildApp } from './http/app.js';
import { loadKeyRing } from './keys/key-files.js';
import { startDelivery } from './notifications/delivery-worker.js';
import { systemClock } from './sessions/system-clock.js';

export interface RunningServer {
  readonly app: App;
  readonly url: string;
  /** Stops accepting connections, waits for in-flight requests, closes the database. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Adds routes or hooks before the server starts listening (embedding, tests). */
  readonly extend?: (app: App) => void;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  // Keys first: a bad key file is a configuration error (ConfigError, exit code 2) and touches no database.
  const keyWarnings: string[] = [];
  const keys = await loadKeyRing(config, { onWarning: (warning) => keyWarnings.push(warning) });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let app: App | undefined;
  try {
    await migrateToLatest(database.db);
    if (config.isDemo) {
      await seedDemo(database.db);
      await seedDemoStays(database.db, keys, systemClock.now());
    }
    app = await buildApp({
      db: database.db,
      isDemo: config.isDemo,
      config,
      keys,
      logLevel: config.logLevel,
    });
    for (const warning of keyWarnings) app.log.warn(warning);
    if (!config.isDemo && config.demoIdentityProvider) {
      app.log.warn('HOMEWARD_DEMO_IDP is on outside demo mode: anyone can log in as a synthetic citizen');
    }
    options.extend?.(app);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
  const running = app;
  const stopAuditSealer = startAuditSealer(database.db, { intervalMs: 2_000, log: running.log });
  const stopHousekeeping = startHousekeeping(database.db, {
    intervalMs: 10 * 60_000,
    session: config.session,
    log: running.log,
  });
  // Every process sweeps; SKIP LOCKED shares the due stays between them (decision 0016).
  const stopEscalation = startEscalationWorker(database.db, { clock: systemClock, log: running.log });
  // And every process delivers, when any channel is configured (decision 0017).
  const stopDelivery = startDelivery(database.db, keys, config, running.log);
  const port = (running.server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await running.close();
      await stopEscalation();
      await stopDelivery();
      await stopAuditSealer();
      await stopHousekeeping();
      await database.close();
    })();
    return stopping;
  };
  return { app: running, url: config.port === 0 ? `http://localhost:${port}` : config.publicUrl, stop };
}

/** Stops on SIGTERM or SIGINT; gives up and exits non-zero if in-flight work outlasts the grace period. */
export function stopOnSignals(server: RunningServer, graceSeconds: number): void {
  const onSignal = (signal: NodeJS.Signals) => {
    server.app.log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      server.app.log.error({ graceSeconds }, 'shutdown grace period over; exiting with work in flight');
      process.exit(1);
    }, graceSeconds * 1000);
    deadline.unref();
    server.stop().then(
      () => {
        server.app.log.info('stopped');
        clearTimeout(deadline);
      },
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
