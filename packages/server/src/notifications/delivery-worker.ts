// The delivery worker: drains the outbox. Each batch is claimed with FOR UPDATE SKIP LOCKED under a lease (so any
// number of processes share the work and none waits for another), then every message is sent outside any
// transaction: the attempt is recorded and committed before the provider is called, and settled after.
//
// A worker killed at any point loses nothing. Before the claim commits, the message is still pending. After it,
// the lease runs out and another worker claims the message; if an attempt without an outcome is found, the provider
// may or may not have taken it, and the message is resolved by the provider's kind (decision 0017):
// - a provider that takes our id as an idempotency key (Infobip) is simply called again with the same id;
// - a provider with a status API (Twilio) is asked whether it took the message; only "no" or "cannot tell" resends;
// - WhatsApp reports every message it took by webhook, with our id attached: the worker waits for that receipt a
//   while before sending again;
// - email and Web Push are sent again with the same Message-ID or Topic, which mail clients and push services fold.
import { randomUUID } from 'node:crypto';
import { type Clock, outsideQuietHours } from '@homeward/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { DeliverySettings } from '../config/messaging-config.js';
import type { Database } from '../database/database-schema.js';
import { scheduleOf } from '../escalation/stay-state.js';
import type { KeyRing } from '../keys/key-ring.js';
import { systemClock } from '../sessions/system-clock.js';
import { startBatchLoop } from '../workers/batch-loop.js';
import { channelsFor } from './channel-registry.js';
import type { ChannelAdapter, ChannelKind, SendOutcome } from './channels/channel.js';
import {
  beginAttempt,
  type ClaimedMessage,
  claimMessages,
  type MessageSettlement,
  openAttemptOf,
  sentToRecipientSince,
  settleMessage,
  transientFailuresOn,
} from './delivery-store.js';
import { resolveOpenAttempt } from './in-flight.js';
import { contentOf } from './message-content.js';
import { recipientOf, type Target } from './recipients.js';

export interface DeliveryDependencies {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly clock: Clock;
  readonly channels: ReadonlyMap<ChannelKind, ChannelAdapter>;
  readonly settings: DeliverySettings;
  readonly publicUrl: string;
  readonly log: FastifyBaseLogger;
  /** Jitter's source of randomness, 0 ≤ x < 1; tests pass a fixed one. */
  readonly random?: () => number;
}

/** Messages sent at once by one worker. */
const lanes = 8;
/** Messages one claim takes: two rounds of the lanes, so a claim's lease can cover the whole batch. */
export const defaultBatchSize = 2 * lanes;

/**
 * How long a claim holds its messages: every round of the batch may take two provider calls (a status query and a
 * send) of the full timeout, and a margin, so a live worker never loses a message it is working on. A worker killed
 * holds its messages this long, no longer.
 */
export const leaseMs = (settings: DeliverySettings, batchSize: number) =>
  Math.max(10_000, (2 * Math.ceil(batchSize / lanes) + 1) * settings.timeoutSeconds * 1000);
/** Transient failures in a row on one channel before the next channel is tried. */
const triesPerChannel = 3;
/** Messages one citizen or trusted contact may be sent in an hour; more wait. */
export const perRecipientPerHour = 20;
const maxRetryDelayMs = 3_600_000;
/** Reasons a message waited that are not a provider's failure. */
const waitCodes = new Set(['rate_limited', 'quiet_hours', 'awaiting_receipt']);

