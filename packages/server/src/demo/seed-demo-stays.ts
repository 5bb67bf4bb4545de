// Demo stays, so a newcomer sees the engine work with nobody doing anything: Aster Demo's stay near the Myanmar
// border on a two-minute schedule that nobody checks in for (it goes overdue, its confirmed trusted contact's
// notification intent is written, and the alert enters the Bangkok embassy's queue), and Banyan Demo's SOS from
// Chiang Saen, across the river from the Golden Triangle zone, at the top of the same queue from the start. Synthetic people only; fixed ids, so seeding again adds nothing. The PINs are printed by `npm start`.
import { createHash } from 'node:crypto';
import { applyEvent, ladderFor, riskAreaOf, startStay } from '@homeward/domain';
import type { Kysely } from 'kysely';
import { nationalIdHashPurpose } from '../accounts/account-repository.js';
import type { Database } from '../database/database-schema.js';
import { demoCitizens } from '../demo-idp/demo-citizens.js';
import { addEffectRows, emptyEffectRows } from '../escalation/effect-rows.js';
import { columnsOf } from '../escalation/stay-state.js';
import { writeTransitions } from '../escalation/transition-writer.js';
import type { KeyRing } from '../keys/key-ring.js';
import { embassyFor, jobOfferLevelOf, pinsFromInput, sealDetails } from '../stays/stay-input.js';
import type { StayDetails } from '../stays/stay-schemas.js';

/** The demo check-in PIN and duress PIN of every demo stay (synthetic; demo mode only). */
export const demoPins = { pin: '135790', duressPin: '135709' } as const;

/** Whose stay the README's walk-through checks in for (Aster Demo of the demo identity provider). */
export const demoCheckIn = { nationalId: 'S0000001A' } as const;

interface DemoStay {
  readonly citizenId: string;
  readonly stayId: string;
  readonly contactId: string;
  readonly subject: string;
  readonly details: StayDetails;
  readonly intervalMinutes: number;
  readonly sos?: string;
}

const demoStays: readonly DemoStay[] = [
  {
    citizenId: '019ab000-0000-7000-8000-0000000000c1',
    stayId: '019ab000-0000-7000-8000-0000000005a1',
    contactId: '019ab000-0000-7000-8000-00000000c0a1',
    subject: 'demo-7f3c1a9e-0b52-4c1e-9d0a-5e2b8c4f6a01',
    details: {
      destination: { country: 'TH', city: 'Mae Sot' },
      employer: { name: 'Golden Star Trading (demo)' },
      recruiter: { name: 'Agent Lin (demo)', phone: '+66 80 000 0000' },
      jobOffer: {
        title: 'Customer service',
        salary: { amount: 1500, currency: 'USD' },
        foundThrough: 'social_media',
      },
      route: 'Flight to Bangkok, then by car to Mae Sot',
      visaType: 'tourist',
    },
    intervalMinutes: 2,
  },
  {
    citizenId: '019ab000-0000-7000-8000-0000000000c2',
    stayId: '019ab000-0000-7000-8000-0000000005a2',
    contactId: '019ab000-0000-7000-8000-00000000c0a2',
    subject: 'demo-2b8e4d6f-91a3-4f07-b6c5-0d1e7a3c9b02',
    details: {
      destination: { country: 'TH', city: 'Chiang Saen' },
      jobOffer: { title: 'Data entry', foundThrough: 'friend_or_relative' },
      visaType: 'tourist',
    },
    intervalMinutes: 7 * 24 * 60,
    sos: 'Locked in a building, phone taken twice a day (demo)',
  },
];

