// Where a message goes: the addresses of its recipient on each channel, in the order they are tried. Addresses are
// opened here, for the one call that needs them, and never logged or stored elsewhere.

import type { StaffRole } from '@homeward/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database/database-schema.js';
import type { KeyRing } from '../keys/key-ring.js';
import { type ChannelKind, channelKinds } from './channels/channel.js';
import type { ClaimedMessage } from './delivery-store.js';

export interface Target {
  readonly channel: ChannelKind;
  readonly to: string;
}

export type Recipient =
  | { readonly kind: 'reachable'; readonly targets: readonly Target[] }
  /** Nobody to send to any more: a withdrawn contact, an ended stay's channels removed, an organisation without staff. */
  | { readonly kind: 'unreachable'; readonly code: string };

const byFallbackOrder = (a: Target, b: Target) => channelKinds.indexOf(a.channel) - channelKinds.indexOf(b.channel);

/** Roles told of an organisation's alerts by email; a supervisor escalation goes to supervisors only. */
const staffRolesFor = (template: string): StaffRole[] =>
  template === 'supervisor_escalation' ? ['consular_supervisor'] : ['consular_officer', 'consular_supervisor'];

export async function recipientOf(db: Kysely<Database>, keys: KeyRing, message: ClaimedMessage): Promise<Recipient> {
  switch (message.recipient_kind) {
    case 'citizen': {
      const replyChannel = typeof message.payload.channelId === 'string' ? message.payload.channelId : undefined;
      let query = db
        .selectFrom('message_channel')
        .select(['id', 'kind', 'address_ciphertext'])
        .where('citizen_id', '=', message.recipient_id)
        .where('removed_at', 'is', null);
      // A reply goes back on the channel the citizen wrote from, and nowhere else.
      query = replyChannel
        ? query.where('id', '=', replyChannel)
        : query.where('stay_id', '=', message.stay_id ?? '00000000-0000-0000-0000-000000000000');
      const rows = await query.execute();
      if (rows.length === 0) return { kind: 'unreachable', code: 'no_channel' };
      const targets = rows.map((row) => ({
        channel: row.kind,
        to: keys.decryptField(row.address_ciphertext, `message_channel:${row.id}`),
      }));
      return { kind: 'reachable', targets: targets.sort(byFallbackOrder) };
    }
    case 'trusted_contact': {
      const contact = await db
        .selectFrom('trusted_contact')
        .select(['id', 'channel', 'address_ciphertext', 'status'])
        .where('id', '=', message.recipient_id)
        .executeTakeFirst();
      const mayReceive =
        contact !== undefined &&
        (contact.status === 'confirmed' || (contact.status === 'invited' && message.template === 'contact_invitation'));
      if (!mayReceive) return { kind: 'unreachable', code: 'contact_not_confirmed' };
      return {
        kind: 'reachable',
        targets: [
          {
            channel: contact.channel,
            to: keys.decryptField(contact.address_ciphertext, `trusted_contact:${contact.id}`),
          },
        ],
      };
    }
    case 'organisation': {
      const staff = await db
        .selectFrom('staff_member')
        .select('email')
        .where('organisation_id', '=', message.recipient_id)
        .where('status', '=', 'active')
        .where('role', 'in', staffRolesFor(message.template))
        .orderBy('email')
        .execute();
      if (staff.length === 0) return { kind: 'unreachable', code: 'no_staff' };
      return { kind: 'reachable', targets: [{ channel: 'email', to: staff.map((member) => member.email).join(', ') }] };
    }
  }
}
