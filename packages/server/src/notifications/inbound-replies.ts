// Replies by SMS or WhatsApp, already verified as coming from the provider: the sender's number finds the stay it
// was registered for; a code is a check-in (the check-in PIN `ok`, the duress PIN `duress`, answered alike), HELP
// or SOS in any of the ten languages a signal, anything else a short hint. The answer goes back through the outbox
// on the channel the citizen wrote from.
import { randomUUID } from 'node:crypto';
import { classifyReply } from '@homeward/domain';
import { sql } from 'kysely';
import type { AuditActor } from '../audit/audit-log.js';
import { recordAudit } from '../audit/audit-log.js';
import { type CheckInDependencies, recordCheckIn, recordPhoneSignal } from '../check-ins/check-in-service.js';
import { normalisePhoneNumber } from '../citizen-login/phone-number.js';
import { Problem } from '../http/problem.js';

/** The keyed-hash purpose of the phone numbers in `message_channel`. */
export const channelPhonePurpose = 'message-channel-phone';

export interface InboundReply {
  readonly provider: string;
  readonly providerMessageId: string;
  readonly channel: 'sms' | 'whatsapp';
  /** The sender's number as the provider gives it. */
  readonly from: string;
  readonly text: string;
  readonly requestId: string;
}

export type ReplyOutcome =
  | 'check_in'
  | 'signal'
  | 'hint'
  | 'not_recognised'
  | 'try_later'
  | 'unknown_sender'
  | 'replay';

const system: AuditActor = { kind: 'system', id: 'inbound-message' };

/** A webhook already acted on: a replay (or a provider's retry of one we answered) changes nothing again. */
export const replayed = () => new Problem(409, 'webhook-replayed', 'Message already received');

export async function handleInboundReply(deps: CheckInDependencies, inbound: InboundReply): Promise<ReplyOutcome> {
  const seen = await deps.db
    .selectFrom('inbound_message')
    .select('outcome')
    .where('provider', '=', inbound.provider)
    .where('provider_message_id', '=', inbound.providerMessageId)
    .executeTakeFirst();
  if (seen) {
    await recordAudit(deps.db, {
      actor: system,
      action: 'webhook.receive',
      resource: { type: 'inbound_message' },
      outcome: 'failure',
      reason: 'replayed',
      requestId: inbound.requestId,
    });
    throw replayed();
  }
  const phone = normalisePhoneNumber(inbound.from);
  const hashes = phone ? deps.keys.keyedHashes(channelPhonePurpose, phone).map((hash) => hash.digest) : [];
  const channel =
    hashes.length === 0
      ? undefined
      : await deps.db
          .selectFrom('message_channel')
          .innerJoin('stay', 'stay.id', 'message_channel.stay_id')
          .select(['message_channel.id', 'message_channel.stay_id', 'message_channel.citizen_id', 'stay.language'])
          .where('message_channel.address_hash', 'in', hashes)
          .where('message_channel.kind', '=', inbound.channel)
          .where('message_channel.removed_at', 'is', null)
          .where('stay.phase', '<>', 'ended')
          .orderBy('message_channel.created_at', 'desc')
          .executeTakeFirst();
  if (!channel) {
    // Nothing is said to a number we do not know: it may be a guard trying numbers.
    await remember(deps, inbound, undefined, 'unknown_sender');
    return 'unknown_sender';
  }
  const outcome = await act(deps, inbound, channel);
  const template = {
    check_in: 'reply_received',
    signal: 'reply_help_received',
    hint: 'reply_hint',
    not_recognised: 'reply_not_recognised',
    try_later: 'reply_try_later',
  }[outcome];
  const now = deps.clock.now();
  await deps.db
    .insertInto('outbox_message')
    .values({
      id: randomUUID(),
      stay_id: channel.stay_id,
      dedupe_key: `reply:${inbound.provider}:${inbound.providerMessageId}`,
      recipient_kind: 'citizen',
      recipient_id: channel.citizen_id,
      template,
      language: channel.language,
      payload: JSON.stringify({ channelId: channel.id }),
      status: 'pending',
      created_at: now,
      available_at: now,
    })
    .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
    .execute();
  await remember(deps, inbound, channel.id, outcome);
  return outcome;
}

type Acted = 'check_in' | 'signal' | 'hint' | 'not_recognised' | 'try_later';

async function act(
  deps: CheckInDependencies,
  inbound: InboundReply,
  channel: { readonly id: string; readonly stay_id: string; readonly citizen_id: string },
): Promise<Acted> {
  const reply = classifyReply(inbound.text);
  const common = {
    channel: inbound.channel,
    // The per-source PIN limit counts per registered phone.
    sourceAddress: `channel:${channel.id}`,
    actor: { kind: 'citizen', id: channel.citizen_id } as const,
    requestId: inbound.requestId,
    idempotencyKey: `${inbound.provider}:${inbound.providerMessageId}`.slice(0, 200),
  };
  try {
    switch (reply.kind) {
      case 'code':
        // The same answer for the check-in PIN and the duress PIN: recordCheckIn tells them apart only in the record.
        await recordCheckIn(deps, {
          ...common,
          who: { kind: 'stay', stayId: channel.stay_id, citizenId: channel.citizen_id },
          pin: reply.code,
          signal: 'ok',
        });
        return 'check_in';
      case 'help':
      case 'sos':
        await recordPhoneSignal(deps, {
          ...common,
          stayId: channel.stay_id,
          citizenId: channel.citizen_id,
          signal: reply.kind === 'sos' ? 'sos' : 'need_help',
        });
        return 'signal';
      case 'other':
        return 'hint';
    }
  } catch (error) {
    if (error instanceof Problem) {
      if (error.status === 429) return 'try_later';
      if (error.slug === 'check-in-not-recognised') return 'not_recognised';
      return 'hint';
    }
    throw error;
  }
}

async function remember(
  deps: CheckInDependencies,
  inbound: InboundReply,
  channelId: string | undefined,
  outcome: string,
) {
  await sql`insert into inbound_message (provider, provider_message_id, received_at, channel_id, outcome)
    values (${inbound.provider}, ${inbound.providerMessageId}, ${deps.clock.now()}, ${channelId ?? null}, ${outcome})
    on conflict do nothing`.execute(deps.db);
  await recordAudit(deps.db, {
    actor: channelId ? system : { kind: 'anonymous' },
    action: 'webhook.receive',
    resource: { type: 'inbound_message', ...(channelId && { id: channelId }) },
    outcome: 'success',
    reason: outcome,
    requestId: inbound.requestId,
  });
}