/** Exponential backoff with jitter: about base × 2^(n−1), drawn from its upper half, at most an hour. */
export function retryDelayMs(attempt: number, baseSeconds: number, random: () => number): number {
  const ceiling = Math.min(maxRetryDelayMs, baseSeconds * 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export interface DeliveryOutcome {
  readonly claimed: number;
  readonly sent: number;
}

/** Claims one batch and works it through; returns when every claimed message is settled. */
export async function deliverOnce(deps: DeliveryDependencies, batchSize = defaultBatchSize): Promise<DeliveryOutcome> {
  const leaseToken = randomUUID();
  const claimed = await claimMessages(deps.db, {
    now: deps.clock.now(),
    limit: batchSize,
    leaseMs: leaseMs(deps.settings, batchSize),
    leaseToken,
  });
  let sent = 0;
  // A few at a time: one slow provider must not hold the whole batch, nor may a batch open a hundred connections.
  const queue = [...claimed];
  const working = Array.from({ length: Math.min(lanes, queue.length) }, async () => {
    for (let message = queue.shift(); message; message = queue.shift()) {
      try {
        if (await deliver(deps, message, leaseToken)) sent += 1;
      } catch (error) {
        // A bug or a database outage: the lease runs out and another attempt is made then.
        deps.log.error({ err: error, messageId: message.id }, 'delivery failed unexpectedly');
      }
    }
  });
  await Promise.all(working);
  return { claimed: claimed.length, sent };
}

async function deliver(deps: DeliveryDependencies, message: ClaimedMessage, leaseToken: string): Promise<boolean> {
  const held = { id: message.id, leaseToken };
  const settle = (settlement: MessageSettlement) => settleMessage(deps.db, held, settlement, deps.clock.now());
  const recipient = await recipientOf(deps.db, deps.keys, message);
  if (recipient.kind === 'unreachable') {
    await settle({ kind: 'failed', code: recipient.code });
    return false;
  }
  const targets = recipient.targets.filter(
    (target) => deps.channels.has(target.channel) && !message.skipped_channels.includes(target.channel),
  );
  const content = contentOf(message, { keys: deps.keys, publicUrl: deps.publicUrl });

  // A message never tried has no attempt row: `attempts` counts with the row, in one transaction (beginAttempt).
  const open = message.attempts === 0 ? undefined : await openAttemptOf(deps.db, message.id);
  if (open) {
    const resolved = await resolveOpenAttempt(deps, message, open, targets, content);
    if (resolved !== 'send_again') {
      // The open attempt's outcome and the message's settlement in one statement (settleMessage says why).
      const close = resolved.closeAs && { attempt: open.attempt, outcome: resolved.closeAs, code: null };
      const isHeld = await settleMessage(deps.db, held, resolved.settlement, deps.clock.now(), close);
      return isHeld && resolved.settlement.kind === 'sent';
    }
  }
  const target = targets[0];
  if (!target) {
    // Every channel has failed: the last provider's error says why, for the staff who see the dead letter.
    const lastFailure = message.last_error !== null && !waitCodes.has(message.last_error) ? message.last_error : null;
    const code = recipient.targets.length === 0 ? 'no_channel' : (lastFailure ?? 'no_channel_left');
    await settle({ kind: 'dead', code });
    return false;
  }
  const waitUntil = await mustWaitUntil(deps, message);
  if (waitUntil) {
    await settle(waitUntil);
    return false;
  }

  const adapter = deps.channels.get(target.channel) as ChannelAdapter;
  const attempt = message.attempts + 1;
  const started = deps.clock.now();
  if (
    !(await beginAttempt(deps.db, held, {
      number: attempt,
      channel: target.channel,
      provider: adapter.provider,
      now: started,
    }))
  ) {
    return false;
  }
  const outcome = await sendSafely(adapter, { ...content, to: target.to }, deps.settings.timeoutSeconds);
  const now = deps.clock.now();
  // A timeout leaves it unknown whether the provider took the message, just as a crash does: the attempt stays open,
  // so the next try first asks the provider (or waits for its receipt) instead of sending blindly.
  // So does a connection broken after the request went out ('network').
  const isInDoubt =
    outcome.kind === 'transient' && (outcome.code === 'timeout' || outcome.code === 'network') && !adapter.isIdempotent;
  const settlement = await settlementOf(deps, message, attempt, target, targets, outcome);
  // The attempt's outcome and the message's settlement in one statement; a lost lease changes neither.
  const close = isInDoubt
    ? undefined
    : { attempt, outcome: outcome.kind, code: outcome.kind === 'sent' ? null : outcome.code };
  if (!(await settleMessage(deps.db, held, settlement, now, close))) return false;
  if (settlement.kind === 'dead')
    deps.log.warn({ messageId: message.id, code: settlement.code }, 'message dead-lettered');
  return settlement.kind === 'sent';
}

/** A provider's answer, or a transient failure when the adapter itself broke (it should not). */
async function sendSafely(
  adapter: ChannelAdapter,
  message: Parameters<ChannelAdapter['send']>[0],
  timeoutSeconds: number,
) {
  try {
    return await adapter.send(message, AbortSignal.timeout(timeoutSeconds * 1000));
  } catch {
    return { kind: 'transient', code: 'adapter_error' } satisfies SendOutcome;
  }
}

async function settlementOf(
  deps: DeliveryDependencies,
  message: ClaimedMessage,
  attempt: number,
  target: Target,
  targets: readonly Target[],
  outcome: SendOutcome,
): Promise<MessageSettlement> {
  if (outcome.kind === 'sent') {
    return {
      kind: 'sent',
      channel: target.channel,
      provider: deps.channels.get(target.channel)?.provider ?? '',
      providerMessageId: outcome.providerMessageId,
    };
  }
  const now = deps.clock.now().getTime();
  const hasAnotherChannel = targets.length > 1;
  if (attempt - message.retried_attempts >= deps.settings.maxAttempts) {
    return { kind: 'dead', code: outcome.code, ...(outcome.kind === 'permanent' && { skipChannel: target.channel }) };
  }
  if (outcome.kind === 'permanent') {
    // This address will never work on this channel: the next channel at once, or nothing left to try.
    if (!hasAnotherChannel) return { kind: 'dead', code: outcome.code, skipChannel: target.channel };
    return { kind: 'retry', at: new Date(now), code: outcome.code, skipChannel: target.channel };
  }
  // The closed ones before, and this one.
  const failuresInARow = (await transientFailuresOn(deps.db, message.id, target.channel)) + 1;
  const delay = Math.max(
    retryDelayMs(attempt, deps.settings.retryBaseSeconds, deps.random ?? Math.random),
    outcome.retryAfterMs ?? 0,
  );
  if (hasAnotherChannel && failuresInARow >= triesPerChannel) {
    return { kind: 'retry', at: new Date(now), code: outcome.code, skipChannel: target.channel };
  }
  return { kind: 'retry', at: new Date(now + delay), code: outcome.code };
}

/**
 * Rate limits and quiet hours send the message back to the queue without counting as a try. A reminder the citizen no
 * longer needs (they checked in after it was written, paused or ended the stay) is dropped: a stale "time for your
 * check-in" only confuses, and tells an onlooker the schedule.
 */
async function mustWaitUntil(
  deps: DeliveryDependencies,
  message: ClaimedMessage,
): Promise<MessageSettlement | undefined> {
  const now = deps.clock.now();
  if (message.recipient_kind === 'organisation') return undefined;
  if (message.template === 'check_in_reminder' && message.stay_id) {
    const stay = await deps.db
      .selectFrom('stay')
      .select(['schedule', 'phase', 'last_check_in_at'])
      .where('id', '=', message.stay_id)
      .executeTakeFirst();
    if (stay) {
      const isStale =
        stay.phase === 'paused' ||
        stay.phase === 'ended' ||
        (stay.last_check_in_at !== null && stay.last_check_in_at >= message.created_at);
      if (isStale) return { kind: 'failed', code: 'no_longer_due' };
      const at = outsideQuietHours(now.getTime(), scheduleOf(stay.schedule));
      if (at > now.getTime()) return { kind: 'later', at: new Date(at), code: 'quiet_hours' };
    }
  }
  const sent = await sentToRecipientSince(deps.db, message.recipient_id, new Date(now.getTime() - 3_600_000));
  if (sent >= perRecipientPerHour) {
    return { kind: 'later', at: new Date(now.getTime() + 600_000), code: 'rate_limited' };
  }
  return undefined;
}

export interface DeliveryWorkerOptions {
  /** Pause between batches when nothing was due. */
  readonly idleMs?: number;
  readonly batchSize?: number;
}

/** Delivers until stopped; the returned function stops it after the batch in hand is settled. */
export function startDeliveryWorker(
  deps: DeliveryDependencies,
  options: DeliveryWorkerOptions = {},
): () => Promise<void> {
  const batchSize = options.batchSize ?? defaultBatchSize;
  return startBatchLoop({
    batchSize,
    idleMs: options.idleMs ?? 1_000,
    runBatch: async () => {
      const outcome = await deliverOnce(deps, batchSize);
      if (outcome.claimed > 0) deps.log.info({ delivery: outcome }, 'delivery batch');
      return outcome.claimed;
    },
    onError: (error) => deps.log.warn({ err: error }, 'delivery batch failed; will retry'),
  });
}

/**
 * The delivery worker of a server or worker process, on the channels its configuration has; a no-op when it has
 * none (the outbox then waits, nothing is lost). The returned function stops it and closes the channels.
 */
export function startDelivery(
  db: Kysely<Database>,
  keys: KeyRing,
  config: Pick<Config, 'mail' | 'messaging' | 'publicUrl'>,
  log: FastifyBaseLogger,
  options: DeliveryWorkerOptions = {},
): () => Promise<void> {
  const registry = channelsFor(config);
  if (registry.channels.size === 0) return async () => {};
  const stop = startDeliveryWorker(
    {
      db,
      keys,
      clock: systemClock,
      channels: registry.channels,
      settings: config.messaging.delivery,
      publicUrl: config.publicUrl,
      log,
    },
    options,
  );
  return async () => {
    await stop();
    registry.close();
  };
}
