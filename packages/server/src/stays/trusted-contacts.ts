// Trusted contacts: the people a citizen names to be told when they go silent. A contact receives nothing until
// they agree through their own link (a random token; only its SHA-256 is stored), and through the same link they
// can raise a concern ("I have not heard from my brother since …"), which becomes a welfare-check alert.
// See docs/decisions/0016-stays-check-ins-and-the-welfare-queue.md.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { alertRisk, type Clock } from '@homeward/domain';
import type { Kysely } from 'kysely';
import { type AuditActor, recordAudit } from '../audit/audit-log.js';
import { stayNotFound, stayRefused } from '../check-ins/check-in-problems.js';
import { areaOf } from '../check-ins/check-in-service.js';
import type { Database } from '../database/database-schema.js';
import { riskFacts } from '../escalation/effect-rows.js';
import { Problem } from '../http/problem.js';
import type { KeyRing } from '../keys/key-ring.js';
import type { ContactChannel } from './stay-tables.js';

export interface TrustedContactDependencies {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly clock: Clock;
  readonly publicUrl: string;
}

export const maxTrustedContacts = 5;

export const contactLinkNotFound = () =>
  new Problem(
    404,
    'trusted-contact-link-not-found',
    'Link not found',
    'This link is not valid any more. Ask the person who sent it for a new one.',
  );

const hashToken = (token: string) => createHash('sha256').update(token).digest();

export interface NewContact {
  readonly name: string;
  readonly channel: ContactChannel;
  readonly address: string;
  readonly language: string;
}

export async function addTrustedContact(
  deps: TrustedContactDependencies,
  context: { citizenId: string; actor: AuditActor; requestId: string },
  stayId: string,
  contact: NewContact,
) {
  const stay = await deps.db
    .selectFrom('stay')
    .select(['citizen_id', 'phase'])
    .where('id', '=', stayId)
    .executeTakeFirst();
  if (!stay || stay.citizen_id !== context.citizenId) throw stayNotFound();
  if (stay.phase === 'ended') throw stayRefused('This stay has ended.');
  const count = await deps.db
    .selectFrom('trusted_contact')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('stay_id', '=', stayId)
    .where('status', '<>', 'withdrawn')
    .executeTakeFirstOrThrow();
  if (Number(count.count) >= maxTrustedContacts) {
    throw stayRefused(`A stay may have at most ${maxTrustedContacts} trusted contacts.`);
  }
  const id = randomUUID();
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('trusted_contact')
      .values({
        id,
        stay_id: stayId,
        name_ciphertext: deps.keys.encryptField(contact.name, `trusted_contact:${id}`),
        channel: contact.channel,
        address_ciphertext: deps.keys.encryptField(contact.address, `trusted_contact:${id}`),
        language: contact.language,
        status: 'invited',
        token_hash: hashToken(token),
        invited_at: now,
      })
      .execute();
    // The invitation itself is a notification intent; the link travels only in it (and to the citizen).
    await trx
      .insertInto('outbox_message')
      .values({
        id: randomUUID(),
        stay_id: stayId,
        dedupe_key: `contact-invitation:${id}`,
        recipient_kind: 'trusted_contact',
        recipient_id: id,
        template: 'contact_invitation',
        language: contact.language,
        payload: JSON.stringify({ tokenCiphertext: deps.keys.encryptField(token, `contact_invitation:${id}`) }),
        status: 'pending',
        created_at: now,
        available_at: now,
      })
      .execute();
    await recordAudit(trx, {
      actor: context.actor,
      action: 'trusted_contact.add',
      resource: { type: 'trusted_contact', id },
      outcome: 'success',
      requestId: context.requestId,
    });
  });
  return {
    contact: {
      id,
      name: contact.name,
      channel: contact.channel,
      language: contact.language,
      status: 'invited' as const,
    },
    invitationUrl: `${deps.publicUrl}/contact.html#${token}`,
  };
}

