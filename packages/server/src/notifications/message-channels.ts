// Where a citizen is reminded during a stay: one address per channel (push, WhatsApp, SMS, email), replaced when a
// new one of the same kind is added. Addresses are sealed; phone numbers also get a keyed hash, which is how an
// inbound reply finds its stay. What the citizen's screen shows back is masked, so a glance at an unlocked phone
// does not learn the numbers either.
import { randomUUID } from 'node:crypto';
import type { Clock } from '@homeward/domain';
import type { Kysely } from 'kysely';
import { type AuditActor, recordAudit } from '../audit/audit-log.js';
import { FieldProblems, stayNotFound } from '../check-ins/check-in-problems.js';
import { normalisePhoneNumber } from '../citizen-login/phone-number.js';
import type { Database } from '../database/database-schema.js';
import { Problem } from '../http/problem.js';
import type { KeyRing } from '../keys/key-ring.js';
import type { ChannelKind } from './channels/channel.js';
import { channelPhonePurpose } from './inbound-replies.js';

export interface MessageChannelDependencies {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly clock: Clock;
  /** The channels this deployment can send on; adding another is refused. */
  readonly available: readonly ChannelKind[];
}

export interface ChannelContext {
  readonly citizenId: string;
  readonly actor: AuditActor;
  readonly requestId: string;
}

export type NewChannel =
  | { readonly kind: 'sms' | 'whatsapp' | 'email'; readonly address: string }
  | {
      readonly kind: 'push';
      readonly subscription: {
        readonly endpoint: string;
        readonly keys: { readonly p256dh: string; readonly auth: string };
      };
    };

export interface ChannelView {
  readonly id: string;
  readonly kind: ChannelKind;
  /** `•••• 5678`, `a•••@example.org`, or `this browser` for push. */
  readonly address: string;
  readonly createdAt: string;
}

/**
 * The push services of the browsers people use. The endpoint comes from the browser, so without this list a forged
 * subscription could make the server post to any address, its own network included.
 */
const pushServiceHosts = [
  /\.googleapis\.com$/,
  /\.push\.services\.mozilla\.com$/,
  /\.notify\.windows\.com$/,
  /\.push\.apple\.com$/,
];

export const isKnownPushService = (endpoint: string) => {
  try {
    const url = new URL(endpoint);
    return url.protocol === 'https:' && pushServiceHosts.some((host) => host.test(`.${url.hostname}`));
  } catch {
    return false;
  }
};

const emailPattern = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

export const channelNotAvailable = (kind: string) =>
  new Problem(409, 'channel-not-available', 'Channel not available', `This service cannot send by ${kind}.`);

/** The address as stored (E.164, lower-case email, subscription JSON), or field problems. */
function addressOf(channel: NewChannel): string {
  switch (channel.kind) {
    case 'sms':
    case 'whatsapp': {
      const phone = normalisePhoneNumber(channel.address);
      if (!phone) throw new FieldProblems([{ field: 'address', message: 'a phone number with its country code' }]);
      return phone;
    }
    case 'email': {
      const email = channel.address.trim().toLowerCase();
      if (!emailPattern.test(email)) throw new FieldProblems([{ field: 'address', message: 'an email address' }]);
      return email;
    }
    case 'push':
      if (!isKnownPushService(channel.subscription.endpoint)) {
        throw new FieldProblems([{ field: 'subscription.endpoint', message: 'a browser push service' }]);
      }
      return JSON.stringify({ endpoint: channel.subscription.endpoint, keys: channel.subscription.keys });
  }
}

function masked(kind: ChannelKind, address: string): string {
  if (kind === 'push') return 'this browser';
  if (kind === 'email') {
    const [local = '', domain = ''] = address.split('@');
    return `${local.slice(0, 1)}•••@${domain}`;
  }
  return `•••• ${address.slice(-4)}`;
}

async function ownActiveStay(db: Kysely<Database>, stayId: string, citizenId: string) {
  const stay = await db
    .selectFrom('stay')
    .select(['id', 'language'])
    .where('id', '=', stayId)
    .where('citizen_id', '=', citizenId)
    .where('phase', '<>', 'ended')
    .executeTakeFirst();
  if (!stay) throw stayNotFound();
  return stay;
}

export async function listChannels(deps: MessageChannelDependencies, context: ChannelContext, stayId: string) {
  await ownActiveStay(deps.db, stayId, context.citizenId);
  const rows = await deps.db
    .selectFrom('message_channel')
    .select(['id', 'kind', 'address_ciphertext', 'created_at'])
    .where('stay_id', '=', stayId)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .execute();
  await recordAudit(deps.db, {
    actor: context.actor,
    action: 'message_channel.list',
    resource: { type: 'stay', id: stayId },
    outcome: 'success',
    requestId: context.requestId,
  });
  return {
    items: rows.map((row) =>
      view(
        row.id,
        row.kind,
        deps.keys.decryptField(row.address_ciphertext, `message_channel:${row.id}`),
        row.created_at,
      ),
    ),
    available: [...deps.available],
  };
}

const view = (id: string, kind: ChannelKind, address: string, createdAt: Date): ChannelView => ({
  id,
  kind,
  address: masked(kind, address),
  createdAt: createdAt.toISOString(),
});

export async function addChannel(
  deps: MessageChannelDependencies,
  context: ChannelContext,
  stayId: string,
  channel: NewChannel,
): Promise<ChannelView> {
  if (!deps.available.includes(channel.kind)) throw channelNotAvailable(channel.kind);
  const address = addressOf(channel);
  const stay = await ownActiveStay(deps.db, stayId, context.citizenId);
  const id = randomUUID();
  const now = deps.clock.now();
  const hash =
    channel.kind === 'sms' || channel.kind === 'whatsapp'
      ? deps.keys.keyedHash(channelPhonePurpose, address)
      : undefined;
  await deps.db.transaction().execute(async (trx) => {
    // One address per kind: the new one replaces the old.
    await trx
      .updateTable('message_channel')
      .set({ removed_at: now })
      .where('stay_id', '=', stayId)
      .where('kind', '=', channel.kind)
      .where('removed_at', 'is', null)
      .execute();
    await trx
      .insertInto('message_channel')
      .values({
        id,
        stay_id: stayId,
        citizen_id: context.citizenId,
        kind: channel.kind,
        address_ciphertext: deps.keys.encryptField(address, `message_channel:${id}`),
        address_hash: hash?.digest ?? null,
        address_key_id: hash?.keyId ?? null,
        language: stay.language,
        created_at: now,
      })
      .execute();
    await recordAudit(trx, {
      actor: context.actor,
      action: 'message_channel.add',
      resource: { type: 'message_channel', id },
      outcome: 'success',
      requestId: context.requestId,
    });
  });
  return view(id, channel.kind, address, now);
}

export async function removeChannel(
  deps: MessageChannelDependencies,
  context: ChannelContext,
  stayId: string,
  channelId: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx
      .updateTable('message_channel')
      .set({ removed_at: deps.clock.now() })
      .where('id', '=', channelId)
      .where('stay_id', '=', stayId)
      .where('citizen_id', '=', context.citizenId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (removed.numUpdatedRows === 0n) throw new Problem(404, 'message-channel-not-found', 'Channel not found');
    await recordAudit(trx, {
      actor: context.actor,
      action: 'message_channel.remove',
      resource: { type: 'message_channel', id: channelId },
      outcome: 'success',
      requestId: context.requestId,
    });
  });
}
