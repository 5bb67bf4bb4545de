// The delivery worker under kill -9, on real PostgreSQL, against the local provider fakes (issue: "killing the
// delivery worker at any point never loses a message; where a provider's API takes an idempotency key it never sends
// twice; where it does not, a message left in flight by a crash is reconciled against the provider's status API
// before any resend, so a duplicate needs a crash and an unanswerable provider together").
//
// Each run puts one check-in reminder per citizen in the outbox, each citizen on an SMS number of its own, and starts
// three `homeward worker` processes. One of them is killed with SIGKILL every half second to a second and replaced at
// once, while the provider now and then fails a call (503, no answer at all, or takes the message and never answers).
// Between the workers and the fake sits a slow link (e2e/support/delivery-population.ts), so sends are in flight for
// a few hundred milliseconds and a kill often lands in the middle of some. A killed worker's claim holds its messages
// until the lease runs out (delivery-worker.ts `leaseMs`: ten seconds with this test's two-second provider timeout),
// so each run ends by waiting for the survivors to take them over. Then every message must have been sent, and each number must have been sent to exactly once.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { openDatabase } from '../packages/server/src/database/database.js';
import { workerReadyLine } from '../packages/server/src/escalation/worker-command.js';
import { readKeyFile } from '../packages/server/src/keys/key-files.js';
import { createKeyRing } from '../packages/server/src/keys/key-ring.js';
import { startInfobipFake } from '../packages/server/src/test-support/provider-fakes/infobip-fake.js';
import { startTwilioFake, type TwilioFake } from '../packages/server/src/test-support/provider-fakes/twilio-fake.js';
import { createDatabase, dropDatabase } from '../packages/server/src/test-support/test-databases.js';
import { insertDeliveryPopulation, type Recipient, startSlowLink } from './support/delivery-population.js';
import { collectOutput, exitOf, makeKeyFile, requireBuiltCli, runCli, spawnCli } from './support/server-process.js';

const adminUrl = process.env.TEST_DATABASE_URL;

const messageCount = 1_500;
const workerCount = 3;
/** How long workers are killed, at most; killing stops sooner when nothing is left to send. */
const killingMs = 15_000;
/** After the killing, at most: the dead workers' leases run out, and the survivors finish. */
const settleMs = 120_000;

beforeAll(() => requireBuiltCli());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (low: number, high: number) => low + Math.random() * (high - low);
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

type Db = Awaited<ReturnType<typeof openDatabase>>['db'];

/** A database of its own, migrated, with the population in it, and the key file the workers read. */
async function prepare(count: number) {
  const admin = adminUrl as string;
  const databaseUrl = await createDatabase(admin);
  onTestFinished(() => dropDatabase(admin, databaseUrl));
  const migrated = await runCli(['migrate'], { DATABASE_URL: databaseUrl });
  expect(migrated.code, migrated.stderr).toBe(0);
  const database = await openDatabase({ databaseUrl, poolSize: 4 });
  onTestFinished(() => database.close());
  const keysFile = await makeKeyFile();
  const keys = createKeyRing(await readKeyFile(keysFile));
  const recipients = await insertDeliveryPopulation(database.db, keys, count);
  return { db: database.db, databaseUrl, keysFile, recipients };
}

interface Worker {
  readonly child: ReturnType<typeof spawnCli>;
  readonly output: ReturnType<typeof collectOutput>;
}

/** `homeward worker` processes with the same settings; `workers` are the live ones. */
function workerPool(env: Readonly<Record<string, string>>) {
  const workers: Worker[] = [];
  const everyWorker: Worker[] = [];
  const start = () => {
    const child = spawnCli(['worker'], {
      HOMEWARD_DELIVERY_RETRY_BASE_SECONDS: '1',
      HOMEWARD_DELIVERY_TIMEOUT_SECONDS: '2',
      LOG_LEVEL: 'warn',
      ...env,
    });
    const worker = { child, output: collectOutput(child) };
    workers.push(worker);
    everyWorker.push(worker);
    return worker;
  };
  const waitForReady = async (worker: Worker) => {
    const deadline = Date.now() + 30_000;
    while (!worker.output.stdout().includes(workerReadyLine)) {
      if (worker.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`a worker did not start: ${worker.output.stdout()}${worker.output.stderr()}`);
      }
      await sleep(20);
    }
  };
  const kill = async (worker: Worker) => {
    worker.child.kill('SIGKILL');
    workers.splice(workers.indexOf(worker), 1);
    await exitOf(worker.child);
  };
  /** SIGTERM to every live worker: each stops after the batch in hand. Resolves with their exit codes. */
  const stop = () => {
    for (const worker of workers) worker.child.kill('SIGTERM');
    return Promise.all(workers.map((worker) => exitOf(worker.child)));
  };
  /** Log lines at warn or above from any worker: a delivery that failed for any reason but its process dying. */
  const warnings = () =>
    everyWorker.flatMap((worker) =>
      worker.output
        .stdout()
        .split('\n')
        .filter((line) => line.startsWith('{') && (JSON.parse(line) as { level: number }).level >= 40),
    );
  return { workers, everyWorker, start, waitForReady, kill, stop, warnings };
}
type Pool = ReturnType<typeof workerPool>;

