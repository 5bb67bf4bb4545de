// The delivery bench's population, as e2e/support/delivery-population.ts builds it for the crash test (that file is
// TypeScript, so its SQL is repeated here): citizens on a stay each, each reachable by SMS on a number of their own,
// sealed with the workers' key ring under `message_channel:<id>` as the app stores it, and one check-in reminder
// waiting in the outbox for each. The reminders are held back (available at 'infinity') until `releaseMessages`
// makes them all due in one statement, so the senders are running and idle when the clock starts.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { channelPhonePurpose } from '../../packages/server/dist/notifications/inbound-replies.js';

/** A daily schedule without quiet hours: the reminders may go out at any hour the bench runs. */
const schedule = {
  intervalMinutes: 1440,
  graceMinutes: 720,
  reminderBeforeMinutes: 120,
  graceReminderEveryMinutes: 360,
  escalateAfterMinutes: 1440,
  maxPauseMinutes: 43_200,
  timeZone: 'Asia/Bangkok',
};

const chunkSize = 1_000;

/**
 * Removes any earlier population (the bench database is its own, so whole tables go), then inserts `count` citizens,
 * stays, SMS channels and held-back check-in reminders, and leaves the tables analysed.
 * @param {import('kysely').Kysely<any>} db
 * @param {import('../../packages/server/dist/index.js').KeyRing} keys
 * @param {number} count
 */
export async function insertDeliveryPopulation(db, keys, count) {
  await sql`truncate delivery_attempt, outbox_message, message_channel, stay, citizen cascade`.execute(db);
  const organisationId = randomUUID();
  const now = new Date().toISOString();
  await sql`
    insert into organisation (id, kind, name, country_code, jurisdiction)
    values (${organisationId}, 'embassy', 'Delivery Bench Embassy', 'TH', '{TH}')`.execute(db);
  for (let start = 0; start < count; start += chunkSize) {
    const rows = Array.from({ length: Math.min(chunkSize, count - start) }, (_, offset) => {
      const phone = `+6681${String(start + offset).padStart(7, '0')}`;
      const channelId = randomUUID();
      const hash = keys.keyedHash(channelPhonePurpose, phone);
      return {
        messageId: randomUUID(),
        citizenId: randomUUID(),
        stayId: randomUUID(),
        channelId,
        address: keys.encryptField(phone, `message_channel:${channelId}`),
        hash: hash.digest.toString('hex'),
        hashKeyId: hash.keyId,
      };
    });
    const json = JSON.stringify(rows);
    const columns = sql`x(${sql.raw(
      '"messageId" uuid, "citizenId" uuid, "stayId" uuid, "channelId" uuid, address text, hash text, "hashKeyId" text',
    )})`;
    await sql`
      insert into citizen (id, display_name, assurance, assurance_source)
      select x."citizenId", 'Delivery Bench Citizen', 'high', 'bench'
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
      select x."messageId", x."stayId", 'delivery-bench:' || x."messageId", 'citizen', x."citizenId",
        'check_in_reminder', 'en', '{"stage":"before_due"}'::jsonb, 'pending', ${now}::timestamptz,
        'infinity'::timestamptz
      from jsonb_to_recordset(${json}::jsonb) as ${columns}`.execute(db);
  }
  // As autovacuum would leave them: statistics known, so the claim's plan is the one a live outbox gets.
  await sql`vacuum analyze citizen, stay, message_channel, outbox_message, delivery_attempt`.execute(db);
}

/**
 * Makes every held-back reminder due now, in one statement; returns that moment as the database saw it.
 * @param {import('kysely').Kysely<any>} db
 * @returns {Promise<Date>}
 */
export async function releaseMessages(db) {
  const { rows } = await sql`
    with released as (
      update outbox_message set available_at = now() where status = 'pending' returning available_at
    )
    select min(available_at) as at, count(*)::integer as count from released`.execute(db);
  return /** @type {{ at: Date }} */ (rows[0]).at;
}

/**
 * How a run went, from the outbox itself: messages by status, the first and last `sent_at`, and the time from
 * `available_at` to `sent_at` at the 50th and 99th percentile.
 * @param {import('kysely').Kysely<any>} db
 */
export async function deliveryFigures(db) {
  const { rows } = await sql`
    select
      count(*) filter (where status = 'sent')::integer as sent,
      count(*) filter (where status <> 'sent')::integer as unsent,
      min(sent_at) as "firstSentAt",
      max(sent_at) as "lastSentAt",
      (percentile_cont(0.5) within group (order by extract(epoch from sent_at - available_at)) * 1000)::float8 as "p50Ms",
      (percentile_cont(0.99) within group (order by extract(epoch from sent_at - available_at)) * 1000)::float8 as "p99Ms",
      (select count(*)::integer from delivery_attempt) as attempts
    from outbox_message`.execute(db);
  return /** @type {{ sent: number, unsent: number, firstSentAt: Date, lastSentAt: Date, p50Ms: number, p99Ms: number, attempts: number }} */ (
    rows[0]
  );
}

/**
 * @param {import('kysely').Kysely<any>} db
 * @returns {Promise<number>}
 */
export async function countSent(db) {
  const { rows } = await sql`select count(*)::integer as count from outbox_message where status = 'sent'`.execute(db);
  return /** @type {{ count: number }} */ (rows[0]).count;
}
