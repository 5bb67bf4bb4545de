// `homeward worker`: the escalation sweep and the delivery of the outbox, without the HTTP server, for deployments that run more sweepers
// than web processes (and for the crash test, which kills them with kill -9). It reads the same settings as
// `serve`, migrates like `serve` (safe from many processes at once), and sweeps until SIGTERM or SIGINT, then
// stops after the batch in hand has committed. `serve` sweeps too; SKIP LOCKED shares the due stays between all
// of them (docs/decisions/0016-stays-check-ins-and-the-welfare-queue.md).
//
// The time is the machine's clock and nothing else: there is no setting or option to move it, so no deployment
// can be run on a wrong clock by mistake. A test that needs periods to pass places its stays' due times relative
// to the real present instead (e2e/escalation-crash.test.ts).
import { Command } from 'commander';
import { pino } from 'pino';
import { type Config, ConfigError } from '../config/config.js';
import { openDatabase } from '../database/database.js';
import { migrateToLatest } from '../database/migrate.js';
import { loadKeyRing } from '../keys/key-files.js';
import { loggerOptions } from '../logging/logger.js';
import { availableChannels } from '../notifications/channel-registry.js';
import { startDelivery } from '../notifications/delivery-worker.js';
import { systemClock } from '../sessions/system-clock.js';
import { startEscalationWorker } from './escalation-sweep.js';

/** What the worker prints once it is sweeping; tests wait for it. */
export const workerReadyLine = 'Homeward escalation worker is running';

export function workerCommand(readConfig: () => Config): Command {
  return new Command('worker')
    .description('run the escalation sweep without the HTTP server, until SIGTERM (needs DATABASE_URL)')
    .addHelpText(
      'after',
      '\nUses DATABASE_URL, LOG_LEVEL and HOMEWARD_SHUTDOWN_GRACE_SECONDS like serve. Run as many as you like:\nthey share the due stays. The embedded database belongs to one process, which already sweeps.',
    )
    .action(async () => {
      const config = readConfig();
      if (config.databaseUrl === undefined) {
        throw new ConfigError([
          'the worker needs DATABASE_URL: the embedded database belongs to one process, and `homeward serve` already sweeps it',
        ]);
      }
      const log = pino(loggerOptions(config.logLevel));
      // One connection for the sweep's transaction, the rest for delivery's eight sends in flight.
      const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 6 });
      try {
        await migrateToLatest(database.db);
      } catch (error) {
        await database.close();
        throw error;
      }
      // Delivery opens addresses, so it needs the keys; without any channel configured it does not run.
      const keys = availableChannels(config).length > 0 ? await loadKeyRing(config, {}) : undefined;
      const stopSweeping = startEscalationWorker(database.db, { clock: systemClock, log });
      const stopDelivering = keys ? startDelivery(database.db, keys, config, log) : async () => {};
      process.stdout.write(`${workerReadyLine} (process ${process.pid}); SIGTERM stops it.\n`);
      const onSignal = (signal: NodeJS.Signals) => {
        log.info({ signal }, 'worker shutting down');
        const deadline = setTimeout(() => {
          log.error({ graceSeconds: config.shutdownGraceSeconds }, 'shutdown grace period over; exiting mid-batch');
          process.exit(1);
        }, config.shutdownGraceSeconds * 1000);
        deadline.unref();
        Promise.all([stopSweeping(), stopDelivering()])
          .then(() => database.close())
          .then(
            () => {
              log.info('worker stopped');
              clearTimeout(deadline);
            },
            (error: unknown) => {
              log.error({ err: error }, 'worker shutdown failed');
              process.exit(1);
            },
          );
      };
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
    });
}