async function unsettled(db: Db): Promise<number> {
  const row = await sql<{ count: number }>`
    select count(*)::integer as count from outbox_message where status in ('pending', 'sending')`.execute(db);
  return row.rows[0]?.count ?? 0;
}

/** Waits until no message is pending or being sent; fails after `timeoutMs`. */
async function waitUntilSettled(db: Db, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let left = await unsettled(db); left > 0; left = await unsettled(db)) {
    if (Date.now() > deadline) throw new Error(`${left} messages still pending or sending after ${timeoutMs} ms`);
    await sleep(250);
  }
}

/**
 * Starts the pool, then kills a random worker every 0.5 to 1 s and starts another in its place, for `killingMs` or
 * until every message is settled; meanwhile `injectFault` runs about every 100 ms. Then waits for the survivors to
 * settle everything and stops them with SIGTERM, which must end each cleanly.
 */
async function runWithKills(db: Db, pool: Pool, injectFault: () => void) {
  await Promise.all(Array.from({ length: workerCount }, () => pool.waitForReady(pool.start())));
  const faults = setInterval(injectFault, 100);
  onTestFinished(() => clearInterval(faults));
  const started = Date.now();
  let kills = 0;
  while (Date.now() < started + killingMs && (await unsettled(db)) > 0) {
    await sleep(between(500, 1_000));
    await pool.kill(pick(pool.workers));
    kills += 1;
    pool.start();
  }
  clearInterval(faults);
  await Promise.all(pool.workers.map(pool.waitForReady));
  await waitUntilSettled(db, settleMs);
  const exitCodes = await pool.stop();
  expect(exitCodes, pool.everyWorker.map((worker) => worker.output.stderr()).join('\n')).toEqual(
    exitCodes.map(() => 0),
  );
  return { kills, seconds: Math.round((Date.now() - started) / 1000) };
}

interface MessageRow {
  readonly id: string;
  readonly status: string;
  readonly provider_message_id: string | null;
  /** `outcome:code` of each attempt, in order. */
  readonly attempts: string[];
}

async function readMessages(db: Db): Promise<MessageRow[]> {
  const rows = await sql<MessageRow>`
    select m.id, m.status, m.provider_message_id,
      coalesce(array_agg(coalesce(a.outcome, 'open') || ':' || coalesce(a.code, '') order by a.attempt)
        filter (where a.attempt is not null), '{}') as attempts
    from outbox_message m left join delivery_attempt a on a.message_id = m.id
    group by m.id, m.status, m.provider_message_id`.execute(db);
  return rows.rows;
}

const countOf = (rows: readonly MessageRow[], prefix: string) =>
  rows.reduce((sum, row) => sum + row.attempts.filter((attempt) => attempt.startsWith(prefix)).length, 0);

/** How many copies of each message Twilio took (each recipient has a number of its own). */
function twilioCopies(twilio: TwilioFake, recipients: readonly Recipient[]) {
  const byPhone = new Map<string, string[]>();
  for (const message of twilio.messages) byPhone.set(message.to, [...(byPhone.get(message.to) ?? []), message.sid]);
  return new Map(recipients.map((recipient) => [recipient.messageId, byPhone.get(recipient.phone) ?? []] as const));
}

const twilioAccount = {
  accountSid: `AC${randomBytes(16).toString('hex')}`,
  authToken: randomBytes(16).toString('hex'),
};
const twilioEnv = (databaseUrl: string, keysFile: string, apiUrl: string) => ({
  DATABASE_URL: databaseUrl,
  HOMEWARD_KEYS_FILE: keysFile,
  HOMEWARD_TWILIO_ACCOUNT_SID: twilioAccount.accountSid,
  HOMEWARD_TWILIO_AUTH_TOKEN: twilioAccount.authToken,
  HOMEWARD_TWILIO_FROM: '+6620000000',
  HOMEWARD_TWILIO_API_URL: apiUrl,
});