export async function seedDemoStays(db: Kysely<Database>, keys: KeyRing, now: Date): Promise<void> {
  for (const demo of demoStays) {
    const citizen = demoCitizens.find((candidate) => candidate.subject === demo.subject);
    if (!citizen) continue;
    const exists = await db.selectFrom('stay').select('id').where('id', '=', demo.stayId).executeTakeFirst();
    if (exists) continue;
    // The citizen as the digital ID would know them; the first demo login links to this row by the national id.
    const nationalId = keys.keyedHash(nationalIdHashPurpose, citizen.nationalId);
    await db
      .insertInto('citizen')
      .values({
        id: demo.citizenId,
        display_name: citizen.name,
        assurance: 'high',
        assurance_source: 'demo',
        national_id_hash: nationalId.digest,
        national_id_key_id: nationalId.keyId,
      })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
    const existing = await db
      .selectFrom('citizen')
      .select('id')
      .where('national_id_hash', '=', nationalId.digest)
      .executeTakeFirstOrThrow();
    const schedule = ladderFor({
      intervalMinutes: demo.intervalMinutes,
      graceMinutes: demo.intervalMinutes === 2 ? 2 : 24 * 60,
      timeZone: 'Asia/Bangkok',
    });
    const pins = pinsFromInput(keys, demo.stayId, demoPins.pin, demoPins.duressPin);
    const area = riskAreaOf(demo.details.destination.city);
    const state = startStay(now.getTime(), schedule);
    const embassyId = await embassyFor(db, demo.details.destination.country);
    await db
      .insertInto('stay')
      .values({
        id: demo.stayId,
        citizen_id: existing.id,
        embassy_id: embassyId,
        destination_country: demo.details.destination.country,
        risk_area_id: area?.id ?? null,
        risk_area_kind: area?.kind ?? null,
        job_offer_level: jobOfferLevelOf(demo.details),
        details_ciphertext: sealDetails(keys, demo.stayId, demo.details),
        language: 'en',
        starts_on: now.toISOString().slice(0, 10),
        schedule: JSON.stringify(schedule),
        ...columnsOf(state, schedule),
        pin_key_id: pins.checkIn.keyId,
        pin_digest: pins.checkIn.digest,
        duress_pin_key_id: pins.duress.keyId,
        duress_pin_digest: pins.duress.digest,
        created_at: now,
        updated_at: now,
      })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
    await db
      .insertInto('trusted_contact')
      .values({
        id: demo.contactId,
        stay_id: demo.stayId,
        name_ciphertext: keys.encryptField('Sister (demo)', `trusted_contact:${demo.contactId}`),
        channel: 'email',
        address_ciphertext: keys.encryptField('sister.demo@example.org', `trusted_contact:${demo.contactId}`),
        language: 'en',
        status: 'confirmed',
        // A demo contact has no usable link: the token's hash is of the fixed id, which nobody holds as a token.
        token_hash: createHash('sha256').update(`demo-contact:${demo.contactId}`).digest(),
        invited_at: now,
        confirmed_at: now,
      })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
    if (demo.sos) {
      // The SOS goes through the engine and the writer exactly as a real one from the app would.
      const transition = applyEvent(state, schedule, { type: 'check_in', at: now.getTime(), signal: 'sos' });
      if ('refused' in transition) continue;
      const rows = emptyEffectRows();
      const messageCiphertext = keys.encryptField(demo.sos, `check_in:${demo.stayId}`);
      const checkInId = `${demo.stayId.slice(0, -4)}5050`;
      addEffectRows(
        rows,
        { stayId: demo.stayId, embassyId, citizenId: existing.id, language: 'en' },
        transition.effects,
        {
          destinationCountry: demo.details.destination.country,
          area,
          jobOfferLevel: jobOfferLevelOf(demo.details) ?? undefined,
          priorAlerts: 0,
          openConcerns: 0,
        },
        { checkInId, messageCiphertext, closedPeriod: state.period },
      );
      const columns = columnsOf(transition.state, schedule);
      await writeTransitions(db, {
        stays: [{ id: demo.stayId, version: 1, ...columns, last_check_in_at: now }],
        rows,
        checkIn: {
          id: checkInId,
          stay_id: demo.stayId,
          received_at: now,
          signal: 'sos',
          channel: 'app',
          message_ciphertext: messageCiphertext,
          location_ciphertext: null,
          idempotency_key: null,
          next_due_at: columns.due_at,
        },
        now,
      });
    }
  }
}
