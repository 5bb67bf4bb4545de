// A send in flight when its worker died, or that timed out: did the provider take it? Asked of the provider's
// status API where it has one, waited for as a receipt where it reports by webhook (WhatsApp), or answered by
// sending again with the same id where the provider or the receiver folds repeats. See delivery-worker.ts and
// docs/decisions/0017-notifications-and-messaging-channels.md.
import type { ChannelKind } from './channels/channel.js';
import { type ClaimedMessage, closeAttempt, type MessageSettlement } from './delivery-store.js';
import type { DeliveryDependencies } from './delivery-worker.js';
import type { MessageContent } from './message-content.js';
import type { Target } from './recipients.js';

/** After a crash, how long a WhatsApp message waits for the receipt that shows it went out. */
export const receiptWaitMs = 120_000;

/** How an open attempt is resolved without sending: the message's settlement, and the attempt's outcome if closed. */
export interface Resolution {
  readonly settlement: MessageSettlement;
  readonly closeAs?: 'receipt_sent' | 'found_sent';
}

/**
 * A send was in flight when its worker died (or timed out). Says how to settle the message when the provider (or its
 * receipt) shows the send went out, or it must wait for a receipt; otherwise closes the open attempt and says to
 * send again.
 */
export async function resolveOpenAttempt(
  deps: DeliveryDependencies,
  message: ClaimedMessage,
  open: {
    readonly attempt: number;
    readonly channel: ChannelKind;
    readonly provider: string;
    readonly started_at: Date;
  },
  targets: readonly Target[],
  content: MessageContent,
): Promise<Resolution | 'send_again'> {
  const now = deps.clock.now();
  const close = (outcome: Parameters<typeof closeAttempt>[3], code: string | null) =>
    closeAttempt(deps.db, message.id, open.attempt, outcome, code, now);
  if (message.provider_message_id !== null) {
    // A receipt arrived after the worker died: the provider took it.
    const providerMessageId = message.provider_message_id;
    return {
      closeAs: 'receipt_sent',
      settlement: { kind: 'sent', channel: open.channel, provider: open.provider, providerMessageId },
    };
  }
  const adapter = deps.channels.get(open.channel);
  const target = targets.find((candidate) => candidate.channel === open.channel);
  if (!adapter || !target || adapter.isIdempotent) {
    // Idempotent providers drop the repeat themselves; a channel no longer usable has nothing to ask.
    await close('transient', 'interrupted');
    return 'send_again';
  }
  if (adapter.reconcile) {
    const found = await adapter
      .reconcile(
        { ...content, to: target.to },
        open.started_at,
        AbortSignal.timeout(deps.settings.timeoutSeconds * 1000),
      )
      .catch(() => ({ kind: 'unknown', code: 'adapter_error' }) as const);
    if (found.kind === 'sent') {
      const { providerMessageId } = found;
      return {
        closeAs: 'found_sent',
        settlement: { kind: 'sent', channel: open.channel, provider: open.provider, providerMessageId },
      };
    }
    await close(
      found.kind === 'not_sent' ? 'found_not_sent' : 'resent_unknown',
      found.kind === 'unknown' ? found.code : null,
    );
    return 'send_again';
  }
  if (adapter.kind === 'whatsapp') {
    const waitEnds = open.started_at.getTime() + receiptWaitMs;
    if (now.getTime() < waitEnds) {
      return { settlement: { kind: 'later', at: new Date(waitEnds), code: 'awaiting_receipt' } };
    }
  }
  await close('resent_unknown', 'no_status_api');
  return 'send_again';
}