describe.skipIf(adminUrl === undefined)('the delivery worker under kill -9 (TEST_DATABASE_URL)', () => {
  test('three workers killed over and over send every message through Infobip, and each reaches its phone exactly once', async () => {
    const { db, databaseUrl, keysFile, recipients } = await prepare(messageCount);
    const apiKey = randomBytes(16).toString('hex');
    const infobip = await startInfobipFake({ apiKey });
    onTestFinished(() => infobip.close());
    const link = await startSlowLink(infobip.url, { min: 20, max: 300 });
    onTestFinished(() => link.close());
    const pool = workerPool({
      DATABASE_URL: databaseUrl,
      HOMEWARD_KEYS_FILE: keysFile,
      HOMEWARD_INFOBIP_BASE_URL: link.url,
      HOMEWARD_INFOBIP_API_KEY: apiKey,
      HOMEWARD_INFOBIP_FROM: 'Homeward',
    });

    const run = await runWithKills(db, pool, () => {
      if (Math.random() < 0.3) {
        infobip.failNext(1, pick([{ acceptThenHang: true }, { status: 503 }, { hang: true }] as const));
      }
    });

    const rows = await readMessages(db);
    const copies = recipients.map((recipient) => infobip.deliveredCopies(recipient.messageId));
    const acceptedTimes = new Map<string, number>();
    for (const message of infobip.accepted) {
      acceptedTimes.set(message.messageId, (acceptedTimes.get(message.messageId) ?? 0) + 1);
    }
    const summary = {
      ...run,
      messages: rows.length,
      accepted: infobip.accepted.length,
      acceptedMoreThanOnce: [...acceptedTimes.values()].filter((times) => times > 1).length,
      interrupted: countOf(rows, 'transient:interrupted'),
      timeouts: countOf(rows, 'transient:timeout'),
      workersStarted: pool.everyWorker.length,
    };
    process.stdout.write(`delivery crash test (Infobip): ${JSON.stringify(summary)}\n`);

    // Nothing lost: every message sent, no attempt left open.
    expect(rows).toHaveLength(messageCount);
    expect(rows.filter((row) => row.status !== 'sent')).toEqual([]);
    expect(rows.filter((row) => row.attempts.some((attempt) => attempt.startsWith('open')))).toEqual([]);
    // Never twice: each message reached its phone once, and nothing reached a phone that was not ours.
    expect(copies.filter((count) => count !== 1)).toEqual([]);
    expect(infobip.messages).toHaveLength(messageCount);
    expect(pool.warnings()).toEqual([]);
    // And the run did what it claims: workers died with sends in flight, and Infobip was asked again for a message
    // it had already taken (so its idempotency, not luck, kept the second copy from the phone).
    expect(run.kills).toBeGreaterThanOrEqual(10);
    expect(summary.interrupted).toBeGreaterThanOrEqual(1);
    expect(summary.acceptedMoreThanOnce).toBeGreaterThanOrEqual(1);
  }, 200_000);

  test('three workers killed over and over send every message through Twilio once, asking Twilio before any resend', async () => {
    const { db, databaseUrl, keysFile, recipients } = await prepare(messageCount);
    const twilio = await startTwilioFake(twilioAccount);
    onTestFinished(() => twilio.close());
    const link = await startSlowLink(twilio.url, { min: 20, max: 300 });
    onTestFinished(() => link.close());
    const pool = workerPool(twilioEnv(databaseUrl, keysFile, link.url));

    const run = await runWithKills(db, pool, () => {
      if (Math.random() < 0.3) {
        twilio.failNext(1, pick([{ acceptThenHang: true }, { status: 503 }, { hang: true }] as const));
      }
    });

    const rows = await readMessages(db);
    const copies = twilioCopies(twilio, recipients);
    const summary = {
      ...run,
      messages: rows.length,
      twilioMessages: twilio.messages.length,
      foundSent: countOf(rows, 'found_sent'),
      foundNotSent: countOf(rows, 'found_not_sent'),
      resentUnknown: countOf(rows, 'resent_unknown'),
      timeouts: countOf(rows, 'transient:timeout'),
      workersStarted: pool.everyWorker.length,
    };
    process.stdout.write(`delivery crash test (Twilio): ${JSON.stringify(summary)}\n`);

    expect(rows).toHaveLength(messageCount);
    expect(rows.filter((row) => row.status !== 'sent')).toEqual([]);
    expect(rows.filter((row) => row.attempts.some((attempt) => attempt.startsWith('open')))).toEqual([]);
    // Each number got exactly one SMS, and the outbox names the very message Twilio sent (found again after a crash
    // where the answer was lost).
    const wrong = rows
      .map((row) => ({ ...row, sids: copies.get(row.id) ?? [] }))
      .filter((row) => row.sids.length !== 1 || row.sids[0] !== row.provider_message_id);
    expect(wrong.slice(0, 20), `${wrong.length} messages not sent exactly once`).toEqual([]);
    expect(twilio.messages).toHaveLength(messageCount);
    expect(pool.warnings()).toEqual([]);
    // The status API always answered here, so nothing was resent blind; and crashes did leave sends in flight that
    // Twilio had taken, which were found there instead of being sent again.
    expect(summary.resentUnknown).toBe(0);
    expect(run.kills).toBeGreaterThanOrEqual(10);
    expect(summary.foundSent).toBeGreaterThanOrEqual(1);
  }, 200_000);

  test('a Twilio send taken but unanswered when its worker died is sent again only when Twilio cannot be asked, and a duplicate follows only from that', async () => {
    const count = 30;
    const hung = 3;
    const { db, databaseUrl, keysFile, recipients } = await prepare(count);
    const twilio = await startTwilioFake(twilioAccount);
    onTestFinished(() => twilio.close());
    // Twilio's status API is down, and the first sends are taken but never answered; the worker dies during them.
    twilio.listUnavailable(true);
    twilio.failNext(hung, { acceptThenHang: true });
    const pool = workerPool(twilioEnv(databaseUrl, keysFile, twilio.url));
    const first = pool.start();
    await pool.waitForReady(first);
    const deadline = Date.now() + 10_000;
    while (twilio.messages.length < hung) {
      if (Date.now() > deadline) throw new Error(`Twilio took ${twilio.messages.length} messages`);
      await sleep(5);
    }
    await pool.kill(first);
    const before = twilio.messages.length;
    await pool.waitForReady(pool.start());
    await waitUntilSettled(db, settleMs);
    expect(await pool.stop()).toEqual([0]);

    const rows = await readMessages(db);
    const copies = twilioCopies(twilio, recipients);
    const resentBlind = rows.filter((row) => row.attempts.some((attempt) => attempt.startsWith('resent_unknown')));
    const duplicated = rows.filter((row) => (copies.get(row.id) ?? []).length > 1);
    process.stdout.write(
      `delivery crash test (Twilio, status API down): ${JSON.stringify({
        takenBeforeTheKill: before,
        twilioMessages: twilio.messages.length,
        resentBlind: resentBlind.length,
        duplicated: duplicated.length,
      })}\n`,
    );

    expect(rows.filter((row) => row.status !== 'sent')).toEqual([]);
    expect(rows.filter((row) => (copies.get(row.id) ?? []).length === 0)).toEqual([]);
    // The sends the worker died in were resent without an answer from Twilio, and reached their phones twice ...
    expect(resentBlind.length).toBeGreaterThanOrEqual(hung);
    expect(duplicated.length).toBeGreaterThanOrEqual(hung);
    // ... and every duplicate is one of those: no message went twice unless a crash and a silent status API met.
    expect(duplicated.filter((row) => !resentBlind.includes(row)).map((row) => row.attempts)).toEqual([]);
  }, 120_000);

  test('a Twilio send that timed out after Twilio took it is looked up before it is sent again, with no crash at all', async () => {
    const count = 5;
    const { db, databaseUrl, keysFile, recipients } = await prepare(count);
    const twilio = await startTwilioFake(twilioAccount);
    onTestFinished(() => twilio.close());
    // The status API answers; one send is taken and never answered, so the worker's own timeout ends it.
    twilio.failNext(1, { acceptThenHang: true });
    const pool = workerPool(twilioEnv(databaseUrl, keysFile, twilio.url));
    await pool.waitForReady(pool.start());
    await waitUntilSettled(db, 30_000);
    expect(await pool.stop()).toEqual([0]);

    const rows = await readMessages(db);
    const copies = twilioCopies(twilio, recipients);
    expect(rows.filter((row) => row.status !== 'sent')).toEqual([]);
    // The hang did happen: one message did not go straight through ...
    expect(rows.filter((row) => row.attempts.join() !== 'sent:')).toHaveLength(1);
    // ... and yet each number got one SMS.
    const wrong = rows
      .map((row) => ({ attempts: row.attempts, copies: (copies.get(row.id) ?? []).length }))
      .filter((row) => row.copies !== 1);
    expect(wrong).toEqual([]);
  }, 60_000);
});
