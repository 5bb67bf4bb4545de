// Reads one stay as its citizen sees it: the sealed details opened, the embassy's name, the trusted contacts. The
// caller decides who may see it and audits the read.
import { advance } from '@homeward/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../database/database-schema.js';
import { scheduleOf, stateOf } from '../escalation/stay-state.js';
import type { KeyRing } from '../keys/key-ring.js';
import { scheduleReply } from './stay-input.js';
import type { StayDetails, StayReply } from './stay-schemas.js';

export interface ReadStay {
  readonly citizenId: string;
  readonly embassyId: string;
  readonly details: StayDetails;
  readonly reply: StayReply;
}

const isoOrNull = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export async function readStay(
  db: Kysely<Database>,
  keys: KeyRing,
  stayId: string,
  now: Date,
): Promise<ReadStay | undefined> {
  const row = await db
    .selectFrom('stay')
    .innerJoin('organisation', 'organisation.id', 'stay.embassy_id')
    .selectAll('stay')
    .select('organisation.name as embassy_name')
    // As text: the PostgreSQL driver would read a date as local midnight of a Date.
    .select([
      sql<string>`stay.starts_on::text`.as('starts_on_text'),
      sql<string | null>`stay.expected_return_on::text`.as('expected_return_text'),
    ])
    .where('stay.id', '=', stayId)
    .executeTakeFirst();
  if (!row) return undefined;
  const contacts = await db
    .selectFrom('trusted_contact')
    .select(['id', 'name_ciphertext', 'channel', 'language', 'status'])
    .where('stay_id', '=', stayId)
    .where('status', '<>', 'withdrawn')
    .orderBy('invited_at')
    .execute();
  const details = JSON.parse(keys.decryptField(row.details_ciphertext, `stay:${stayId}`)) as StayDetails;
  const schedule = scheduleOf(row.schedule);
  // What the stay's state is now, even if the sweep has not looked at it yet.
  const current = advance(stateOf(row), schedule, now.getTime()).state;
  const status = current.phase === 'ended' ? 'ended' : current.phase === 'paused' ? 'paused' : 'active';
  const reply: StayReply = {
    id: row.id,
    status,
    isOverdue: current.phase === 'overdue',
    ...details,
    startsOn: row.starts_on_text,
    ...(row.expected_return_text && { expectedReturnOn: row.expected_return_text }),
    embassy: { id: row.embassy_id, name: row.embassy_name },
    schedule: scheduleReply(schedule),
    nextCheckInDueAt: status === 'ended' ? null : new Date(current.dueAt).toISOString(),
    pausedUntil: current.pausedUntil === undefined ? null : new Date(current.pausedUntil).toISOString(),
    lastCheckInAt: isoOrNull(row.last_check_in_at),
    trustedContacts: contacts.map((contact) => ({
      id: contact.id,
      name: keys.decryptField(contact.name_ciphertext, `trusted_contact:${contact.id}`),
      channel: contact.channel,
      language: contact.language,
      status: contact.status === 'confirmed' ? 'confirmed' : 'invited',
    })),
    createdAt: new Date(row.created_at).toISOString(),
  };
  return { citizenId: row.citizen_id, embassyId: row.embassy_id, details, reply };
}