export async function withdrawTrustedContact(
  deps: TrustedContactDependencies,
  context: { citizenId: string; actor: AuditActor; requestId: string },
  stayId: string,
  contactId: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('trusted_contact')
      .set({ status: 'withdrawn', withdrawn_at: deps.clock.now() })
      .where('id', '=', contactId)
      .where('stay_id', '=', stayId)
      .where('status', '<>', 'withdrawn')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('stay')
            .select('stay.id')
            .where('stay.id', '=', stayId)
            .where('stay.citizen_id', '=', context.citizenId),
        ),
      )
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new Problem(404, 'trusted-contact-not-found', 'Trusted contact not found');
    await recordAudit(trx, {
      actor: context.actor,
      action: 'trusted_contact.withdraw',
      resource: { type: 'trusted_contact', id: contactId },
      outcome: 'success',
      requestId: context.requestId,
    });
  });
}

async function contactByToken(deps: TrustedContactDependencies, token: string) {
  const contact = await deps.db
    .selectFrom('trusted_contact')
    .innerJoin('stay', 'stay.id', 'trusted_contact.stay_id')
    .innerJoin('citizen', 'citizen.id', 'stay.citizen_id')
    .select([
      'trusted_contact.id',
      'trusted_contact.status',
      'trusted_contact.language',
      'trusted_contact.stay_id',
      'stay.phase',
      'stay.embassy_id',
      'stay.destination_country',
      'stay.risk_area_id',
      'stay.risk_area_kind',
      'stay.job_offer_level',
      'citizen.display_name',
    ])
    .where('trusted_contact.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!contact || contact.status === 'withdrawn' || contact.phase === 'ended') throw contactLinkNotFound();
  return contact;
}

/** What the contact's page shows: whose contact they are (first name only) and whether they agreed. */
export async function lookUpContactLink(deps: TrustedContactDependencies, token: string, requestId: string) {
  const contact = await contactByToken(deps, token);
  await recordAudit(deps.db, {
    actor: { kind: 'anonymous' },
    action: 'trusted_contact.link_read',
    resource: { type: 'trusted_contact', id: contact.id },
    outcome: 'success',
    requestId,
  });
  return {
    status: contact.status === 'confirmed' ? ('confirmed' as const) : ('invited' as const),
    citizenName: contact.display_name.split(/\s+/)[0] ?? '',
    language: contact.language,
  };
}

export async function confirmContactLink(deps: TrustedContactDependencies, token: string, requestId: string) {
  const contact = await contactByToken(deps, token);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('trusted_contact')
      .set({ status: 'confirmed', confirmed_at: deps.clock.now() })
      .where('id', '=', contact.id)
      .where('status', '=', 'invited')
      .execute();
    await recordAudit(trx, {
      actor: { kind: 'anonymous' },
      action: 'trusted_contact.confirm',
      resource: { type: 'trusted_contact', id: contact.id },
      outcome: 'success',
      requestId,
    });
  });
  return { status: 'confirmed' as const };
}

/** A concern from a confirmed contact: an alert in the embassy's queue, with the message sealed. */
export async function raiseConcern(
  deps: TrustedContactDependencies,
  token: string,
  concern: { message: string; lastHeardAt?: string | undefined },
  requestId: string,
) {
  const contact = await contactByToken(deps, token);
  if (contact.status !== 'confirmed') {
    throw new Problem(
      409,
      'trusted-contact-not-confirmed',
      'Not confirmed yet',
      'Agree to be a trusted contact first; then you can tell the embassy you are worried.',
    );
  }
  const now = deps.clock.now();
  const id = randomUUID();
  const risk = alertRisk(
    riskFacts('trusted_contact_concern', {
      destinationCountry: contact.destination_country,
      area: areaOf(contact),
      jobOfferLevel: contact.job_offer_level ?? undefined,
      priorAlerts: 0,
      openConcerns: 0,
    }),
  );
  const text = concern.lastHeardAt ? `${concern.message}\n(last heard from: ${concern.lastHeardAt})` : concern.message;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('alert')
      .values({
        id,
        stay_id: contact.stay_id,
        embassy_id: contact.embassy_id,
        source: 'trusted_contact_concern',
        status: 'open',
        risk_base: risk.score,
        risk_factors: JSON.stringify(risk.factors),
        message_ciphertext: deps.keys.encryptField(text, `check_in:${contact.stay_id}`),
        trusted_contact_id: contact.id,
        raised_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(trx, {
      actor: { kind: 'anonymous' },
      action: 'alert.raise',
      resource: { type: 'alert', id },
      outcome: 'success',
      reason: 'trusted_contact_concern',
      requestId,
    });
  });
  return { receivedAt: now.toISOString() };
}
