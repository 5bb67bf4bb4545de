// What the delivery crash test (e2e/delivery-crash.test.ts) works on: citizens on a stay each, each reachable by SMS
// on a number of their own (sealed with the workers' key file, as the app stores it), and one check-in reminder
// waiting in the outbox for each. Also a stand-in for the network between the workers and a provider fake: every
// call takes a while on the way there and on the way back, as calls to a real provider do, so a worker killed at a
// random moment is often caught with sends in flight, some not yet at the provider and some taken but unanswered.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../packages/server/src/database/database-schema.js';
import type { KeyRing } from '../../packages/server/src/keys/key-ring.js';
import { channelPhonePurpose } from '../../packages/server/src/notifications/inbound-replies.js';

export interface Recipient {
  readonly messageId: string;
  readonly citizenId: string;
  readonly stayId: string;
  /** E.164, different for every recipient, so what a provider took is counted per message by its number. */
  readonly phone: string;
}

/** A daily schedule without quiet hours: the reminders may go out at any hour the test runs. */
const schedule = {
  intervalMinutes: 1440,
  graceMinutes: 720,
  reminderBeforeMinutes: 120,
  graceReminderEveryMinutes: 360,
  escalateAfterMinutes: 1440,
  maxPauseMinutes: 43_200,
  timeZone: 'Asia/Bangkok',
};

/**
 * `count` citizens, each on a stay with an SMS channel, and a check-in reminder to each, due now. The stays have no
 * next action, so the escalation sweep of `homeward worker` leaves them alone and the outbox holds only these.
 */
export async function insertDeliveryPopulation(
  db: Kysely<Database>,
  keys: KeyRing,
  count: number,
  firstNumber = 0,
): Promise<Recipient[]> {
  const organisationId = randomUUID();
  const now = new Date().toISOString();
  await sql`
    insert into organisation (id, kind, name, country_code, jurisdiction)
    values (${organisationId}, 'embassy', 'Delivery Crash Test Embassy', 'TH', '{TH}')`.execute(db);
  const recipients: Recipient[] = Array.from({ length: count }, (_, index) => ({
    messageId: randomUUID(),
    citizenId: randomUUID(),
    stayId: randomUUID(),
    phone: `+6681${String(firstNumber + index).padStart(7, '0')}`,
  }));
  for (let start = 0; start < recipients.length; start += 1_000) {
    const chunk = recipients.slice(start, start + 1_000);
    const rows = chunk.map((recipient) => {
      const channelId = randomUUID();
      const hash = keys.keyedHash(channelPhonePurpose, recipient.phone);
      return {
        ...recipient,
        channelId,
        address: keys.encryptField(recipient.phone, `message_channel:${channelId}`),
        hash: hash.digest.toString('hex'),
        hashKeyId: hash.keyId,
      };
    });
    const json = JSON.stringify(rows);
    const columns = sql`x(${sql.raw(
      '"messageId" uuid, "citizenId" uuid, "stayId" uuid, phone text, "channelId" uuid, address text, hash text, "hashKeyId" text',
    )})`;
    await sql`
      insert into citizen (id, display_name, assurance, assurance_source)
      select x."citizenId", 'Delivery Crash Test Citizen', 'high', 'test'
      from jsonb_to_recordset(${json}::jsonb) as ${columns}`.execute(db);
    await sql`
      insert into stay (id, citizen_id, embassy_id, destination_country, details_ciphertext, language, starts_on,
        schedule, phase, period, due_at, next_action_at, pin_key_id, pin_digest, duress_pin_key_id, duress_pin_digest,
        created_at, updated_at)
      select x."stayId", x."citizenId", ${organisationId}, 'TH', 'sealed-elsewhere', 'en', date '2026-11-01',
        ${JSON.stringify(schedule)}::jsonb, 'on_schedule', 1, ${now}::timestamptz + interval '30 days', null,
        'none', '\\x00'::bytea, 'none', '\\x00'::bytea, ${now}::timestamptz, ${now}::timestamptz
      from jsonb_to_recordset(${json}::jsonb) as ${columns}`.execute(db);
    await sql`
      insert into message_channel (id, stay_id, citizen_id, kind, address_ciphertext, address_hash, address_key_id,
        language, created_at)
      select x."channelId", x."stayId", x."citizenId", 'sms', x.address, decode(x.hash, 'hex'), x."hashKeyId", 'en',
        ${now}::timestamptz
      from jsonb_to_recordset(${json}::jsonb) as ${columns}`.execute(db);
    await sql`
      insert into outbox_message (id, stay_id, dedupe_key, recipient_kind, recipient_id, template, language, payload,
        status, created_at, available_at)
      select x."messageId", x."stayId", 'delivery-crash:' || x."messageId", 'citizen', x."citizenId",
        'check_in_reminder', 'en', '{"stage":"before_due"}'::jsonb, 'pending', ${now}::timestamptz,
        ${now}::timestamptz
      from jsonb_to_recordset(${json}::jsonb) as ${columns}`.execute(db);
  }
  return recipients;
}

export interface SlowLink {
  /** `http://127.0.0.1:<port>`: give this to the workers instead of the fake's URL. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Forwards every request to `target` after a random delay, and its answer back after another. A client that goes
 * away (a killed worker) does not stop the request: whatever reached the provider stays there, as on a real network.
 */
export async function startSlowLink(
  target: string,
  delayMs: { readonly min: number; readonly max: number },
): Promise<SlowLink> {
  const pause = () =>
    new Promise((resolve) => setTimeout(resolve, delayMs.min + Math.random() * (delayMs.max - delayMs.min)));
  const server = createServer((request, response) => {
    (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      await pause();
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'content-type', 'accept']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const answer = await fetch(`${target}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
        headers,
        ...(chunks.length > 0 && { body: Buffer.concat(chunks) }),
        // A fake told to hang never answers; the worker gave up long before.
        signal: AbortSignal.timeout(30_000),
      });
      const body = Buffer.from(await answer.arrayBuffer());
      await pause();
      const back: Record<string, string> = {};
      for (const name of ['content-type', 'retry-after']) {
        const value = answer.headers.get(name);
        if (value !== null) back[name] = value;
      }
      response.writeHead(answer.status, back);
      response.end(body);
    })().catch(() => {
      response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
